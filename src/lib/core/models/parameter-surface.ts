/**
 * A regression model's training loss as a function of two of its parameters, so the playground's contour and
 * 3D views and its optimizers can show training as optimization. Each loss is scikit-learn's objective divided
 * by a constant (so the minimiser is the same and a single sample's gradient is an unbiased estimate of the
 * full one):
 *   linear    (1/n) ||y - Xw - b||^2                         (LinearRegression's objective / n)
 *   ridge     (1/n) (||y - Xw - b||^2 + alpha ||w||^2)       (Ridge's objective / n)
 *   lasso     (1/(2n)) ||y - Xw - b||^2 + alpha ||w||_1      (Lasso's objective, unchanged)
 *   logistic  (1/n) sum log(1 + exp(-s_i (x_i.w + b))) + ||w||^2 / (2 C n),  s_i = 2 y_i - 1
 *             (LogisticRegression's objective / (C n))
 * Axes: 'slope-intercept' (one feature: the point (w, b)) or 'two-weights' (two features: the point
 * (w1, w2)); with two weights the intercept is profiled out for the squared losses (b = ybar - xbar.w, its
 * optimum for any w, which is how scikit-learn fits it) and held at a given value for the logistic loss.
 * Squared losses are quadratics, evaluated in O(1) from their Gram matrix around the least-squares point
 * (exact near the optimum, where a sum of squares would cancel); the logistic loss costs O(n) per call.
 * Mini-batches: step k uses batch (k mod m) of epoch floor(k / m) (m = ceil(n / B)), the rows of a seeded
 * Fisher-Yates permutation drawn per epoch, so every run sees the same batches and a replay is exact.
 */
import type { Objective2D } from '../objective';
import { createRng } from '../random/rng';
import { softplus, sigmoid } from './logistic';

export type SurfaceModel = 'linear' | 'ridge' | 'lasso' | 'logistic';
export type SurfaceAxes = 'slope-intercept' | 'two-weights';

export interface SurfaceSpec {
	readonly model: SurfaceModel;
	readonly axes: SurfaceAxes;
	/** Features, row-major n x p: p = 1 for 'slope-intercept', 2 for 'two-weights'. */
	readonly x: Float64Array;
	/** Targets (0/1 labels for logistic). */
	readonly y: Float64Array;
	readonly n: number;
	/** Ridge and lasso strength (>= 0). */
	readonly alpha?: number;
	/** Logistic inverse regularisation strength (> 0; Infinity for none). */
	readonly C?: number;
	/**
	 * 'two-weights' squared losses: the means that define the profiled intercept b = yMean - xMean.w
	 * (default: this data's means; pass the training means to evaluate a test set).
	 */
	readonly xMean?: readonly [number, number];
	readonly yMean?: number;
	/** 'two-weights' logistic: the intercept held fixed (default 0). */
	readonly intercept?: number;
	/** Mini-batch size; absent, or >= n, means full-batch gradients. */
	readonly batchSize?: number;
	/** Seed of the per-epoch shuffles. */
	readonly seed?: number;
}

/** A regression loss over two parameters. */
export interface ParameterSurface extends Objective2D {
	readonly spec: SurfaceSpec;
	/** The model's coefficients and intercept at the point (p0, p1). */
	model(p0: number, p1: number): { coef: number[]; intercept: number };
	/** Rows used per step (n for full batch). */
	readonly batchSize: number;
}

export const MAX_SURFACE_ROWS = 1_000_000;

function checkSpec(s: SurfaceSpec): number {
	const p = s.axes === 'slope-intercept' ? 1 : 2;
	if (!Number.isInteger(s.n) || s.n < 1) throw new RangeError('the loss surface needs at least one row');
	if (s.x.length !== s.n * p || s.y.length !== s.n)
		throw new RangeError(`inconsistent data: ${s.x.length} feature values for ${s.n} rows x ${p}`);
	const alpha = s.alpha ?? 0;
	if (!(alpha >= 0) || !Number.isFinite(alpha)) throw new RangeError('alpha must be finite and >= 0');
	if (s.model === 'logistic' && !((s.C ?? 1) > 0)) throw new RangeError('C must be > 0');
	return p;
}

