/**
 * The regression panel's state: which data (synthetic, a real dataset, an uploaded CSV), which columns, the
 * split, the model and its penalty; from these it derives the closed-form fit, the sweeps (error against
 * degree, coefficient path), and, when the model has two parameters, the loss over them as an external
 * objective for a Playground, whose roster of optimizers races on it with full, mini-batch or single-sample
 * gradients. Heavy work is bounded: tables are parsed in a worker and huge data is sampled (and said so).
 */
import { DataError, type NamedDataset } from '../core/data/types';
import { isUsableAsNumbers, selectDataset } from '../core/data/select';
import type { DataTable, TableColumn } from '../core/data/table';
import { findRealDataset, tableFromRecords } from '../core/data/vega';
import { sampleRows, trainTestSplit } from '../core/data/split';
import { unstandardizeLinear, type Standardizer } from '../core/data/standardize';
import { MAX_POLYNOMIAL_DEGREE } from '../core/data/polynomial';
import type { ViewBox } from '../core/objective';
import { fitModel, ModelError, type Dataset, type ModelId } from '../core/models';
import { accuracy, logLoss } from '../core/models/logistic';
import { levelEllipse, normBall, quadraticCentre } from '../core/models/constraint-picture';
import {
	createParameterSurface,
	type ParameterSurface,
	type SurfaceAxes,
	type SurfaceSpec
} from '../core/models/parameter-surface';
import {
	alphaGrid,
	coefficientPath,
	cGrid,
	degreeCurve,
	logisticPath,
	meanSquaredError,
	prepareFeatures,
	type CoefficientPath,
	type DegreePoint,
	type PreparedFeatures
} from '../core/models/sweeps';
import type { OverlayShape } from '../views/contour/types';
import type { RunView } from '../views/types';
import { Playground, type ExternalObjective } from './playground.svelte';
import {
	generateSynthetic,
	syntheticInfo,
	type SyntheticId,
	type SyntheticParams,
	type Task
} from './regression-data';

export interface ColumnChoice {
	readonly features: readonly string[];
	readonly target: string;
	readonly positive?: string;
}

export type DataSource =
	| { readonly kind: 'synthetic'; readonly id: SyntheticId }
	| { readonly kind: 'table'; readonly label: string };

/** A dataset chosen from a table (real or uploaded), ready for the pipeline. */
export interface TableSelection {
	readonly dataset: NamedDataset;
	readonly task: Task;
	readonly targetName: string;
	readonly classes?: readonly [string, string];
	readonly dropped: number;
	readonly reasons: readonly string[];
}

export interface PreparedData {
	readonly name: string;
	readonly task: Task;
	readonly featureNames: readonly string[];
	readonly targetName: string;
	readonly classes?: readonly [string, string];
	/** Every usable row, in original units. */
	readonly all: Dataset;
	readonly train: Dataset;
	readonly test: Dataset;
	readonly dropped: number;
	readonly reasons: readonly string[];
	/** Bumped whenever the rows change (resets the surface's start and view). */
	readonly version: number;
}

export interface Metrics {
	/** Regression: mean squared error and R^2. Classification: log-loss and accuracy. */
	readonly train: { readonly primary: number; readonly secondary: number };
	readonly test: { readonly primary: number; readonly secondary: number };
}

export interface FittedModel {
	readonly model: ModelId;
	/** The degree actually used (1 unless the data has one feature and the model is a regression). */
	readonly degree: number;
	readonly features: PreparedFeatures;
	/** Names of the model's inputs (x, x^2, ...). */
	readonly inputNames: readonly string[];
	/** Coefficients and intercept in the model's own units (standardised when standardising). */
	readonly coef: Float64Array;
	readonly intercept: number;
	/** The same model in the original units of the raw features (powers of x for polynomials). */
	readonly original: { readonly coef: Float64Array; readonly intercept: number };
	/** scikit-learn's objective at the fit. */
	readonly objective: number;
	readonly metrics: Metrics;
}

export interface SurfaceState {
	readonly axes: SurfaceAxes;
	/** Axis names, e.g. ['slope w', 'intercept b'] or ['w₁ (x1)', 'w₂ (x2)']. */
	readonly names: readonly [string, string];
	readonly train: ParameterSurface;
	/** The data term on the test rows (no penalty), for the test-loss curve. */
	readonly test: ParameterSurface | null;
	readonly optimum: readonly [number, number];
	readonly fStar: number;
	readonly box: ViewBox;
	readonly shapes: readonly OverlayShape[];
	readonly external: ExternalObjective;
	/** Identity of the data and parameterisation: start and view reset when it changes. */
	readonly identity: string;
	/** Why rows were sampled, when they were. */
	readonly note: string | null;
}

