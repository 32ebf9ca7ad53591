/**
 * The regression panel's numeric settings declared once as data (same shape as the optimizers'
 * hyperparameters), so the shared HyperControl draws their sliders and exact-entry fields and checks them.
 */
import { MAX_POLYNOMIAL_DEGREE } from '../core/data/polynomial';
import { ALPHA_RANGE, C_RANGE } from './regression.svelte';
import { SYNTHETIC_LIMITS } from './regression-data';
import { countSpec, numberSpec, seedSpec, testShareSpec } from './setting-specs';

export const ALPHA_SPEC = numberSpec({
	key: 'alpha',
	label: 'penalty strength',
	help: 'Weight of the penalty term (scikit-learn alpha). Larger shrinks the weights more.',
	default: 1,
	min: ALPHA_RANGE.min,
	max: ALPHA_RANGE.max,
	log: true,
	domain: { lower: 0, upper: 1e12 }
});

export const C_SPEC = numberSpec({
	key: 'C',
	label: 'inverse penalty',
	help: 'Inverse of the L2 penalty strength (scikit-learn C). Smaller C shrinks the weights more.',
	default: 1,
	min: C_RANGE.min,
	max: C_RANGE.max,
	log: true,
	domain: { lower: 1e-12, upper: 1e12 }
});

export const DEGREE_SPEC = numberSpec({
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

export const TEST_FRACTION_SPEC = testShareSpec(
	'Share of the rows held out for testing (never used to fit).',
	0.25,
	0.05
);

export const SPLIT_SEED_SPEC = seedSpec(
	'split seed',
	'split seed',
	'Seed of the shuffle that picks the test rows.'
);

export const SHUFFLE_SEED_SPEC = seedSpec(
	'shuffle seed',
	'shuffle seed',
	'Seed of the per-epoch shuffle that forms the mini-batches (every run sees the same batches).'
);

export const N_SPEC = countSpec({
	key: 'n',
	label: 'points',
	help: 'Number of rows generated.',
	default: 50,
	min: SYNTHETIC_LIMITS.n.min,
	max: 1000,
	domain: { lower: SYNTHETIC_LIMITS.n.min, upper: SYNTHETIC_LIMITS.n.max }
});

export const NOISE_SPEC = numberSpec({
	key: 'noise',
	label: 'noise',
	help: 'Standard deviation of the Gaussian noise.',
	default: 1,
	min: 0,
	max: SYNTHETIC_LIMITS.noise.max,
	log: false,
	domain: { lower: 0, upper: SYNTHETIC_LIMITS.noise.max }
});

export const SEED_SPEC = seedSpec('seed', 'data seed', 'Same seed, same data.', SYNTHETIC_LIMITS.seed.max);
