import { describe, expect, it } from 'vitest';
import { sampleGrid } from '../core/grid/sample';
import { rosenbrock } from '../core/functions';
import { computeGridSync } from './grid-sync';
import type { GridRequest, GridResult } from './grid-compute';
import {
	createGridClient,
	GridError,
	isSuperseded,
	SUPERSEDED,
	type GridOutcome,
	type WorkerLike
} from './grid-client';
import { toWire, type GridWireResponse } from './grid-wire';

const base: Omit<GridRequest, 'id'> = {
	source: { kind: 'builtin', id: 'rosenbrock' },
	box: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
	nx: 30,
	ny: 20,
	levels: 8
};

/** A worker that answers when told to, through the real wire format (with transfers). */
class FakeWorker implements WorkerLike {
	onmessage: ((event: MessageEvent<GridWireResponse>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	received: GridRequest[] = [];
	terminated = false;
	postMessage(message: GridRequest): void {
		this.received.push(structuredClone(message));
	}
	terminate(): void {
		this.terminated = true;
	}
	/** Computes and posts the answer to the oldest unanswered request. */
	answer(): void {
		const req = this.received.shift();
		if (req === undefined) throw new Error('nothing to answer');
		const { message, transfer } = toWire(computeGridSync(req));
		const copy = structuredClone(message, { transfer });
		this.onmessage?.({ data: copy } as MessageEvent<GridWireResponse>);
	}
	crash(): void {
		this.onerror?.({ message: 'boom' } as ErrorEvent);
	}
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createGridClient without Web Workers (Node)', () => {
	it('computes on this thread: same result as computeGridSync', async () => {
		expect(typeof Worker).toBe('undefined');
		const client = createGridClient();
		const r = await client.request(base);
		if (isSuperseded(r)) throw new Error('unexpected');
		expect(Array.from(r.grid.values)).toEqual(Array.from(sampleGrid(rosenbrock.f, base.box, 30, 20)));
		expect(r.contours.bands).toHaveLength(8);
		client.dispose();
	});

	it('lets the latest of a burst win', async () => {
		const client = createGridClient();
		const outcomes = await Promise.all([
			client.request({ ...base, nx: 10 }),
			client.request({ ...base, nx: 11 }),
			client.request({ ...base, nx: 12 })
		]);
		expect(isSuperseded(outcomes[0])).toBe(true);
		expect(isSuperseded(outcomes[1])).toBe(true);
		expect(isSuperseded(outcomes[2]) ? 0 : (outcomes[2] as { grid: { nx: number } }).grid.nx).toBe(12);
	});

	it('rejects with GridError for a bad expression', async () => {
		const client = createGridClient();
		await expect(client.request({ ...base, source: { kind: 'custom', expr: 'x +' } })).rejects.toBeInstanceOf(
			GridError
		);
		const ok = await client.request({ ...base, source: { kind: 'custom', expr: 'x^2 + y^2' } });
		expect(isSuperseded(ok)).toBe(false);
	});
});

describe('createGridClient with a worker', () => {
	it('sends one request at a time and supersedes every older one', async () => {
		const fake = new FakeWorker();
		const client = createGridClient({ createWorker: () => fake });
		const settled: GridOutcome[] = [];
		const a = client.request({ ...base, nx: 10 }).then((r) => settled.push(r));
		const b = client.request({ ...base, nx: 11 });
		const c = client.request({ ...base, nx: 12 });
		// a is running in the worker; b waited and was replaced by c.
		expect(fake.received.map((r) => r.nx)).toEqual([10]);
		expect(await b).toBe(SUPERSEDED);
		fake.answer(); // a comes back stale, then c is sent
		await a;
		expect(settled[0]).toBe(SUPERSEDED);
		expect(fake.received.map((r) => r.nx)).toEqual([12]);
		fake.answer();
		const r = await c;
		if (isSuperseded(r)) throw new Error('unexpected');
		expect(r.grid.nx).toBe(12);
		expect(r.contours.bands).toHaveLength(8);
		expect(r.contours).toEqual((computeGridSync({ ...base, nx: 12, id: 0 }) as GridResult).contours);
	});

	it('rejects failures of the newest request with GridError', async () => {
		const fake = new FakeWorker();
		const client = createGridClient({ createWorker: () => fake });
		const p = client.request({ ...base, source: { kind: 'builtin', id: 'nope' } });
		fake.answer();
		await expect(p).rejects.toThrow(/Unknown function: nope/);
	});

	it('falls back to this thread when the worker breaks, retrying the newest request', async () => {
		const fake = new FakeWorker();
		const client = createGridClient({ createWorker: () => fake });
		const p = client.request(base);
		fake.crash();
		expect(fake.terminated).toBe(true);
		expect(client.workerFailure).toMatch(/boom/);
		const r = await p;
		expect(isSuperseded(r)).toBe(false);
		const q = await client.request(base);
		expect(isSuperseded(q)).toBe(false);
		expect(fake.received).toHaveLength(1);
	});

	it('resolves pending requests as superseded on dispose and rejects later ones', async () => {
		const fake = new FakeWorker();
		const client = createGridClient({ createWorker: () => fake });
		const p = client.request(base);
		const q = client.request(base);
		client.dispose();
		expect(fake.terminated).toBe(true);
		expect(await p).toBe(SUPERSEDED);
		expect(await q).toBe(SUPERSEDED);
		await expect(client.request(base)).rejects.toBeInstanceOf(GridError);
		await tick();
	});
});