export interface RunModel {
	readonly id: number;
	readonly color: string;
	readonly label: string;
	readonly status: RunView['status'];
	/** The model at the run's current iterate, in original units. */
	readonly coef: Float64Array;
	readonly intercept: number;
}

/**
 * Rows beyond which the logistic surface (O(n) per step, recomputed on every drag) uses a seeded sample:
 * a 3-run race of 1,000 steps costs about 25 ms per 1,000 rows.
 */
export const LOGISTIC_SURFACE_ROWS = 1000;
/** Rows beyond which the sweeps (degree curve, coefficient path) are skipped. */
export const SWEEP_ROWS = 50_000;

export const ALPHA_RANGE = { min: 1e-4, max: 1e4 } as const;
export const C_RANGE = { min: 1e-4, max: 1e4 } as const;

let versionCounter = 0;
let surfaceCounter = 0;

export class RegressionLab {
	source = $state.raw<DataSource>({ kind: 'synthetic', id: 'line' });
	synthetic = $state.raw<SyntheticParams>(syntheticInfo('line').defaults);
	/** The loaded table (a real dataset or a CSV file), or null. */
	table = $state.raw<DataTable | null>(null);
	/** Columns chosen from the table; `positive` is the class shown as 1 for classification. */
	columns = $state.raw<ColumnChoice>({ features: [], target: '' });
	/** Loading progress of a table (0..1), or null when idle. */
	loading = $state.raw<{ label: string; fraction: number } | null>(null);
	/** Why the last table load failed (the previous table stays), or null. */
	loadError = $state<string | null>(null);
	#abort: AbortController | null = null;

	/** The table's dataset for the chosen columns, or why there is none. */
	selection: TableSelection | { error: string } | null = $derived.by(() => {
		const table = this.table;
		if (table === null) return null;
		const { features, target, positive } = this.columns;
		if (target === '') return { error: 'Choose a target column.' };
		if (features.length === 0) return { error: 'Choose at least one feature column.' };
		try {
			const task = this.modelTask;
			const sel = selectDataset(table, { features, target, task, positive });
			return {
				dataset: sel.dataset,
				task,
				targetName: target,
				classes: sel.classes,
				dropped: sel.dropped,
				reasons: sel.reasons
			};
		} catch (e) {
			return { error: e instanceof Error ? e.message : String(e) };
		}
	});

	testFraction = $state(0.25);
	splitSeed = $state(1);
	standardize = $state(false);

	model = $state<ModelId>('linear');
	degree = $state(1);
	alpha = $state(1);
	C = $state(1);
	/** Mini-batch size for the optimizers on the surface; null = full batch. */
	batchSize = $state<number | null>(null);
	shuffleSeed = $state(1);

	readonly playground: Playground;

	constructor() {
		this.playground = new Playground({ external: () => this.surface?.external ?? null });
	}

	// ---- data ----------------------------------------------------------------------------------------

	/** The rows in use, split, or why there are none. */
	data: PreparedData | { error: string } = $derived.by(() => {
		try {
			let d: NamedDataset;
			let task: Task;
			let targetName = 'y';
			let classes: readonly [string, string] | undefined;
			let dropped = 0;
			let reasons: readonly string[] = [];
			if (this.source.kind === 'synthetic') {
				const info = syntheticInfo(this.source.id);
				d = generateSynthetic(info.id, this.synthetic);
				task = info.task;
				if (task === 'classification') {
					targetName = 'class';
					classes = ['0', '1'];
				}
			} else {
				const sel = this.selection;
				if (sel === null)
					return {
						error: this.loading
							? `Loading ${this.loading.label}…`
							: 'Drop a CSV file on the data panel, or choose one: it is read on this computer, nothing is uploaded.'
					};
				if ('error' in sel) return { error: sel.error };
				({ dataset: d, task, targetName, classes, dropped, reasons } = sel);
			}
			if (d.n < 4) throw new DataError(`only ${d.n} usable rows; at least 4 are needed to split and fit`);
			const { train, test } = trainTestSplit(d, { testFraction: this.testFraction, seed: this.splitSeed });
			return {
				name: d.name,
				task,
				featureNames: d.featureNames,
				targetName,
				classes,
				all: d,
				train,
				test,
				dropped,
				reasons,
				version: ++versionCounter
			};
		} catch (e) {
			return { error: e instanceof Error ? e.message : String(e) };
		}
	});

