/**
 * Ordinary least squares with an intercept, as scikit-learn's LinearRegression: minimise ||y - Xw - b||^2.
 * The reported `objective` is that residual sum of squares (not divided by n).
 * Closed form through the normal equation on centred data: (Xc^T Xc) w = Xc^T yc, then b = ybar - xbar . w.
 * Reference: https://scikit-learn.org/stable/modules/linear_model.html#ordinary-least-squares
 */
import { solveInPlace } from '../linalg/solve';
import {
	centre,
	checkDataset,
	gram,
	interceptFromMeans,
	ModelError,
	residualSumOfSquares,
	xty,
	type Dataset,
	type LinearFit
} from './matrix';

/** ||y - Xw - b||^2. */
export function linearObjective(d: Dataset, coef: Float64Array, intercept: number): number {
	return residualSumOfSquares(d, coef, intercept);
}

/** Solves (Xc^T Xc + alpha I) w = Xc^T yc on centred data; shared with ridge (alpha > 0). */
export function solveCentredNormalEquation(
	d: Dataset,
	alpha: number
): { coef: Float64Array; intercept: number } {
	checkDataset(d);
	const c = centre(d);
	const a = gram(c.xc, d.n, d.p);
	for (let j = 0; j < d.p; j++) a[j * d.p + j] += alpha;
	const rhs = xty(c.xc, c.yc, d.n, d.p);
	const coef = new Float64Array(d.p);
	if (d.p > 0 && !solveInPlace(d.p, a, rhs, coef))
		throw new ModelError('the features are linearly dependent (singular X^T X); drop a feature or use ridge');
	return { coef, intercept: interceptFromMeans(c, coef) };
}

export function fitLinear(d: Dataset): LinearFit {
	const { coef, intercept } = solveCentredNormalEquation(d, 0);
	return { coef, intercept, objective: linearObjective(d, coef, intercept) };
}
