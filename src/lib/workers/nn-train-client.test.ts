/**
 * The training client: on this thread when there are no Web Workers (Node), through a fake worker that
 * clones messages like postMessage (proxies refused, buffers transferred), and falling back to this
 * thread, setup replayed, when the worker fails.
 */
import { describe, expect, it } from 'vitest';
import { circlesSet } from '../core/data/playground-sets';
import { trainTestSplit } from '../core/data/split';
import { createTrainer } from '../core/nn/train';
import type { NnCommand, NnMessage, NnSetup, NnUpdate } from './nn-protocol';
import { NnSession } from './nn-session';
import { createNnTrainer, type NnTrainerClient, type WorkerLike } from './nn-train-client';

const data = trainTestSplit(circlesSet({ n: 80, noise: 0, seed: 2 }), { testFraction: 0.25, seed: 2 });

const setup: NnSetup = {
	spec: { inputs: 2, hidden: [4], task: 'binary' },
	...data,
	runs: [
		{ id: 1, optimizer: 'adam', hyper: { lr: 0.05, betas: [0.9, 0.99] } },
		{ id: 2, optimizer: 'momentum', hyper: {} }
	],
	batchSize: 8,
	seed: 9,
	grid: { box: { xMin: -6, xMax: 6, yMin: -6, yMax: 6 }, nx: 10, ny: 8 },
	focus: 2,
	snapshotEvery: 2,
	maxEpochs: 20
};

