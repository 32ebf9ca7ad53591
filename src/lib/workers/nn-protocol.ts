/**
 * Messages between the page and the network-training worker (nn-train.worker.ts), and the pure helpers
 * both sides share: command validation (messages can come from anywhere), a plain copy of a setup (safe
 * to post, detached from the page's reactive objects), the prediction grid's input points, and the
 * buffers an update transfers. Types and pure code only: the worker and its client both import this.
 */
import type { Activation, MlpSpec } from '../core/nn/mlp';
import type { Dataset } from '../core/models/matrix';
import type { HyperValue } from '../core/optimizers/types';
import type { ViewBox } from '../core/objective';

export interface NnRunSpec {
	id: number;
	optimizer: string;
	hyper: Record<string, HyperValue>;
}

export interface NnGrid {
	box: ViewBox;
	nx: number;
	ny: number;
}

export interface NnSetup {
	spec: MlpSpec;
	train: Dataset;
	test: Dataset;
	/** 1..8; all start from initParams(createMlp(spec), seed). */
	runs: NnRunSpec[];
	batchSize: number;
	/** The seed also drives each run's shuffles (same batches for every run). */
	seed: number;
	/** Where the FOCUS run's predictions are computed. */
	grid: NnGrid;
	/** Id of the run whose predictions / params are streamed. */
	focus: number;
	/** Keep a copy of each run's params at epoch 0 and every k epochs. */
	snapshotEvery: number;
	/** Playing pauses by itself at this epoch (a whole number >= 0, or Infinity). */
	maxEpochs: number;
}

export type NnCommand =
	| { type: 'setup'; setup: NnSetup }
	| { type: 'play' }
	| { type: 'pause' }
	| { type: 'step' }
	| { type: 'focus'; id: number }
	| { type: 'grid'; grid: NnGrid };

export interface NnRunProgress {
	id: number;
	status: 'ok' | 'diverged';
	/** Set when training the run threw (it then counts as diverged). */
	error?: string;
	// Appended since the previous update (one entry per completed epoch, epoch 0 = before training); NaN where null.
	epochs: Float64Array;
	trainLoss: Float64Array;
	testLoss: Float64Array;
	trainAccuracy: Float64Array;
	testAccuracy: Float64Array;
}

export interface NnUpdate {
	type: 'update';
	/** Epochs completed (same for every run). */
	epoch: number;
	playing: boolean;
	runs: NnRunProgress[];
	focus: {
		id: number;
		/** Params of the focus run after `epoch` epochs (a copy). */
		params: Float64Array;
		/**
		 * Classification ('binary'): P(class 1) at the grid's cell centres, row-major, row 0 at box.yMax;
		 * 'multiclass': the k class probabilities of each cell in turn ([cells x k], cell-major);
		 * 'regression': the predicted value. With 1 input: nx values at
		 * the cell centres along x (ny ignored). Null when unchanged since the last update, and always for
		 * networks with more than 2 inputs. See nnGridInputs for the exact points.
		 */
		predictions: Float64Array | null;
		/** ALL kept snapshots of the focus run when they changed (or the focus changed), else null. */
		snapshots: { epochs: number[]; params: Float64Array[] } | null;
	};
	/** Epochs per second over the last second of playing (the last measurement while paused). */
	epochsPerSecond: number;
}

export type NnMessage = NnUpdate | { type: 'error'; message: string };

export const MAX_RUNS = 8;
/** Snapshots kept per run; when full, every other one is dropped and the interval doubles. */
export const MAX_SNAPSHOTS = 400;
/** Largest prediction grid (nx * ny). */
export const MAX_GRID_CELLS = 1 << 20;

/**
 * The points predictions are made at, row-major [rows x inputs]: for 2 inputs the nx * ny cell centres,
 * row 0 at box.yMax (x = xMin + (i + 0.5) (xMax - xMin) / nx, y = yMax - (j + 0.5) (yMax - yMin) / ny);
 * for 1 input the nx cell centres along x; null for more inputs (nothing to draw).
 */
