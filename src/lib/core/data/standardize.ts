/**
 * Feature standardisation (z-scores) fitted on training data only, applied to any split, and the map
 * that turns a linear model learnt on standardised features back into original units:
 * w_j = w'_j / s_j and b = b' - sum_j w'_j m_j / s_j. The target y is left unchanged.
 */
import { columnMeans, columnStd } from '../models/matrix';
import { DataError, keepInfo, type MaybeNamedDataset } from './types';
import type { Dataset } from '../models/matrix';

/** Per-column means and (population) standard deviations; a constant column has std 1. */
export interface Standardizer {
	means: Float64Array;
	stds: Float64Array;
}

function checkShape(d: Dataset): void {
	if (!Number.isInteger(d.n) || d.n < 1) throw new DataError('no rows to fit a standardizer to');
	if (d.x.length !== d.n * d.p || d.y.length !== d.n)
		throw new DataError(`inconsistent dataset: x has ${d.x.length} values for ${d.n} x ${d.p}`);
}

/** Column means and population stds of train's features. Constant (or numerically constant) columns get 1. */
export function fitStandardizer(train: Dataset): Standardizer {
	checkShape(train);
	const means = columnMeans(train.x, train.n, train.p);
	const stds = columnStd(train.x, train.n, train.p, means);
	for (let j = 0; j < train.p; j++) {
		// A column of one repeated value can show a std of a few ulps of its mean from rounding.
		if (!(stds[j] > 1e-12 * Math.abs(means[j]))) stds[j] = 1;
	}
	return { means, stds };
}

/** A new dataset with each feature replaced by (x - mean) / std; y is copied unchanged. */
export function applyStandardizer(d: MaybeNamedDataset, s: Standardizer): MaybeNamedDataset {
	checkShape(d);
	const { n, p } = d;
	if (s.means.length !== p || s.stds.length !== p)
		throw new DataError(`standardizer has ${s.means.length} columns, dataset has ${p}`);
	const x = new Float64Array(n * p);
	for (let i = 0; i < n; i++)
		for (let j = 0; j < p; j++) x[i * p + j] = (d.x[i * p + j] - s.means[j]) / s.stds[j];
	return keepInfo(d, { x, y: Float64Array.from(d.y), n, p });
}

/** Coefficients and intercept learnt on standardised features, expressed in the original units. */
export function unstandardizeLinear(
	coef: ArrayLike<number>,
	intercept: number,
	s: Standardizer
): { coef: Float64Array; intercept: number } {
	const p = coef.length;
	if (s.means.length !== p || s.stds.length !== p)
		throw new DataError(`standardizer has ${s.means.length} columns, model has ${p}`);
	const out = new Float64Array(p);
	let b = intercept;
	for (let j = 0; j < p; j++) {
		out[j] = coef[j] / s.stds[j];
		b -= out[j] * s.means[j];
	}
	return { coef: out, intercept: b };
}
