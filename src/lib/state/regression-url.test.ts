/**
 * Tests of the regression page's link: exact round trips of random non-default settings, a short link for
 * the defaults, defaults that follow the data, nothing written for a CSV file, one notice naming the
 * parameter for each kind of bad value (with that setting left at its default), a fuzz run over hostile
 * strings, the check of a real dataset's columns against its table, and the lab adapters.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realDatasets, tableFromRecords, type RealDataset } from '../core/data/vega';
import { modelIds } from '../core/models';
import { createRng, type Rng } from '../core/random/rng';
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
import { SYNTHETIC, syntheticInfo } from './regression-data';
import {
	applyRegressionConfig,
	checkColumns,
	decodeRegression,
	defaultColumns,
	defaultRegressionConfig,
	encodeRegression,
	MAX_FEATURES,
	REGRESSION_BATCH_SIZES,
	regressionConfigOf,
	type RegressionConfig,
	type RegressionData
} from './regression-url';
import { isClassColumn, RegressionLab } from './regression.svelte';
import { MAX_STEPS } from './scene';
import { MAX_COORD, MAX_QUERY_LENGTH, sameRuns, URL_VERSION } from './url-codec';
import {
	hostile,
	inSpec,
	noticeProblems,
	pick,
	randomCoord,
	randomName,
	randomRuns,
	randomSetting,
	runProblems
} from './url-testing';

const CARS = realDatasets.find((d) => d.id === 'cars')!;
const PENGUINS = realDatasets.find((d) => d.id === 'penguins')!;

function loadTable(info: RealDataset) {
	const url = new URL(`../../../node_modules/vega-datasets/data/${info.file}`, import.meta.url);
	return tableFromRecords(JSON.parse(readFileSync(url, 'utf8')), info.title);
}

function randomData(rng: Rng): RegressionData {
	if (rng.uniform() < 0.6) {
		const s = pick(rng, SYNTHETIC);
		const params =
			rng.uniform() < 0.3
				? { ...s.defaults }
				: {
						n: randomSetting(rng, N_SPEC),
						noise: randomSetting(rng, NOISE_SPEC),
						seed: randomSetting(rng, SEED_SPEC)
					};
		return { kind: 'synthetic', id: s.id, params };
	}
	const info = pick(rng, realDatasets);
	if (rng.uniform() < 0.3) return { kind: 'real', id: info.id, columns: defaultColumns(info) };
	const names = ['Horsepower', 'Weight_in_lbs', 'Body Mass (g)', 'Beak Depth (mm)'];
	const features: string[] = [];
	for (let i = rng.int(5); i > 0; i--) {
		const f = rng.uniform() < 0.5 ? pick(rng, names) : randomName(rng);
		if (!features.includes(f)) features.push(f);
	}
	return {
		kind: 'real',
		id: info.id,
		columns: {
			features,
			target: rng.uniform() < 0.5 ? pick(rng, ['Species', 'Island', 'Miles_per_Gallon']) : randomName(rng),
			positive: rng.uniform() < 0.3 ? undefined : randomName(rng)
		}
	};
}

function randomConfig(rng: Rng): RegressionConfig {
	return {
		data: randomData(rng),
		testFraction: randomSetting(rng, TEST_FRACTION_SPEC),
		splitSeed: randomSetting(rng, SPLIT_SEED_SPEC),
		standardize: rng.uniform() < 0.5,
		model: pick(rng, modelIds),
		degree: randomSetting(rng, DEGREE_SPEC),
		alpha: randomSetting(rng, ALPHA_SPEC),
		C: randomSetting(rng, C_SPEC),
		batchSize: pick(rng, [null, ...REGRESSION_BATCH_SIZES]),
		shuffleSeed: randomSetting(rng, SHUFFLE_SEED_SPEC),
		steps: rng.uniform() < 0.5 ? 200 : 1 + rng.int(MAX_STEPS),
		start: rng.uniform() < 0.3 ? [0, 0] : [randomCoord(rng), randomCoord(rng)],
		runs: randomRuns(rng)
	};
}

/** An independent statement of what valid settings are, so the decoder is not checked against itself. */
function configProblems(c: RegressionConfig): string[] {
	const problems: string[] = [];
	const d = c.data;
	if (d.kind === 'synthetic') {
		if (!SYNTHETIC.some((s) => s.id === d.id)) problems.push('synthetic id');
		if (
			!inSpec(N_SPEC, d.params.n) ||
			!inSpec(NOISE_SPEC, d.params.noise) ||
			!inSpec(SEED_SPEC, d.params.seed)
		)
			problems.push('synthetic params');
	} else if (d.kind === 'real') {
		if (!realDatasets.some((r) => r.id === d.id)) problems.push('real id');
		const { target, features, positive } = d.columns;
		const name = (s: unknown) => typeof s === 'string' && s.trim() !== '' && s.length <= 200;
		if (!name(target)) problems.push('target');
		if (features.length > MAX_FEATURES || !features.every(name)) problems.push('features');
		if (new Set(features).size !== features.length) problems.push('repeated features');
		if (positive !== undefined && !name(positive)) problems.push('positive');
	} else problems.push('a link cannot name a CSV file');
	const specs = [
		[TEST_FRACTION_SPEC, c.testFraction],
		[SPLIT_SEED_SPEC, c.splitSeed],
		[DEGREE_SPEC, c.degree],
		[ALPHA_SPEC, c.alpha],
		[C_SPEC, c.C],
		[SHUFFLE_SEED_SPEC, c.shuffleSeed]
	] as const;
	for (const [spec, v] of specs) if (!inSpec(spec, v)) problems.push(spec.key);
	if (typeof c.standardize !== 'boolean') problems.push('standardize');
	if (!modelIds.includes(c.model)) problems.push('model');
	if (c.batchSize !== null && !REGRESSION_BATCH_SIZES.includes(c.batchSize)) problems.push('batch');
	if (!Number.isInteger(c.steps) || c.steps < 1 || c.steps > MAX_STEPS) problems.push('steps');
	if (c.start.length !== 2 || !c.start.every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_COORD))
		problems.push('start');
	problems.push(...runProblems(c.runs));
	return problems;
}

