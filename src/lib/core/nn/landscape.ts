/**
 * The loss landscape of a network: a 2D slice of its training objective through the weights θ,
 *   f(a, b) = L(θ + a d1 + b d2),
 * L = mean data loss + l1 sum|W| + (l2 / 2) sum W^2 (the objective the trainer optimises, see mlp.ts), so
 * the app's contour and 3D views and its optimizers can draw it. Reference: Li, Xu, Taylor, Studer &
 * Goldstein (2018), "Visualizing the Loss Landscape of Neural Nets" (NeurIPS).
 *
 * Directions:
 *   random (Li et al. §4, filter normalisation): d ~ N(0, I), then for each "filter" (for a fully connected
 *     layer, the incoming weights of one output unit j: the column W[:, j]) d_j <- d_j / ||d_j|| * ||θ_j||;
 *     bias entries of d are 0 (the paper zeroes the directions of biases and BN parameters). Both directions
 *     come from one seeded stream, d1 first.
 *   PCA (Li et al. §7): M = [θ_i - θ_final] (one row per snapshot); the directions are its top two right
 *     singular vectors v1, v2 and "explained" is sigma_k^2 / ||M||_F^2 (no centring, as in the paper).
 *     Computed from the smaller Gram matrix (M M^T or M^T M, size min(snapshots, parameters)) by subspace
 *     iteration with Rayleigh-Ritz (block of 8); the top two Ritz pairs converge at rate (lambda_9 / lambda_2)^k.
 *     Signs are fixed so that the first snapshot has coordinates <= 0 (the path runs towards +a, +b).
 *
 * The objective: f by one forward pass over the training rows; grad (a, b) = (∇L·d1, ∇L·d2) by
 * backpropagation; Hessian by central differences of that gradient, with step h_k = HESSIAN_STEP *
 * max(1, ||θ||) / ||d_k|| along axis k (a parameter-space step of 1e-5 relative to the weights' size, near
 * the cube root of machine epsilon that balances truncation and rounding), symmetrised. Beyond
 * MAX_LANDSCAPE_ROWS rows the loss is measured on a fixed seeded subsample of that many rows.
 */
import type { Objective2D, ViewBox } from '../objective';
import { createRng } from '../random/rng';
import { MlpComputer } from './mlp-compute';
import { createMlp, NnError, type Mlp, type MlpSpec } from './mlp';

export interface LandscapeSpec {
	/** Plain data (structured-clone safe). */
	mlp: Mlp;
	/** θ, the centre of the slice. */
	params: Float64Array;
	/** Directions, same length as params. */
	d1: Float64Array;
	d2: Float64Array;
	/** The rows the loss is measured on (training rows), row-major n x p, one target each. */
	x: Float64Array;
	y: Float64Array;
	n: number;
	p: number;
}

/**
 * Rows beyond which the loss is measured on a seeded subsample of this many rows (the same rows for the same
 * data, seed SUBSAMPLE_SEED): each grid cell is a full forward pass, so the cost is capped.
 */
export const MAX_LANDSCAPE_ROWS = 1000;

/**
 * The grid worker caps nx and ny of a landscape source at this, keeping the aspect ratio, because each cell
 * is a forward pass over up to MAX_LANDSCAPE_ROWS rows.
 */
export const MAX_LANDSCAPE_GRID = 80;

/** Relative parameter-space step of the Hessian's central differences (see the header). */
export const HESSIAN_STEP = 1e-5;

const SUBSAMPLE_SEED = 0x5eed1a;
const PCA_BLOCK = 8;
const PCA_MAX_ITERATIONS = 3000;
const PCA_TOLERANCE = 1e-11;

function dot(u: Float64Array, v: Float64Array): number {
	let s = 0;
	for (let i = 0; i < u.length; i++) s += u[i] * v[i];
	return s;
}

function norm(u: Float64Array): number {
	return Math.sqrt(dot(u, u));
}

function allFinite(v: Float64Array): boolean {
	for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
	return true;
}

// ---------------------------------------------------------------------------------------------------------
// Random, filter-normalised directions

