/**
 * Tests of the network page's link: exact round trips of random non-default settings, a short link for the
 * defaults, one notice naming the parameter for each kind of bad value (with that setting left at its
 * default), a fuzz run over hostile strings, the check against the penguins table, and the lab adapters.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableFromRecords } from '../core/data/vega';
import { activations, initSchemes, MAX_WIDTH } from '../core/nn/mlp';
import { createRng, type Rng } from '../core/random/rng';
import {
	BATCH_SPEC,
	DATA_SEED_SPEC,
	EPOCHS_SPEC,
	INIT_SEED_SPEC,
	L1_SPEC,
	L2_SPEC,
	MAX_HIDDEN_LAYERS,
	NOISE_SPEC,
	POINTS_SPEC,
	TEST_SPEC
} from './network-controls';
import {
	checkPenguinChoice,
	decodeNetwork,
	defaultNetworkConfig,
	encodeNetwork,
	needsPenguinTable,
	networkConfigOf,
	applyNetworkConfig,
	type NetworkConfig
} from './network-url';
import { NETWORK_DATASETS, NetworkLab } from './network.svelte';
import { MAX_QUERY_LENGTH, URL_VERSION } from './url-codec';
import {
	hostile,
	inSpec,
	noticeProblems,
	pick,
	randomName,
	randomRuns,
	randomSetting,
	runProblems
} from './url-testing';

const PENGUIN_COLUMNS = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];

function randomConfig(rng: Rng): NetworkConfig {
	const layers = rng.int(MAX_HIDDEN_LAYERS + 1);
	const hidden = Array.from({ length: layers }, () => 1 + rng.int(MAX_WIDTH));
	const often = (p: number) => rng.uniform() < p;
	return {
		dataset: pick(rng, NETWORK_DATASETS).id,
		points: randomSetting(rng, POINTS_SPEC),
		noise: randomSetting(rng, NOISE_SPEC),
		dataSeed: randomSetting(rng, DATA_SEED_SPEC),
		testFraction: randomSetting(rng, TEST_SPEC),
		penguinFeatures: often(0.3)
			? [pick(rng, PENGUIN_COLUMNS), pick(rng, PENGUIN_COLUMNS)]
			: often(0.5)
				? [randomName(rng), randomName(rng)]
				: ['Beak Length (mm)', 'Flipper Length (mm)'],
		penguinPositive: often(0.5) ? pick(rng, ['Adelie', 'Chinstrap', 'Gentoo']) : randomName(rng),
		penguinAll: often(0.5),
		hidden,
		activations: hidden.map(() => pick(rng, activations)),
		init: pick(rng, initSchemes),
		l1: randomSetting(rng, L1_SPEC),
		l2: randomSetting(rng, L2_SPEC),
		seed: randomSetting(rng, INIT_SEED_SPEC),
		batchSize: randomSetting(rng, BATCH_SPEC),
		maxEpochs: randomSetting(rng, EPOCHS_SPEC),
		race: often(0.5),
		runs: randomRuns(rng)
	};
}

/** An independent statement of what valid settings are, so the decoder is not checked against itself. */
function configProblems(c: NetworkConfig): string[] {
	const problems: string[] = [];
	if (!NETWORK_DATASETS.some((d) => d.id === c.dataset)) problems.push('dataset');
	const specs = [
		[POINTS_SPEC, c.points],
		[NOISE_SPEC, c.noise],
		[DATA_SEED_SPEC, c.dataSeed],
		[TEST_SPEC, c.testFraction],
		[L1_SPEC, c.l1],
		[L2_SPEC, c.l2],
		[INIT_SEED_SPEC, c.seed],
		[BATCH_SPEC, c.batchSize],
		[EPOCHS_SPEC, c.maxEpochs]
	] as const;
	for (const [spec, v] of specs) if (!inSpec(spec, v)) problems.push(spec.key);
	if (c.penguinFeatures.length !== 2 || !c.penguinFeatures.every((f) => typeof f === 'string' && f !== ''))
		problems.push('features');
	if (typeof c.penguinPositive !== 'string' || c.penguinPositive === '') problems.push('positive');
	if (typeof c.penguinAll !== 'boolean' || typeof c.race !== 'boolean') problems.push('flags');
	if (c.hidden.length > MAX_HIDDEN_LAYERS) problems.push('layers');
	if (!c.hidden.every((w) => Number.isInteger(w) && w >= 1 && w <= MAX_WIDTH)) problems.push('widths');
	if (c.activations.length !== c.hidden.length || !c.activations.every((a) => activations.includes(a)))
		problems.push('activations');
	if (!initSchemes.includes(c.init)) problems.push('init');
	problems.push(...runProblems(c.runs));
	return problems;
}