const decode = (query: string) => decodeRegression(query);

describe('encodeRegression and decodeRegression', () => {
	it('write the defaults as the version alone, which reads back as the defaults', () => {
		const q = encodeRegression(defaultRegressionConfig());
		expect(q).toBe(`v=${URL_VERSION}`);
		expect(decode(q)).toEqual({ config: defaultRegressionConfig(), notices: [] });
		expect(decode('')).toEqual({ config: defaultRegressionConfig(), notices: [] });
	});

	it('give back exactly the same settings, with no notices, for many random non-default ones', () => {
		const rng = createRng(17);
		for (let i = 0; i < 400; i++) {
			const config = randomConfig(rng);
			expect(configProblems(config)).toEqual([]);
			const q = encodeRegression(config);
			expect(decode(q), q).toEqual({ config, notices: [] });
			expect(new URL(`https://example.org/regression?${q}`).search).toBe(`?${q}`);
		}
	});

	it('take the defaults of the data: a dataset alone is a short link with its own settings', () => {
		for (const s of SYNTHETIC) {
			const { config, notices } = decode(`v=1&data=${s.id}`);
			expect(notices).toEqual([]);
			expect(config.data).toEqual({ kind: 'synthetic', id: s.id, params: s.defaults });
			expect([config.model, config.degree]).toEqual([s.model, s.degree]);
		}
		for (const r of realDatasets) {
			const { config, notices } = decode(`v=1&data=${r.id}`);
			expect(notices).toEqual([]);
			expect(config.data).toEqual({ kind: 'real', id: r.id, columns: defaultColumns(r) });
			expect(config.model).toBe(r.task === 'classification' ? 'logistic' : 'linear');
			expect(encodeRegression(config)).toBe(`v=1&data=${r.id}`);
		}
		const sine = syntheticInfo('sine');
		const config: RegressionConfig = {
			...defaultRegressionConfig(),
			data: { kind: 'synthetic', id: 'sine', params: { ...sine.defaults } },
			degree: sine.degree
		};
		expect(encodeRegression(config)).toBe('v=1&data=sine');
	});

	it('write columns as repeated features, and no features as one empty feature', () => {
		const config: RegressionConfig = {
			...defaultRegressionConfig(),
			data: {
				kind: 'real',
				id: 'cars',
				columns: { target: 'Miles_per_Gallon', features: ['Horsepower', 'Weight_in_lbs'] }
			}
		};
		const params = new URLSearchParams(encodeRegression(config));
		expect(params.getAll('feature')).toEqual(['Horsepower', 'Weight_in_lbs']);
		expect(params.get('target')).toBe('Miles_per_Gallon');
		expect(decode(encodeRegression(config))).toEqual({ config, notices: [] });
		const none: RegressionConfig = {
			...config,
			data: { kind: 'real', id: 'cars', columns: { target: 'Horsepower', features: [] } }
		};
		expect(new URLSearchParams(encodeRegression(none)).getAll('feature')).toEqual(['']);
		expect(decode(encodeRegression(none))).toEqual({ config: none, notices: [] });
	});

	it('write nothing about a CSV file, which opens on the default data with the other settings', () => {
		const config: RegressionConfig = {
			...defaultRegressionConfig(),
			data: { kind: 'csv' },
			model: 'logistic',
			degree: 4,
			alpha: 10,
			testFraction: 0.4,
			runs: defaultRegressionConfig().runs.slice(0, 1)
		};
		const q = encodeRegression(config);
		const keys = [...new URLSearchParams(q).keys()];
		for (const k of ['data', 'target', 'feature', 'positive', 'n', 'model', 'degree'])
			expect(keys).not.toContain(k);
		const { config: back, notices } = decode(q);
		expect(notices).toEqual([]);
		expect(back).toEqual({ ...config, data: defaultRegressionConfig().data, model: 'linear', degree: 1 });
	});

	it('keep the defaults of the lab and of its default roster', () => {
		const lab = new RegressionLab();
		lab.defaultRoster();
		const config = regressionConfigOf(lab);
		const defaults = defaultRegressionConfig();
		// The page moves the start to (0, 0) for the data it shows.
		expect({ ...config, start: defaults.start }).toEqual(defaults);
		expect(sameRuns(config.runs, defaults.runs)).toBe(true);
	});
});

