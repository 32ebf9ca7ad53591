/**
 * Ordinary least squares with an intercept, as scikit-learn's LinearRegression: minimise ||y - Xw - b||^2.
 * The reported `objective` is that residual sum of squares (not divided by n).
 * Closed form: the solution of the normal equation on centred data, (Xc^T Xc) w = Xc^T yc, then
 * b = ybar - xbar . w. It is computed by Householder QR of Xc rather than by forming Xc^T Xc, whose condition
 * number is the square of Xc's (polynomial features of degree 15 would lose every digit).
 * Reference: https://scikit-learn.org/stable/modules/linear_model.html#ordinary-least-squares
 */
import { leastSquaresQR } from '../linalg/least-squares';
import {
	centre,
	checkDataset,
	interceptFromMeans,
	ModelError,
	residualSumOfSquares,
	type Dataset,
	type LinearFit
} from './matrix';

/** ||y - Xw - b||^2. */
export function linearObjective(d: Dataset, coef: Float64Array, intercept: number): number {
	return residualSumOfSquares(d, coef, intercept);
}

/**
 * Solves (Xc^T Xc + alpha I) w = Xc^T yc on centred data (shared with ridge, alpha > 0) as the least-squares
 * problem min ||[Xc; sqrt(alpha) I] w - [yc; 0]||, whose normal equation it is.
 */
export function solveCentredNormalEquation(
	d: Dataset,
	alpha: number
): { coef: Float64Array; intercept: number } {
	checkDataset(d);
	const c = centre(d);
	const { n, p } = d;
	if (p === 0) return { coef: new Float64Array(0), intercept: c.yMean };
	// Columns are scaled to unit norm first (w = S^-1 v with S = diag(column norms)): the same solution, but
	// features of very different sizes (x and x^15) no longer look rank-deficient to the QR's rank test.
	const scale = new Float64Array(p);
	for (let j = 0; j < p; j++) {
		let ss = 0;
		for (let i = 0; i < n; i++) ss += c.xc[i * p + j] ** 2;
		scale[j] = ss > 0 ? Math.sqrt(ss) : 1;
	}
	const m = alpha > 0 ? n + p : n;
	const a = new Float64Array(m * p);
	for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) a[i * p + j] = c.xc[i * p + j] / scale[j];
	const b = new Float64Array(m);
	b.set(c.yc);
	if (alpha > 0) for (let j = 0; j < p; j++) a[(n + j) * p + j] = Math.sqrt(alpha) / scale[j];
	const v = m >= p ? leastSquaresQR(a, b, m, p) : null;
	if (v === null)
		throw new ModelError(
			'the features are linearly dependent (rank-deficient X); drop a feature, lower the degree or use ridge'
		);
	const coef = v.map((vj, j) => vj / scale[j]);
	return { coef, intercept: interceptFromMeans(c, coef) };
}

export function fitLinear(d: Dataset): LinearFit {
	const { coef, intercept } = solveCentredNormalEquation(d, 0);
	return { coef, intercept, objective: linearObjective(d, coef, intercept) };
}
