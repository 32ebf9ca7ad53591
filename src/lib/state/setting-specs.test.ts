/**
 * Pins the numeric settings of the network and regression pages: the URL codecs read their keys, defaults and
 * domains, and the panels their labels, help and slider ranges, so a change to any of them must be deliberate.
 */
import { describe, expect, it } from 'vitest';
import { MAX_POLYNOMIAL_DEGREE } from '../core/data/polynomial';
import type { NumberHyper } from '../core/optimizers/types';
import * as net from './network-controls';
import { ALPHA_RANGE, C_RANGE } from './regression.svelte';
import * as reg from './regression-controls';
import { SYNTHETIC_LIMITS as LIMITS } from './regression-data';
import { countSpec, MAX_SEED, numberSpec, seedSpec, testShareSpec } from './setting-specs';

/** A spec, then its key, label, default, slider min and max, log, integer, and domain lower and upper. */
type Row = [NumberHyper, string, string, number, number, number, boolean, boolean, number, number];

const S31 = 2 ** 31 - 1;
const ROWS: Row[] = [
	[net.POINTS_SPEC, 'points', 'points', 500, 20, 2000, true, true, 4, 5000],
	[net.NOISE_SPEC, 'noise', 'noise', 0, 0, 0.5, false, false, 0, 1],
	[net.DATA_SEED_SPEC, 'data seed', 'data seed', 1, 0, 99, false, true, 0, S31],
	[net.TEST_SPEC, 'test', 'test share', 0.5, 0.1, 0.9, false, false, 0.01, 0.99],
	[net.L1_SPEC, 'l1', 'L1 penalty', 0, 1e-5, 0.1, true, false, 0, 10],
	[net.L2_SPEC, 'l2', 'L2 penalty', 0, 1e-5, 0.1, true, false, 0, 10],
	[net.INIT_SEED_SPEC, 'seed', 'weights seed', 1, 0, 99, false, true, 0, S31],
	[net.BATCH_SPEC, 'batch', 'batch size', 10, 1, 500, true, true, 1, 100000],
	[net.EPOCHS_SPEC, 'epochs', 'epochs', 1000, 1, 20000, true, true, 1, 1000000],
	[reg.ALPHA_SPEC, 'alpha', 'penalty strength', 1, ALPHA_RANGE.min, ALPHA_RANGE.max, true, false, 0, 1e12],
	[reg.C_SPEC, 'C', 'inverse penalty', 1, C_RANGE.min, C_RANGE.max, true, false, 1e-12, 1e12],
	[reg.DEGREE_SPEC, 'degree', 'polynomial degree', 1, 1, MAX_POLYNOMIAL_DEGREE, false, true, 1, 15],
	[reg.TEST_FRACTION_SPEC, 'test', 'test share', 0.25, 0.05, 0.9, false, false, 0.01, 0.99],
	[reg.SPLIT_SEED_SPEC, 'split seed', 'split seed', 1, 0, 99, false, true, 0, S31],
	[reg.SHUFFLE_SEED_SPEC, 'shuffle seed', 'shuffle seed', 1, 0, 99, false, true, 0, S31],
	[reg.N_SPEC, 'n', 'points', 50, LIMITS.n.min, 1000, true, true, LIMITS.n.min, LIMITS.n.max],
	[reg.NOISE_SPEC, 'noise', 'noise', 1, 0, LIMITS.noise.max, false, false, 0, LIMITS.noise.max],
	[reg.SEED_SPEC, 'seed', 'data seed', 1, 0, 99, false, true, 0, LIMITS.seed.max]
];

