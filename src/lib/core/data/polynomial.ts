/**
 * Polynomial feature expansion for the over/underfitting lesson: one input column x becomes the columns
 * x, x^2, ..., x^degree (no bias column; the models fit the intercept themselves).
 */
import { DataError, type MaybeNamedDataset, type NamedDataset } from './types';

/** Highest degree the panel offers; beyond this the columns are too ill-conditioned to be useful. */
export const MAX_POLYNOMIAL_DEGREE = 15;

/** Expands a single-feature dataset into powers 1..degree of its feature; y is copied. */
export function polynomialFeatures(d: MaybeNamedDataset, degree: number): NamedDataset {
	if (!Number.isInteger(degree) || degree < 1 || degree > MAX_POLYNOMIAL_DEGREE)
		throw new DataError(`degree must be an integer from 1 to ${MAX_POLYNOMIAL_DEGREE}, got ${degree}`);
	if (d.p !== 1) throw new DataError(`polynomial features need exactly one feature column, got ${d.p}`);
	if (!Number.isInteger(d.n) || d.n < 0 || d.x.length !== d.n || d.y.length !== d.n)
		throw new DataError(`inconsistent dataset: x has ${d.x.length} values for ${d.n} x 1`);
	const { n } = d;
	const x = new Float64Array(n * degree);
	for (let i = 0; i < n; i++) {
		const v = d.x[i];
		let power = v;
		x[i * degree] = v;
		for (let k = 1; k < degree; k++) {
			power *= v;
			x[i * degree + k] = power;
		}
	}
	const base = d.featureNames?.[0] ?? 'x';
	const featureNames = Array.from({ length: degree }, (_, k) => (k === 0 ? base : `${base}^${k + 1}`));
	const name = `${d.name ?? 'Data'} (degree ${degree})`;
	return { x, y: Float64Array.from(d.y), n, p: degree, name, featureNames };
}
