/**
 * Binary logistic regression with an L2 penalty, as scikit-learn's LogisticRegression(penalty='l2', C):
 * minimise  C sum_i log(1 + exp(-s_i (x_i . w + b))) + 0.5 ||w||^2,  s_i = 2 y_i - 1 in {-1, +1},
 * the intercept b unpenalised; `objective` is that value. Labels y_i are 0 or 1.
 * Newton's method on theta = (w, b) with the exact Hessian
 *     H = C sum_i sigma(z_i) (1 - sigma(z_i)) [x_i; 1][x_i; 1]^T + diag(1, ..., 1, 0)
 * and a backtracking (Armijo) line search; log(1 + exp(t)) is evaluated as max(t, 0) + log1p(exp(-|t|)).
 * Reference: https://scikit-learn.org/stable/modules/linear_model.html#logistic-regression
 * (reference values from solver='newton-cholesky', which minimises the same objective).
 */
import { solveInPlace } from '../linalg/solve';
import { checkDataset, ModelError, predict, type Dataset, type LinearFit } from './matrix';

export interface LogisticOptions {
	maxIterations?: number;
}

export interface LogisticFit extends LinearFit {
	iterations: number;
	converged: boolean;
}

/** log(1 + exp(t)) without overflow or loss of precision for large |t|. */
export function softplus(t: number): number {
	return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
}

/** 1 / (1 + exp(-t)) without overflow. */
export function sigmoid(t: number): number {
	if (t >= 0) return 1 / (1 + Math.exp(-t));
	const e = Math.exp(t);
	return e / (1 + e);
}

function checkLabels(y: Float64Array): void {
	for (let i = 0; i < y.length; i++)
		if (y[i] !== 0 && y[i] !== 1)
			throw new ModelError(`logistic labels must be 0 or 1, row ${i} has ${y[i]}`);
}

/** C sum_i log(1 + exp(-s_i z_i)) + 0.5 ||w||^2 with z_i = x_i . w + b. */
export function logisticObjective(d: Dataset, coef: Float64Array, intercept: number, C: number): number {
	const z = predict(d, coef, intercept);
	let loss = 0;
	for (let i = 0; i < d.n; i++) loss += softplus(d.y[i] === 1 ? -z[i] : z[i]);
	let penalty = 0;
	for (let j = 0; j < coef.length; j++) penalty += coef[j] * coef[j];
	return C * loss + 0.5 * penalty;
}

/** Mean cross-entropy (natural log) of the predicted probabilities sigma(z) against 0/1 labels. */
export function logLoss(d: Dataset, coef: Float64Array, intercept: number): number {
	const z = predict(d, coef, intercept);
	let loss = 0;
	for (let i = 0; i < d.n; i++) loss += softplus(d.y[i] === 1 ? -z[i] : z[i]);
	return loss / d.n;
}

/** Fraction of rows whose predicted class (1 when z > 0, as scikit-learn) equals the label. */
export function accuracy(d: Dataset, coef: Float64Array, intercept: number): number {
	const z = predict(d, coef, intercept);
	let hits = 0;
	for (let i = 0; i < d.n; i++) if ((z[i] > 0 ? 1 : 0) === d.y[i]) hits++;
	return hits / d.n;
}

export function fitLogistic(d: Dataset, C: number, options: LogisticOptions = {}): LogisticFit {
	if (!(C > 0) || !Number.isFinite(C)) throw new ModelError(`C must be finite and > 0, got ${C}`);
	checkDataset(d);
	checkLabels(d.y);
	const { n, p } = d;
	const m = p + 1;
	const maxIterations = options.maxIterations ?? 100;
	const theta = new Float64Array(m);
	const coefOf = (t: Float64Array): Float64Array => t.subarray(0, p);
	let f = logisticObjective(d, coefOf(theta), 0, C);
	const grad = new Float64Array(m);
	const hess = new Float64Array(m * m);
	const step = new Float64Array(m);
	const trial = new Float64Array(m);
	let iterations = 0;
	let converged = false;

	while (iterations < maxIterations) {
		const z = predict(d, coefOf(theta), theta[p]);
		grad.fill(0);
		hess.fill(0);
		for (let i = 0; i < n; i++) {
			const s = d.y[i] === 1 ? 1 : -1;
			const g = -C * s * sigmoid(-s * z[i]);
			const pi = sigmoid(z[i]);
			const h = C * pi * (1 - pi);
			const row = i * p;
			for (let a = 0; a < m; a++) {
				const xa = a < p ? d.x[row + a] : 1;
				grad[a] += g * xa;
				for (let b = a; b < m; b++) hess[a * m + b] += h * xa * (b < p ? d.x[row + b] : 1);
			}
		}
		for (let j = 0; j < p; j++) {
			grad[j] += theta[j];
			hess[j * m + j] += 1;
		}
		for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) hess[a * m + b] = hess[b * m + a];

		const rhs = Float64Array.from(grad);
		if (!solveInPlace(m, hess, rhs, step))
			throw new ModelError(
				'singular Hessian: every row has the same label and no penalty fixes the intercept'
			);
		// Newton decrement lambda^2 = g . H^-1 g; the step is -H^-1 g.
		let decrement = 0;
		for (let a = 0; a < m; a++) decrement += grad[a] * step[a];
		iterations++;
		if (!(decrement > 0)) {
			converged = true;
			break;
		}
		let t = 1;
		let fTrial = Infinity;
		for (let k = 0; k < 60; k++) {
			for (let a = 0; a < m; a++) trial[a] = theta[a] - t * step[a];
			fTrial = logisticObjective(d, coefOf(trial), trial[p], C);
			if (fTrial <= f - 1e-4 * t * decrement) break;
			t *= 0.5;
		}
		if (!(fTrial <= f)) {
			// No decrease is representable: at the optimum up to rounding.
			converged = true;
			break;
		}
		let maxStep = 0;
		let maxTheta = 0;
		for (let a = 0; a < m; a++) {
			maxStep = Math.max(maxStep, Math.abs(theta[a] - trial[a]));
			maxTheta = Math.max(maxTheta, Math.abs(trial[a]));
		}
		theta.set(trial);
		f = fTrial;
		if (decrement / 2 <= 1e-15 * Math.max(1, Math.abs(f)) || maxStep <= 1e-14 * Math.max(1, maxTheta)) {
			converged = true;
			break;
		}
	}
	const coef = Float64Array.from(coefOf(theta));
	return { coef, intercept: theta[p], objective: f, iterations, converged };
}
