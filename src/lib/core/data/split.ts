/**
 * Seeded train/test split for the over/underfitting view: a Fisher-Yates shuffle from createRng, then
 * the first round(n * testFraction) shuffled rows are the test set. Rows are copied whole.
 */
import type { Dataset } from '../models/matrix';
import { createRng } from '../random/rng';
import { DataError, keepInfo, type MaybeNamedDataset } from './types';

export interface SplitOptions {
	/** Share of rows in the test set, strictly between 0 and 1. */
	testFraction: number;
	seed: number;
}

export interface Split {
	train: MaybeNamedDataset;
	test: MaybeNamedDataset;
}

/** Copies the given rows of d, in the given order, into a new Dataset. */
export function selectRows(d: Dataset, rows: ArrayLike<number>): Dataset {
	const { p } = d;
	const m = rows.length;
	const x = new Float64Array(m * p);
	const y = new Float64Array(m);
	for (let r = 0; r < m; r++) {
		const i = rows[r];
		y[r] = d.y[i];
		for (let j = 0; j < p; j++) x[r * p + j] = d.x[i * p + j];
	}
	return { x, y, n: m, p };
}

/**
 * Splits d into train and test. The test set has round(n * testFraction) rows, clamped so that both
 * parts have at least one row when n >= 2 (with n = 1 the single row is training data).
 */
export function trainTestSplit(d: MaybeNamedDataset, o: SplitOptions): Split {
	const { testFraction, seed } = o;
	if (!Number.isFinite(testFraction) || testFraction <= 0 || testFraction >= 1)
		throw new DataError(`testFraction must be strictly between 0 and 1, got ${testFraction}`);
	if (!Number.isInteger(d.n) || d.n < 1) throw new DataError(`cannot split a dataset with ${d.n} rows`);
	if (d.x.length !== d.n * d.p || d.y.length !== d.n)
		throw new DataError(`inconsistent dataset: x has ${d.x.length} values for ${d.n} x ${d.p}`);
	const n = d.n;
	const nTest = n < 2 ? 0 : Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
	const rng = createRng(seed);
	const perm = new Int32Array(n);
	for (let i = 0; i < n; i++) perm[i] = i;
	for (let i = n - 1; i > 0; i--) {
		const j = rng.int(i + 1);
		const t = perm[i];
		perm[i] = perm[j];
		perm[j] = t;
	}
	return {
		test: keepInfo(d, selectRows(d, perm.subarray(0, nTest))),
		train: keepInfo(d, selectRows(d, perm.subarray(nTest)))
	};
}

/** At most `max` rows of d: all of them when it has no more, else a seeded random subset (partial Fisher-Yates). */
export function sampleRows(d: Dataset, max: number, seed: number): Dataset {
	if (d.n <= max) return d;
	const rng = createRng(seed);
	const idx = new Int32Array(d.n);
	for (let i = 0; i < d.n; i++) idx[i] = i;
	for (let i = 0; i < max; i++) {
		const j = i + rng.int(d.n - i);
		const t = idx[i];
		idx[i] = idx[j];
		idx[j] = t;
	}
	return selectRows(d, idx.subarray(0, max));
}