/** Two filter-normalised random directions (Li et al. §4); same mlp, params and seed, same directions. */
export function randomDirections(mlp: Mlp, params: Float64Array, seed: number): [Float64Array, Float64Array] {
	if (params.length !== mlp.paramCount)
		throw new NnError(`expected ${mlp.paramCount} parameters, got ${params.length}`);
	const rng = createRng(seed);
	const draw = (): Float64Array => {
		const d = new Float64Array(mlp.paramCount);
		for (const layer of mlp.layers) {
			const { inputs, outputs, weightOffset: wo } = layer;
			for (let i = 0; i < inputs * outputs; i++) d[wo + i] = rng.normal();
			// Unit j's incoming weights are the column W[:, j]: entries wo + i * outputs + j.
			for (let j = 0; j < outputs; j++) {
				let dd = 0;
				let tt = 0;
				for (let i = 0; i < inputs; i++) {
					const k = wo + i * outputs + j;
					dd += d[k] * d[k];
					tt += params[k] * params[k];
				}
				const scale = dd > 0 ? Math.sqrt(tt / dd) : 0;
				for (let i = 0; i < inputs; i++) d[wo + i * outputs + j] *= scale;
			}
			// Biases stay 0.
		}
		return d;
	};
	const d1 = draw();
	const d2 = draw();
	return [d1, d2];
}

// ---------------------------------------------------------------------------------------------------------
// PCA of the trajectory

/**
 * Eigen-decomposition of a small symmetric matrix (row-major b x b, overwritten) by cyclic Jacobi rotations.
 * Returns the eigenvalues; the eigenvectors are written as the columns of vectors (row-major b x b).
 */
function jacobiEigen(b: number, a: Float64Array, vectors: Float64Array): Float64Array {
	vectors.fill(0);
	for (let i = 0; i < b; i++) vectors[i * b + i] = 1;
	for (let sweep = 0; sweep < 100; sweep++) {
		let off = 0;
		let total = 0;
		for (let i = 0; i < b; i++)
			for (let j = 0; j < b; j++) {
				const v = a[i * b + j] * a[i * b + j];
				total += v;
				if (i !== j) off += v;
			}
		if (off <= 1e-30 * total || off === 0) break;
		for (let p = 0; p < b - 1; p++)
			for (let q = p + 1; q < b; q++) {
				const apq = a[p * b + q];
				if (apq === 0) continue;
				const app = a[p * b + p];
				const aqq = a[q * b + q];
				// Rotation angle that zeroes a[p][q]: tan(2 phi) = 2 apq / (aqq - app).
				const theta = (aqq - app) / (2 * apq);
				const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
				const c = 1 / Math.sqrt(t * t + 1);
				const s = t * c;
				for (let k = 0; k < b; k++) {
					const akp = a[k * b + p];
					const akq = a[k * b + q];
					a[k * b + p] = c * akp - s * akq;
					a[k * b + q] = s * akp + c * akq;
				}
				for (let k = 0; k < b; k++) {
					const apk = a[p * b + k];
					const aqk = a[q * b + k];
					a[p * b + k] = c * apk - s * aqk;
					a[q * b + k] = s * apk + c * aqk;
				}
				for (let k = 0; k < b; k++) {
					const vkp = vectors[k * b + p];
					const vkq = vectors[k * b + q];
					vectors[k * b + p] = c * vkp - s * vkq;
					vectors[k * b + q] = s * vkp + c * vkq;
				}
			}
	}
	const values = new Float64Array(b);
	for (let i = 0; i < b; i++) values[i] = a[i * b + i];
	return values;
}

/**
 * Orthonormalises the b columns of q (column-major: column k at k * n) by modified Gram-Schmidt, twice for
 * accuracy; a column that vanishes (rank deficiency) is replaced by a fresh random one.
 */
function orthonormalise(n: number, b: number, q: Float64Array, rng: ReturnType<typeof createRng>): void {
	for (let k = 0; k < b; k++) {
		const col = q.subarray(k * n, (k + 1) * n);
		for (let attempt = 0; attempt < 5; attempt++) {
			const before = norm(col);
			for (let pass = 0; pass < 2; pass++)
				for (let j = 0; j < k; j++) {
					const other = q.subarray(j * n, (j + 1) * n);
					const c = dot(other, col);
					for (let i = 0; i < n; i++) col[i] -= c * other[i];
				}
			const after = norm(col);
			if (after > 1e-10 * before && after > 0) {
				for (let i = 0; i < n; i++) col[i] /= after;
				break;
			}
			for (let i = 0; i < n; i++) col[i] = rng.normal();
		}
	}
}

