/**
 * Ridge regression with an unpenalised intercept, as scikit-learn's Ridge:
 * minimise ||y - Xw - b||^2 + alpha ||w||^2 (no 1/n factor); `objective` is that value.
 * Closed form on centred data: (Xc^T Xc + alpha I) w = Xc^T yc, then b = ybar - xbar . w.
 * Reference: https://scikit-learn.org/stable/modules/linear_model.html#ridge-regression-and-classification
 */
import { solveCentredNormalEquation } from './linear';
import { ModelError, residualSumOfSquares, type Dataset, type LinearFit } from './matrix';

/** ||y - Xw - b||^2 + alpha ||w||^2. */
export function ridgeObjective(d: Dataset, coef: Float64Array, intercept: number, alpha: number): number {
	let penalty = 0;
	for (let j = 0; j < coef.length; j++) penalty += coef[j] * coef[j];
	return residualSumOfSquares(d, coef, intercept) + alpha * penalty;
}

export function fitRidge(d: Dataset, alpha: number): LinearFit {
	if (!(alpha >= 0) || !Number.isFinite(alpha))
		throw new ModelError(`alpha must be finite and >= 0, got ${alpha}`);
	const { coef, intercept } = solveCentredNormalEquation(d, alpha);
	return { coef, intercept, objective: ridgeObjective(d, coef, intercept, alpha) };
}