export function nnGridInputs(grid: NnGrid, inputs: number): Float64Array | null {
	const { box, nx, ny } = grid;
	const dx = (box.xMax - box.xMin) / nx;
	if (inputs === 1) {
		const out = new Float64Array(nx);
		for (let i = 0; i < nx; i++) out[i] = box.xMin + (i + 0.5) * dx;
		return out;
	}
	if (inputs !== 2) return null;
	const dy = (box.yMax - box.yMin) / ny;
	const out = new Float64Array(2 * nx * ny);
	for (let j = 0; j < ny; j++) {
		const y = box.yMax - (j + 0.5) * dy;
		for (let i = 0; i < nx; i++) {
			const k = 2 * (j * nx + i);
			out[k] = box.xMin + (i + 0.5) * dx;
			out[k + 1] = y;
		}
	}
	return out;
}

/** The distinct buffers of an update's typed arrays, for postMessage's transfer list. */
export function nnUpdateTransferables(update: NnUpdate): ArrayBuffer[] {
	const buffers = new Set<ArrayBuffer>();
	const add = (a: Float64Array | null): void => {
		if (a !== null) buffers.add(a.buffer as ArrayBuffer);
	};
	for (const r of update.runs) {
		add(r.epochs);
		add(r.trainLoss);
		add(r.testLoss);
		add(r.trainAccuracy);
		add(r.testAccuracy);
	}
	add(update.focus.params);
	add(update.focus.predictions);
	for (const p of update.focus.snapshots?.params ?? []) add(p);
	return [...buffers];
}

// ---- Validation: shapes only; the core checks the numbers (spec, labels, hyperparameters). ----

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

class ShapeError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

function record(v: unknown, what: string): Record<string, unknown> {
	if (!isRecord(v)) throw new ShapeError(`${what} must be an object`);
	return v;
}

function num(v: unknown, what: string): number {
	if (typeof v !== 'number' || Number.isNaN(v))
		throw new ShapeError(`${what} must be a number, got ${String(v)}`);
	return v;
}

function wholeNumber(v: unknown, what: string, min: number): number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
		throw new ShapeError(`${what} must be a whole number >= ${min}, got ${String(v)}`);
	return v;
}

function copyGrid(v: unknown): NnGrid {
	const g = record(v, 'grid');
	const b = record(g.box, 'grid.box');
	const box: ViewBox = {
		xMin: num(b.xMin, 'grid.box.xMin'),
		xMax: num(b.xMax, 'grid.box.xMax'),
		yMin: num(b.yMin, 'grid.box.yMin'),
		yMax: num(b.yMax, 'grid.box.yMax')
	};
	if (![box.xMin, box.xMax, box.yMin, box.yMax].every(Number.isFinite))
		throw new ShapeError('grid.box must have finite bounds');
	if (!(box.xMax > box.xMin && box.yMax > box.yMin))
		throw new ShapeError('grid.box must have xMax > xMin and yMax > yMin');
	const nx = wholeNumber(g.nx, 'grid.nx', 1);
	const ny = wholeNumber(g.ny, 'grid.ny', 1);
	if (nx * ny > MAX_GRID_CELLS)
		throw new ShapeError(`grid has ${nx * ny} cells, at most ${MAX_GRID_CELLS} are allowed`);
	return { box, nx, ny };
}

function copyDataset(v: unknown, what: string): Dataset {
	const d = record(v, what);
	if (!(d.x instanceof Float64Array) || !(d.y instanceof Float64Array))
		throw new ShapeError(`${what}.x and ${what}.y must be Float64Arrays`);
	return { x: d.x, y: d.y, n: wholeNumber(d.n, `${what}.n`, 0), p: wholeNumber(d.p, `${what}.p`, 1) };
}

function copyHyperValue(v: unknown, what: string): HyperValue {
	if (typeof v === 'number' || typeof v === 'boolean') return v;
	if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number')
		return [v[0], v[1]];
	throw new ShapeError(`${what} must be a number, true / false, or two numbers`);
}

