/**
 * The regression page's settings as a shareable query string, on the same rules as the playground's scene
 * (url-codec.ts): versioned, readable, only what differs from the defaults, and any input at all read back
 * into valid settings with short notices naming what was ignored and why.
 *
 *   v=1&data=sine&n=40&degree=9&model=ridge&alpha=0.01&batch=8&start=1,-1&run=adam;c=0;lr=0.05
 *   v=1&data=cars&target=Miles_per_Gallon&feature=Horsepower&feature=Weight_in_lbs&std=true
 *
 * Defaults follow the data: `data=sine` alone means the sine's own points, noise and degree 3, and
 * `data=penguins` means its default columns and logistic regression. A real dataset's columns are free text
 * in the link; checkColumns fits them to the table once it is loaded. An uploaded CSV file cannot travel in a
 * link: for it nothing about the data is written (nor the model and degree, which were chosen for it), and
 * the link opens on the default data. No Svelte, no DOM: regressionConfigOf and applyRegressionConfig only
 * read and write a RegressionLab's fields.
 */
import { isUsableAsNumbers } from '../core/data/select';
import type { DataTable } from '../core/data/table';
import { findRealDataset, realDatasets, type RealDataset } from '../core/data/vega';
import { modelIds, type ModelId } from '../core/models';
import {
	ALPHA_SPEC,
	C_SPEC,
	DEGREE_SPEC,
	N_SPEC,
	NOISE_SPEC,
	SEED_SPEC,
	SHUFFLE_SEED_SPEC,
	SPLIT_SEED_SPEC,
	TEST_FRACTION_SPEC
} from './regression-controls';
import { SYNTHETIC, syntheticInfo, type SyntheticId, type SyntheticParams } from './regression-data';
import { defaultPositive, isClassColumn, type ColumnChoice, type RegressionLab } from './regression.svelte';
import { DEFAULT_STEPS, MAX_STEPS, type RunConfig } from './scene';
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
	parsePoint,
	parseWhole,
	readNumbers,
	readParam,
	sameRuns,
	settingParser,
	URL_VERSION,
	type NumberSetting,
	type Parsed,
	type QueryParams
} from './url-codec';

export type RealId = RealDataset['id'];

export type RegressionData =
	| { readonly kind: 'synthetic'; readonly id: SyntheticId; readonly params: SyntheticParams }
	| { readonly kind: 'real'; readonly id: RealId; readonly columns: ColumnChoice }
	/** A CSV file: not in the link; applying leaves the page's data as it is. */
	| { readonly kind: 'csv' };

export interface RegressionConfig {
	readonly data: RegressionData;
	readonly testFraction: number;
	readonly splitSeed: number;
	readonly standardize: boolean;
	readonly model: ModelId;
	readonly degree: number;
	readonly alpha: number;
	readonly C: number;
	/** Mini-batch size on the loss surface (one of REGRESSION_BATCH_SIZES), or null for the full batch. */
	readonly batchSize: number | null;
	readonly shuffleSeed: number;
	/** The roster's step budget, shared start on the loss surface, and runs. */
	readonly steps: number;
	readonly start: readonly [number, number];
	readonly runs: readonly RunConfig[];
}

export interface DecodedRegression {
	config: RegressionConfig;
	/** Short sentences naming what was ignored, and why; empty for a clean link. */
	notices: string[];
}

/** The mini-batch sizes the page offers besides the full batch. */
export const REGRESSION_BATCH_SIZES: readonly number[] = [32, 8, 1];
/** At most this many `feature` entries are read. */
export const MAX_FEATURES = 32;
const DEFAULT_DATA: SyntheticId = 'line';

type NumericField = 'testFraction' | 'splitSeed' | 'alpha' | 'C' | 'shuffleSeed';

