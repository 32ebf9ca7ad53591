/**
 * The network page's settings as a shareable query string, on the same rules as the playground's scene
 * (url-codec.ts): versioned, readable, only what differs from the defaults, and any input at all read back
 * into valid settings with short notices naming what was ignored and why.
 *
 *   v=1&data=spiral&noise=0.1&hidden=8,8&act=relu,relu&l2=0.001&batch=32&race=true
 *     &run=gd;c=0;lr=0.03&run=adam;c=1;lr=0.01
 *
 * The penguins' two measurements are two `feature` entries (a column name is free text: it may hold any
 * character). Their names and the positive class are checked against the loaded table by
 * checkPenguinChoice, once the page has the table. No Svelte, no DOM: networkConfigOf and applyNetworkConfig
 * only read and write a NetworkLab's fields.
 */
import { activations as ACTIVATIONS, initSchemes, type Activation, type InitScheme } from '../core/nn/mlp';
import type { DataTable } from '../core/data/table';
import {
	BATCH_SPEC,
	DATA_SEED_SPEC,
	EPOCHS_SPEC,
	INIT_SEED_SPEC,
	L1_SPEC,
	L2_SPEC,
	NOISE_SPEC,
	parseHidden,
	POINTS_SPEC,
	TEST_SPEC
} from './network-controls';
import { NETWORK_DATASETS, type NetworkDataId, type NetworkLab } from './network.svelte';
import type { RunConfig } from './scene';
import {
	choiceParser,
	decodeQuery,
	decodeRuns,
	echo,
	encodeNumbers,
	encodeRuns,
	escapeName,
	formatNumber,
	makeRun,
	Notices,
	parseFlag,
	parseName,
	readNumbers,
	readParam,
	sameRuns,
	URL_VERSION,
	type NumberSetting,
	type Parsed,
	type QueryParams
} from './url-codec';

export interface NetworkConfig {
	readonly dataset: NetworkDataId;
	readonly points: number;
	readonly noise: number;
	readonly dataSeed: number;
	readonly testFraction: number;
	readonly penguinFeatures: readonly [string, string];
	readonly penguinPositive: string;
	readonly penguinAll: boolean;
	/** Widths of the hidden layers. */
	readonly hidden: readonly number[];
	/** One per hidden layer. */
	readonly activations: readonly Activation[];
	readonly init: InitScheme;
	readonly l1: number;
	readonly l2: number;
	readonly seed: number;
	readonly batchSize: number;
	readonly maxEpochs: number;
	readonly race: boolean;
	readonly runs: readonly RunConfig[];
}

export interface DecodedNetwork {
	config: NetworkConfig;
	/** Short sentences naming what was ignored, and why; empty for a clean link. */
	notices: string[];
}

type NumericField =
	'points' | 'noise' | 'dataSeed' | 'testFraction' | 'l1' | 'l2' | 'seed' | 'batchSize' | 'maxEpochs';

/** The data's numeric settings: URL parameter, spec (domain and default) and field, in the order written. */
const DATA_NUMBERS: readonly NumberSetting<NumericField>[] = [
	{ param: 'points', spec: POINTS_SPEC, field: 'points' },
	{ param: 'noise', spec: NOISE_SPEC, field: 'noise' },
	{ param: 'dseed', spec: DATA_SEED_SPEC, field: 'dataSeed' },
	{ param: 'test', spec: TEST_SPEC, field: 'testFraction' }
];
/** The network's and the training's numeric settings, written after the layers. */
const TRAINING_NUMBERS: readonly NumberSetting<NumericField>[] = [
	{ param: 'l1', spec: L1_SPEC, field: 'l1' },
	{ param: 'l2', spec: L2_SPEC, field: 'l2' },
	{ param: 'seed', spec: INIT_SEED_SPEC, field: 'seed' },
	{ param: 'batch', spec: BATCH_SPEC, field: 'batchSize' },
	{ param: 'epochs', spec: EPOCHS_SPEC, field: 'maxEpochs' }
];
/** Every numeric setting of the page. */
export const NETWORK_NUMBERS: readonly NumberSetting<NumericField>[] = [...DATA_NUMBERS, ...TRAINING_NUMBERS];

/** The activation of every layer a link does not name. */
export const DEFAULT_ACTIVATION: Activation = 'tanh';
export const DEFAULT_PENGUIN_FEATURES: readonly [string, string] = [
	'Beak Length (mm)',
	'Flipper Length (mm)'
];
export const DEFAULT_PENGUIN_POSITIVE = 'Adelie';
/** The column of the penguins' classes. */
const SPECIES = 'Species';
// Room for six layers of two digits with blanks; longer text is refused before it is split.
const MAX_HIDDEN_TEXT = 64;
const MAX_ACT_TEXT = 200;