function copySpec(v: unknown): MlpSpec {
	const s = record(v, 'spec');
	if (!Array.isArray(s.hidden)) throw new ShapeError('spec.hidden must be an array of layer widths');
	const spec: MlpSpec = {
		inputs: s.inputs as number,
		hidden: [...(s.hidden as number[])],
		task: s.task as MlpSpec['task']
	};
	if (s.activation !== undefined) {
		if (typeof s.activation !== 'string' && !Array.isArray(s.activation))
			throw new ShapeError('spec.activation must be a name or an array of names');
		spec.activation = Array.isArray(s.activation)
			? ([...s.activation] as Activation[])
			: (s.activation as Activation);
	}
	if (s.classes !== undefined) spec.classes = s.classes as number;
	if (s.l1 !== undefined) spec.l1 = num(s.l1, 'spec.l1');
	if (s.l2 !== undefined) spec.l2 = num(s.l2, 'spec.l2');
	if (s.init !== undefined) spec.init = s.init as MlpSpec['init'];
	return spec;
}

function copyRun(v: unknown, i: number): NnRunSpec {
	const r = record(v, `runs[${i}]`);
	if (typeof r.id !== 'number' || !Number.isFinite(r.id))
		throw new ShapeError(`runs[${i}].id must be a finite number`);
	if (typeof r.optimizer !== 'string') throw new ShapeError(`runs[${i}].optimizer must be a string`);
	const given = r.hyper === undefined ? {} : record(r.hyper, `runs[${i}].hyper`);
	const hyper: Record<string, HyperValue> = {};
	for (const [key, value] of Object.entries(given))
		hyper[key] = copyHyperValue(value, `runs[${i}].hyper.${key}`);
	return { id: r.id, optimizer: r.optimizer, hyper };
}

/** A plain copy of a setup (datasets' typed arrays shared): checks shapes, throws ShapeError. */
function copySetup(v: unknown): NnSetup {
	const s = record(v, 'setup');
	if (!Array.isArray(s.runs) || s.runs.length < 1 || s.runs.length > MAX_RUNS)
		throw new ShapeError(`setup.runs must be an array of 1 to ${MAX_RUNS} runs`);
	const runs = s.runs.map(copyRun);
	if (new Set(runs.map((r) => r.id)).size !== runs.length) throw new ShapeError('run ids must be distinct');
	const focus = num(s.focus, 'setup.focus');
	if (!runs.some((r) => r.id === focus)) throw new ShapeError(`focus ${focus} is not the id of a run`);
	const maxEpochs = num(s.maxEpochs, 'setup.maxEpochs');
	if (maxEpochs !== Infinity) wholeNumber(maxEpochs, 'setup.maxEpochs', 0);
	return {
		spec: copySpec(s.spec),
		train: copyDataset(s.train, 'setup.train'),
		test: copyDataset(s.test, 'setup.test'),
		runs,
		batchSize: num(s.batchSize, 'setup.batchSize'),
		seed: num(s.seed, 'setup.seed'),
		grid: copyGrid(s.grid),
		focus,
		snapshotEvery: wholeNumber(s.snapshotEvery, 'setup.snapshotEvery', 1),
		maxEpochs
	};
}

function attempt<T>(f: () => T): Parsed<T> {
	try {
		return { ok: true, value: f() };
	} catch (e) {
		return { ok: false, message: e instanceof Error ? e.message : String(e) };
	}
}

/**
 * A plain, validated copy of a setup: no proxies or extra fields (safe to post), the datasets' typed
 * arrays shared. The network spec's values are checked later by the core (createMlp, createTrainer).
 */
export function parseNnSetup(v: unknown): Parsed<NnSetup> {
	return attempt(() => copySetup(v));
}

/** Checks that a message is an NnCommand; returns a plain copy of it, or what is wrong. Never throws. */
export function parseNnCommand(data: unknown): Parsed<NnCommand> {
	return attempt((): NnCommand => {
		const m = record(data, 'a command');
		switch (m.type) {
			case 'setup':
				return { type: 'setup', setup: copySetup(m.setup) };
			case 'play':
			case 'pause':
			case 'step':
				return { type: m.type };
			case 'focus':
				return { type: 'focus', id: num(m.id, 'focus id') };
			case 'grid':
				return { type: 'grid', grid: copyGrid(m.grid) };
			default:
				throw new ShapeError(`unknown command type "${String(m.type)}"`);
		}
	});
}