/** Top two eigenpairs of a symmetric positive semidefinite n x n matrix s (row-major). */
function topTwoEigen(
	n: number,
	s: Float64Array
): { values: [number, number]; vectors: [Float64Array, Float64Array] } {
	const b = Math.min(n, PCA_BLOCK);
	const rng = createRng(1);
	const q = new Float64Array(n * b);
	for (let i = 0; i < q.length; i++) q[i] = rng.normal();
	orthonormalise(n, b, q, rng);
	const z = new Float64Array(n * b);
	const t = new Float64Array(b * b);
	const w = new Float64Array(b * b);
	const y = new Float64Array(n * b);
	const sy = new Float64Array(n * b);
	let theta: Float64Array = new Float64Array(b);
	let order: number[] = [];
	for (let iter = 0; iter < PCA_MAX_ITERATIONS; iter++) {
		// Z = S Q (column k of Z at k * n).
		for (let k = 0; k < b; k++)
			for (let i = 0; i < n; i++) {
				let acc = 0;
				const row = i * n;
				const col = k * n;
				for (let j = 0; j < n; j++) acc += s[row + j] * q[col + j];
				z[col + i] = acc;
			}
		// Rayleigh-Ritz: T = Q^T S Q, T = W diag(theta) W^T, Ritz vectors Y = Q W and S Y = Z W.
		for (let k = 0; k < b; k++)
			for (let l = k; l < b; l++) {
				const v = dot(q.subarray(k * n, (k + 1) * n), z.subarray(l * n, (l + 1) * n));
				const u = dot(q.subarray(l * n, (l + 1) * n), z.subarray(k * n, (k + 1) * n));
				t[k * b + l] = t[l * b + k] = (v + u) / 2;
			}
		theta = jacobiEigen(b, t, w);
		order = Array.from({ length: b }, (_, i) => i).sort((i, j) => theta[j] - theta[i]);
		y.fill(0);
		sy.fill(0);
		for (let c = 0; c < b; c++) {
			const src = order[c];
			for (let k = 0; k < b; k++) {
				const wk = w[k * b + src];
				if (wk === 0) continue;
				for (let i = 0; i < n; i++) {
					y[c * n + i] += wk * q[k * n + i];
					sy[c * n + i] += wk * z[k * n + i];
				}
			}
		}
		const top = Math.max(theta[order[0]], 0);
		let converged = true;
		for (let c = 0; c < Math.min(2, b); c++) {
			let r = 0;
			const lambda = theta[order[c]];
			for (let i = 0; i < n; i++) {
				const e = sy[c * n + i] - lambda * y[c * n + i];
				r += e * e;
			}
			if (Math.sqrt(r) > PCA_TOLERANCE * top) converged = false;
		}
		if (converged || b === n) break;
		// One power step on the Ritz vectors: Q = orth(S Y).
		q.set(sy);
		orthonormalise(n, b, q, rng);
	}
	const v1 = Float64Array.from(y.subarray(0, n));
	const v2 = b > 1 ? Float64Array.from(y.subarray(n, 2 * n)) : new Float64Array(n);
	const l2 = b > 1 ? theta[order[1]] : 0;
	return { values: [theta[order[0]], l2], vectors: [v1, v2] };
}

/**
 * The top two principal directions of a weight trajectory (Li et al. §7): the right singular vectors of
 * M = [θ_i - θ_final], orthonormal, with the share of ||M||_F^2 each explains. Null with fewer than three
 * distinct snapshots, or when the trajectory does not span two dimensions (a straight path).
 */