/** A worker running the real session, with postMessage's cloning and transfers, asynchronously. */
class FakeWorker implements WorkerLike {
	onmessage: ((event: MessageEvent<NnMessage>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	onmessageerror: ((event: MessageEvent) => void) | null = null;
	received: NnCommand[] = [];
	terminated = false;
	private readonly session = new NnSession({
		post: (m, transfer) => {
			const copy = structuredClone(m, { transfer });
			setTimeout(() => {
				if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<NnMessage>);
			}, 0);
		},
		now: () => performance.now(),
		schedule: (fn) => setTimeout(() => !this.terminated && fn(), 0)
	});
	postMessage(message: NnCommand): void {
		const copy = structuredClone(message);
		this.received.push(copy);
		setTimeout(() => !this.terminated && this.session.handle(copy), 0);
	}
	terminate(): void {
		this.terminated = true;
		this.session.dispose();
	}
	crash(): void {
		this.onerror?.({ message: 'boom' } as ErrorEvent);
	}
}

function collect(client: NnTrainerClient) {
	const messages: NnMessage[] = [];
	client.onMessage((m) => messages.push(m));
	return {
		messages,
		updates: () => messages.filter((m): m is NnUpdate => m.type === 'update'),
		/** Resolves with the first message (from now on) that satisfies pred. */
		until(pred: (m: NnMessage) => boolean, ms = 10_000): Promise<NnMessage> {
			const from = messages.length;
			return new Promise((resolve, reject) => {
				const started = Date.now();
				const check = () => {
					const hit = messages.slice(from).find(pred);
					if (hit) resolve(hit);
					else if (Date.now() - started > ms) reject(new Error('timed out'));
					else setTimeout(check, 2);
				};
				check();
			});
		}
	};
}

const isUpdate = (pred: (u: NnUpdate) => boolean) => (m: NnMessage) => m.type === 'update' && pred(m);

/** Setup, step (compared with independent trainers), play to maxEpochs. */
async function exercise(client: NnTrainerClient): Promise<void> {
	const c = collect(client);
	client.setup(setup);
	const first = (await c.until(isUpdate((u) => u.epoch === 0))) as NnUpdate;
	expect(first.runs[0].trainLoss[0]).toBe(first.runs[1].trainLoss[0]);
	expect(first.focus.predictions).toHaveLength(80);
	client.step();
	const u = (await c.until(isUpdate((u) => u.epoch === 1))) as NnUpdate;
	for (const [i, r] of setup.runs.entries()) {
		const t = createTrainer({ ...setup, optimizer: r.optimizer, hyper: r.hyper });
		const ref = t.epoch();
		expect(Array.from(u.runs[i].epochs)).toEqual([1]);
		expect(u.runs[i].trainLoss[0]).toBe(ref.trainLoss);
		expect(u.runs[i].testAccuracy[0]).toBe(ref.testAccuracy);
		if (r.id === setup.focus) expect(Array.from(u.focus.params)).toEqual(Array.from(t.params));
	}
	client.play();
	const end = (await c.until(isUpdate((u) => !u.playing && u.epoch === setup.maxEpochs))) as NnUpdate;
	expect(end.focus.snapshots?.epochs).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
	const epochs = c.updates().flatMap((x) => Array.from(x.runs[0].epochs));
	expect(epochs).toEqual(Array.from({ length: 21 }, (_, k) => k));
}

describe('createNnTrainer', () => {
	it('trains on this thread without Web Workers', async () => {
		expect(typeof Worker).toBe('undefined');
		const client = createNnTrainer();
		await exercise(client);
		expect(client.workerFailure).toBeNull();
		client.dispose();
	});

	it('trains through a worker; commands arrive as plain clonable data even from proxies', async () => {
		const fake = new FakeWorker();
		const client = createNnTrainer({ createWorker: () => fake });
		const c = collect(client);
		// A reactive wrapper (like a Svelte $state proxy) would make postMessage throw: the client copies.
		client.setup(new Proxy(setup, {}));
		await c.until(isUpdate((u) => u.epoch === 0));
		client.dispose();
		const fresh = new FakeWorker();
		const again = createNnTrainer({ createWorker: () => fresh });
		await exercise(again);
		expect(fresh.received.map((m) => m.type)).toEqual(['setup', 'step', 'play']);
		expect(again.workerFailure).toBeNull();
		again.dispose();
		expect(fresh.terminated).toBe(true);
	});

	it('reports bad commands and keeps working', async () => {
		const client = createNnTrainer({ createWorker: () => new FakeWorker() });
		const c = collect(client);
		client.setup({ ...setup, runs: [{ id: 1, optimizer: 'newton', hyper: {} }], focus: 1 });
		const err = await c.until((m) => m.type === 'error');
		expect(err.type === 'error' && err.message).toMatch(/Hessian/);
		client.setFocus(5);
		await c.until((m) => m.type === 'error');
		client.setup(setup);
		await c.until(isUpdate((u) => u.epoch === 0));
		client.setFocus(42);
		await c.until((m) => m.type === 'error');
		client.setGrid({ box: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, nx: 3, ny: 2 });
		const g = (await c.until(isUpdate((u) => u.focus.predictions?.length === 6))) as NnUpdate;
		expect(g.epoch).toBe(0);
		client.dispose();
	});

	it('falls back to this thread when the worker fails, replaying setup, focus and grid', async () => {
		const fake = new FakeWorker();
		const client = createNnTrainer({ createWorker: () => fake });
		const c = collect(client);
		client.setup(setup);
		await c.until(isUpdate((u) => u.epoch === 0));
		client.setFocus(1);
		client.setGrid({ ...setup.grid, nx: 5, ny: 5 });
		await c.until(isUpdate((u) => u.focus.predictions?.length === 25));
		client.play();
		fake.crash();
		expect(fake.terminated).toBe(true);
		expect(client.workerFailure).toMatch(/boom/);
		const end = (await c.until(isUpdate((u) => !u.playing && u.epoch === setup.maxEpochs))) as NnUpdate;
		expect(end.focus.id).toBe(1);
		client.step();
		await c.until(isUpdate((u) => u.epoch === setup.maxEpochs + 1));
		client.dispose();
	});

	it('createWorker returning null or throwing: this thread; dispose silences it', async () => {
		const a = createNnTrainer({ createWorker: () => null });
		await exercise(a);
		a.dispose();
		const b = createNnTrainer({
			createWorker: () => {
				throw new Error('blocked');
			}
		});
		expect(b.workerFailure).toMatch(/blocked/);
		const c = collect(b);
		b.setup(setup);
		b.play();
		b.dispose();
		await new Promise((r) => setTimeout(r, 30));
		expect(c.messages).toHaveLength(0);
		b.setup(setup);
	});
});