const decode = (query: string) => decodeNetwork(query);

describe('encodeNetwork and decodeNetwork', () => {
	it('write the defaults as the version alone, which reads back as the defaults', () => {
		const q = encodeNetwork(defaultNetworkConfig());
		expect(q).toBe(`v=${URL_VERSION}`);
		expect(decode(q)).toEqual({ config: defaultNetworkConfig(), notices: [] });
		expect(decode('')).toEqual({ config: defaultNetworkConfig(), notices: [] });
		expect(decode('?')).toEqual({ config: defaultNetworkConfig(), notices: [] });
	});

	it('give back exactly the same settings, with no notices, for many random non-default ones', () => {
		const rng = createRng(11);
		for (let i = 0; i < 400; i++) {
			const config = randomConfig(rng);
			expect(configProblems(config)).toEqual([]);
			const q = encodeNetwork(config);
			expect(decode(q), q).toEqual({ config, notices: [] });
			expect(decode(`?${q}`).config).toEqual(config);
			// Nothing in it that a browser would rewrite: the address bar shows exactly this text.
			expect(new URL(`https://example.org/network?${q}`).search).toBe(`?${q}`);
		}
	});

	it('list only what differs from the defaults, readably', () => {
		const config: NetworkConfig = {
			...defaultNetworkConfig(),
			dataset: 'spiral',
			noise: 0.1,
			hidden: [8, 8],
			activations: ['relu', 'relu'],
			penguinFeatures: ['Body Mass (g)', 'Beak Depth (mm)']
		};
		const params = new URLSearchParams(encodeNetwork(config));
		expect([...params.keys()].sort()).toEqual(['act', 'data', 'feature', 'feature', 'hidden', 'noise', 'v']);
		expect(params.get('hidden')).toBe('8,8');
		expect(params.get('act')).toBe('relu,relu');
		expect(params.getAll('feature')).toEqual(['Body Mass (g)', 'Beak Depth (mm)']);
		expect(decode(encodeNetwork(config))).toEqual({ config, notices: [] });
	});

	it('read every dataset the page offers, and no hidden layer, and an empty roster', () => {
		for (const { id } of NETWORK_DATASETS) {
			const config = { ...defaultNetworkConfig(), dataset: id, hidden: [], activations: [], runs: [] };
			expect(decode(encodeNetwork(config))).toEqual({ config, notices: [] });
		}
	});

	it('keep the defaults of the lab itself', () => {
		const { runs: _runs, ...lab } = networkConfigOf(new NetworkLab());
		const { runs, ...defaults } = defaultNetworkConfig();
		expect(lab).toEqual(defaults);
		expect(runs.map((r) => [r.optimizer, r.hyper.lr])).toEqual([['gd', 0.03]]);
	});
});

