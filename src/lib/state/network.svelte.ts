/**
 * The neural-network page's state: the dataset (seeded playground sets or penguins), the network (layers,
 * activation, penalties, initialisation), the training settings and the roster of optimizers (a Playground
 * used as the roster), and what the training worker streams back: the epoch, every run's loss and accuracy
 * history, the focused run's weights, its predictions over the data and its weight snapshots. Training
 * itself runs in a Web Worker (workers/nn-train-client.ts), so the page keeps drawing while it trains.
 */
import { getPlaygroundSet, type PlaygroundSetId } from '../core/data/playground-sets';
import { selectDataset } from '../core/data/select';
import { trainTestSplit } from '../core/data/split';
import { applyStandardizer, fitStandardizer } from '../core/data/standardize';
import type { DataTable } from '../core/data/table';
import { findRealDataset, tableFromRecords } from '../core/data/vega';
import type { Dataset } from '../core/models/matrix';
import type { Activation, InitScheme, MlpSpec } from '../core/nn/mlp';
import { createMlp, layerWeights, type Mlp } from '../core/nn/mlp';
import type { ViewBox } from '../core/objective';
import { getOptimizer } from '../core/optimizers';
import type { NnGrid, NnMessage, NnSetup } from '../workers/nn-protocol';
import type { NnTrainerClient } from '../workers/nn-train-client';
import { Playground } from './playground.svelte';

export type NetworkDataId = PlaygroundSetId | 'penguins';

export const NETWORK_DATASETS: readonly { id: NetworkDataId; label: string }[] = [
	{ id: 'circles', label: 'Circles' },
	{ id: 'xor', label: 'XOR' },
	{ id: 'gaussian', label: 'Two Gaussians' },
	{ id: 'spiral', label: 'Two spirals' },
	{ id: 'spiral3', label: 'Three spirals (3 classes)' },
	{ id: 'sine', label: 'Sine curve (regression)' },
	{ id: 'cubic', label: 'Cubic curve (regression)' },
	{ id: 'penguins', label: 'Palmer penguins (two measurements)' }
];

/** Most runs trained at once in race mode (the worker's limit). */
export const MAX_RACE_RUNS = 8;

export interface RunHistory {
	readonly id: number;
	status: 'ok' | 'diverged';
	error?: string;
	epochs: number[];
	trainLoss: number[];
	testLoss: number[];
	trainAccuracy: number[];
	testAccuracy: number[];
}

export type NetworkTask = 'binary' | 'multiclass' | 'regression';

export interface PreparedNetworkData {
	readonly task: NetworkTask;
	readonly featureNames: readonly string[];
	readonly targetName: string;
	/** Classification: the label of each class, in class order (binary: class 0, class 1). */
	readonly classes?: readonly string[];
	readonly train: Dataset;
	readonly test: Dataset;
	/** The region the boundary plot shows (data extent with a margin). */
	readonly box: ViewBox;
	readonly note: string | null;
}

export class NetworkLab {
	dataset = $state<NetworkDataId>('circles');
	points = $state(500);
	noise = $state(0);
	dataSeed = $state(1);
	testFraction = $state(0.5);
	/** Penguins: the two measurements and the class that is 1. */
	penguinFeatures = $state.raw<[string, string]>(['Beak Length (mm)', 'Flipper Length (mm)']);
	penguinPositive = $state('Adelie');
	/** Penguins: every species its own class (softmax over 3), instead of one species against the rest. */
	penguinAll = $state(false);
	penguinTable = $state.raw<DataTable | null>(null);

	hidden = $state.raw<number[]>([4, 2]);
	/** One activation per hidden layer (kept as long as `hidden`; new layers copy the last one). */
	activations = $state.raw<Activation[]>(['tanh', 'tanh']);
	init = $state<InitScheme>('xavier');
	l1 = $state(0);
	l2 = $state(0);
	seed = $state(1);
	batchSize = $state(10);
	maxEpochs = $state(1000);
	/** Train every visible run at once (same initial weights), or only the first. */
	race = $state(false);

	/** Optimizer roster (the runs' optimizers and hyperparameters); its 2D machinery is not used here. */
	readonly roster = new Playground();

	// ---- streamed from the worker ----
	epoch = $state(0);
	playing = $state(false);
	epochsPerSecond = $state(0);
	histories = $state.raw<RunHistory[]>([]);
	focus = $state<number | null>(null);
	focusParams = $state.raw<Float64Array | null>(null);
	predictions = $state.raw<{ nx: number; ny: number; values: Float64Array } | null>(null);
	snapshots = $state.raw<{ epochs: number[]; params: Float64Array[] } | null>(null);
	error = $state<string | null>(null);
	grid = $state.raw<NnGrid | null>(null);

	/** Sets the hidden layers' widths, keeping each layer's activation (new layers copy the last one). */
	setHidden(widths: number[]): void {
		const last = this.activations.at(-1) ?? 'tanh';
		this.activations = widths.map((_, i) => this.activations[i] ?? last);
		this.hidden = widths;
	}