export function pcaDirections(
	snapshots: readonly Float64Array[],
	final: Float64Array
): { directions: [Float64Array, Float64Array]; explained: [number, number] } | null {
	const P = final.length;
	for (const s of snapshots)
		if (s.length !== P) throw new NnError(`a snapshot has ${s.length} parameters, the final point ${P}`);
	// Count distinct snapshots (stop at three).
	const distinct: Float64Array[] = [];
	for (const s of snapshots) {
		if (distinct.length >= 3) break;
		if (!distinct.some((d) => d.every((v, i) => v === s[i]))) distinct.push(s);
	}
	if (distinct.length < 3) return null;
	const m = snapshots.length;
	const rows = snapshots.map((s) => {
		const r = new Float64Array(P);
		for (let i = 0; i < P; i++) r[i] = s[i] - final[i];
		return r;
	});
	let total = 0;
	for (const r of rows) total += dot(r, r);
	if (!(total > 0) || !Number.isFinite(total)) return null;

	let v1: Float64Array;
	let v2: Float64Array;
	let values: [number, number];
	if (m <= P) {
		// G = M M^T (m x m); v_k = M^T u_k / ||M^T u_k||.
		const g = new Float64Array(m * m);
		for (let i = 0; i < m; i++)
			for (let j = i; j < m; j++) g[i * m + j] = g[j * m + i] = dot(rows[i], rows[j]);
		const eig = topTwoEigen(m, g);
		values = eig.values;
		const lift = (u: Float64Array): Float64Array => {
			const v = new Float64Array(P);
			for (let i = 0; i < m; i++) {
				const c = u[i];
				if (c === 0) continue;
				const r = rows[i];
				for (let k = 0; k < P; k++) v[k] += c * r[k];
			}
			return v;
		};
		v1 = lift(eig.vectors[0]);
		v2 = lift(eig.vectors[1]);
	} else {
		// C = M^T M (P x P); its eigenvectors are the right singular vectors.
		const c = new Float64Array(P * P);
		for (const r of rows)
			for (let i = 0; i < P; i++) {
				const ri = r[i];
				if (ri === 0) continue;
				for (let j = i; j < P; j++) c[i * P + j] += ri * r[j];
			}
		for (let i = 0; i < P; i++) for (let j = 0; j < i; j++) c[i * P + j] = c[j * P + i];
		const eig = topTwoEigen(P, c);
		values = eig.values;
		[v1, v2] = eig.vectors;
	}
	if (!(values[1] > 1e-13 * values[0])) return null;
	// Orthonormalise the lifted vectors (exact up to rounding already).
	const n1 = norm(v1);
	if (!(n1 > 0)) return null;
	for (let i = 0; i < P; i++) v1[i] /= n1;
	for (let pass = 0; pass < 2; pass++) {
		const c = dot(v1, v2);
		for (let i = 0; i < P; i++) v2[i] -= c * v1[i];
	}
	const n2 = norm(v2);
	if (!(n2 > 0)) return null;
	for (let i = 0; i < P; i++) v2[i] /= n2;
	// Signs: the first snapshot gets coordinates <= 0.
	for (const v of [v1, v2]) if (dot(v, rows[0]) > 0) for (let i = 0; i < P; i++) v[i] = -v[i];
	return {
		directions: [v1, v2],
		explained: [Math.min(1, Math.max(0, values[0] / total)), Math.min(1, Math.max(0, values[1] / total))]
	};
}

// ---------------------------------------------------------------------------------------------------------
// Coordinates in the plane

/**
 * Coordinates (a, b) of a point in the plane θ + a d1 + b d2 (least squares: exact when the point lies in the
 * plane; orthogonal projection otherwise). Normal equations [d1.d1 d1.d2; d1.d2 d2.d2] (a, b) = (d1.r, d2.r),
 * r = point - centre; with parallel directions, the coordinate along the longer one (the other 0).
 */
export function projectOnto(
	point: Float64Array,
	centre: Float64Array,
	d1: Float64Array,
	d2: Float64Array
): [number, number] {
	const P = centre.length;
	if (point.length !== P || d1.length !== P || d2.length !== P)
		throw new NnError('projectOnto: the point, centre and directions must have the same length');
	let g11 = 0;
	let g12 = 0;
	let g22 = 0;
	let r1 = 0;
	let r2 = 0;
	for (let i = 0; i < P; i++) {
		const r = point[i] - centre[i];
		const a = d1[i];
		const b = d2[i];
		g11 += a * a;
		g12 += a * b;
		g22 += b * b;
		r1 += a * r;
		r2 += b * r;
	}
	const det = g11 * g22 - g12 * g12;
	if (det > 1e-12 * g11 * g22) return [(g22 * r1 - g12 * r2) / det, (g11 * r2 - g12 * r1) / det];
	if (g11 === 0 && g22 === 0) return [0, 0];
	return g11 >= g22 ? [r1 / g11, 0] : [0, r2 / g22];
}

/**
 * A default box for the slice: [-1, 1]^2 for filter-normalised random directions (path null); for PCA
 * directions the bounding box of the projected path and the centre (0, 0), widened on each side by 25% of
 * its extent and by at least 0.1.
 */