describe('decodeRegression on bad input', () => {
	// [query after v=1&, parameter the notice must name]; every other setting stays at its default.
	const cases: [string, string][] = [
		['data=nope', 'data'],
		['data=csv', 'data'],
		['data=%00line%1B', 'data'],
		['n=-5', 'n'],
		['n=1e400', 'n'],
		['n=2.5', 'n'],
		['n=5001', 'n'],
		['noise=NaN', 'noise'],
		['noise=Infinity', 'noise'],
		['dseed=-1', 'dseed'],
		['test=0', 'test'],
		['sseed=1e300', 'sseed'],
		['alpha=-1', 'alpha'],
		['alpha=Infinity', 'alpha'],
		['C=0', 'C'],
		['C=NaN', 'C'],
		['degree=99', 'degree'],
		['degree=1.5', 'degree'],
		['model=svm', 'model'],
		['std=1', 'std'],
		['batch=5', 'batch'],
		['batch=full32', 'batch'],
		['shuffle=abc', 'shuffle'],
		['steps=0', 'steps'],
		['steps=1e9', 'steps'],
		['start=NaN,1', 'start'],
		['start=1', 'start'],
		['start=1e10,0', 'start'],
		['run=adamm', 'run'],
		['target=Horsepower', 'target'],
		['positive=%E2%80%AEx', 'positive'],
		['feature=Horsepower', 'feature']
	];

	it.each(cases)('v=1&%s gives the defaults and one notice naming it', (query, param) => {
		const { config, notices } = decode(`v=1&${query}`);
		expect(config).toEqual(defaultRegressionConfig());
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(new RegExp(`^Ignored ${param}\\b`));
		expect(noticeProblems(notices)).toEqual([]);
	});

	it.each([
		['target=%00', 'target'],
		['target=', 'target'],
		[`feature=${'x'.repeat(500)}`, 'feature'],
		['positive=%0A', 'positive'],
		['n=10', 'n']
	])('v=1&data=cars&%s keeps the cars with their default columns, and names it', (query, param) => {
		const { config, notices } = decode(`v=1&data=cars&${query}`);
		expect(config.data).toEqual({ kind: 'real', id: 'cars', columns: defaultColumns(CARS) });
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(new RegExp(`^Ignored ${param}\\b`));
		expect(noticeProblems(notices)).toEqual([]);
	});

	it('reads at most MAX_FEATURES features, naming the rest', () => {
		const q = `v=1&data=cars${Array.from({ length: MAX_FEATURES + 5 }, (_, i) => `&feature=f${i}`).join('')}`;
		const { config, notices } = decode(q);
		expect(config.data.kind === 'real' && config.data.columns.features.length).toBe(MAX_FEATURES);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toContain('5 more feature');
	});

	it('refuses a query longer than the limit as a whole, and a link without the version', () => {
		const long = decode(`v=1&data=sine&alpha=${'1'.repeat(20_000)}`);
		expect(long.config).toEqual(defaultRegressionConfig());
		expect(long.notices).toEqual([`Ignored the link: it is longer than ${MAX_QUERY_LENGTH} characters`]);
		for (const q of ['data=sine', 'v=0&data=sine']) {
			const { config, notices } = decode(q);
			expect(config).toEqual(defaultRegressionConfig());
			expect(notices[0]).toMatch(/^Ignored the link: .*version/);
		}
	});

	it('keeps the good settings next to bad ones, and names unknown parameters last', () => {
		const { config, notices } = decode('v=1&zzz=1&data=sine&n=-1&model=ridge&alpha=0.5&C=-2&batch=8');
		expect(config.data).toEqual({ kind: 'synthetic', id: 'sine', params: syntheticInfo('sine').defaults });
		expect([config.model, config.alpha, config.C, config.batchSize]).toEqual([
			'ridge',
			0.5,
			C_SPEC.default,
			8
		]);
		expect(notices.map((n) => n.split(/[=:]/)[0])).toEqual([
			'Ignored n',
			'Ignored C',
			'Ignored unknown parameter "zzz"'
		]);
	});

	it('always returns valid settings and a few short, safe notices, and never throws', () => {
		const rng = createRng(9);
		const valid = Array.from({ length: 40 }, () => encodeRegression(randomConfig(rng)));
		const pieces = ['data=', 'cars', 'n=', 'target=', 'feature=', 'model=', 'batch=', 'start=', 'degree='];
		const inputs = Array.from({ length: 2500 }, () => hostile(rng, valid, pieces));
		inputs.push(
			`v=1&data=cars${'&feature=a'.repeat(2000)}`,
			`v=1&data=penguins&target=${'%00'.repeat(3000)}`,
			'v=1&__proto__=1&constructor=1&data=__proto__'
		);
		for (const input of inputs) {
			const { config, notices } = decode(input);
			expect(configProblems(config), input).toEqual([]);
			expect(noticeProblems(notices), input).toEqual([]);
			expect(decode(encodeRegression(config))).toEqual({ config, notices: [] });
		}
	});

	it('survives input that is not a string at all', () => {
		for (const bad of [undefined, null, 42, {}, []])
			expect(decode(bad as unknown as string)).toEqual({ config: defaultRegressionConfig(), notices: [] });
	});
});

