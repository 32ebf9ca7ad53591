/**
 * The network-training session behind nn-train.worker.ts (and behind the client's same-thread fallback):
 * one Trainer per run, all from the same seed (identical initial weights and batches), trained epoch by
 * epoch in lockstep in short time slices, with progress, the focus run's params, predictions and snapshots
 * posted as NnUpdate messages. Pure and DOM-free: the host supplies posting, the clock and the scheduler,
 * so Node tests drive it directly.
 *
 * Within an epoch the runs are trained one after another, and a slice may end between two of them; the
 * session's epoch counts only epochs that every run has completed, and everything it posts (params,
 * predictions, snapshots) is taken at that epoch, so a pause never shows the runs out of step.
 */
import { MlpComputer } from '../core/nn/mlp-compute';
import { createTrainer, type EpochReport, type Trainer } from '../core/nn/train';
import type { Mlp } from '../core/nn/mlp';
import {
	MAX_SNAPSHOTS,
	nnGridInputs,
	nnUpdateTransferables,
	parseNnCommand,
	type NnCommand,
	type NnGrid,
	type NnMessage,
	type NnRunProgress,
	type NnSetup,
	type NnUpdate
} from './nn-protocol';

/** What the session needs from where it runs. */
export interface NnSessionHost {
	/** Delivers a message; `transfer` lists its buffers (they are not used again by the session). */
	post(message: NnMessage, transfer: ArrayBuffer[]): void;
	/** Milliseconds, monotonic. */
	now(): number;
	/** Runs fn later, after pending commands have been handled (a macrotask). */
	schedule(fn: () => void): void;
}

export interface NnSessionTiming {
	/** Training time between two yields. Default 10 ms. */
	sliceMs?: number;
	/** Shortest time between two updates while playing. Default 33 ms. */
	postEveryMs?: number;
	/** Shortest time between two prediction grids (and snapshot sets) while playing. Default 100 ms. */
	predictEveryMs?: number;
	/** Largest share of the time spent on predictions while playing. Default 0.2. */
	predictShare?: number;
}

/** A run's kept parameter copies: epoch 0 and every `every` epochs, at most MAX_SNAPSHOTS of them. */
export class SnapshotStore {
	epochs: number[] = [];
	params: Float64Array[] = [];

	constructor(
		public every: number,
		private readonly limit = MAX_SNAPSHOTS
	) {}

	/** Keeps a copy of params when epoch is due; true when the kept set changed. */
	add(epoch: number, params: Float64Array): boolean {
		if (epoch % this.every !== 0) return false;
		let changed = false;
		if (this.epochs.length >= this.limit) {
			// Drop every other one (epoch 0 stays) and double the interval.
			this.epochs = this.epochs.filter((_, i) => i % 2 === 0);
			this.params = this.params.filter((_, i) => i % 2 === 0);
			this.every *= 2;
			changed = true;
			if (epoch % this.every !== 0) return changed;
		}
		this.epochs.push(epoch);
		this.params.push(params.slice());
		return true;
	}

	/** Copies of all kept snapshots, in one buffer (one transfer). */
	pack(): { epochs: number[]; params: Float64Array[] } {
		const count = this.params.length;
		const size = count > 0 ? this.params[0].length : 0;
		const buffer = new Float64Array(count * size);
		const params: Float64Array[] = [];
		for (let i = 0; i < count; i++) {
			const view = buffer.subarray(i * size, (i + 1) * size);
			view.set(this.params[i]);
			params.push(view);
		}
		return { epochs: [...this.epochs], params };
	}
}

interface RunLog {
	epochs: number[];
	trainLoss: number[];
	testLoss: number[];
	trainAccuracy: number[];
	testAccuracy: number[];
}

