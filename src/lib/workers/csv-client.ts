/**
 * Page side of CSV loading: loadCsv hands a File or Blob to a module worker (csv.worker.ts) that reads it
 * locally, chunk by chunk (nothing is uploaded), and transfers the finished table's typed arrays back. Without
 * Web Workers, or when the worker fails to start, the same reading runs on this thread, yielding between chunks.
 */
import { readCsvBytes, readErrorInfo } from '../core/data/csv-reader';
import type { DataTable } from '../core/data/table';

/** What the page posts to the worker. */
export interface CsvWorkerRequest {
	blob: Blob;
	name: string;
	/** Shortest time between two progress messages. */
	progressIntervalMs: number;
}

/** What the worker posts back: progress (bytes read so far), then the table or an error. */
export type CsvWorkerMessage =
	| { type: 'progress'; bytes: number }
	| { type: 'done'; table: DataTable }
	| { type: 'error'; message: string; line?: number; column?: number };

/** Shortest time between two progress reports (at most 20 a second). */
export const PROGRESS_INTERVAL_MS = 50;

/** Why a file could not be read; `message` is fit to show and names the line when the CSV is malformed. */
export class CsvLoadError extends Error {
	constructor(
		message: string,
		readonly line?: number,
		readonly column?: number
	) {
		super(message);
		this.name = 'CsvLoadError';
	}
}

/** The part of a Worker the client uses (lets tests pass a fake). */
export interface CsvWorkerLike {
	postMessage(message: CsvWorkerRequest): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<CsvWorkerMessage>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	onmessageerror?: ((event: MessageEvent) => void) | null;
}

export interface LoadCsvOptions {
	/** Called at most 20 times a second with the share of the file read (0 to 1) and the bytes read. */
	onProgress?: (fraction: number, bytes: number) => void;
	/** Aborting stops the reading (terminating the worker) and rejects with the signal's reason. */
	signal?: AbortSignal;
	/** The table's name; default: the File's name, else "data.csv". */
	name?: string;
	/** Creates the worker; return null to read on this thread. Default: the module worker, if any. */
	createWorker?: () => CsvWorkerLike | null;
}

function defaultWorker(): CsvWorkerLike | null {
	if (typeof Worker === 'undefined') return null;
	return new Worker(new URL('./csv.worker.ts', import.meta.url), {
		type: 'module'
	}) as unknown as CsvWorkerLike;
}

function toLoadError(e: unknown): CsvLoadError {
	if (e instanceof CsvLoadError) return e;
	const { message, line, column } = readErrorInfo(e);
	return new CsvLoadError(message, line, column);
}

function abortReason(signal: AbortSignal): unknown {
	return signal.reason ?? new DOMException('The CSV load was cancelled', 'AbortError');
}

/**
 * Reads `blob` on this thread: progress at most every PROGRESS_INTERVAL_MS, and a macrotask break whenever
 * about a frame's worth of work (15 ms) has run, so the page stays responsive. Throws once `stopped()`.
 */
async function readHere(
	blob: Blob,
	name: string,
	onBytes: (bytes: number) => void,
	stopped: () => boolean
): Promise<DataTable> {
	let lastReport = -Infinity;
	let lastYield = Date.now();
	return readCsvBytes(blob.stream().getReader(), name, new TextDecoder(), async (bytes) => {
		if (stopped()) throw new CsvLoadError('The CSV load was stopped');
		const now = Date.now();
		if (now - lastReport >= PROGRESS_INTERVAL_MS) {
			lastReport = now;
			onBytes(bytes);
		}
		if (now - lastYield >= 15) {
			await new Promise((resolve) => setTimeout(resolve, 0));
			lastYield = Date.now();
			if (stopped()) throw new CsvLoadError('The CSV load was stopped');
		}
	});
}

/**
 * Reads a CSV File or Blob into a DataTable off the main thread. Rejects with CsvLoadError (malformed CSV:
 * the message names the line) or, when `signal` aborts, with its reason.
 */
export function loadCsv(file: Blob, options: LoadCsvOptions = {}): Promise<DataTable> {
	const { signal, onProgress } = options;
	const fileName = (file as Partial<File>).name;
	const name = options.name ?? (typeof fileName === 'string' && fileName !== '' ? fileName : 'data.csv');
	const total = file.size;

	return new Promise<DataTable>((resolve, reject) => {
		if (signal?.aborted) {
			reject(abortReason(signal));
			return;
		}
		let settled = false;
		let worker: CsvWorkerLike | null = null;
		let heard = false;

		const progress = (bytes: number): void => {
			if (!settled) onProgress?.(total > 0 ? Math.min(1, bytes / total) : 1, bytes);
		};
		const succeed = (table: DataTable): void => {
			progress(total);
			settle(() => resolve(table));
		};

		const settle = (done: () => void): void => {
			if (settled) return;
			settled = true;
			signal?.removeEventListener('abort', onAbort);
			worker?.terminate();
			worker = null;
			done();
		};
		const onAbort = (): void => settle(() => reject(abortReason(signal!)));
		signal?.addEventListener('abort', onAbort, { once: true });

		const runHere = (): void => {
			readHere(file, name, progress, () => settled).then(succeed, (e: unknown) =>
				settle(() => reject(toLoadError(e)))
			);
		};

		try {
			worker = (options.createWorker ?? defaultWorker)();
		} catch {
			worker = null;
		}
		if (worker === null) {
			runHere();
			return;
		}
		worker.onmessage = (event) => {
			heard = true;
			const m = event.data;
			if (m.type === 'progress') progress(m.bytes);
			else if (m.type === 'done') succeed(m.table);
			else settle(() => reject(new CsvLoadError(m.message, m.line, m.column)));
		};
		worker.onerror = (event) => {
			if (settled) return;
			if (heard) {
				settle(() => reject(new CsvLoadError(`The CSV worker failed: ${event.message || 'unknown error'}`)));
				return;
			}
			// The worker never started (blocked or failed to load): read on this thread instead.
			worker?.terminate();
			worker = null;
			runHere();
		};
		worker.onmessageerror = () =>
			settle(() => reject(new CsvLoadError('The CSV worker sent an unreadable message')));
		worker.postMessage({ blob: file, name, progressIntervalMs: PROGRESS_INTERVAL_MS });
	});
}