	/** The task the model needs, to tell the user when it does not match the data. */
	get modelTask(): Task {
		return this.model === 'logistic' ? 'classification' : 'regression';
	}

	/** Degree in effect: polynomials apply to one-feature regression only. */
	effectiveDegree = $derived.by(() => {
		const d = this.data;
		if ('error' in d || d.task !== 'regression' || d.featureNames.length !== 1) return 1;
		return Math.max(1, Math.min(MAX_POLYNOMIAL_DEGREE, Math.round(this.degree)));
	});

	// ---- the closed-form fit -------------------------------------------------------------------------

	fitted: FittedModel | { error: string } = $derived.by(() => {
		const d = this.data;
		if ('error' in d) return { error: d.error };
		if (d.task !== this.modelTask)
			return {
				error:
					this.model === 'logistic'
						? 'Logistic regression needs a target with two classes: choose a class column, or a regression model.'
						: 'This target is a class label: choose logistic regression, or a numeric target.'
			};
		try {
			const degree = this.effectiveDegree;
			const features = prepareFeatures(d.train, d.test, degree, this.standardize);
			const fit = fitModel(this.model, features.train, { alpha: this.alpha, C: this.C });
			const original = toOriginal(fit.coef, fit.intercept, features.standardizer);
			const names =
				degree > 1
					? Array.from({ length: degree }, (_, k) =>
							k === 0 ? d.featureNames[0] : `${d.featureNames[0]}^${k + 1}`
						)
					: [...d.featureNames];
			return {
				model: this.model,
				degree,
				features,
				inputNames: names,
				coef: fit.coef,
				intercept: fit.intercept,
				original,
				objective: fit.objective,
				metrics: metrics(this.model, features, fit.coef, fit.intercept)
			};
		} catch (e) {
			if (e instanceof ModelError || e instanceof DataError) return { error: e.message };
			return { error: e instanceof Error ? e.message : String(e) };
		}
	});

	// ---- sweeps --------------------------------------------------------------------------------------

	/** Train/test MSE for degree 1..15 (one-feature regression). */
	degreeCurve: DegreePoint[] | null = $derived.by(() => {
		const d = this.data;
		if ('error' in d || d.task !== 'regression' || d.featureNames.length !== 1 || this.model === 'logistic')
			return null;
		if (d.train.n > SWEEP_ROWS) return null;
		return degreeCurve(
			d.train,
			d.test,
			this.model,
			{ alpha: this.alpha, C: this.C },
			this.standardize,
			MAX_POLYNOMIAL_DEGREE
		);
	});

	/** Weights against alpha for ridge and lasso, against C for logistic regression (in the model's units). */
	path: CoefficientPath | null = $derived.by(() => {
		const f = this.fitted;
		if ('error' in f || f.model === 'linear') return null;
		if (f.features.train.n > SWEEP_ROWS) return null;
		try {
			if (f.model === 'logistic') return logisticPath(f.features.train, cGrid());
			return coefficientPath(f.model, f.features.train, alphaGrid(f.model, f.features.train, 48));
		} catch {
			return null;
		}
	});

	// ---- the linked loss surface ---------------------------------------------------------------------

