/**
 * Dense helpers shared by the regression models: a design matrix (row-major Float64Array, n rows by p
 * columns) with its target, centring, Gram matrices and predictions. Models centre the data so that the
 * intercept, which is never penalised, drops out of the solve and is recovered as b = ybar - xbar . w.
 */

/** n samples by p features, row-major, with one target value per sample. */
export interface Dataset {
	x: Float64Array;
	y: Float64Array;
	n: number;
	p: number;
}

/** A fitted linear model: prediction x . coef + intercept; objective as the model file defines it. */
export interface LinearFit {
	coef: Float64Array;
	intercept: number;
	objective: number;
}

/** Raised for data a model cannot be fitted to (no rows, a singular system); the message says why. */
export class ModelError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ModelError';
	}
}

/** Builds a Dataset from feature columns (each of length n) and a target. */
export function datasetFromColumns(columns: readonly Float64Array[], y: Float64Array): Dataset {
	const n = y.length;
	const p = columns.length;
	const x = new Float64Array(n * p);
	for (let j = 0; j < p; j++) {
		const col = columns[j];
		if (col.length !== n)
			throw new ModelError(`feature column ${j} has ${col.length} values, target has ${n}`);
		for (let i = 0; i < n; i++) x[i * p + j] = col[i];
	}
	return { x, y, n, p };
}

export function checkDataset(d: Dataset): void {
	if (d.n < 1) throw new ModelError('no rows to fit');
	if (d.x.length !== d.n * d.p || d.y.length !== d.n)
		throw new ModelError(`inconsistent dataset: x has ${d.x.length} values for ${d.n} x ${d.p}`);
}

/** Column means of row-major x (n x p). */
export function columnMeans(x: Float64Array, n: number, p: number): Float64Array {
	const m = new Float64Array(p);
	for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) m[j] += x[i * p + j];
	for (let j = 0; j < p; j++) m[j] /= n;
	return m;
}

/** Population standard deviations (divide by n) of the columns, given their means. */
export function columnStd(x: Float64Array, n: number, p: number, means: Float64Array): Float64Array {
	const s = new Float64Array(p);
	for (let i = 0; i < n; i++)
		for (let j = 0; j < p; j++) {
			const d = x[i * p + j] - means[j];
			s[j] += d * d;
		}
	for (let j = 0; j < p; j++) s[j] = Math.sqrt(s[j] / n);
	return s;
}

export function mean(v: Float64Array): number {
	let s = 0;
	for (let i = 0; i < v.length; i++) s += v[i];
	return s / v.length;
}

/** The data with column means and the target mean subtracted, plus those means. */
export interface Centred {
	xc: Float64Array;
	yc: Float64Array;
	xMean: Float64Array;
	yMean: number;
}

export function centre(d: Dataset): Centred {
	const xMean = columnMeans(d.x, d.n, d.p);
	const yMean = mean(d.y);
	const xc = new Float64Array(d.n * d.p);
	const yc = new Float64Array(d.n);
	for (let i = 0; i < d.n; i++) {
		for (let j = 0; j < d.p; j++) xc[i * d.p + j] = d.x[i * d.p + j] - xMean[j];
		yc[i] = d.y[i] - yMean;
	}
	return { xc, yc, xMean, yMean };
}

/** X^T X (p x p, row-major). */
export function gram(x: Float64Array, n: number, p: number): Float64Array {
	const g = new Float64Array(p * p);
	for (let i = 0; i < n; i++) {
		const row = i * p;
		for (let a = 0; a < p; a++) {
			const xa = x[row + a];
			if (xa === 0) continue;
			for (let b = a; b < p; b++) g[a * p + b] += xa * x[row + b];
		}
	}
	for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) g[a * p + b] = g[b * p + a];
	return g;
}

/** X^T y (length p). */
export function xty(x: Float64Array, y: Float64Array, n: number, p: number): Float64Array {
	const v = new Float64Array(p);
	for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) v[j] += x[i * p + j] * y[i];
	return v;
}

/** x_i . coef + intercept for every row. */
export function predict(
	d: Pick<Dataset, 'x' | 'n' | 'p'>,
	coef: Float64Array,
	intercept: number
): Float64Array {
	const out = new Float64Array(d.n);
	for (let i = 0; i < d.n; i++) {
		let s = intercept;
		for (let j = 0; j < d.p; j++) s += d.x[i * d.p + j] * coef[j];
		out[i] = s;
	}
	return out;
}

/** ||y - Xw - b||^2. */
export function residualSumOfSquares(d: Dataset, coef: Float64Array, intercept: number): number {
	const z = predict(d, coef, intercept);
	let s = 0;
	for (let i = 0; i < d.n; i++) {
		const r = d.y[i] - z[i];
		s += r * r;
	}
	return s;
}

/** Intercept of a model fitted on centred data: ybar - xbar . w. */
export function interceptFromMeans(c: Centred, coef: Float64Array): number {
	let b = c.yMean;
	for (let j = 0; j < coef.length; j++) b -= c.xMean[j] * coef[j];
	return b;
}