/** Settings that do not depend on the data: URL parameter, spec (domain and default) and field. */
const SPLIT_NUMBERS: readonly NumberSetting<NumericField>[] = [
	{ param: 'test', spec: TEST_FRACTION_SPEC, field: 'testFraction' },
	{ param: 'sseed', spec: SPLIT_SEED_SPEC, field: 'splitSeed' }
];
const PENALTY_NUMBERS: readonly NumberSetting<NumericField>[] = [
	{ param: 'alpha', spec: ALPHA_SPEC, field: 'alpha' },
	{ param: 'C', spec: C_SPEC, field: 'C' }
];
const SHUFFLE_NUMBER: NumberSetting<NumericField> = {
	param: 'shuffle',
	spec: SHUFFLE_SEED_SPEC,
	field: 'shuffleSeed'
};
/** Every numeric setting of the page that is not about the data (those are SYNTHETIC_NUMBERS). */
export const REGRESSION_NUMBERS: readonly NumberSetting<NumericField>[] = [
	...SPLIT_NUMBERS,
	...PENALTY_NUMBERS,
	SHUFFLE_NUMBER
];

/** A synthetic generator's parameters, with their URL parameter and spec. */
export const SYNTHETIC_NUMBERS: readonly NumberSetting<keyof SyntheticParams>[] = [
	{ param: 'n', spec: N_SPEC, field: 'n' },
	{ param: 'noise', spec: NOISE_SPEC, field: 'noise' },
	{ param: 'dseed', spec: SEED_SPEC, field: 'seed' }
];

/** The roster a first visit races: gradient descent, momentum and Adam (as RegressionLab.defaultRoster). */
export function defaultRegressionRuns(): RunConfig[] {
	return [
		makeRun('gd', { lr: 0.1 }, 0),
		makeRun('momentum', { lr: 0.05, momentum: 0.9 }, 1),
		makeRun('adam', { lr: 0.1 }, 2)
	];
}

/** A real dataset's default columns. */
export function defaultColumns(info: RealDataset): ColumnChoice {
	return { features: [...info.defaultFeatures], target: info.defaultTarget, positive: info.defaultPositive };
}

/** The model and degree that suit the data (what choosing it in the page sets). */
function modelFor(data: RegressionData): { model: ModelId; degree: number } {
	if (data.kind === 'synthetic') {
		const info = syntheticInfo(data.id);
		return { model: info.model, degree: info.degree };
	}
	if (data.kind === 'real') {
		const info = findRealDataset(data.id);
		return { model: info?.task === 'classification' ? 'logistic' : 'linear', degree: 1 };
	}
	return { model: 'linear', degree: 1 };
}

/** What a first visit shows: the noisy line, least squares, and three optimizers from (0, 0). */
export function defaultRegressionConfig(): RegressionConfig {
	return {
		data: { kind: 'synthetic', id: DEFAULT_DATA, params: { ...syntheticInfo(DEFAULT_DATA).defaults } },
		testFraction: TEST_FRACTION_SPEC.default,
		splitSeed: SPLIT_SEED_SPEC.default,
		standardize: false,
		model: 'linear',
		degree: DEGREE_SPEC.default,
		alpha: ALPHA_SPEC.default,
		C: C_SPEC.default,
		batchSize: null,
		shuffleSeed: SHUFFLE_SEED_SPEC.default,
		steps: DEFAULT_STEPS,
		start: [0, 0],
		runs: defaultRegressionRuns()
	};
}

// ---------------------------------------------------------------------------------------------------------
// Encoding

function sameColumns(a: ColumnChoice, b: ColumnChoice): boolean {
	return (
		a.target === b.target &&
		a.positive === b.positive &&
		a.features.length === b.features.length &&
		a.features.every((f, i) => f === b.features[i])
	);
}

