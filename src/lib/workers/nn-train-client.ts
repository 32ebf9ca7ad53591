/**
 * Page side of network training: createNnTrainer sends commands to a module worker (nn-train.worker.ts)
 * that trains off the main thread and streams NnUpdate messages back. Without Web Workers (Node tests),
 * or when the worker fails to load or crashes, the same session (nn-session.ts) runs on this thread in
 * setTimeout slices: the page still works, less smoothly. After such a failure the last setup is replayed
 * (with the current focus and grid, playing again if it was), so training restarts from epoch 0.
 */
import {
	parseNnCommand,
	parseNnSetup,
	type NnCommand,
	type NnGrid,
	type NnMessage,
	type NnSetup
} from './nn-protocol';
import { NnSession } from './nn-session';

export type * from './nn-protocol';

/** The part of a Worker the client uses (lets tests pass a fake). */
export interface WorkerLike {
	postMessage(message: NnCommand): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<NnMessage>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	onmessageerror?: ((event: MessageEvent) => void) | null;
}

export interface NnTrainerOptions {
	/** Creates the worker; return null to train on this thread. Default: the module worker, if any. */
	createWorker?: () => WorkerLike | null;
}

export interface NnTrainerClient {
	/** (Re)initialises: epoch 0, paused, history cleared; an update (or an error) follows. */
	setup(s: NnSetup): void;
	play(): void;
	pause(): void;
	/** One more epoch for every run, then paused. */
	step(): void;
	/** Streams this run's params, predictions and snapshots instead. */
	setFocus(id: number): void;
	/** New prediction grid (the plot was resized or the data changed). */
	setGrid(g: NnGrid): void;
	/** Listens to updates and errors; returns the function that stops listening. */
	onMessage(cb: (m: NnMessage) => void): () => void;
	/** Stops training and the worker; later calls do nothing. */
	dispose(): void;
	/** Why the worker was abandoned (training then runs on this thread), or null. */
	readonly workerFailure: string | null;
}

function defaultWorker(): WorkerLike | null {
	if (typeof Worker === 'undefined') return null;
	return new Worker(new URL('./nn-train.worker.ts', import.meta.url), {
		type: 'module'
	}) as unknown as WorkerLike;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function createNnTrainer(options: NnTrainerOptions = {}): NnTrainerClient {
	const listeners = new Set<(m: NnMessage) => void>();
	let worker: WorkerLike | null = null;
	let local: NnSession | null = null;
	const timers = new Set<ReturnType<typeof setTimeout>>();
	let failure: string | null = null;
	let disposed = false;
	// What to replay on this thread if the worker fails.
	let lastSetup: NnSetup | null = null;
	let playing = false;

	function emit(m: NnMessage): void {
		if (disposed) return;
		for (const cb of [...listeners]) {
			try {
				cb(m);
			} catch (e) {
				// One listener's bug must not stop the others (or the training); report it and go on.
				setTimeout(() => {
					throw e;
				}, 0);
			}
		}
	}

	function emitSoon(m: NnMessage): void {
		queueMicrotask(() => emit(m));
	}

	function startLocal(): NnSession {
		return new NnSession({
			// Delivered after the command returns, as from a worker: a listener may send the next one.
			post: (m) => emitSoon(m),
			now,
			schedule(fn) {
				const t = setTimeout(() => {
					timers.delete(t);
					if (!disposed) fn();
				}, 0);
				timers.add(t);
			}
		});
	}

	function fail(reason: string): void {
		if (worker === null || disposed) return;
		worker.onmessage = worker.onerror = null;
		worker.onmessageerror = null;
		worker.terminate();
		worker = null;
		failure = reason;
		local = startLocal();
		if (lastSetup !== null) {
			local.handle({ type: 'setup', setup: lastSetup });
			if (playing) local.handle({ type: 'play' });
		}
	}

	try {
		worker = (options.createWorker ?? defaultWorker)();
	} catch (e) {
		worker = null;
		failure = `The training worker could not be created: ${e instanceof Error ? e.message : String(e)}`;
	}
	if (worker !== null) {
		worker.onmessage = (event) => emit(event.data);
		worker.onerror = (event) => fail(`The training worker failed: ${event.message || 'unknown error'}`);
		worker.onmessageerror = () => fail('The training worker sent an unreadable message');
	} else {
		local = startLocal();
	}

	function send(cmd: NnCommand): void {
		if (disposed) return;
		if (worker !== null) {
			try {
				worker.postMessage(cmd);
			} catch (e) {
				emitSoon({
					type: 'error',
					message: `Could not send "${cmd.type}" to the training worker: ${e instanceof Error ? e.message : String(e)}`
				});
			}
		} else {
			local?.handle(cmd);
		}
	}

	return {
		get workerFailure() {
			return failure;
		},
		setup(s) {
			const plain = parseNnSetup(s);
			lastSetup = plain.ok ? plain.value : null;
			playing = false;
			// An invalid setup is sent as it is: the session answers with the error and clears itself.
			send({ type: 'setup', setup: plain.ok ? plain.value : s });
		},
		play() {
			playing = true;
			send({ type: 'play' });
		},
		pause() {
			playing = false;
			send({ type: 'pause' });
		},
		step() {
			playing = false;
			send({ type: 'step' });
		},
		setFocus(id) {
			if (lastSetup !== null && lastSetup.runs.some((r) => r.id === id))
				lastSetup = { ...lastSetup, focus: id };
			send({ type: 'focus', id });
		},
		setGrid(g) {
			const plain = parseNnCommand({ type: 'grid', grid: g });
			if (plain.ok && plain.value.type === 'grid') {
				if (lastSetup !== null) lastSetup = { ...lastSetup, grid: plain.value.grid };
				send(plain.value);
			} else {
				send({ type: 'grid', grid: g });
			}
		},
		onMessage(cb) {
			listeners.add(cb);
			return () => {
				listeners.delete(cb);
			};
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			listeners.clear();
			if (worker !== null) {
				worker.onmessage = worker.onerror = null;
				worker.onmessageerror = null;
				worker.terminate();
				worker = null;
			}
			local?.dispose();
			local = null;
			for (const t of timers) clearTimeout(t);
			timers.clear();
		}
	};
}
