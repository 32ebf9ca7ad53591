/**
 * loadCsv with a fake worker running the real worker code (messages cloned, buffers transferred) and on the
 * same-thread fallback: results equal readCsv, progress is throttled, errors name the line, abort stops it.
 */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../core/data/csv-reader';
import type { DataTable } from '../core/data/table';
import {
	CsvLoadError,
	loadCsv,
	PROGRESS_INTERVAL_MS,
	type CsvWorkerLike,
	type CsvWorkerMessage,
	type CsvWorkerRequest
} from './csv-client';
import { serveCsvRequest } from './csv.worker';

/** A worker that runs serveCsvRequest when told to, delivering its messages as postMessage would. */
class FakeWorker implements CsvWorkerLike {
	onmessage: ((event: MessageEvent<CsvWorkerMessage>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	received: CsvWorkerRequest[] = [];
	/** The messages as the worker posted them (before cloning): transferred buffers are detached here. */
	posted: CsvWorkerMessage[] = [];
	terminated = false;
	postMessage(message: CsvWorkerRequest): void {
		this.received.push(message);
	}
	terminate(): void {
		this.terminated = true;
	}
	async serve(now?: () => number): Promise<void> {
		const req = this.received.at(-1)!;
		await serveCsvRequest(
			req,
			(message, transfer) => {
				this.posted.push(message);
				const copy = structuredClone(message, { transfer: transfer as ArrayBuffer[] });
				// Delivered even after terminate(), like messages already queued: the client must ignore them.
				this.onmessage?.({ data: copy } as MessageEvent<CsvWorkerMessage>);
			},
			now
		);
	}
	fail(message: string): void {
		this.onerror?.({ message } as ErrorEvent);
	}
}

/** A numeric CSV of `rows` rows as Blob parts of about `partSize` characters (Node streams one chunk per part). */
function csvParts(rows: number, partSize: number): string[] {
	const parts: string[] = [];
	let part = 'i,x,label\n';
	for (let i = 0; i < rows; i++) {
		part += `${i},${(i * 0.37) % 5},${i % 3 === 0 ? 'a' : 'b'}\n`;
		if (part.length >= partSize) {
			parts.push(part);
			part = '';
		}
	}
	if (part !== '') parts.push(part);
	return parts;
}

function expectSameTable(got: DataTable, want: DataTable): void {
	expect(got.rows).toBe(want.rows);
	expect(got.lines).toEqual(want.lines);
	expect(got.columns).toEqual(want.columns);
}

const malformed = 'x,y\n1,2\n3,"4\n';
const malformedMessage = 'line 3, column 3: quoted field is never closed';

describe('loadCsv with a worker', () => {
	it('posts the file to the worker and gets the table back with its buffers transferred', async () => {
		const parts = csvParts(3000, 4096);
		const file = new File(parts, 'numbers.csv');
		const fake = new FakeWorker();
		const loading = loadCsv(file, { createWorker: () => fake });
		expect(fake.received).toHaveLength(1);
		expect(fake.received[0].blob).toBe(file);
		expect(fake.received[0].name).toBe('numbers.csv');
		await fake.serve();
		const table = await loading;
		expectSameTable(table, readCsv(parts.join(''), 'numbers.csv'));
		expect(table.name).toBe('numbers.csv');
		const done = fake.posted.find((m) => m.type === 'done')!;
		if (done.type !== 'done') throw new Error('no table');
		// Transferred, not copied: the worker's own arrays are now empty.
		expect(done.table.lines.byteLength).toBe(0);
		for (const c of done.table.columns) expect(c.values.byteLength).toBe(0);
		expect(done.table.columns[2].codes!.byteLength).toBe(0);
		expect(table.columns[2].codes!.length).toBe(3000);
		expect(fake.terminated).toBe(true);
	});

	it(`reports progress at most every ${PROGRESS_INTERVAL_MS} ms, rising to 1`, async () => {
		const parts = csvParts(20_000, 2000);
		const blob = new Blob(parts);
		const fake = new FakeWorker();
		const seen: [number, number][] = [];
		const loading = loadCsv(blob, { createWorker: () => fake, onProgress: (f, b) => seen.push([f, b]) });
		// A clock that advances 10 ms per reading: one report per 5 chunks, plus the first (0 bytes) and the last.
		let clock = 0;
		await fake.serve(() => (clock += 10));
		await loading;
		const chunkReports = Math.floor(parts.length / (PROGRESS_INTERVAL_MS / 10));
		expect(parts.length).toBeGreaterThan(100);
		expect(seen).toHaveLength(1 + chunkReports + 1);
		expect(seen[0]).toEqual([0, 0]);
		expect(seen.at(-1)).toEqual([1, blob.size]);
		for (let k = 1; k < seen.length; k++) expect(seen[k][1]).toBeGreaterThan(seen[k - 1][1]);
		expect(seen[1][1]).toBe(new Blob(parts.slice(0, PROGRESS_INTERVAL_MS / 10)).size);
	});

	it('rejects with the reader message naming the line', async () => {
		const fake = new FakeWorker();
		const loading = loadCsv(new Blob([malformed]), { createWorker: () => fake });
		await fake.serve();
		const err = await loading.catch((e: unknown) => e);
		expect(err).toBeInstanceOf(CsvLoadError);
		expect(err).toMatchObject({ message: malformedMessage, line: 3, column: 3 });
		expect(fake.terminated).toBe(true);
	});

	it('passes on read failures other than CSV errors', async () => {
		const broken = {
			size: 10,
			stream: () => ({
				getReader: () => ({
					read: () => Promise.reject(new Error('disk gone')),
					cancel: () => Promise.resolve()
				})
			})
		} as unknown as Blob;
		const fake = new FakeWorker();
		const loading = loadCsv(broken, { createWorker: () => fake });
		await fake.serve();
		await expect(loading).rejects.toThrow('Could not read the file: disk gone');
	});

	it('terminates the worker on abort and ignores anything it sends later', async () => {
		const fake = new FakeWorker();
		const controller = new AbortController();
		const seen: number[] = [];
		const loading = loadCsv(new Blob(csvParts(100, 100)), {
			createWorker: () => fake,
			signal: controller.signal,
			onProgress: (f) => seen.push(f)
		});
		controller.abort();
		expect(fake.terminated).toBe(true);
		await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
		await fake.serve();
		expect(seen).toEqual([]);
	});

	it('does not start when the signal has already aborted', async () => {
		let created = 0;
		const reason = new Error('too late');
		await expect(
			loadCsv(new Blob(['a\n1\n']), {
				createWorker: () => (created++, new FakeWorker()),
				signal: AbortSignal.abort(reason)
			})
		).rejects.toBe(reason);
		expect(created).toBe(0);
	});

	it('reads on this thread when the worker fails to start', async () => {
		const fake = new FakeWorker();
		const parts = csvParts(500, 1000);
		const loading = loadCsv(new Blob(parts), { createWorker: () => fake });
		fake.fail('could not load the module');
		expect(fake.terminated).toBe(true);
		expectSameTable(await loading, readCsv(parts.join(''), 'data.csv'));
	});

	it('rejects when the worker crashes after starting', async () => {
		const fake = new FakeWorker();
		const loading = loadCsv(new Blob(['a\n1\n']), { createWorker: () => fake });
		fake.onmessage?.({ data: { type: 'progress', bytes: 0 } } as MessageEvent<CsvWorkerMessage>);
		fake.fail('boom');
		await expect(loading).rejects.toThrow('The CSV worker failed: boom');
	});
});

describe('loadCsv without Web Workers (Node)', () => {
	it('reads on this thread: same table as readCsv, progress ending at 1', async () => {
		expect(typeof Worker).toBe('undefined');
		const parts = csvParts(5000, 8192);
		const blob = new Blob(parts);
		const seen: [number, number][] = [];
		const table = await loadCsv(blob, { onProgress: (f, b) => seen.push([f, b]), name: 'local' });
		expectSameTable(table, readCsv(parts.join(''), 'local'));
		expect(table.name).toBe('local');
		expect(seen.at(-1)).toEqual([1, blob.size]);
		expect(seen.length).toBeGreaterThanOrEqual(2);
	});

	it('rejects with the same message as the worker', async () => {
		const err = await loadCsv(new Blob([malformed]), { createWorker: () => null }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(CsvLoadError);
		expect(err).toMatchObject({ message: malformedMessage, line: 3, column: 3 });
	});

	it('stops reading and cancels the stream on abort', async () => {
		const blob = new Blob(csvParts(200_000, 20_000));
		let reads = 0;
		let cancelled = false;
		const counting = {
			size: blob.size,
			stream: () => {
				const reader = blob.stream().getReader();
				return {
					getReader: () => ({
						read: () => (reads++, reader.read()),
						cancel: (reason?: unknown) => ((cancelled = true), reader.cancel(reason))
					})
				};
			}
		} as unknown as Blob;
		const controller = new AbortController();
		const loading = loadCsv(counting, {
			createWorker: () => null,
			signal: controller.signal,
			onProgress: (f) => {
				if (f > 0) controller.abort();
			}
		});
		await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
		await new Promise((r) => setTimeout(r, 50));
		expect(cancelled).toBe(true);
		expect(reads).toBeLessThanOrEqual(3);
	});
});