	setActivation(layer: number, a: Activation): void {
		this.activations = this.activations.map((old, i) => (i === layer ? a : old));
	}

	#client: NnTrainerClient | null = null;
	#unlisten: (() => void) | null = null;
	// Accumulates streamed history outside reactivity; `histories` is the reactive snapshot of it.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#historyMap = new Map<number, RunHistory>();

	// ---- derived ----------------------------------------------------------------------------------------

	data: PreparedNetworkData | { error: string } = $derived.by(() => {
		try {
			let d: Dataset & { featureNames: readonly string[] };
			let task: NetworkTask;
			let targetName = 'class';
			let classes: readonly string[] | undefined;
			let note: string | null = null;
			if (this.dataset === 'penguins') {
				const table = this.penguinTable;
				if (!table) return { error: 'Loading the penguins…' };
				const sel = selectDataset(table, {
					features: this.penguinFeatures,
					target: 'Species',
					...(this.penguinAll
						? { task: 'multiclass' as const }
						: { task: 'classification' as const, positive: this.penguinPositive })
				});
				d = sel.dataset;
				task = this.penguinAll ? 'multiclass' : 'binary';
				targetName = 'Species';
				classes = sel.labels ?? sel.classes;
				note = `${sel.dropped} records with a missing measurement left out; features standardised (z-scores from the training rows).`;
			} else {
				const info = getPlaygroundSet(this.dataset)!;
				d = info.make({ n: this.points, noise: this.noise, seed: this.dataSeed });
				task = info.task;
				if (task === 'regression') {
					targetName = 'y';
					classes = undefined;
				} else {
					classes = Array.from({ length: info.classes ?? 2 }, (_, c) => `class ${c}`);
				}
			}
			let { train, test } = trainTestSplit(d, { testFraction: this.testFraction, seed: this.dataSeed });
			if (this.dataset === 'penguins') {
				const s = fitStandardizer(train);
				train = applyStandardizer(train, s);
				test = applyStandardizer(test, s);
			}
			return {
				task,
				featureNames: d.featureNames,
				targetName,
				classes,
				train,
				test,
				box: dataBox(train, test, task),
				note
			};
		} catch (e) {
			return { error: e instanceof Error ? e.message : String(e) };
		}
	});

	spec: MlpSpec | null = $derived.by(() => {
		const d = this.data;
		if ('error' in d) return null;
		return {
			inputs: d.train.p,
			hidden: this.hidden,
			activation: this.hidden.map((_, i) => this.activations[i] ?? this.activations.at(-1) ?? 'tanh'),
			task: d.task,
			...(d.task === 'multiclass' ? { classes: d.classes?.length ?? 2 } : {}),
			l1: this.l1,
			l2: this.l2,
			init: this.init
		};
	});

	mlp: Mlp | null = $derived.by(() => {
		const spec = this.spec;
		if (!spec) return null;
		try {
			return createMlp(spec);
		} catch {
			return null;
		}
	});

	/** The runs that train: every visible run in race mode (up to 8), else the first visible one. */
	trainingRuns = $derived.by(() => {
		const visible = this.roster.runs.filter((r) => r.visible);
		return this.race ? visible.slice(0, MAX_RACE_RUNS) : visible.slice(0, 1);
	});

	/** Why a run cannot train here (Newton needs a Hessian), by run id. */
	runProblems = $derived.by(() => {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, not state
		const out = new Map<number, string>();
		for (const r of this.trainingRuns)
			if (getOptimizer(r.optimizer)?.needs === 'hessian')
				out.set(
					r.id,
					`${getOptimizer(r.optimizer)!.label} needs the Hessian, which a network does not provide here.`
				);
		return out;
	});

	/** Per layer weights and biases of the focused run, for the network graph. */
	layers = $derived.by(() => {
		const mlp = this.mlp;
		const params = this.focusParams;
		if (!mlp || !params || params.length !== mlp.paramCount) return null;
		return mlp.layers.map((l, i) => ({
			inputs: l.inputs,
			outputs: l.outputs,
			activation: l.activation,
			...layerWeights(mlp, params, i)
		}));
	});

	// ---- worker ------------------------------------------------------------------------------------------

	/** Connects to the training worker (the page calls this on mount). */
	async connect(): Promise<void> {
		const { createNnTrainer } = await import('../workers/nn-train-client');
		this.#client = createNnTrainer();
		this.#unlisten = this.#client.onMessage((m) => this.#receive(m));
		this.reset();
	}

	dispose(): void {
		this.#unlisten?.();
		this.#client?.dispose();
		this.#client = null;
	}