/** What the page shows on a first visit: circles, a 4-2 tanh network, gradient descent at lr 0.03. */
export function defaultNetworkConfig(): NetworkConfig {
	return {
		dataset: 'circles',
		points: POINTS_SPEC.default,
		noise: NOISE_SPEC.default,
		dataSeed: DATA_SEED_SPEC.default,
		testFraction: TEST_SPEC.default,
		penguinFeatures: [...DEFAULT_PENGUIN_FEATURES],
		penguinPositive: DEFAULT_PENGUIN_POSITIVE,
		penguinAll: false,
		hidden: [4, 2],
		activations: [DEFAULT_ACTIVATION, DEFAULT_ACTIVATION],
		init: 'xavier',
		l1: L1_SPEC.default,
		l2: L2_SPEC.default,
		seed: INIT_SEED_SPEC.default,
		batchSize: BATCH_SPEC.default,
		maxEpochs: EPOCHS_SPEC.default,
		race: false,
		runs: [makeRun('gd', { lr: 0.03 }, 0)]
	};
}

// ---------------------------------------------------------------------------------------------------------
// Encoding

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean =>
	a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** The settings as a query string without the leading '?': `v=1` and whatever differs from the defaults. */
export function encodeNetwork(cfg: NetworkConfig): string {
	const d = defaultNetworkConfig();
	const parts: string[] = [`v=${URL_VERSION}`];
	if (cfg.dataset !== d.dataset) parts.push(`data=${escapeName(cfg.dataset)}`);
	encodeNumbers(parts, DATA_NUMBERS, cfg, d);
	if (!sameList(cfg.penguinFeatures, d.penguinFeatures))
		for (const f of cfg.penguinFeatures) parts.push(`feature=${escapeName(f)}`);
	if (cfg.penguinPositive !== d.penguinPositive) parts.push(`positive=${escapeName(cfg.penguinPositive)}`);
	if (cfg.penguinAll !== d.penguinAll) parts.push(`allspecies=${cfg.penguinAll}`);
	if (!sameList(cfg.hidden, d.hidden))
		parts.push(`hidden=${cfg.hidden.length === 0 ? '0' : cfg.hidden.map(formatNumber).join(',')}`);
	const acts = cfg.hidden.map((_, i) => cfg.activations[i] ?? cfg.activations.at(-1) ?? DEFAULT_ACTIVATION);
	if (acts.some((a) => a !== DEFAULT_ACTIVATION)) parts.push(`act=${acts.join(',')}`);
	if (cfg.init !== d.init) parts.push(`init=${cfg.init}`);
	encodeNumbers(parts, TRAINING_NUMBERS, cfg, d);
	if (cfg.race !== d.race) parts.push(`race=${cfg.race}`);
	if (!sameRuns(cfg.runs, d.runs)) parts.push(...encodeRuns(cfg.runs));
	return parts.join('&');
}

// ---------------------------------------------------------------------------------------------------------
// Decoding

const SINGLE_KEYS = new Set([
	...NETWORK_NUMBERS.map((n) => n.param),
	'data',
	'positive',
	'allspecies',
	'hidden',
	'act',
	'init',
	'race'
]);
const LIST_KEYS = new Set(['run', 'feature']);

function parseHiddenParam(text: string): Parsed<number[]> {
	if (text.length > MAX_HIDDEN_TEXT) return { ok: false, reason: 'too long' };
	const r = parseHidden(text);
	return r.ok ? { ok: true, value: r.value } : { ok: false, reason: echo(r.message, 80) };
}

function activationsParser(layers: number): (text: string) => Parsed<Activation[]> {
	return (text) => {
		if (text.length > MAX_ACT_TEXT) return { ok: false, reason: 'too long' };
		const names = text === '' ? [] : text.split(',');
		const bad = names.find((a) => !(ACTIVATIONS as readonly string[]).includes(a));
		if (bad !== undefined)
			return { ok: false, reason: `unknown activation "${echo(bad)}" (one of ${ACTIVATIONS.join(', ')})` };
		if (names.length !== layers) {
			const s = layers === 1 ? '' : 's';
			return { ok: false, reason: `needs one activation per hidden layer (${layers} layer${s})` };
		}
		return { ok: true, value: names as Activation[] };
	};
}

function decodeFeatures(texts: readonly string[] | undefined, notices: Notices): [string, string] {
	const fallback: [string, string] = [...DEFAULT_PENGUIN_FEATURES];
	if (texts === undefined) return fallback;
	if (texts.length !== 2) {
		notices.add(
			`Ignored feature: the penguins take exactly two (feature=…&feature=…), the link gives ${texts.length}`
		);
		return fallback;
	}
	const out: [string, string] = [...fallback];
	texts.forEach((text, i) => {
		const r = parseName(text);
		if (r.ok) out[i] = r.value;
		else notices.add(`Ignored feature=${echo(text)}: ${r.reason}`);
	});
	return out;
}

/**
 * Reads a query string (with or without '?') into valid settings. Every parameter is checked on its own;
 * what cannot be used is replaced by its default and named in a notice. Never throws.
 */
export function decodeNetwork(query: string): DecodedNetwork {
	const { value, notices } = decodeQuery(query, SINGLE_KEYS, LIST_KEYS, defaultNetworkConfig, decode);
	return { config: value, notices };
}