describe('decodeNetwork on bad input', () => {
	// [query after v=1&, field left at its default, parameter the notice must name]
	const cases: [string, keyof NetworkConfig, string][] = [
		['data=nope', 'dataset', 'data'],
		['data=%00circles%1B%5B31m', 'dataset', 'data'],
		['data=CIRCLES', 'dataset', 'data'],
		['points=-5', 'points', 'points'],
		['points=2.5', 'points', 'points'],
		['points=1e400', 'points', 'points'],
		['epochs=1e300', 'maxEpochs', 'epochs'],
		['batch=99999999999999999999999', 'batchSize', 'batch'],
		['batch=0', 'batchSize', 'batch'],
		['noise=NaN', 'noise', 'noise'],
		['noise=2', 'noise', 'noise'],
		['test=Infinity', 'testFraction', 'test'],
		['test=1', 'testFraction', 'test'],
		['l2=-Infinity', 'l2', 'l2'],
		['l1=1,2', 'l1', 'l1'],
		['seed=0x10', 'seed', 'seed'],
		['dseed=', 'dataSeed', 'dseed'],
		['dseed=-1', 'dataSeed', 'dseed'],
		['hidden=99,abc', 'hidden', 'hidden'],
		['hidden=1,1,1,1,1,1,1', 'hidden', 'hidden'],
		[`hidden=${'8,'.repeat(3000)}8`, 'hidden', 'hidden'],
		['hidden=-4', 'hidden', 'hidden'],
		['act=relu', 'activations', 'act'],
		['act=relu,swish', 'activations', 'act'],
		['act=relu,relu,relu', 'activations', 'act'],
		['init=lecun', 'init', 'init'],
		['race=yes', 'race', 'race'],
		['allspecies=1', 'penguinAll', 'allspecies'],
		['feature=Body+Mass+(g)', 'penguinFeatures', 'feature'],
		['feature=a&feature=b&feature=c', 'penguinFeatures', 'feature'],
		['feature=%00x&feature=Flipper+Length+(mm)', 'penguinFeatures', 'feature'],
		[`feature=${'x'.repeat(500)}&feature=Flipper+Length+(mm)`, 'penguinFeatures', 'feature'],
		['positive=%E2%80%AEAdelie', 'penguinPositive', 'positive'],
		['positive=', 'penguinPositive', 'positive'],
		['run=adamm', 'runs', 'run'],
		['run=', 'runs', 'run']
	];

	it.each(cases)('v=1&%s gives the default and one notice naming it', (query, field, param) => {
		const { config, notices } = decode(`v=1&${query}`);
		expect(config[field]).toEqual(defaultNetworkConfig()[field]);
		expect(config).toEqual(defaultNetworkConfig());
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(new RegExp(`^Ignored ${param}\\b`));
		expect(noticeProblems(notices)).toEqual([]);
	});

	it('keeps the good settings next to a bad one', () => {
		const { config, notices } = decode('v=1&data=xor&points=-5&hidden=8&act=relu&run=adamm&run=adam;lr=0.01');
		expect(config.dataset).toBe('xor');
		expect(config.points).toBe(POINTS_SPEC.default);
		expect(config.hidden).toEqual([8]);
		expect(config.activations).toEqual(['relu']);
		expect(config.runs.map((r) => [r.optimizer, r.hyper.lr])).toEqual([['adam', 0.01]]);
		expect(notices).toHaveLength(2);
		expect(notices.join('\n')).toContain('points=-5');
		expect(notices.join('\n')).toContain('"adamm"');
	});

	it('refuses a query longer than the limit as a whole, with one notice', () => {
		const q = `v=1&data=xor&hidden=${'8,'.repeat(10_000)}`;
		expect(q.length).toBeGreaterThan(MAX_QUERY_LENGTH);
		const { config, notices } = decode(q);
		expect(config).toEqual(defaultNetworkConfig());
		expect(notices).toHaveLength(1);
		expect(notices[0]).toContain(`longer than ${MAX_QUERY_LENGTH}`);
	});

	it('refuses a link without the version, or with another one', () => {
		for (const q of ['data=xor', 'v=2&data=xor', 'v=&data=xor']) {
			const { config, notices } = decode(q);
			expect(config).toEqual(defaultNetworkConfig());
			expect(notices).toHaveLength(1);
			expect(notices[0]).toMatch(/^Ignored the link: .*version/);
		}
	});

	it('names unknown and repeated parameters, last, without reading them', () => {
		const { config, notices } = decode('v=1&foo=1&data=xor&data=spiral&%3Cscript%3E=%00&points=-1');
		expect(config.dataset).toBe('xor');
		expect(notices[0]).toContain('repeated parameter "data"');
		expect(notices[1]).toContain('points=-1');
		expect(notices.slice(2).join('\n')).toContain('"foo"');
		expect(notices.slice(2).join('\n')).toContain('"<script>"');
		expect(noticeProblems(notices)).toEqual([]);
	});

	it('always returns valid settings and a few short, safe notices, and never throws', () => {
		const rng = createRng(5);
		const valid = Array.from({ length: 40 }, () => encodeNetwork(randomConfig(rng)));
		const pieces = ['data=', 'points=', 'hidden=', 'act=', 'init=', 'race=', 'feature=', 'positive='];
		const inputs = Array.from({ length: 2500 }, () => hostile(rng, valid, pieces));
		inputs.push(
			'x'.repeat(MAX_QUERY_LENGTH + 1),
			`v=1&${'&'.repeat(MAX_QUERY_LENGTH - 10)}`,
			`v=1${'&feature=a'.repeat(1000)}`,
			`v=1${'&run=adam;lr=1'.repeat(1000)}`,
			'v=1&__proto__=1&constructor=1&toString=1'
		);
		for (const input of inputs) {
			const { config, notices } = decode(input);
			expect(configProblems(config), input).toEqual([]);
			expect(noticeProblems(notices), input).toEqual([]);
			// What was decoded is valid: it survives its own round trip untouched.
			expect(decode(encodeNetwork(config))).toEqual({ config, notices: [] });
		}
	});

	it('survives input that is not a string at all', () => {
		for (const bad of [undefined, null, 42, {}, []])
			expect(decode(bad as unknown as string)).toEqual({ config: defaultNetworkConfig(), notices: [] });
	});
});