/** Row i's two "inputs" z = (z0, z1) such that the model's linear part is p0 z0 + p1 z1 + offset. */
interface Design {
	z0: Float64Array;
	z1: Float64Array;
	/** What is added to p0 z0 + p1 z1: the intercept for two-weights logistic, else 0. */
	offset: number;
	/** Targets (centred for the two-weights squared losses). */
	t: Float64Array;
}

function design(s: SurfaceSpec): Design {
	const n = s.n;
	const z0 = new Float64Array(n);
	const z1 = new Float64Array(n);
	const t = new Float64Array(n);
	if (s.axes === 'slope-intercept') {
		for (let i = 0; i < n; i++) {
			z0[i] = s.x[i];
			z1[i] = 1;
			t[i] = s.y[i];
		}
		return { z0, z1, t, offset: 0 };
	}
	if (s.model === 'logistic') {
		for (let i = 0; i < n; i++) {
			z0[i] = s.x[2 * i];
			z1[i] = s.x[2 * i + 1];
			t[i] = s.y[i];
		}
		return { z0, z1, t, offset: s.intercept ?? 0 };
	}
	let m0 = 0;
	let m1 = 0;
	let my = 0;
	for (let i = 0; i < n; i++) {
		m0 += s.x[2 * i];
		m1 += s.x[2 * i + 1];
		my += s.y[i];
	}
	const xm = s.xMean ?? [m0 / n, m1 / n];
	const ym = s.yMean ?? my / n;
	for (let i = 0; i < n; i++) {
		z0[i] = s.x[2 * i] - xm[0];
		z1[i] = s.x[2 * i + 1] - xm[1];
		t[i] = s.y[i] - ym;
	}
	return { z0, z1, t, offset: 0 };
}

/** Which parameters are penalised: both weights, or only the slope (never the intercept). */
function penalised(axes: SurfaceAxes): [number, number] {
	return axes === 'slope-intercept' ? [1, 0] : [1, 1];
}

/** Rows of each step's mini-batch, from a per-epoch seeded permutation (cached for the latest epoch). */
function createBatches(n: number, batchSize: number, seed: number) {
	const m = Math.ceil(n / batchSize);
	const perm = new Int32Array(n);
	let epoch = -1;
	return {
		rows(step: number): Int32Array {
			const e = Math.floor(step / m);
			if (e !== epoch) {
				epoch = e;
				// Distinct, reproducible stream per (seed, epoch).
				const rng = createRng((Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(e + 1, 0x85ebca6b)) >>> 0);
				for (let i = 0; i < n; i++) perm[i] = i;
				for (let i = n - 1; i > 0; i--) {
					const j = rng.int(i + 1);
					const tmp = perm[i];
					perm[i] = perm[j];
					perm[j] = tmp;
				}
			}
			const j = step - e * m;
			return perm.subarray(j * batchSize, Math.min(n, (j + 1) * batchSize));
		}
	};
}