function decode({ single, lists, notices }: QueryParams, d: NetworkConfig): NetworkConfig {
	const ids = NETWORK_DATASETS.map((s) => s.id);
	const dataset = readParam(single, 'data', choiceParser(ids, 'dataset'), notices, d.dataset);
	const numbers = readNumbers(single, NETWORK_NUMBERS, notices, d);
	const penguinFeatures = decodeFeatures(lists.get('feature'), notices);
	const penguinPositive = readParam(single, 'positive', parseName, notices, d.penguinPositive);
	const penguinAll = readParam(single, 'allspecies', parseFlag, notices, d.penguinAll);
	const hidden = readParam(single, 'hidden', parseHiddenParam, notices, [...d.hidden]);
	const activations = readParam(
		single,
		'act',
		activationsParser(hidden.length),
		notices,
		hidden.map(() => DEFAULT_ACTIVATION)
	);
	const init = readParam(single, 'init', choiceParser(initSchemes, 'initialisation'), notices, d.init);
	const race = readParam(single, 'race', parseFlag, notices, d.race);
	const runs = decodeRuns(lists.get('run') ?? [], notices) ?? d.runs;
	return {
		dataset,
		...numbers,
		penguinFeatures,
		penguinPositive,
		penguinAll,
		hidden,
		activations,
		init,
		race,
		runs
	};
}

// ---------------------------------------------------------------------------------------------------------
// Checks that need the penguins table

/** The settings name penguin columns or a class other than the defaults (so the table is needed to check). */
export function needsPenguinTable(cfg: NetworkConfig): boolean {
	return (
		cfg.dataset === 'penguins' ||
		!sameList(cfg.penguinFeatures, DEFAULT_PENGUIN_FEATURES) ||
		cfg.penguinPositive !== DEFAULT_PENGUIN_POSITIVE
	);
}

/**
 * The penguin features and positive class fitted to the loaded table: a feature that is not a numeric
 * column, or a class the species column does not have, is replaced by its default, with a notice.
 */
export function checkPenguinChoice(
	cfg: NetworkConfig,
	table: DataTable
): { config: NetworkConfig; notices: string[] } {
	const notices: string[] = [];
	const numeric = new Set(table.columns.filter((c) => c.kind === 'numeric').map((c) => c.name));
	const features: [string, string] = [cfg.penguinFeatures[0], cfg.penguinFeatures[1]];
	for (let k = 0; k < 2; k++) {
		if (numeric.has(features[k])) continue;
		notices.push(`Ignored feature=${echo(features[k])}: the penguins have no measurement of that name`);
		features[k] = DEFAULT_PENGUIN_FEATURES[k];
	}
	let positive = cfg.penguinPositive;
	const classes = table.columns.find((c) => c.name === SPECIES)?.categories ?? [];
	if (!classes.includes(positive)) {
		notices.push(`Ignored positive=${echo(positive)}: the penguins have no species of that name`);
		positive = DEFAULT_PENGUIN_POSITIVE;
	}
	return { config: { ...cfg, penguinFeatures: features, penguinPositive: positive }, notices };
}

// ---------------------------------------------------------------------------------------------------------
// The lab

/** The lab's settings, as plain data. */
export function networkConfigOf(lab: NetworkLab): NetworkConfig {
	const hidden = [...lab.hidden];
	return {
		dataset: lab.dataset,
		points: lab.points,
		noise: lab.noise,
		dataSeed: lab.dataSeed,
		testFraction: lab.testFraction,
		penguinFeatures: [lab.penguinFeatures[0], lab.penguinFeatures[1]],
		penguinPositive: lab.penguinPositive,
		penguinAll: lab.penguinAll,
		hidden,
		// One per layer, as the network itself reads them.
		activations: hidden.map((_, i) => lab.activations[i] ?? lab.activations.at(-1) ?? DEFAULT_ACTIVATION),
		init: lab.init,
		l1: lab.l1,
		l2: lab.l2,
		seed: lab.seed,
		batchSize: lab.batchSize,
		maxEpochs: lab.maxEpochs,
		race: lab.race,
		runs: lab.roster.runs.map(({ id: _id, ...run }) => run)
	};
}

/** Sets every setting of the lab (the penguins table, when needed, is the caller's to load). */
export function applyNetworkConfig(lab: NetworkLab, cfg: NetworkConfig): void {
	lab.dataset = cfg.dataset;
	for (const { field } of NETWORK_NUMBERS) lab[field] = cfg[field];
	lab.penguinFeatures = [cfg.penguinFeatures[0], cfg.penguinFeatures[1]];
	lab.penguinPositive = cfg.penguinPositive;
	lab.penguinAll = cfg.penguinAll;
	lab.hidden = [...cfg.hidden];
	lab.activations = cfg.hidden.map((_, i) => cfg.activations[i] ?? DEFAULT_ACTIVATION);
	lab.init = cfg.init;
	lab.race = cfg.race;
	lab.roster.setRuns(cfg.runs);
}
