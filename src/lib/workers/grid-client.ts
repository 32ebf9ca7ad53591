/**
 * Main-thread client of the grid worker. "Latest wins": at most one request is computed at a time and at most
 * one waits; a new request supersedes every older one that has not been delivered yet. Superseded requests
 * resolve (never reject) with the SUPERSEDED marker, so callers can `if (isSuperseded(r)) return;` without a
 * try/catch; a request that fails (unknown function, invalid expression) rejects with GridError. Without Web
 * Workers (unit tests, Node), or once the worker has failed to load or crashed, the same computation runs on
 * this thread, loaded lazily.
 */
import type { GridRequest, GridResponse, GridResult } from './grid-compute';
import { fromWire, type GridWireResponse } from './grid-wire';

export type { GridRequest, GridResult, GridSource } from './grid-compute';

/** The value a superseded request resolves with. */
export interface Superseded {
	readonly superseded: true;
}

export const SUPERSEDED: Superseded = Object.freeze({ superseded: true as const });

export type GridOutcome = GridResult | Superseded;

export function isSuperseded(r: GridOutcome): r is Superseded {
	return (r as Partial<Superseded>).superseded === true;
}

/** Why a grid could not be computed; `message` is fit to show to the user. */
export class GridError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'GridError';
	}
}

export interface GridClient {
	/** Computes a grid; resolves with SUPERSEDED when a newer request was made before this one was delivered. */
	request(req: Omit<GridRequest, 'id'>): Promise<GridOutcome>;
	/** Stops the worker; pending requests resolve as superseded, later ones reject. */
	dispose(): void;
	/** Why the worker was abandoned (requests then run on the calling thread), or null. */
	readonly workerFailure: string | null;
}

/** The part of a Worker the client uses (lets tests pass a fake). */
export interface WorkerLike {
	postMessage(message: GridRequest): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<GridWireResponse>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	onmessageerror?: ((event: MessageEvent) => void) | null;
}

export interface GridClientOptions {
	/** Creates the worker; return null to compute on the calling thread. Default: the module worker, if any. */
	createWorker?: () => WorkerLike | null;
}

interface Entry {
	readonly req: GridRequest;
	resolve(outcome: GridOutcome): void;
	reject(error: GridError): void;
}

function defaultWorker(): WorkerLike | null {
	if (typeof Worker === 'undefined') return null;
	return new Worker(new URL('./grid.worker.ts', import.meta.url), {
		type: 'module'
	}) as unknown as WorkerLike;
}

export function createGridClient(options: GridClientOptions = {}): GridClient {
	let worker: WorkerLike | null = null;
	let workerTried = false;
	let nextId = 1;
	let running: Entry | null = null;
	let waiting: Entry | null = null;
	// The newest request id: anything older is superseded when it comes back.
	let latest = 0;
	let disposed = false;
	let failure: string | null = null;

	function getWorker(): WorkerLike | null {
		if (workerTried) return worker;
		workerTried = true;
		try {
			worker = (options.createWorker ?? defaultWorker)();
		} catch {
			worker = null;
		}
		if (worker !== null) {
			worker.onmessage = (event) => {
				const message = event.data;
				deliver(message.id, () => fromWire(message));
			};
			worker.onerror = (event) => fail(`The grid worker failed: ${event.message || 'unknown error'}`);
			worker.onmessageerror = () => fail('The grid worker sent an unreadable message');
		}
		return worker;
	}

	/**
	 * A broken worker (failed to load, crashed) is dropped for good: its running request, if still the newest,
	 * is retried on this thread, like every later one. `reason` is kept for the record only.
	 */
	function fail(reason: string): void {
		worker?.terminate();
		worker = null;
		failure = reason;
		const entry = running;
		running = null;
		if (entry !== null) {
			if (entry.req.id === latest && waiting === null) waiting = entry;
			else entry.resolve(SUPERSEDED);
		}
		pump();
	}

	/** `read` is called only for the newest request: stale results are not even unpacked. */
	function deliver(id: number, read: () => GridResponse): void {
		const entry = running;
		if (entry === null || id !== entry.req.id) return;
		running = null;
		if (id !== latest) {
			entry.resolve(SUPERSEDED);
		} else {
			const res = read();
			if ('error' in res) entry.reject(new GridError(res.error));
			else entry.resolve(res);
		}
		pump();
	}

	function pump(): void {
		if (running !== null || waiting === null || disposed) return;
		const entry = waiting;
		waiting = null;
		running = entry;
		const w = getWorker();
		if (w !== null) {
			w.postMessage(entry.req);
			return;
		}
		// No worker: a macrotask, so that a burst of requests in one tick still computes only the last.
		setTimeout(() => {
			import('./grid-sync')
				.then((m) => deliver(entry.req.id, () => m.computeGridSync(entry.req)))
				.catch((e: unknown) =>
					deliver(entry.req.id, () => ({ id: entry.req.id, error: `Grid computation failed: ${String(e)}` }))
				);
		}, 0);
	}

	return {
		get workerFailure() {
			return failure;
		},
		request(req) {
			if (disposed) return Promise.reject(new GridError('The grid client was disposed'));
			return new Promise<GridOutcome>((resolve, reject) => {
				const id = nextId++;
				latest = id;
				waiting?.resolve(SUPERSEDED);
				waiting = { req: { ...req, id }, resolve, reject };
				pump();
			});
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			worker?.terminate();
			worker = null;
			running?.resolve(SUPERSEDED);
			waiting?.resolve(SUPERSEDED);
			running = waiting = null;
		}
	};
}