	/** Null when the model does not have exactly two parameters (see surfaceReason). */
	surface: SurfaceState | null = $derived.by(() => {
		const f = this.fitted;
		const d = this.data;
		if ('error' in f || 'error' in d) return null;
		const p = f.features.train.p;
		if (p !== 1 && p !== 2) return null;
		const axes: SurfaceAxes = p === 1 ? 'slope-intercept' : 'two-weights';
		let train = f.features.train;
		let test: Dataset | null = f.features.test;
		let note: string | null = null;
		if (f.model === 'logistic' && train.n > LOGISTIC_SURFACE_ROWS) {
			train = sampleRows(train, LOGISTIC_SURFACE_ROWS, 1);
			test = test.n > LOGISTIC_SURFACE_ROWS ? sampleRows(test, LOGISTIC_SURFACE_ROWS, 2) : test;
			note = `The loss surface uses a seeded sample of ${LOGISTIC_SURFACE_ROWS.toLocaleString('en')} training rows.`;
		}
		const base = {
			model: f.model,
			axes,
			alpha: this.alpha,
			C: this.C,
			intercept: f.intercept
		} as const;
		const trainSpec: SurfaceSpec = {
			...base,
			x: train.x,
			y: train.y,
			n: train.n,
			batchSize: this.batchSize ?? undefined,
			seed: this.shuffleSeed
		};
		let surface: ParameterSurface;
		let testSurface: ParameterSurface | null = null;
		try {
			surface = createParameterSurface(trainSpec);
			if (test && test.n > 0) {
				const means = axes === 'two-weights' ? trainMeans(train) : undefined;
				testSurface = createParameterSurface({
					...base,
					model: f.model === 'logistic' ? 'logistic' : 'linear',
					C: Infinity,
					alpha: 0,
					x: test.x,
					y: test.y,
					n: test.n,
					xMean: means?.x,
					yMean: means?.y
				});
			}
		} catch {
			return null;
		}
		const optimum: [number, number] =
			axes === 'slope-intercept' ? [f.coef[0], f.intercept] : [f.coef[0], f.coef[1]];
		const fStar = surface.f(optimum[0], optimum[1]);
		const names = axisNames(axes, f.inputNames);
		const identity = `${d.version}|${axes}|${f.model === 'logistic'}|${this.standardize}|${f.degree}`;
		const box = defaultBox(optimum);
		const shapes = constraintShapes(f.model, axes, train, optimum, this.alpha);
		const key = `regression:${++surfaceCounter}`;
		const external: ExternalObjective = {
			key,
			objective: surface,
			source: { kind: 'surface', key, spec: { ...trainSpec, batchSize: undefined } },
			minima: [{ x: optimum[0], y: optimum[1], f: fStar, kind: 'global' }],
			fMin: fStar,
			view: box,
			shapes,
			axisNames: axes === 'slope-intercept' ? ['w', 'b', 'L'] : ['w₁', 'w₂', 'L']
		};
		return {
			axes,
			names,
			train: surface,
			test: testSurface,
			optimum,
			fStar,
			box,
			shapes,
			external,
			identity,
			note
		};
	});

	/** Why there is no loss surface to show (null when there is one). */
	get surfaceReason(): string | null {
		if (this.surface) return null;
		const f = this.fitted;
		if ('error' in f) return f.error;
		const p = f.features.train.p;
		return `This model has ${p + 1} parameters (${p} weights and an intercept). The loss surface needs exactly two: use one feature at degree 1 (slope and intercept) or two features (two weights).`;
	}

	/** Each run's model at the current iteration, in original units (for the data plot). */
	runModels: RunModel[] = $derived.by(() => {
		const s = this.surface;
		const f = this.fitted;
		if (!s || 'error' in f) return [];
		const k0 = this.playground.iteration;
		const out: RunModel[] = [];
		for (const r of this.playground.trajectories) {
			if (!r.visible || r.count === 0) continue;
			const k = Math.min(r.count - 1, k0);
			const m = s.train.model(r.points[3 * k], r.points[3 * k + 1]);
			const o = toOriginal(Float64Array.from(m.coef), m.intercept, f.features.standardizer);
			out.push({ id: r.id, color: r.color, label: r.label, status: r.status, ...o });
		}
		return out;
	});

	/** Training loss (the runs themselves) and test loss (dashed) of every run, for the loss chart. */
	lossCurves: RunView[] = $derived.by(() => {
		const runs = this.playground.trajectories;
		const test = this.surface?.test;
		if (!test) return runs;
		const out: RunView[] = [];
		for (const r of runs) {
			out.push(r);
			const pts = new Float64Array(3 * r.count);
			for (let k = 0; k < r.count; k++) {
				const a = r.points[3 * k];
				const b = r.points[3 * k + 1];
				pts[3 * k] = a;
				pts[3 * k + 1] = b;
				pts[3 * k + 2] = test.f(a, b);
			}
			out.push({
				...r,
				id: -r.id,
				label: `${r.label} (test)`,
				points: pts,
				dash: '5 4',
				gradNorms: undefined
			});
		}
		return out;
	});

	// ---- actions -------------------------------------------------------------------------------------