	/** The setup for the worker, or null when the data or the network is not usable. */
	setupFor(grid: NnGrid): NnSetup | null {
		const d = this.data;
		const spec = this.spec;
		const runs = this.trainingRuns.filter((r) => !this.runProblems.has(r.id));
		if ('error' in d || !spec || !this.mlp || runs.length === 0) return null;
		return {
			spec: { ...spec, hidden: [...spec.hidden] },
			train: plain(d.train),
			test: plain(d.test),
			runs: runs.map((r) => ({ id: r.id, optimizer: r.optimizer, hyper: { ...r.hyper } })),
			batchSize: this.batchSize,
			seed: this.seed,
			grid,
			focus: this.focus !== null && runs.some((r) => r.id === this.focus) ? this.focus : runs[0].id,
			snapshotEvery: 1,
			maxEpochs: this.maxEpochs
		};
	}

	/** Restarts training from the initial weights (new data, network or runs). */
	reset(): void {
		const grid = this.grid;
		this.#historyMap.clear();
		this.histories = [];
		this.epoch = 0;
		this.playing = false;
		this.focusParams = null;
		this.predictions = null;
		this.snapshots = null;
		if (!grid) return;
		const setup = this.setupFor(grid);
		if (!setup) {
			this.#client?.pause();
			return;
		}
		this.error = null;
		this.focus = setup.focus;
		this.#client?.setup(setup);
	}

	play(): void {
		this.#client?.play();
	}

	pause(): void {
		this.#client?.pause();
	}

	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	stepEpoch(): void {
		this.#client?.step();
	}

	setFocus(id: number): void {
		this.focus = id;
		this.#client?.setFocus(id);
	}

	setGrid(grid: NnGrid): void {
		const same =
			this.grid !== null &&
			this.grid.nx === grid.nx &&
			this.grid.ny === grid.ny &&
			sameBox(this.grid.box, grid.box);
		if (same) return;
		const first = this.grid === null;
		this.grid = grid;
		if (first) this.reset();
		else this.#client?.setGrid(grid);
	}

	/** Loads the penguins table (once). */
	async loadPenguins(): Promise<void> {
		if (this.penguinTable) return;
		const info = findRealDataset('penguins')!;
		const records = (await import('$vega/penguins.json')).default;
		this.penguinTable = tableFromRecords(records, info.title);
	}

	#receive(m: NnMessage): void {
		if (m.type === 'error') {
			this.error = m.message;
			return;
		}
		this.error = null;
		this.epoch = m.epoch;
		this.playing = m.playing;
		this.epochsPerSecond = m.epochsPerSecond;
		let changed = false;
		for (const r of m.runs) {
			let h = this.#historyMap.get(r.id);
			if (!h) {
				h = {
					id: r.id,
					status: r.status,
					epochs: [],
					trainLoss: [],
					testLoss: [],
					trainAccuracy: [],
					testAccuracy: []
				};
				this.#historyMap.set(r.id, h);
			}
			h.status = r.status;
			h.error = r.error;
			for (let i = 0; i < r.epochs.length; i++) {
				h.epochs.push(r.epochs[i]);
				h.trainLoss.push(r.trainLoss[i]);
				h.testLoss.push(r.testLoss[i]);
				h.trainAccuracy.push(r.trainAccuracy[i]);
				h.testAccuracy.push(r.testAccuracy[i]);
			}
			changed = true;
		}
		// A new array (the arrays inside are appended to in place): views compare it by reference.
		if (changed) this.histories = [...this.#historyMap.values()];
		this.focus = m.focus.id;
		this.focusParams = m.focus.params;
		if (m.focus.predictions && this.grid)
			this.predictions = { nx: this.grid.nx, ny: this.grid.ny, values: m.focus.predictions };
		if (m.focus.snapshots) this.snapshots = m.focus.snapshots;
	}
}

function plain(d: Dataset): Dataset {
	return { x: Float64Array.from(d.x), y: Float64Array.from(d.y), n: d.n, p: d.p };
}

function sameBox(a: ViewBox, b: ViewBox): boolean {
	return a.xMin === b.xMin && a.xMax === b.xMax && a.yMin === b.yMin && a.yMax === b.yMax;
}

/** The data's extent with a 10% margin (classification: the two features; regression: x and y). */
export function dataBox(train: Dataset, test: Dataset, task: NetworkTask): ViewBox {
	let x0 = Infinity;
	let x1 = -Infinity;
	let y0 = Infinity;
	let y1 = -Infinity;
	for (const d of [train, test])
		for (let i = 0; i < d.n; i++) {
			const a = d.x[i * d.p];
			const b = task === 'regression' ? d.y[i] : d.x[i * d.p + 1];
			if (a < x0) x0 = a;
			if (a > x1) x1 = a;
			if (b < y0) y0 = b;
			if (b > y1) y1 = b;
		}
	if (!(x0 < x1)) [x0, x1] = [x0 - 1, x0 + 1];
	if (!(y0 < y1)) [y0, y1] = [y0 - 1, y0 + 1];
	const mx = 0.1 * (x1 - x0);
	const my = 0.1 * (y1 - y0);
	return { xMin: x0 - mx, xMax: x1 + mx, yMin: y0 - my, yMax: y1 + my };
}