describe('checkColumns', () => {
	const cars = loadTable(CARS);
	const penguins = loadTable(PENGUINS);
	const order = (names: readonly string[]) =>
		names
			.map((n) => cars.columns.findIndex((c) => c.name === n))
			.every((k, i, a) => k >= 0 && (i === 0 || k > a[i - 1]));

	it("keeps columns the page's own controls could choose, in the table's order", () => {
		const { columns, notices } = checkColumns(
			{ target: 'Miles_per_Gallon', features: ['Weight_in_lbs', 'Horsepower'] },
			cars,
			CARS
		);
		expect(notices).toEqual([]);
		expect([...columns.features].sort()).toEqual(['Horsepower', 'Weight_in_lbs']);
		expect(order(columns.features)).toBe(true);
		expect(columns.target).toBe('Miles_per_Gallon');
		expect(columns.positive).toBeUndefined();
	});

	it('puts back the default target, and drops features that are unknown, text or the target itself', () => {
		const { columns, notices } = checkColumns(
			{ target: 'Price', features: ['Name', 'Miles_per_Gallon', 'Horsepower', 'Wheels'], positive: 'yes' },
			cars,
			CARS
		);
		expect(columns).toEqual({ target: CARS.defaultTarget, features: ['Horsepower'], positive: undefined });
		expect(notices.map((n) => n.split(':')[0])).toEqual([
			'Ignored target=Price',
			'Ignored feature=Name',
			'Ignored feature=Miles_per_Gallon',
			'Ignored feature=Wheels',
			'Ignored positive=yes'
		]);
	});

	it('keeps a class the target has, and otherwise picks one of its classes', () => {
		const species = penguins.columns.find((c) => c.name === 'Species')!;
		const island = penguins.columns.find((c) => c.name === 'Island')!;
		expect(isClassColumn(species) && isClassColumn(island)).toBe(true);
		const keep = checkColumns(
			{ target: 'Species', features: ['Body Mass (g)'], positive: 'Gentoo' },
			penguins,
			PENGUINS
		);
		expect(keep).toEqual({
			columns: { target: 'Species', features: ['Body Mass (g)'], positive: 'Gentoo' },
			notices: []
		});
		const bad = checkColumns({ target: 'Species', features: [], positive: 'Emperor' }, penguins, PENGUINS);
		expect(bad.columns.positive).toBe(PENGUINS.defaultPositive);
		expect(bad.notices).toHaveLength(1);
		expect(bad.notices[0]).toMatch(/^Ignored positive=Emperor\b/);
		const other = checkColumns({ target: 'Island', features: ['Body Mass (g)'] }, penguins, PENGUINS);
		expect(other.notices).toEqual([]);
		expect(island.categories).toContain(other.columns.positive);
	});
});