	/** Switches to a synthetic generator with its defaults (and the model and degree that suit it). */
	chooseSynthetic(id: SyntheticId): void {
		const info = syntheticInfo(id);
		this.cancelLoad();
		this.source = { kind: 'synthetic', id };
		this.synthetic = info.defaults;
		this.model = info.model;
		this.degree = info.degree;
	}

	/** Loads one of the real datasets (bundled with the page, fetched lazily) with its default columns. */
	async loadReal(id: 'cars' | 'penguins'): Promise<void> {
		const info = findRealDataset(id);
		if (!info) return;
		this.#abort?.abort();
		this.source = { kind: 'table', label: id };
		this.loading = { label: info.title, fraction: 0 };
		this.loadError = null;
		try {
			const records =
				id === 'cars'
					? (await import('$vega/cars.json')).default
					: (await import('$vega/penguins.json')).default;
			if (this.source.kind !== 'table' || this.source.label !== id) return; // chosen away meanwhile
			this.table = tableFromRecords(records, info.title);
			this.columns = {
				features: info.defaultFeatures,
				target: info.defaultTarget,
				positive: info.defaultPositive
			};
			this.model = info.task === 'classification' ? 'logistic' : 'linear';
			this.degree = 1;
		} catch (e) {
			this.loadError = `Could not load ${info.title}: ${e instanceof Error ? e.message : String(e)}`;
		} finally {
			this.loading = null;
		}
	}

	/** Shows the CSV picker; the data stay as they are until a file has been read. */
	chooseCsv(): void {
		this.#abort?.abort();
		this.source = { kind: 'table', label: 'csv' };
		this.table = null;
		this.loadError = null;
	}

