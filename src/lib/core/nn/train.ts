/**
 * Mini-batch training of an Mlp with any gradient-based optimizer of the registry (torch.optim rules):
 * each epoch shuffles the training rows (Fisher-Yates from the seeded stream), takes batches of
 * batchSize rows in that order (the last, smaller batch included, like torch's DataLoader with
 * drop_last=False), and after every batch applies one optimizer step to the whole flat parameter vector.
 * Same config, same numbers: the one seed drives initialization (first) and every shuffle (after).
 * The config and every report are plain data, so the trainer can live inside a Web Worker.
 */
import type { Dataset } from '../models/matrix';
import { getOptimizer, resolveHyper } from '../optimizers';
import type { AnyOptimizer, HyperValue, HyperValues } from '../optimizers';
import type { StepContext } from '../optimizers/types';
import { createRng, type Rng } from '../random/rng';
import { MlpComputer } from './mlp-compute';
import { createMlp, initParamsFrom, NnError, type Mlp, type MlpSpec } from './mlp';

export interface TrainerConfig {
	spec: MlpSpec;
	/** Optimizer id from the registry, e.g. 'adam'; Newton (needs a Hessian) is not available here. */
	optimizer: string;
	/** Hyperparameters by torch name; missing ones take their defaults. */
	hyper?: Readonly<Record<string, HyperValue>>;
	train: Dataset;
	/** May have no rows: test figures are then null. */
	test: Dataset;
	/** Rows per mini-batch, >= 1; larger than the training set means full-batch. */
	batchSize: number;
	seed: number;
}

/** 'diverged': a loss or parameter left the finite numbers; training stops there. */
export type TrainStatus = 'ok' | 'diverged';

export interface EpochReport {
	/** Epochs completed so far (0 before training). */
	epoch: number;
	/** Mean data loss over the whole set (no penalty), after the epoch. */
	trainLoss: number | null;
	testLoss: number | null;
	/** Share of correctly classified rows; null for regression. */
	trainAccuracy: number | null;
	testAccuracy: number | null;
	status: TrainStatus;
}

const noHessian: StepContext = {
	hessian() {
		throw new NnError('the network trainer provides no Hessian');
	}
};

function allFinite(v: Float64Array): boolean {
	for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
	return true;
}

function checkLabels(mlp: Mlp, d: Dataset, which: string): void {
	if (d.p !== mlp.inputs)
		throw new NnError(`${which} data has ${d.p} features, the network ${mlp.inputs} inputs`);
	if (d.x.length !== d.n * d.p || d.y.length !== d.n)
		throw new NnError(`inconsistent ${which} data: x has ${d.x.length} values for ${d.n} x ${d.p}`);
	for (let i = 0; i < d.n; i++) {
		const y = d.y[i];
		const ok =
			mlp.task === 'regression'
				? Number.isFinite(y)
				: Number.isInteger(y) && y >= 0 && y < (mlp.task === 'binary' ? 2 : mlp.outputs);
		if (!ok) {
			const want =
				mlp.task === 'regression'
					? 'finite targets'
					: `labels in 0..${mlp.task === 'binary' ? 1 : mlp.outputs - 1}`;
			throw new NnError(`${which} row ${i} has target ${y}; ${mlp.task} needs ${want}`);
		}
	}
}

export class Trainer {
	readonly mlp: Mlp;
	readonly optimizer: AnyOptimizer;
	readonly hyper: HyperValues;
	/** The live flat parameter vector (layout in mlp.ts); copy it for snapshots. */
	readonly params: Float64Array;
	readonly batchSize: number;
	private readonly grad: Float64Array;
	private readonly state: unknown;
	private readonly computer: MlpComputer;
	private readonly rng: Rng;
	private readonly train: Dataset;
	private readonly test: Dataset;
	private readonly order: Int32Array;
	private readonly batchX: Float64Array;
	private readonly batchY: Float64Array;
	private readonly lastX: Float64Array;
	private readonly lastY: Float64Array;
	private epochs = 0;
	private stepCount = 0;
	private currentStatus: TrainStatus = 'ok';