/** The settings as a query string without the leading '?': `v=1` and whatever differs from the defaults. */
export function encodeRegression(cfg: RegressionConfig): string {
	const d = defaultRegressionConfig();
	const parts: string[] = [`v=${URL_VERSION}`];
	const data = cfg.data;
	if (data.kind === 'synthetic') {
		if (data.id !== DEFAULT_DATA) parts.push(`data=${data.id}`);
		encodeNumbers(parts, SYNTHETIC_NUMBERS, data.params, syntheticInfo(data.id).defaults);
	} else if (data.kind === 'real') {
		parts.push(`data=${data.id}`);
		const info = findRealDataset(data.id);
		const c = data.columns;
		if (!info || !sameColumns(c, defaultColumns(info))) {
			parts.push(`target=${escapeName(c.target)}`);
			// An empty `feature` stands for no features (no `feature` at all means the default ones).
			if (c.features.length === 0) parts.push('feature=');
			for (const f of c.features) parts.push(`feature=${escapeName(f)}`);
			if (c.positive !== undefined) parts.push(`positive=${escapeName(c.positive)}`);
		}
	}
	encodeNumbers(parts, SPLIT_NUMBERS, cfg, d);
	if (cfg.standardize !== d.standardize) parts.push(`std=${cfg.standardize}`);
	if (data.kind !== 'csv') {
		const suits = modelFor(data);
		if (cfg.model !== suits.model) parts.push(`model=${cfg.model}`);
		if (!Object.is(cfg.degree, suits.degree)) parts.push(`degree=${formatNumber(cfg.degree)}`);
	}
	encodeNumbers(parts, PENALTY_NUMBERS, cfg, d);
	if (cfg.batchSize !== null) parts.push(`batch=${formatNumber(cfg.batchSize)}`);
	encodeNumbers(parts, [SHUFFLE_NUMBER], cfg, d);
	if (cfg.steps !== d.steps) parts.push(`steps=${formatNumber(cfg.steps)}`);
	if (!(Object.is(cfg.start[0], d.start[0]) && Object.is(cfg.start[1], d.start[1])))
		parts.push(`start=${formatNumber(cfg.start[0])},${formatNumber(cfg.start[1])}`);
	if (!sameRuns(cfg.runs, d.runs)) parts.push(...encodeRuns(cfg.runs));
	return parts.join('&');
}

// ---------------------------------------------------------------------------------------------------------
// Decoding

const SYNTHETIC_KEYS = SYNTHETIC_NUMBERS.map((s) => s.param);
const COLUMN_KEYS = ['target', 'positive'];
const SINGLE_KEYS = new Set([
	'data',
	...SYNTHETIC_KEYS,
	...COLUMN_KEYS,
	...REGRESSION_NUMBERS.map((n) => n.param),
	'std',
	'model',
	'degree',
	'batch',
	'steps',
	'start'
]);
const LIST_KEYS = new Set(['run', 'feature']);

function parseData(text: string): Parsed<RegressionData> {
	const synthetic = SYNTHETIC.find((s) => s.id === text);
	if (synthetic)
		return { ok: true, value: { kind: 'synthetic', id: synthetic.id, params: { ...synthetic.defaults } } };
	const real = findRealDataset(text);
	if (real) return { ok: true, value: { kind: 'real', id: real.id, columns: defaultColumns(real) } };
	if (text === 'csv') return { ok: false, reason: 'a CSV file cannot travel in a link: load it again' };
	const ids = [...SYNTHETIC.map((s) => s.id), ...realDatasets.map((r) => r.id)];
	return { ok: false, reason: `unknown dataset (one of ${ids.join(', ')})` };
}

function parseBatch(text: string): Parsed<number | null> {
	if (text === 'full') return { ok: true, value: null };
	const b = parseWhole(text, 1, Math.max(...REGRESSION_BATCH_SIZES));
	if (b !== undefined && REGRESSION_BATCH_SIZES.includes(b)) return { ok: true, value: b };
	return { ok: false, reason: `must be full or one of ${REGRESSION_BATCH_SIZES.join(', ')}` };
}

function parseSteps(text: string): Parsed<number> {
	const s = parseWhole(text, 1, MAX_STEPS);
	return s === undefined
		? { ok: false, reason: `must be a whole number from 1 to ${MAX_STEPS}` }
		: { ok: true, value: s };
}

function parseStart(text: string): Parsed<[number, number]> {
	const p = parsePoint(text);
	return typeof p === 'string' ? { ok: false, reason: p } : { ok: true, value: p };
}