export function landscapeBox(path: readonly [number, number][] | null): ViewBox {
	if (path === null) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
	let xMin = 0;
	let xMax = 0;
	let yMin = 0;
	let yMax = 0;
	for (const [a, b] of path) {
		if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
		xMin = Math.min(xMin, a);
		xMax = Math.max(xMax, a);
		yMin = Math.min(yMin, b);
		yMax = Math.max(yMax, b);
	}
	const mx = Math.max(0.25 * (xMax - xMin), 0.1);
	const my = Math.max(0.25 * (yMax - yMin), 0.1);
	return { xMin: xMin - mx, xMax: xMax + mx, yMin: yMin - my, yMax: yMax + my };
}

// ---------------------------------------------------------------------------------------------------------
// The objective

/** Rebuilds an Mlp received as plain data from its own description, so a malformed one is rejected. */
function checkMlp(mlp: Mlp): Mlp {
	try {
		return rebuildMlp(mlp);
	} catch (e) {
		if (e instanceof NnError) throw e;
		throw new NnError(`malformed network description: ${e instanceof Error ? e.message : String(e)}`);
	}
}

function rebuildMlp(mlp: Mlp): Mlp {
	if (mlp === null || typeof mlp !== 'object' || !Array.isArray(mlp.layers) || mlp.layers.length < 1)
		throw new NnError('the landscape needs a network');
	const hidden = mlp.layers.slice(0, -1);
	const spec: MlpSpec = {
		inputs: mlp.inputs,
		hidden: hidden.map((l) => l.outputs),
		activation: hidden.map((l) => l.activation),
		task: mlp.task,
		classes: mlp.task === 'multiclass' ? mlp.outputs : undefined,
		l1: mlp.l1,
		l2: mlp.l2,
		init: mlp.init
	};
	const rebuilt = createMlp(spec);
	const same =
		rebuilt.paramCount === mlp.paramCount &&
		rebuilt.outputs === mlp.outputs &&
		rebuilt.layers.every((l, i) => {
			const o = mlp.layers[i];
			return (
				l.inputs === o.inputs &&
				l.outputs === o.outputs &&
				l.activation === o.activation &&
				l.weightOffset === o.weightOffset &&
				l.biasOffset === o.biasOffset
			);
		});
	if (!same) throw new NnError('the network layout is inconsistent');
	return rebuilt;
}

function checkVector(name: string, v: unknown, length: number): Float64Array {
	if (!(v instanceof Float64Array)) throw new NnError(`${name} must be a Float64Array`);
	if (v.length !== length)
		throw new NnError(`${name} has ${v.length} entries, the network ${length} parameters`);
	if (!allFinite(v)) throw new NnError(`${name} has non-finite entries`);
	return v;
}

/** Checked copies of the spec's data, subsampled to MAX_LANDSCAPE_ROWS rows. */
function checkSpec(spec: LandscapeSpec): {
	mlp: Mlp;
	theta: Float64Array;
	d1: Float64Array;
	d2: Float64Array;
	x: Float64Array;
	y: Float64Array;
} {
	if (spec === null || typeof spec !== 'object') throw new NnError('missing landscape spec');
	const mlp = checkMlp(spec.mlp);
	const P = mlp.paramCount;
	const theta = Float64Array.from(checkVector('params', spec.params, P));
	const d1 = Float64Array.from(checkVector('d1', spec.d1, P));
	const d2 = Float64Array.from(checkVector('d2', spec.d2, P));
	const { n, p } = spec;
	if (!Number.isInteger(n) || n < 1) throw new NnError(`the landscape needs at least one row, got n = ${n}`);
	if (p !== mlp.inputs) throw new NnError(`the data has ${p} features, the network ${mlp.inputs} inputs`);
	if (!(spec.x instanceof Float64Array) || !(spec.y instanceof Float64Array))
		throw new NnError('x and y must be Float64Arrays');
	if (spec.x.length !== n * p || spec.y.length !== n)
		throw new NnError(
			`inconsistent data: x has ${spec.x.length} values and y ${spec.y.length} for ${n} x ${p}`
		);
	if (!allFinite(spec.x)) throw new NnError('x has non-finite values');
	for (let i = 0; i < n; i++) {
		const t = spec.y[i];
		const ok =
			mlp.task === 'regression'
				? Number.isFinite(t)
				: Number.isInteger(t) && t >= 0 && t < (mlp.task === 'binary' ? 2 : mlp.outputs);
		if (!ok) throw new NnError(`row ${i} has target ${t}, not valid for ${mlp.task}`);
	}
	let rows: ArrayLike<number>;
	if (n <= MAX_LANDSCAPE_ROWS) {
		rows = Array.from({ length: n }, (_, i) => i);
	} else {
		// Partial Fisher-Yates: the first MAX_LANDSCAPE_ROWS of a seeded permutation, kept in data order.
		const perm = new Int32Array(n);
		for (let i = 0; i < n; i++) perm[i] = i;
		const rng = createRng(SUBSAMPLE_SEED);
		for (let i = 0; i < MAX_LANDSCAPE_ROWS; i++) {
			const j = i + rng.int(n - i);
			const tmp = perm[i];
			perm[i] = perm[j];
			perm[j] = tmp;
		}
		rows = perm.slice(0, MAX_LANDSCAPE_ROWS).sort();
	}
	const m = rows.length;
	const x = new Float64Array(m * p);
	const y = new Float64Array(m);
	for (let r = 0; r < m; r++) {
		const i = rows[r];
		x.set(spec.x.subarray(i * p, (i + 1) * p), r * p);
		y[r] = spec.y[i];
	}
	return { mlp, theta, d1, d2, x, y };
}

