/**
 * The regression panel's numeric settings declared once as data (same shape as the optimizers'
 * hyperparameters), so the shared HyperControl draws their sliders and exact-entry fields and checks them.
 */
import { MAX_POLYNOMIAL_DEGREE } from '../core/data/polynomial';
import type { NumberHyper } from '../core/optimizers/types';
import { ALPHA_RANGE, C_RANGE } from './regression.svelte';
import { SYNTHETIC_LIMITS } from './regression-data';

function spec(s: Omit<NumberHyper, 'kind'>): NumberHyper {
	return { kind: 'number', ...s };
}

export const ALPHA_SPEC = spec({
	key: 'alpha',
	label: 'penalty strength',
	help: 'Weight of the penalty term (scikit-learn alpha). Larger shrinks the weights more.',
	default: 1,
	min: ALPHA_RANGE.min,
	max: ALPHA_RANGE.max,
	log: true,
	domain: { lower: 0, upper: 1e12 }
});

export const C_SPEC = spec({
	key: 'C',
	label: 'inverse penalty',
	help: 'Inverse of the L2 penalty strength (scikit-learn C). Smaller C shrinks the weights more.',
	default: 1,
	min: C_RANGE.min,
	max: C_RANGE.max,
	log: true,
	domain: { lower: 1e-12, upper: 1e12 }
});

export const DEGREE_SPEC = spec({
	key: 'degree',
	label: 'polynomial degree',
	help: 'Fit y = b + w1 x + w2 x^2 + ... up to this power (one-feature regression only).',
	default: 1,
	min: 1,
	max: MAX_POLYNOMIAL_DEGREE,
	log: false,
	integer: true,
	domain: { lower: 1, upper: MAX_POLYNOMIAL_DEGREE }
});

export const TEST_FRACTION_SPEC = spec({
	key: 'test',
	label: 'test share',
	help: 'Share of the rows held out for testing (never used to fit).',
	default: 0.25,
	min: 0.05,
	max: 0.9,
	log: false,
	domain: { lower: 0.01, upper: 0.99 }
});

export const SPLIT_SEED_SPEC = spec({
	key: 'split seed',
	label: 'split seed',
	help: 'Seed of the shuffle that picks the test rows.',
	default: 1,
	min: 0,
	max: 99,
	log: false,
	integer: true,
	domain: { lower: 0, upper: 2 ** 31 - 1 }
});

export const SHUFFLE_SEED_SPEC = spec({
	key: 'shuffle seed',
	label: 'shuffle seed',
	help: 'Seed of the per-epoch shuffle that forms the mini-batches (every run sees the same batches).',
	default: 1,
	min: 0,
	max: 99,
	log: false,
	integer: true,
	domain: { lower: 0, upper: 2 ** 31 - 1 }
});

export const N_SPEC = spec({
	key: 'n',
	label: 'points',
	help: 'Number of rows generated.',
	default: 50,
	min: SYNTHETIC_LIMITS.n.min,
	max: 1000,
	log: true,
	integer: true,
	domain: { lower: SYNTHETIC_LIMITS.n.min, upper: SYNTHETIC_LIMITS.n.max }
});

export const NOISE_SPEC = spec({
	key: 'noise',
	label: 'noise',
	help: 'Standard deviation of the Gaussian noise.',
	default: 1,
	min: 0,
	max: SYNTHETIC_LIMITS.noise.max,
	log: false,
	domain: { lower: 0, upper: SYNTHETIC_LIMITS.noise.max }
});

export const SEED_SPEC = spec({
	key: 'seed',
	label: 'data seed',
	help: 'Same seed, same data.',
	default: 1,
	min: 0,
	max: 99,
	log: false,
	integer: true,
	domain: { lower: 0, upper: SYNTHETIC_LIMITS.seed.max }
});
