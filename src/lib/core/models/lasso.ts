/**
 * Lasso with an unpenalised intercept, as scikit-learn's Lasso:
 * minimise (1/(2n)) ||y - Xw - b||^2 + alpha ||w||_1; `objective` is that value.
 * Cyclic coordinate descent on centred data (so b = ybar - xbar . w at every step). With r the residual and
 * c_j = ||x_j||^2, each coordinate update is the exact one-dimensional minimiser
 *     w_j <- S(x_j . r + c_j w_j, n alpha) / c_j,   S(z, t) = sign(z) max(|z| - t, 0),
 * so coefficients the penalty removes are exactly 0, not merely small.
 * Sweeps stop when the largest change in a sweep is below tol times the largest |w_j| (default 1e-12).
 * Reference: https://scikit-learn.org/stable/modules/linear_model.html#lasso
 */
import {
	centre,
	checkDataset,
	interceptFromMeans,
	ModelError,
	residualSumOfSquares,
	type Dataset,
	type LinearFit
} from './matrix';

export interface LassoOptions {
	/** Relative tolerance on the largest coefficient change in a sweep. */
	tol?: number;
	maxSweeps?: number;
}

export interface LassoFit extends LinearFit {
	sweeps: number;
	converged: boolean;
}

/** (1/(2n)) ||y - Xw - b||^2 + alpha ||w||_1. */
export function lassoObjective(d: Dataset, coef: Float64Array, intercept: number, alpha: number): number {
	let l1 = 0;
	for (let j = 0; j < coef.length; j++) l1 += Math.abs(coef[j]);
	return residualSumOfSquares(d, coef, intercept) / (2 * d.n) + alpha * l1;
}

export function fitLasso(d: Dataset, alpha: number, options: LassoOptions = {}): LassoFit {
	if (!(alpha >= 0) || !Number.isFinite(alpha))
		throw new ModelError(`alpha must be finite and >= 0, got ${alpha}`);
	checkDataset(d);
	const tol = options.tol ?? 1e-12;
	const maxSweeps = options.maxSweeps ?? 100_000;
	const { n, p } = d;
	const c = centre(d);
	const xc = c.xc;
	const r = Float64Array.from(c.yc);
	const w = new Float64Array(p);
	const colSq = new Float64Array(p);
	for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) colSq[j] += xc[i * p + j] * xc[i * p + j];
	const threshold = n * alpha;

	let sweeps = 0;
	let converged = p === 0;
	while (!converged && sweeps < maxSweeps) {
		sweeps++;
		let maxDelta = 0;
		let maxW = 0;
		for (let j = 0; j < p; j++) {
			if (colSq[j] === 0) continue; // a constant column cannot explain anything: stays at 0
			let rho = colSq[j] * w[j];
			for (let i = 0; i < n; i++) rho += xc[i * p + j] * r[i];
			const shrunk = Math.abs(rho) - threshold;
			const next = shrunk > 0 ? (Math.sign(rho) * shrunk) / colSq[j] : 0;
			const delta = next - w[j];
			if (delta !== 0) {
				for (let i = 0; i < n; i++) r[i] -= xc[i * p + j] * delta;
				w[j] = next;
			}
			maxDelta = Math.max(maxDelta, Math.abs(delta));
			maxW = Math.max(maxW, Math.abs(next));
		}
		converged = maxDelta <= tol * maxW;
	}
	const intercept = interceptFromMeans(c, w);
	return { coef: w, intercept, objective: lassoObjective(d, w, intercept, alpha), sweeps, converged };
}