interface Run {
	readonly id: number;
	readonly trainer: Trainer;
	status: 'ok' | 'diverged';
	error?: string;
	/** Params after the session's completed epochs. */
	readonly settled: Float64Array;
	readonly snapshots: SnapshotStore;
	/** The run's report for the epoch in progress (it has trained it, others may not have yet). */
	pending: EpochReport | null;
	pendingError: string | null;
	/** Entries since the last update. */
	log: RunLog;
}

function emptyLog(): RunLog {
	return { epochs: [], trainLoss: [], testLoss: [], trainAccuracy: [], testAccuracy: [] };
}

function messageOf(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

const orNaN = (v: number | null): number => (v === null ? NaN : v);

export class NnSession {
	private setup: NnSetup | null = null;
	private mlp: Mlp | null = null;
	private computer: MlpComputer | null = null;
	private runs: Run[] = [];
	private gridInputs: Float64Array | null = null;
	private focusId = 0;
	/** Epochs every run has completed. */
	private epoch = 0;
	/** Index of the next run to train in the epoch in progress (0: between epochs). */
	private cursor = 0;
	/** Train until this epoch. */
	private target = 0;
	private playing = false;
	private scheduled = false;
	private disposed = false;
	/** Something new to post since the last update. */
	private dirty = false;
	private predictionsStale = true;
	private snapshotsStale = true;
	private lastPost = -Infinity;
	private nextPredictAt = -Infinity;
	private nextSnapshotAt = -Infinity;
	/** (time, epoch) while playing, for epochsPerSecond. */
	private rateTimes: number[] = [];
	private rateEpochs: number[] = [];
	private rate = 0;
	private readonly sliceMs: number;
	private readonly postEveryMs: number;
	private readonly predictEveryMs: number;
	private readonly predictShare: number;

	constructor(
		private readonly host: NnSessionHost,
		timing: NnSessionTiming = {}
	) {
		this.sliceMs = timing.sliceMs ?? 10;
		this.postEveryMs = timing.postEveryMs ?? 33;
		this.predictEveryMs = timing.predictEveryMs ?? 100;
		this.predictShare = timing.predictShare ?? 0.2;
	}

	/** Epochs every run has completed. */
	get completedEpochs(): number {
		return this.epoch;
	}

	get isPlaying(): boolean {
		return this.playing;
	}

	/** Handles one message from anywhere: bad ones are answered with an error message. Never throws. */
	handle(data: unknown): void {
		if (this.disposed) return;
		try {
			const parsed = parseNnCommand(data);
			if (!parsed.ok) this.error(parsed.message);
			else this.apply(parsed.value);
		} catch (e) {
			this.error(messageOf(e));
		}
	}

	/** Stops training for good; later messages are ignored. */
	dispose(): void {
		this.disposed = true;
		this.playing = false;
		this.runs = [];
		this.setup = null;
	}

	private apply(cmd: NnCommand): void {
		if (cmd.type === 'setup') {
			this.reset(cmd.setup);
			return;
		}
		if (this.setup === null) {
			// Nothing to show: pause and a new grid are harmless, the rest needs a network.
			if (cmd.type === 'play' || cmd.type === 'step' || cmd.type === 'focus')
				this.error('Nothing to train: no network has been set up (or its setup failed)');
			return;
		}
		switch (cmd.type) {
			case 'play':
				this.target = this.setup.maxEpochs;
				this.playing = true;
				if (!this.canTrain()) return this.stop();
				this.rateTimes = [this.host.now()];
				this.rateEpochs = [this.epoch];
				this.post(false);
				this.scheduleSlice();
				return;
			case 'pause':
				return this.stop();
			case 'step':
				this.target = !this.playing && this.target > this.epoch ? this.target + 1 : this.epoch + 1;
				this.playing = false;
				if (!this.canTrain()) return this.stop();
				this.scheduleSlice();
				return;
			case 'focus':
				if (!this.runs.some((r) => r.id === cmd.id))
					return this.error(`focus ${cmd.id} is not the id of a run`);
				this.focusId = cmd.id;
				this.predictionsStale = true;
				this.snapshotsStale = true;
				this.post(true);
				return;
			case 'grid':
				this.setGrid(cmd.grid);
				this.post(true);
				return;
		}
	}

	/** Builds every run from scratch; on failure the session is left empty. */
	private reset(setup: NnSetup): void {
		this.setup = null;
		this.runs = [];
		this.mlp = this.computer = this.gridInputs = null;
		this.playing = false;
		this.epoch = this.cursor = this.target = 0;
		this.rate = 0;
		const config = {
			spec: setup.spec,
			train: setup.train,
			test: setup.test,
			batchSize: setup.batchSize,
			seed: setup.seed
		};
		const runs: Run[] = [];
		try {
			for (const r of setup.runs) {
				const trainer = createTrainer({ ...config, optimizer: r.optimizer, hyper: r.hyper });
				runs.push({
					id: r.id,
					trainer,
					status: 'ok',
					settled: trainer.params.slice(),
					snapshots: new SnapshotStore(setup.snapshotEvery),
					pending: trainer.report(),
					pendingError: null,
					log: emptyLog()
				});
			}
		} catch (e) {
			this.error(messageOf(e));
			return;
		}
		this.setup = setup;
		this.runs = runs;
		this.mlp = runs[0].trainer.mlp;
		this.computer = new MlpComputer(this.mlp);
		this.focusId = setup.focus;
		this.setGrid(setup.grid);
		// Epoch 0: the reports taken above, the first snapshots.
		for (const run of runs) this.settle(run);
		this.snapshotsStale = true;
		this.post(true);
	}

	private setGrid(grid: NnGrid): void {
		if (this.setup === null || this.mlp === null) return;
		this.setup = { ...this.setup, grid };
		this.gridInputs = nnGridInputs(grid, this.mlp.inputs);
		this.predictionsStale = true;
	}

	private trainable(run: Run): boolean {
		return run.pendingError === null && run.error === undefined && run.trainer.status === 'ok';
	}

	private canTrain(): boolean {
		return (
			this.setup !== null &&
			this.epoch < this.target &&
			(this.cursor > 0 || this.runs.some((r) => this.trainable(r)))
		);
	}

	/** Pauses and says so. */
	private stop(): void {
		this.playing = false;
		this.target = this.epoch;
		this.post(true);
	}

	private scheduleSlice(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		this.host.schedule(() => this.slice());
	}

	private slice(): void {
		this.scheduled = false;
		if (this.disposed || !this.canTrain()) return;
		try {
			const start = this.host.now();
			do this.trainNext();
			while (this.canTrain() && this.host.now() - start < this.sliceMs);
			if (!this.canTrain()) {
				this.stop();
				return;
			}
			if (this.playing && this.dirty && this.host.now() - this.lastPost >= this.postEveryMs) this.post(false);
		} catch (e) {
			this.playing = false;
			this.target = this.epoch;
			this.error(messageOf(e));
			return;
		}
		this.scheduleSlice();
	}

	/** One epoch of the next run; completes the session's epoch after the last run. */
	private trainNext(): void {
		const run = this.runs[this.cursor];
		if (this.trainable(run)) {
			try {
				run.pending = run.trainer.epoch();
			} catch (e) {
				run.pending = null;
				run.pendingError = messageOf(e);
			}
		}
		this.cursor++;
		if (this.cursor < this.runs.length) return;
		this.cursor = 0;
		this.epoch++;
		for (const r of this.runs) this.settle(r);
		if (this.playing) {
			this.rateTimes.push(this.host.now());
			this.rateEpochs.push(this.epoch);
		}
	}

	/** Logs a run's pending report and takes its params as of the session's epoch. */
	private settle(run: Run): void {
		if (run.pendingError !== null) {
			run.status = 'diverged';
			run.error = run.pendingError;
			run.pendingError = null;
			run.settled.set(run.trainer.params);
			this.dirty = true;
			return;
		}
		const rep = run.pending;
		if (rep === null) return;
		run.pending = null;
		const log = run.log;
		log.epochs.push(rep.epoch);
		log.trainLoss.push(orNaN(rep.trainLoss));
		log.testLoss.push(orNaN(rep.testLoss));
		log.trainAccuracy.push(orNaN(rep.trainAccuracy));
		log.testAccuracy.push(orNaN(rep.testAccuracy));
		run.status = rep.status;
		run.settled.set(run.trainer.params);
		this.dirty = true;
		if (run.id === this.focusId) this.predictionsStale = true;
		if (rep.status === 'ok' && run.snapshots.add(rep.epoch, run.settled) && run.id === this.focusId)
			this.snapshotsStale = true;
	}

	/** The focus run's outputs at the grid points, in the shape NnUpdate describes. */
	private predict(run: Run): Float64Array | null {
		const x = this.gridInputs;
		const mlp = this.mlp;
		if (x === null || mlp === null || this.computer === null) return null;
		const rows = x.length / mlp.inputs;
		// A fresh array each time: it is transferred to the page.
		return this.computer.predict(run.settled, x, new Float64Array(rows * mlp.outputs));
	}

	private epochsPerSecond(now: number): number {
		if (!this.playing) return this.rate;
		const t = this.rateTimes;
		const e = this.rateEpochs;
		// Keep one sample older than a second as the window's start.
		let drop = 0;
		while (t.length - drop > 2 && t[drop + 1] <= now - 1000) drop++;
		if (drop > 0) {
			t.splice(0, drop);
			e.splice(0, drop);
		}
		const span = now - t[0];
		if (t.length >= 2 && span > 0) this.rate = ((e[e.length - 1] - e[0]) / span) * 1000;
		return this.rate;
	}

	/** Posts an update; `forced` (after a command) computes stale predictions and snapshots now. */
	private post(forced: boolean): void {
		const run = this.runs.find((r) => r.id === this.focusId);
		if (run === undefined) return;
		const now = this.host.now();
		let predictions: Float64Array | null = null;
		if (this.predictionsStale && this.gridInputs !== null && (forced || now >= this.nextPredictAt)) {
			predictions = this.predict(run);
			this.predictionsStale = false;
			const end = this.host.now();
			const spent = end - now;
			this.nextPredictAt =
				end + Math.max(this.predictEveryMs, (spent * (1 - this.predictShare)) / this.predictShare);
		}
		let snapshots: NnUpdate['focus']['snapshots'] = null;
		if (this.snapshotsStale && (forced || now >= this.nextSnapshotAt)) {
			snapshots = run.snapshots.pack();
			this.snapshotsStale = false;
			this.nextSnapshotAt = now + this.predictEveryMs;
		}
		const runs: NnRunProgress[] = this.runs.map((r) => {
			const log = r.log;
			r.log = emptyLog();
			const progress: NnRunProgress = {
				id: r.id,
				status: r.status,
				epochs: Float64Array.from(log.epochs),
				trainLoss: Float64Array.from(log.trainLoss),
				testLoss: Float64Array.from(log.testLoss),
				trainAccuracy: Float64Array.from(log.trainAccuracy),
				testAccuracy: Float64Array.from(log.testAccuracy)
			};
			if (r.error !== undefined) progress.error = r.error;
			return progress;
		});
		const update: NnUpdate = {
			type: 'update',
			epoch: this.epoch,
			playing: this.playing,
			runs,
			focus: { id: run.id, params: run.settled.slice(), predictions, snapshots },
			epochsPerSecond: this.epochsPerSecond(now)
		};
		this.dirty = false;
		this.lastPost = now;
		this.send(update, nnUpdateTransferables(update));
	}

	private error(message: string): void {
		this.send({ type: 'error', message }, []);
	}

	private send(message: NnMessage, transfer: ArrayBuffer[]): void {
		try {
			this.host.post(message, transfer);
		} catch {
			// The receiver is gone or refused the message: nothing more to do here.
		}
	}
}