describe('checkPenguinChoice', () => {
	const records = JSON.parse(
		readFileSync(new URL('../../../node_modules/vega-datasets/data/penguins.json', import.meta.url), 'utf8')
	);
	const table = tableFromRecords(records, 'Palmer penguins');

	it('keeps measurements and a species the table has', () => {
		const config: NetworkConfig = {
			...defaultNetworkConfig(),
			penguinFeatures: ['Body Mass (g)', 'Beak Depth (mm)'],
			penguinPositive: 'Gentoo'
		};
		expect(checkPenguinChoice(config, table)).toEqual({ config, notices: [] });
	});

	it('puts back the default for a column that is not a measurement, and for an unknown species', () => {
		const config: NetworkConfig = {
			...defaultNetworkConfig(),
			penguinFeatures: ['Island', 'Body Mass (g)'],
			penguinPositive: 'Emperor'
		};
		const { config: fitted, notices } = checkPenguinChoice(config, table);
		expect(fitted.penguinFeatures).toEqual([defaultNetworkConfig().penguinFeatures[0], 'Body Mass (g)']);
		expect(fitted.penguinPositive).toBe(defaultNetworkConfig().penguinPositive);
		expect(notices).toHaveLength(2);
		expect(notices[0]).toMatch(/^Ignored feature=Island\b/);
		expect(notices[1]).toMatch(/^Ignored positive=Emperor\b/);
	});

	it('is needed only when the penguins are chosen or their columns differ from the defaults', () => {
		expect(needsPenguinTable(defaultNetworkConfig())).toBe(false);
		expect(needsPenguinTable({ ...defaultNetworkConfig(), dataset: 'penguins' })).toBe(true);
		expect(needsPenguinTable({ ...defaultNetworkConfig(), penguinPositive: 'Gentoo' })).toBe(true);
	});
});

describe('applyNetworkConfig and networkConfigOf', () => {
	it('set every setting of the lab, and read them back the same', () => {
		const rng = createRng(3);
		const lab = new NetworkLab();
		for (let i = 0; i < 50; i++) {
			const config = randomConfig(rng);
			applyNetworkConfig(lab, config);
			expect(networkConfigOf(lab)).toEqual(config);
			expect(lab.roster.runs.length).toBe(config.runs.length);
		}
	});
});