	constructor(config: TrainerConfig) {
		const mlp = createMlp(config.spec);
		const opt = getOptimizer(config.optimizer);
		if (!opt) throw new NnError(`unknown optimizer "${config.optimizer}"`);
		if (opt.needs === 'hessian')
			throw new NnError(
				`${opt.id} needs the Hessian, which the network trainer does not compute; pick a gradient-based optimizer`
			);
		const resolved = resolveHyper(opt, config.hyper ?? {});
		if (!resolved.ok) throw new NnError(resolved.message);
		checkLabels(mlp, config.train, 'training');
		checkLabels(mlp, config.test, 'test');
		if (config.train.n < 1) throw new NnError('the training set has no rows');
		const b = config.batchSize;
		if (!Number.isInteger(b) || b < 1) throw new NnError(`batch size must be a whole number >= 1, got ${b}`);
		if (!Number.isFinite(config.seed)) throw new NnError(`seed must be a finite number, got ${config.seed}`);

		this.mlp = mlp;
		this.optimizer = opt;
		this.hyper = resolved.value;
		this.train = config.train;
		this.test = config.test;
		this.rng = createRng(config.seed);
		this.params = initParamsFrom(mlp, this.rng);
		this.grad = new Float64Array(mlp.paramCount);
		this.state = opt.init(mlp.paramCount, this.hyper);
		this.computer = new MlpComputer(mlp);
		const n = config.train.n;
		const p = mlp.inputs;
		this.batchSize = Math.min(b, n);
		const lastRows = n % this.batchSize;
		this.order = new Int32Array(n);
		this.batchX = new Float64Array(this.batchSize * p);
		this.batchY = new Float64Array(this.batchSize);
		this.lastX = new Float64Array(lastRows * p);
		this.lastY = new Float64Array(lastRows);
	}

	get status(): TrainStatus {
		return this.currentStatus;
	}

	/** Optimizer steps taken (one per mini-batch). */
	get steps(): number {
		return this.stepCount;
	}

	/** Epochs completed. */
	get completedEpochs(): number {
		return this.epochs;
	}

	/** Copies rows order[start .. start + rows) into the batch buffers. */
	private gather(start: number, x: Float64Array, y: Float64Array): void {
		const p = this.mlp.inputs;
		const rows = y.length;
		const dx = this.train.x;
		const dy = this.train.y;
		for (let r = 0; r < rows; r++) {
			const i = this.order[start + r];
			y[r] = dy[i];
			const src = i * p;
			const dst = r * p;
			for (let j = 0; j < p; j++) x[dst + j] = dx[src + j];
		}
	}

	/** One pass over the training rows; false when it diverged. */
	private runEpoch(): boolean {
		const n = this.train.n;
		const order = this.order;
		for (let i = 0; i < n; i++) order[i] = i;
		for (let i = n - 1; i > 0; i--) {
			const j = this.rng.int(i + 1);
			const t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		const { params, grad, optimizer, hyper, state } = this;
		for (let start = 0; start < n; start += this.batchSize) {
			const full = start + this.batchSize <= n;
			const x = full ? this.batchX : this.lastX;
			const y = full ? this.batchY : this.lastY;
			this.gather(start, x, y);
			const loss = this.computer.lossAndGrad(params, x, y, grad);
			if (!Number.isFinite(loss)) return false;
			optimizer.step(params, grad, state, hyper, noHessian);
			this.stepCount++;
		}
		return allFinite(params);
	}

	/** Loss and accuracy on both sets with the current parameters. */
	report(): EpochReport {
		const tr = this.computer.evaluate(this.params, this.train);
		const te = this.computer.evaluate(this.params, this.test);
		if (
			this.currentStatus === 'ok' &&
			(!Number.isFinite(tr.loss) || (te.loss !== null && !Number.isFinite(te.loss)))
		)
			this.currentStatus = 'diverged';
		return {
			epoch: this.epochs,
			trainLoss: tr.loss,
			testLoss: te.loss,
			trainAccuracy: tr.accuracy,
			testAccuracy: te.accuracy,
			status: this.currentStatus
		};
	}

	/**
	 * Runs `count` epochs (stopping early on divergence), then evaluates once: the page can train many
	 * epochs per frame and draw only the last. After divergence it only reports.
	 */
	run(count: number): EpochReport {
		for (let e = 0; e < count && this.currentStatus === 'ok'; e++) {
			const ok = this.runEpoch();
			this.epochs++;
			if (!ok) this.currentStatus = 'diverged';
		}
		return this.report();
	}

	/** One epoch of mini-batches, then the figures on both sets. */
	epoch(): EpochReport {
		return this.run(1);
	}
}

/** A trainer with freshly initialized parameters; throws NnError for an unusable config. */
export function createTrainer(config: TrainerConfig): Trainer {
	return new Trainer(config);
}