describe('applyRegressionConfig and regressionConfigOf', () => {
	it('set every setting of the lab, and read them back the same', async () => {
		const rng = createRng(4);
		const lab = new RegressionLab();
		for (let i = 0; i < 40; i++) {
			let config = randomConfig(rng);
			if (config.data.kind !== 'synthetic') config = { ...config, data: defaultRegressionConfig().data };
			expect(await applyRegressionConfig(lab, config)).toEqual([]);
			expect(regressionConfigOf(lab)).toEqual(config);
		}
	});

	it('load a real dataset, fit the columns to it, and say what did not fit', async () => {
		const lab = new RegressionLab();
		const config: RegressionConfig = {
			...defaultRegressionConfig(),
			data: {
				kind: 'real',
				id: 'cars',
				columns: { target: 'Miles_per_Gallon', features: ['Horsepower', 'Wheels', 'Weight_in_lbs'] }
			},
			model: 'ridge',
			alpha: 3,
			start: [0.5, -1]
		};
		let settled = false;
		const notices = await applyRegressionConfig(lab, config, async () => {
			settled = true;
		});
		expect(settled).toBe(true);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(/^Ignored feature=Wheels\b/);
		expect(lab.table?.name).toBe(CARS.title);
		expect(regressionConfigOf(lab)).toEqual({
			...config,
			data: {
				...config.data,
				columns: { target: 'Miles_per_Gallon', features: ['Horsepower', 'Weight_in_lbs'] }
			}
		});
		const fitted = lab.fitted;
		expect('error' in fitted ? fitted.error : fitted.model).toBe('ridge');
	});
});