export function createParameterSurface(spec: SurfaceSpec): ParameterSurface {
	checkSpec(spec);
	const { n } = spec;
	const alpha = spec.alpha ?? 0;
	const C = spec.C ?? 1;
	const d = design(spec);
	const [pen0, pen1] = penalised(spec.axes);
	const batchSize =
		spec.batchSize === undefined || !(spec.batchSize < n) ? n : Math.max(1, Math.floor(spec.batchSize));
	const batches = batchSize < n ? createBatches(n, batchSize, spec.seed ?? 0) : null;

	const model = (p0: number, p1: number): { coef: number[]; intercept: number } => {
		if (spec.axes === 'slope-intercept') return { coef: [p0], intercept: p1 };
		if (spec.model === 'logistic') return { coef: [p0, p1], intercept: d.offset };
		const xm = spec.xMean ?? [mean(spec.x, 0, 2, n), mean(spec.x, 1, 2, n)];
		const ym = spec.yMean ?? mean(spec.y, 0, 1, n);
		return { coef: [p0, p1], intercept: ym - xm[0] * p0 - xm[1] * p1 };
	};

	// Gradient of the data term over the given rows (mean over them), added to the penalty's gradient.
	const batchGrad = (rows: Int32Array, p0: number, p1: number, out: Float64Array): void => {
		const { z0, z1, t, offset } = d;
		let g0 = 0;
		let g1 = 0;
		const m = rows.length;
		if (spec.model === 'logistic') {
			for (let r = 0; r < m; r++) {
				const i = rows[r];
				const e = sigmoid(p0 * z0[i] + p1 * z1[i] + offset) - t[i];
				g0 += e * z0[i];
				g1 += e * z1[i];
			}
		} else {
			for (let r = 0; r < m; r++) {
				const i = rows[r];
				const e = p0 * z0[i] + p1 * z1[i] - t[i];
				g0 += e * z0[i];
				g1 += e * z1[i];
			}
			// d/dp of r^2 is 2 r z; the lasso's data term carries 1/2.
			const k = spec.model === 'lasso' ? 1 : 2;
			g0 *= k;
			g1 *= k;
		}
		out[0] = g0 / m;
		out[1] = g1 / m;
		addPenaltyGrad(p0, p1, out);
	};

	const addPenaltyGrad = (p0: number, p1: number, out: Float64Array): void => {
		if (spec.model === 'ridge') {
			out[0] += ((2 * alpha) / n) * pen0 * p0;
			out[1] += ((2 * alpha) / n) * pen1 * p1;
		} else if (spec.model === 'lasso') {
			// The subgradient sign(w), taking 0 at 0.
			out[0] += alpha * pen0 * Math.sign(p0);
			out[1] += alpha * pen1 * Math.sign(p1);
		} else if (spec.model === 'logistic' && C !== Infinity) {
			out[0] += (pen0 * p0) / (C * n);
			out[1] += (pen1 * p1) / (C * n);
		}
	};

	const penalty = (p0: number, p1: number): number => {
		if (spec.model === 'ridge') return (alpha / n) * (pen0 * p0 * p0 + pen1 * p1 * p1);
		if (spec.model === 'lasso') return alpha * (pen0 * Math.abs(p0) + pen1 * Math.abs(p1));
		if (spec.model === 'logistic' && C !== Infinity) return (pen0 * p0 * p0 + pen1 * p1 * p1) / (2 * C * n);
		return 0;
	};

	const stepGrad = batches
		? (step: number, p0: number, p1: number, out: Float64Array): void =>
				batchGrad(batches.rows(step), p0, p1, out)
		: undefined;

	if (spec.model === 'logistic') {
		const all = Int32Array.from({ length: n }, (_, i) => i);
		return {
			spec,
			batchSize,
			model,
			stochasticGrad: stepGrad,
			f(p0, p1) {
				const { z0, z1, t, offset } = d;
				let s = 0;
				for (let i = 0; i < n; i++) {
					const m = p0 * z0[i] + p1 * z1[i] + offset;
					s += softplus(t[i] > 0.5 ? -m : m);
				}
				return s / n + penalty(p0, p1);
			},
			grad: (p0, p1, out) => batchGrad(all, p0, p1, out),
			valueAndGrad(p0, p1, out) {
				// One exp per row serves both softplus(+-m) and sigmoid(m): e = exp(-|m|).
				const { z0, z1, t, offset } = d;
				let s = 0;
				let g0 = 0;
				let g1 = 0;
				for (let i = 0; i < n; i++) {
					const m = p0 * z0[i] + p1 * z1[i] + offset;
					const e = Math.exp(-Math.abs(m));
					const q = m >= 0 ? 1 / (1 + e) : e / (1 + e);
					const signed = t[i] > 0.5 ? -m : m;
					s += Math.max(signed, 0) + Math.log1p(e);
					const r = q - t[i];
					g0 += r * z0[i];
					g1 += r * z1[i];
				}
				out[0] = g0 / n;
				out[1] = g1 / n;
				addPenaltyGrad(p0, p1, out);
				return s / n + penalty(p0, p1);
			},
			hessian(p0, p1, out) {
				const { z0, z1, offset } = d;
				let h00 = 0;
				let h01 = 0;
				let h11 = 0;
				for (let i = 0; i < n; i++) {
					const q = sigmoid(p0 * z0[i] + p1 * z1[i] + offset);
					const w = q * (1 - q);
					h00 += w * z0[i] * z0[i];
					h01 += w * z0[i] * z1[i];
					h11 += w * z1[i] * z1[i];
				}
				const r = C === Infinity ? 0 : 1 / (C * n);
				out[0] = h00 / n + r * pen0;
				out[1] = out[2] = h01 / n;
				out[3] = h11 / n + r * pen1;
			}
		};
	}

	// Squared losses: k * (S* + (p - p*)' G (p - p*)) + penalty, with G = Z'Z, p* the least-squares point
	// and S* its residual sum of squares, all computed once.
	const k = spec.model === 'lasso' ? 1 / (2 * n) : 1 / n;
	const q = quadratic(d);
	return {
		spec,
		batchSize,
		model,
		stochasticGrad: stepGrad,
		f(p0, p1) {
			const a = p0 - q.c0;
			const b = p1 - q.c1;
			const dev = q.g00 * a * a + 2 * q.g01 * a * b + q.g11 * b * b;
			return k * (q.base + dev) + penalty(p0, p1);
		},
		grad(p0, p1, out) {
			const a = p0 - q.c0;
			const b = p1 - q.c1;
			out[0] = 2 * k * (q.g00 * a + q.g01 * b);
			out[1] = 2 * k * (q.g01 * a + q.g11 * b);
			addPenaltyGrad(p0, p1, out);
		},
		hessian(_p0, _p1, out) {
			const r = spec.model === 'ridge' ? (2 * alpha) / n : 0;
			out[0] = 2 * k * q.g00 + r * pen0;
			out[1] = out[2] = 2 * k * q.g01;
			out[3] = 2 * k * q.g11 + r * pen1;
		}
	};
}