/**
 * The slice f(a, b) = L(θ + a d1 + b d2) of the full training objective (data loss + L1/L2 penalty, the
 * value lossAndGrad returns), its gradient (∇L·d1, ∇L·d2) by backpropagation and its Hessian by central
 * differences of that gradient (step: see the header). The spec is copied: later changes to its arrays do not
 * affect the objective. Throws NnError for an invalid spec.
 */
export function createLandscapeObjective(spec: LandscapeSpec): Objective2D {
	const { mlp, theta, d1, d2, x, y } = checkSpec(spec);
	const P = mlp.paramCount;
	const rows = y.length;
	const computer = new MlpComputer(mlp);
	const point = new Float64Array(P);
	const full = new Float64Array(P);
	const g = new Float64Array(2);
	const thetaNorm = norm(theta);
	const n1 = norm(d1);
	const n2 = norm(d2);
	const h1 = n1 > 0 ? (HESSIAN_STEP * Math.max(1, thetaNorm)) / n1 : 0;
	const h2 = n2 > 0 ? (HESSIAN_STEP * Math.max(1, thetaNorm)) / n2 : 0;

	const moveTo = (a: number, b: number): void => {
		for (let i = 0; i < P; i++) point[i] = theta[i] + a * d1[i] + b * d2[i];
	};
	const f = (a: number, b: number): number => {
		moveTo(a, b);
		const graph = computer.graphFor(rows);
		graph.x.bind(x);
		graph.y.bind(y);
		graph.bindParams(point, null);
		graph.tape.forward(graph.loss);
		return graph.loss.data[0];
	};
	const valueAndGrad = (a: number, b: number, out: Float64Array): number => {
		moveTo(a, b);
		const value = computer.lossAndGrad(point, x, y, full);
		out[0] = dot(full, d1);
		out[1] = dot(full, d2);
		return value;
	};
	const grad = (a: number, b: number, out: Float64Array): void => {
		valueAndGrad(a, b, out);
	};
	const hessian = (a: number, b: number, out: Float64Array): void => {
		let h00 = 0;
		let h10 = 0;
		let h01 = 0;
		let h11 = 0;
		if (h1 > 0) {
			valueAndGrad(a + h1, b, g);
			const p0 = g[0];
			const p1 = g[1];
			valueAndGrad(a - h1, b, g);
			h00 = (p0 - g[0]) / (2 * h1);
			h10 = (p1 - g[1]) / (2 * h1);
		}
		if (h2 > 0) {
			valueAndGrad(a, b + h2, g);
			const p0 = g[0];
			const p1 = g[1];
			valueAndGrad(a, b - h2, g);
			h01 = (p0 - g[0]) / (2 * h2);
			h11 = (p1 - g[1]) / (2 * h2);
		}
		const off = h1 > 0 && h2 > 0 ? (h01 + h10) / 2 : 0;
		out[0] = h00;
		out[1] = off;
		out[2] = off;
		out[3] = h11;
	};
	return { f, grad, hessian, valueAndGrad };
}