/** The columns a link names for a real dataset, over its defaults (checked against the table later). */
function decodeColumns(
	info: RealDataset,
	single: ReadonlyMap<string, string>,
	features: readonly string[] | undefined,
	notices: Notices
): ColumnChoice {
	const d = defaultColumns(info);
	const targetGiven = single.has('target');
	const target = readParam(single, 'target', parseName, notices, d.target);
	let chosen: string[] = [...d.features];
	if (features !== undefined) {
		const read: string[] = [];
		if (features.length > MAX_FEATURES)
			notices.add(`Ignored ${features.length - MAX_FEATURES} more feature entries: at most ${MAX_FEATURES}`);
		const named = features.slice(0, MAX_FEATURES).filter((text) => text !== '');
		for (const text of named) {
			const r = parseName(text);
			if (!r.ok) notices.add(`Ignored feature=${echo(text)}: ${r.reason}`);
			else if (!read.includes(r.value)) read.push(r.value);
		}
		// Only an empty `feature` means no features; if none of those named is usable, the defaults stay.
		if (read.length > 0 || named.length === 0) chosen = read;
	}
	// A target of the link's own has no default class; checkColumns picks one when it has classes.
	const positive = readParam(single, 'positive', parseName, notices, targetGiven ? undefined : d.positive);
	return { features: chosen, target, positive };
}

/**
 * Reads a query string (with or without '?') into valid settings. Every parameter is checked on its own;
 * what cannot be used is replaced by its default and named in a notice. Never throws.
 */
export function decodeRegression(query: string): DecodedRegression {
	const { value, notices } = decodeQuery(query, SINGLE_KEYS, LIST_KEYS, defaultRegressionConfig, decode);
	return { config: value, notices };
}

function decode({ single, lists, notices }: QueryParams, d: RegressionConfig): RegressionConfig {
	let data = readParam(single, 'data', parseData, notices, d.data);
	if (data.kind === 'synthetic') {
		data = { ...data, params: readNumbers(single, SYNTHETIC_NUMBERS, notices, data.params) };
	} else {
		for (const key of SYNTHETIC_KEYS) {
			const text = single.get(key);
			if (text !== undefined)
				notices.add(`Ignored ${key}=${echo(text)}: only the synthetic datasets have this setting`);
		}
	}
	const info = data.kind === 'real' ? findRealDataset(data.id) : undefined;
	if (data.kind === 'real' && info) {
		data = { ...data, columns: decodeColumns(info, single, lists.get('feature'), notices) };
	} else {
		for (const key of COLUMN_KEYS) {
			const text = single.get(key);
			if (text !== undefined)
				notices.add(`Ignored ${key}=${echo(text)}: only the real datasets have columns to choose`);
		}
		if (lists.has('feature')) notices.add('Ignored feature: only the real datasets have columns to choose');
	}

	const suits = modelFor(data);
	return {
		data,
		...readNumbers(single, REGRESSION_NUMBERS, notices, d),
		standardize: readParam(single, 'std', parseFlag, notices, d.standardize),
		model: readParam(single, 'model', choiceParser(modelIds, 'model'), notices, suits.model),
		degree: readParam(single, 'degree', settingParser(DEGREE_SPEC), notices, suits.degree),
		batchSize: readParam(single, 'batch', parseBatch, notices, d.batchSize),
		steps: readParam(single, 'steps', parseSteps, notices, d.steps),
		start: readParam(single, 'start', parseStart, notices, [...d.start]),
		runs: decodeRuns(lists.get('run') ?? [], notices) ?? d.runs
	};
}

// ---------------------------------------------------------------------------------------------------------
// Checks that need the table

/**
 * A real dataset's columns fitted to its loaded table, by the rules of the page's own controls: the target
 * is a column of numbers or classes, the features are other columns of numbers (in the table's order), and
 * the positive class is one of the target's classes (none when the target is numeric). What does not fit is
 * replaced by its default, with a notice.
 */