function mean(v: Float64Array, offset: number, stride: number, n: number): number {
	let s = 0;
	for (let i = 0; i < n; i++) s += v[offset + i * stride];
	return s / n;
}

/**
 * ||t - p0 z0 - p1 z1||^2 written as base + (p - c)' G (p - c): G = Z'Z, c its least-squares solution (or,
 * when G is singular, the point 0 with base = ||t||^2 and the linear term folded in: see below).
 */
function quadratic(d: Design) {
	const { z0, z1, t } = d;
	const n = t.length;
	let g00 = 0;
	let g01 = 0;
	let g11 = 0;
	let h0 = 0;
	let h1 = 0;
	for (let i = 0; i < n; i++) {
		g00 += z0[i] * z0[i];
		g01 += z0[i] * z1[i];
		g11 += z1[i] * z1[i];
		h0 += z0[i] * t[i];
		h1 += z1[i] * t[i];
	}
	const det = g00 * g11 - g01 * g01;
	let c0 = 0;
	let c1 = 0;
	if (Math.abs(det) > 1e-12 * (g00 * g11 + g01 * g01)) {
		c0 = (g11 * h0 - g01 * h1) / det;
		c1 = (g00 * h1 - g01 * h0) / det;
	} else if (g00 > 0 || g11 > 0) {
		// Rank one (a constant feature, or two proportional ones): any least-squares point will do; take the
		// one along the non-zero direction.
		const [a, b] = g00 >= g11 ? [g00, h0] : [g11, h1];
		if (g00 >= g11) c0 = b / a;
		else c1 = b / a;
	}
	let base = 0;
	for (let i = 0; i < n; i++) {
		const r = t[i] - c0 * z0[i] - c1 * z1[i];
		base += r * r;
	}
	return { g00, g01, g11, c0, c1, base };
}