	/**
	 * Reads a CSV file off the main thread (nothing leaves the machine). On success its first numeric or
	 * categorical column from the right is the target and the first other numeric column the feature; on
	 * failure the message names the line and the previous table stays.
	 */
	async loadCsvFile(file: Blob & { name?: string }): Promise<void> {
		this.#abort?.abort();
		const abort = new AbortController();
		this.#abort = abort;
		const label = file.name ?? 'CSV file';
		this.loading = { label, fraction: 0 };
		this.loadError = null;
		try {
			const { loadCsv } = await import('../workers/csv-client');
			const table = await loadCsv(file, {
				signal: abort.signal,
				onProgress: (fraction) => {
					if (this.#abort === abort) this.loading = { label, fraction };
				}
			});
			if (this.#abort !== abort) return;
			this.source = { kind: 'table', label: 'csv' };
			this.table = table;
			this.columns = defaultColumns(table);
			const target = table.columns.find((c) => c.name === this.columns.target);
			this.model = target && isClassColumn(target) ? 'logistic' : 'linear';
			this.degree = 1;
		} catch (e) {
			if (this.#abort === abort && !abort.signal.aborted)
				this.loadError = e instanceof Error ? e.message : String(e);
		} finally {
			if (this.#abort === abort) {
				this.loading = null;
				this.#abort = null;
			}
		}
	}

	/** Stops a CSV load in progress (the previous data stay). */
	cancelLoad(): void {
		this.#abort?.abort();
		this.#abort = null;
		this.loading = null;
	}

	/** Seeds the roster with a comparison that reads well on a regression loss. */
	defaultRoster(): void {
		const pg = this.playground;
		for (const r of [...pg.runs]) pg.removeRun(r.id);
		pg.addRun('gd', { lr: 0.1 });
		pg.addRun('momentum', { lr: 0.05, momentum: 0.9 });
		pg.addRun('adam', { lr: 0.1 });
		pg.setSteps(200);
	}
}

// ---- pure helpers ----------------------------------------------------------------------------------------

function toOriginal(coef: Float64Array, intercept: number, s: Standardizer | null) {
	if (!s) return { coef: Float64Array.from(coef), intercept };
	return unstandardizeLinear(coef, intercept, s);
}

function metrics(model: ModelId, f: PreparedFeatures, coef: Float64Array, intercept: number): Metrics {
	const one = (d: Dataset) => {
		if (d.n === 0) return { primary: Number.NaN, secondary: Number.NaN };
		if (model === 'logistic')
			return { primary: logLoss(d, coef, intercept), secondary: accuracy(d, coef, intercept) };
		const mse = meanSquaredError(d, { coef, intercept });
		let mean = 0;
		for (let i = 0; i < d.n; i++) mean += d.y[i] / d.n;
		let ss = 0;
		for (let i = 0; i < d.n; i++) ss += (d.y[i] - mean) ** 2;
		return { primary: mse, secondary: ss > 0 ? 1 - (mse * d.n) / ss : Number.NaN };
	};
	return { train: one(f.train), test: one(f.test) };
}

function trainMeans(d: Dataset): { x: [number, number]; y: number } {
	let a = 0;
	let b = 0;
	let y = 0;
	for (let i = 0; i < d.n; i++) {
		a += d.x[2 * i];
		b += d.x[2 * i + 1];
		y += d.y[i];
	}
	return { x: [a / d.n, b / d.n], y: y / d.n };
}

function axisNames(axes: SurfaceAxes, inputs: readonly string[]): [string, string] {
	if (axes === 'slope-intercept') return [`slope w (${inputs[0]})`, 'intercept b'];
	return [`w₁ (${inputs[0]})`, `w₂ (${inputs[1]})`];
}

/** A box holding the origin (where the runs start) and the optimum, with a margin. */
export function defaultBox(optimum: readonly [number, number]): ViewBox {
	const cx = optimum[0] / 2;
	const cy = optimum[1] / 2;
	const half = Math.max(0.5, 0.8 * Math.max(Math.abs(optimum[0]), Math.abs(optimum[1])));
	return { xMin: cx - half, xMax: cx + half, yMin: cy - half, yMax: cy + half };
}

/**
 * Ridge and lasso on two weights: the constraint region {P(w) <= P(w*)} and the level set of the data loss
 * through w* (see core/models/constraint-picture).
 */
function constraintShapes(
	model: ModelId,
	axes: SurfaceAxes,
	train: Dataset,
	optimum: readonly [number, number],
	alpha: number
): OverlayShape[] {
	if (axes !== 'two-weights' || (model !== 'ridge' && model !== 'lasso') || !(alpha > 0)) return [];
	const data = createParameterSurface({ model: 'linear', axes, x: train.x, y: train.y, n: train.n });
	const h = new Float64Array(4);
	const g = new Float64Array(2);
	data.hessian(0, 0, h);
	data.grad(0, 0, g);
	const c = quadraticCentre(h, g);
	const kind = model === 'ridge' ? 'l2' : 'l1';
	const t = kind === 'l2' ? Math.hypot(optimum[0], optimum[1]) : Math.abs(optimum[0]) + Math.abs(optimum[1]);
	const shapes: OverlayShape[] = [
		{
			points: normBall(kind, t),
			closed: true,
			stroke: '#ffffff',
			fill: 'rgba(255,255,255,0.18)',
			label: kind === 'l2' ? '‖w‖₂ ≤ t' : '‖w‖₁ ≤ t',
			labelAt: kind === 'l2' ? [t * 0.72, t * 0.72] : [t / 2, t / 2]
		}
	];
	if (c) {
		const ellipse = levelEllipse(h, c, optimum);
		// Label the ellipse on its far side from the optimum, away from the star.
		let far = ellipse[0];
		for (const p of ellipse)
			if (
				Math.hypot(p[0] - optimum[0], p[1] - optimum[1]) >
				Math.hypot(far[0] - optimum[0], far[1] - optimum[1])
			)
				far = p;
		shapes.push({
			points: ellipse,
			closed: true,
			stroke: '#ffd166',
			dash: '6 4',
			label: 'level set of the data loss',
			labelAt: far
		});
	}
	return shapes;
}

/** A column of class labels (as opposed to numbers with the odd bad cell). */
export function isClassColumn(c: TableColumn): boolean {
	return c.kind === 'categorical' && !isUsableAsNumbers(c);
}

/** Target: the right-most column of numbers or class labels; feature: the first other column of numbers. */
export function defaultColumns(table: DataTable): ColumnChoice {
	const usable = table.columns.filter((c) => isUsableAsNumbers(c) || isClassColumn(c));
	const target = usable[usable.length - 1];
	if (!target) return { features: [], target: '' };
	const feature = table.columns.find((c) => c !== target && isUsableAsNumbers(c));
	return {
		features: feature ? [feature.name] : [],
		target: target.name,
		positive: isClassColumn(target) ? defaultPositive(target.categories ?? []) : undefined
	};
}

/** Class 1 by default: of two labels the later in sort order ('yes' over 'no'), else the first seen. */
export function defaultPositive(categories: readonly string[]): string | undefined {
	if (categories.length === 2) return [...categories].sort()[1];
	return categories[0];
}