export function checkColumns(
	columns: ColumnChoice,
	table: DataTable,
	info: RealDataset
): { columns: ColumnChoice; notices: string[] } {
	const notices: string[] = [];
	const byName = new Map(table.columns.map((c) => [c.name, c]));
	let target = byName.get(columns.target);
	if (!target || target.kind === 'text') {
		notices.push(
			`Ignored target=${echo(columns.target)}: ${info.title} has no such column of numbers or classes`
		);
		target = byName.get(info.defaultTarget);
	}
	const targetName = target?.name ?? '';
	const features: string[] = [];
	for (const f of columns.features) {
		const col = byName.get(f);
		if (f === targetName) notices.push(`Ignored feature=${echo(f)}: it is the target`);
		else if (!col || col.kind === 'categorical' || !isUsableAsNumbers(col))
			notices.push(`Ignored feature=${echo(f)}: ${info.title} has no such column of numbers`);
		else features.push(f);
	}
	const ordered = table.columns.map((c) => c.name).filter((n) => features.includes(n));
	let positive: string | undefined;
	if (target && isClassColumn(target)) {
		const classes = target.categories ?? [];
		const fallback =
			targetName === info.defaultTarget && info.defaultPositive && classes.includes(info.defaultPositive)
				? info.defaultPositive
				: defaultPositive(classes);
		const given = columns.positive;
		if (given !== undefined && classes.includes(given)) positive = given;
		else {
			if (given !== undefined)
				notices.push(`Ignored positive=${echo(given)}: ${targetName} has no class of that name`);
			positive = fallback;
		}
	} else if (columns.positive !== undefined) {
		notices.push(`Ignored positive=${echo(columns.positive)}: the target ${targetName} has no classes`);
	}
	return { columns: { features: ordered, target: targetName, positive }, notices };
}

// ---------------------------------------------------------------------------------------------------------
// The lab

/** The lab's settings, as plain data. */
export function regressionConfigOf(lab: RegressionLab): RegressionConfig {
	const pg = lab.playground;
	const source = lab.source;
	let data: RegressionData = { kind: 'csv' };
	if (source.kind === 'synthetic') data = { kind: 'synthetic', id: source.id, params: { ...lab.synthetic } };
	else {
		const info = findRealDataset(source.label);
		if (info) {
			// Until its table has arrived, a real dataset's columns are its defaults.
			const loaded = lab.loading === null && lab.table !== null && lab.table.name === info.title;
			const c = lab.columns;
			const columns = loaded
				? { features: [...c.features], target: c.target, positive: c.positive }
				: defaultColumns(info);
			data = { kind: 'real', id: info.id, columns };
		}
	}
	return {
		data,
		testFraction: lab.testFraction,
		splitSeed: lab.splitSeed,
		standardize: lab.standardize,
		model: lab.model,
		degree: lab.degree,
		alpha: lab.alpha,
		C: lab.C,
		batchSize: lab.batchSize,
		shuffleSeed: lab.shuffleSeed,
		steps: pg.steps,
		start: [pg.start[0], pg.start[1]],
		runs: pg.runs.map(({ id: _id, ...run }) => run)
	};
}

/**
 * Sets every setting of the lab, loading a real dataset first; returns notices about columns that do not fit
 * its table. The shared start is set last, after `settle` (the page passes Svelte's tick, so that its reset
 * of the start for new data has run).
 */
export async function applyRegressionConfig(
	lab: RegressionLab,
	cfg: RegressionConfig,
	settle?: () => Promise<void>
): Promise<string[]> {
	const pg = lab.playground;
	const notices: string[] = [];
	pg.pause();
	for (const { field } of REGRESSION_NUMBERS) lab[field] = cfg[field];
	lab.standardize = cfg.standardize;
	lab.batchSize = cfg.batchSize;
	pg.setRuns(cfg.runs);
	pg.setSteps(cfg.steps);
	const data = cfg.data;
	if (data.kind === 'synthetic') {
		lab.chooseSynthetic(data.id);
		lab.synthetic = { ...data.params };
	} else if (data.kind === 'real') {
		await lab.loadReal(data.id);
		const info = findRealDataset(data.id);
		const source = lab.source;
		if (info && lab.table && source.kind === 'table' && source.label === data.id) {
			const fit = checkColumns(data.columns, lab.table, info);
			lab.columns = fit.columns;
			notices.push(...fit.notices);
		}
	}
	if (data.kind !== 'csv') {
		lab.model = cfg.model;
		lab.degree = cfg.degree;
	}
	await settle?.();
	pg.start = [cfg.start[0], cfg.start[1]];
	return notices;
}