const HELP: [NumberHyper, string][] = [
	[net.POINTS_SPEC, 'Rows generated (training and test together).'],
	[
		net.NOISE_SPEC,
		'How far the points scatter from the clean pattern (TensorFlow Playground’s noise / 100).'
	],
	[net.DATA_SEED_SPEC, 'Same seed, same points and the same train/test split.'],
	[net.TEST_SPEC, 'Share of the rows held out for testing.'],
	[net.L1_SPEC, 'Adds l1 · Σ|W| to the loss (weights, not biases): pushes weights to exactly 0.'],
	[net.L2_SPEC, 'Adds (l2/2) · ΣW² to the loss (weights, not biases): shrinks every weight.'],
	[
		net.INIT_SEED_SPEC,
		'Seed of the initial weights and of the mini-batch shuffles: same seed, same network.'
	],
	[net.BATCH_SPEC, 'Rows per gradient step; the last batch of an epoch may be smaller.'],
	[net.EPOCHS_SPEC, 'Training pauses by itself after this many epochs.'],
	[reg.ALPHA_SPEC, 'Weight of the penalty term (scikit-learn alpha). Larger shrinks the weights more.'],
	[reg.C_SPEC, 'Inverse of the L2 penalty strength (scikit-learn C). Smaller C shrinks the weights more.'],
	[reg.DEGREE_SPEC, 'Fit y = b + w1 x + w2 x^2 + ... up to this power (one-feature regression only).'],
	[reg.TEST_FRACTION_SPEC, 'Share of the rows held out for testing (never used to fit).'],
	[reg.SPLIT_SEED_SPEC, 'Seed of the shuffle that picks the test rows.'],
	[
		reg.SHUFFLE_SEED_SPEC,
		'Seed of the per-epoch shuffle that forms the mini-batches (every run sees the same batches).'
	],
	[reg.N_SPEC, 'Number of rows generated.'],
	[reg.NOISE_SPEC, 'Standard deviation of the Gaussian noise.'],
	[reg.SEED_SPEC, 'Same seed, same data.']
];

/** The spec a row describes, exactly (no `integer` key unless it is true). */
function specOf([, key, label, def, min, max, log, integer, lower, upper]: Row, help: string): NumberHyper {
	const domain = { lower, upper };
	return integer
		? { kind: 'number', key, label, help, default: def, min, max, log, integer, domain }
		: { kind: 'number', key, label, help, default: def, min, max, log, domain };
}

describe('the network and regression settings', () => {
	it('keep their keys, labels, help, defaults, slider ranges and domains', () => {
		expect(HELP.map(([spec]) => spec)).toEqual(ROWS.map(([spec]) => spec));
		ROWS.forEach((row, i) => expect(row[0]).toStrictEqual(specOf(row, HELP[i][1])));
	});

	it('keep the limits they are read against', () => {
		expect(MAX_POLYNOMIAL_DEGREE).toBe(15);
		expect(LIMITS.seed.max).toBe(S31);
		expect(MAX_SEED).toBe(S31);
	});
});

describe('the spec helpers', () => {
	it('fill in what a kind of setting always has', () => {
		const range = { default: 2, min: 1, max: 3, domain: { lower: 0, upper: 4 } };
		expect(numberSpec({ key: 'k', label: 'l', help: 'h', ...range, log: false })).toStrictEqual(
			specOf([net.NOISE_SPEC, 'k', 'l', 2, 1, 3, false, false, 0, 4], 'h')
		);
		expect(countSpec({ key: 'k', label: 'l', help: 'h', ...range })).toStrictEqual(
			specOf([net.NOISE_SPEC, 'k', 'l', 2, 1, 3, true, true, 0, 4], 'h')
		);
		expect(seedSpec('s', 'a seed', 'h')).toStrictEqual(
			specOf([net.NOISE_SPEC, 's', 'a seed', 1, 0, 99, false, true, 0, MAX_SEED], 'h')
		);
		expect(seedSpec('s', 'a seed', 'h', 7).domain).toStrictEqual({ lower: 0, upper: 7 });
		expect(testShareSpec('h', 0.3, 0.2)).toStrictEqual(
			specOf([net.NOISE_SPEC, 'test', 'test share', 0.3, 0.2, 0.9, false, false, 0.01, 0.99], 'h')
		);
	});
});
