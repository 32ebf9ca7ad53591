/**
 * The loss landscape (Li et al. 2018): filter-normalised random directions, PCA of a trajectory that moves
 * in a known plane, coordinates in the plane, and the slice objective against the trainer's loss,
 * finite differences of f for the gradient and of f (second differences) for the Hessian.
 */
import { describe, expect, it } from 'vitest';
import { circlesSet, sineCurve } from '../data/playground-sets';
import type { Dataset } from '../models/matrix';
import { createRng } from '../random/rng';
import {
	createLandscapeObjective,
	landscapeBox,
	MAX_LANDSCAPE_ROWS,
	pcaDirections,
	projectOnto,
	randomDirections,
	type LandscapeSpec
} from './landscape';
import { lossAndGrad } from './mlp-compute';
import { createMlp, initParams, NnError, type Mlp, type MlpSpec } from './mlp';

function normal(P: number, seed: number): Float64Array {
	const rng = createRng(seed);
	return Float64Array.from({ length: P }, () => rng.normal());
}

function dot(u: Float64Array, v: Float64Array): number {
	let s = 0;
	for (let i = 0; i < u.length; i++) s += u[i] * v[i];
	return s;
}

const data = circlesSet({ n: 250, noise: 0.1, seed: 5 });

function spec(mlpSpec: MlpSpec, seed = 3, d: Dataset = data): LandscapeSpec {
	const mlp = createMlp(mlpSpec);
	const params = initParams(mlp, seed);
	const [d1, d2] = randomDirections(mlp, params, seed + 1);
	return { mlp, params, d1, d2, x: d.x, y: d.y, n: d.n, p: d.p };
}

const tanhSpec: MlpSpec = {
	inputs: 2,
	hidden: [4, 2],
	activation: 'tanh',
	task: 'binary',
	l1: 0.01,
	l2: 0.02
};

describe('randomDirections', () => {
	const mlp = createMlp({ inputs: 3, hidden: [5, 4], activation: 'relu', task: 'multiclass', classes: 3 });
	const params = initParams(mlp, 7);

	it('gives each unit the norm of its incoming weights and zero biases', () => {
		for (const d of randomDirections(mlp, params, 11)) {
			expect(d).toHaveLength(mlp.paramCount);
			for (const l of mlp.layers) {
				for (let j = 0; j < l.outputs; j++) {
					let dd = 0;
					let tt = 0;
					for (let i = 0; i < l.inputs; i++) {
						const k = l.weightOffset + i * l.outputs + j;
						dd += d[k] ** 2;
						tt += params[k] ** 2;
					}
					expect(Math.sqrt(dd)).toBeCloseTo(Math.sqrt(tt), 12);
				}
				for (let j = 0; j < l.outputs; j++) expect(d[l.biasOffset + j]).toBe(0);
			}
		}
	});

	it('is reproducible per seed; seeds and the two directions differ', () => {
		const [a1, a2] = randomDirections(mlp, params, 11);
		const [b1, b2] = randomDirections(mlp, params, 11);
		const [c1] = randomDirections(mlp, params, 12);
		expect(b1).toEqual(a1);
		expect(b2).toEqual(a2);
		expect(c1).not.toEqual(a1);
		expect(a2).not.toEqual(a1);
		// Independent draws in a 30-odd-dimensional space: far from parallel.
		expect(Math.abs(dot(a1, a2)) / Math.sqrt(dot(a1, a1) * dot(a2, a2))).toBeLessThan(0.9);
	});

	it('rejects a parameter vector of the wrong length', () => {
		expect(() => randomDirections(mlp, new Float64Array(3), 1)).toThrow(NnError);
	});
});

/** A trajectory final + alpha_i e1 + beta_i e2 (+ noise) with orthonormal e1, e2. */
function planeTrajectory(P: number, m: number, noise = 0) {
	const final = normal(P, 1);
	const e1 = normal(P, 2);
	const e2 = normal(P, 3);
	const n1 = Math.sqrt(dot(e1, e1));
	for (let i = 0; i < P; i++) e1[i] /= n1;
	const c = dot(e1, e2);
	for (let i = 0; i < P; i++) e2[i] -= c * e1[i];
	const n2 = Math.sqrt(dot(e2, e2));
	for (let i = 0; i < P; i++) e2[i] /= n2;
	const rng = createRng(4);
	const snapshots: Float64Array[] = [];
	const coords: [number, number][] = [];
	for (let k = 0; k < m; k++) {
		// A decaying spiral into the final point: most of the spread along e1.
		const t = 1 - k / (m - 1);
		const alpha = 5 * t * Math.cos(3 * t);
		const beta = 1.5 * t * Math.sin(7 * t);
		coords.push([alpha, beta]);
		snapshots.push(
			Float64Array.from(
				{ length: P },
				(_, i) => final[i] + alpha * e1[i] + beta * e2[i] + noise * rng.normal()
			)
		);
	}
	return { final, e1, e2, snapshots, coords };
}

/** Expected explained shares of the in-plane part: eigenvalues of the 2 x 2 Gram of the coordinates. */
function planeShares(coords: [number, number][]): [number, number] {
	let saa = 0;
	let sab = 0;
	let sbb = 0;
	for (const [a, b] of coords) {
		saa += a * a;
		sab += a * b;
		sbb += b * b;
	}
	const tr = saa + sbb;
	const disc = Math.sqrt(((saa - sbb) / 2) ** 2 + sab * sab);
	return [(tr / 2 + disc) / tr, (tr / 2 - disc) / tr];
}

describe('pcaDirections', () => {
	// m > P (Gram M^T M), m < P with a block smaller than m (subspace iteration), m < block.
	for (const [P, m] of [
		[25, 60],
		[337, 40],
		[337, 6]
	]) {
		it(`recovers the plane of a planar trajectory (${m} snapshots of ${P} parameters)`, () => {
			const { final, e1, e2, snapshots, coords } = planeTrajectory(P, m);
			const r = pcaDirections(snapshots, final);
			expect(r).not.toBeNull();
			const [v1, v2] = r!.directions;
			expect(dot(v1, v1)).toBeCloseTo(1, 12);
			expect(dot(v2, v2)).toBeCloseTo(1, 12);
			expect(Math.abs(dot(v1, v2))).toBeLessThan(1e-12);
			// Principal angles ~0: both directions lie in span(e1, e2).
			for (const v of [v1, v2]) expect(Math.hypot(dot(v, e1), dot(v, e2))).toBeCloseTo(1, 10);
			const [x1, x2] = planeShares(coords);
			expect(r!.explained[0]).toBeCloseTo(x1, 10);
			expect(r!.explained[1]).toBeCloseTo(x2, 10);
			expect(r!.explained[0] + r!.explained[1]).toBeCloseTo(1, 10);
			expect(r!.explained[0]).toBeGreaterThan(0.8);
			// Signs: the first snapshot has coordinates <= 0.
			const start = projectOnto(snapshots[0], final, v1, v2);
			expect(start[0]).toBeLessThanOrEqual(0);
			expect(start[1]).toBeLessThanOrEqual(0);
		});
	}

	it('with noise off the plane: still close to it, and the two shares leave the rest', () => {
		const { final, e1, e2, snapshots, coords } = planeTrajectory(120, 50, 0.01);
		const r = pcaDirections(snapshots, final)!;
		for (const v of r.directions) expect(Math.hypot(dot(v, e1), dot(v, e2))).toBeGreaterThan(0.99);
		const [x1, x2] = planeShares(coords);
		expect(r.explained[0]).toBeCloseTo(x1, 2);
		expect(r.explained[1]).toBeCloseTo(x2, 2);
		expect(r.explained[0] + r.explained[1]).toBeLessThan(1);
		expect(r.explained[0] + r.explained[1]).toBeGreaterThan(0.95);
	});

	it('is null with fewer than three distinct snapshots or a straight path', () => {
		const { final, snapshots } = planeTrajectory(30, 10);
		expect(pcaDirections([], final)).toBeNull();
		expect(pcaDirections([snapshots[0], snapshots[0], snapshots[1], snapshots[1]], final)).toBeNull();
		const dir = normal(30, 9);
		const line = [3, 2, 1, 0.5].map((t) => Float64Array.from(final, (v, i) => v + t * dir[i]));
		expect(pcaDirections(line, final)).toBeNull();
	});
});

describe('projectOnto', () => {
	const P = 40;
	const centre = normal(P, 1);
	const d1 = normal(P, 2);
	const d2 = normal(P, 3);
	for (let i = 0; i < P; i++) d2[i] += 0.5 * d1[i]; // not orthogonal

	it('is exact for points in the plane', () => {
		for (const [a, b] of [
			[0.3, -1.7],
			[0, 0],
			[12, 4e-3]
		]) {
			const point = Float64Array.from(centre, (c, i) => c + a * d1[i] + b * d2[i]);
			const [pa, pb] = projectOnto(point, centre, d1, d2);
			expect(pa).toBeCloseTo(a, 12);
			expect(pb).toBeCloseTo(b, 12);
		}
	});

	it('projects orthogonally otherwise', () => {
		const point = normal(P, 8);
		const [a, b] = projectOnto(point, centre, d1, d2);
		const residual = Float64Array.from(point, (v, i) => v - centre[i] - a * d1[i] - b * d2[i]);
		expect(Math.abs(dot(residual, d1))).toBeLessThan(1e-10);
		expect(Math.abs(dot(residual, d2))).toBeLessThan(1e-10);
	});
});

describe('landscapeBox', () => {
	it('is [-1, 1]^2 for random directions and the padded path box for PCA', () => {
		expect(landscapeBox(null)).toEqual({ xMin: -1, xMax: 1, yMin: -1, yMax: 1 });
		const box = landscapeBox([
			[-4, -1],
			[-2, 0.02],
			[0, 0]
		]);
		expect(box.xMin).toBeCloseTo(-5, 12);
		expect(box.xMax).toBeCloseTo(1, 12);
		expect(box.yMin).toBeCloseTo(-1.255, 12);
		expect(box.yMax).toBeCloseTo(0.275, 12);
		expect(landscapeBox([[0, 0]])).toEqual({ xMin: -0.1, xMax: 0.1, yMin: -0.1, yMax: 0.1 });
	});
});

describe('createLandscapeObjective', () => {
	const cases: [string, MlpSpec, Dataset][] = [
		['binary tanh 2-4-2-1 with L1 and L2', tanhSpec, data],
		[
			'multiclass sigmoid 2-6-2 with L2',
			{ inputs: 2, hidden: [6], activation: 'sigmoid', task: 'multiclass', classes: 2, l2: 0.05 },
			data
		],
		[
			'regression tanh 1-5-1',
			{ inputs: 1, hidden: [5], activation: 'tanh', task: 'regression', l2: 0.01 },
			sineCurve({ n: 120, noise: 0.3, seed: 2 })
		]
	];

	for (const [name, mlpSpec, d] of cases) {
		describe(name, () => {
			const s = spec(mlpSpec, 3, d);
			const obj = createLandscapeObjective(s);

			it('f is the trainer objective (data loss + penalty) at θ + a d1 + b d2', () => {
				const g = new Float64Array(s.mlp.paramCount);
				expect(obj.f(0, 0)).toBe(lossAndGrad(s.mlp, s.params, s.x, s.y, g));
				const a = 0.3;
				const b = -0.45;
				const p = Float64Array.from(s.params, (v, i) => v + a * s.d1[i] + b * s.d2[i]);
				expect(obj.f(a, b)).toBeCloseTo(lossAndGrad(s.mlp, p, s.x, s.y, g), 13);
			});

			it('the gradient matches central differences of f, and valueAndGrad agrees', () => {
				const h = 1e-6;
				const out = new Float64Array(2);
				for (const [a, b] of [
					[0, 0],
					[0.4, -0.2],
					[-0.7, 0.9]
				]) {
					obj.grad(a, b, out);
					const fa = (obj.f(a + h, b) - obj.f(a - h, b)) / (2 * h);
					const fb = (obj.f(a, b + h) - obj.f(a, b - h)) / (2 * h);
					const scale = Math.max(1, Math.abs(fa), Math.abs(fb));
					expect(Math.abs(out[0] - fa) / scale).toBeLessThan(1e-7);
					expect(Math.abs(out[1] - fb) / scale).toBeLessThan(1e-7);
					const both = new Float64Array(2);
					expect(obj.valueAndGrad!(a, b, both)).toBe(obj.f(a, b));
					expect(Array.from(both)).toEqual(Array.from(out));
				}
			});

			it('the Hessian is symmetric and matches second differences of f', () => {
				const h = 1e-3;
				const H = new Float64Array(4);
				for (const [a, b] of [
					[0, 0],
					[0.5, 0.3]
				]) {
					obj.hessian(a, b, H);
					expect(H[1]).toBe(H[2]);
					const f0 = obj.f(a, b);
					const faa = (obj.f(a + h, b) - 2 * f0 + obj.f(a - h, b)) / (h * h);
					const fbb = (obj.f(a, b + h) - 2 * f0 + obj.f(a, b - h)) / (h * h);
					const fab =
						(obj.f(a + h, b + h) - obj.f(a + h, b - h) - obj.f(a - h, b + h) + obj.f(a - h, b - h)) /
						(4 * h * h);
					const scale = Math.max(1, Math.abs(faa), Math.abs(fbb));
					expect(Math.abs(H[0] - faa) / scale).toBeLessThan(1e-4);
					expect(Math.abs(H[3] - fbb) / scale).toBeLessThan(1e-4);
					expect(Math.abs(H[1] - fab) / scale).toBeLessThan(1e-4);
				}
			});
		});
	}

	it('copies the spec: later changes to θ do not move the slice', () => {
		const s = spec(tanhSpec);
		const obj = createLandscapeObjective(s);
		const before = obj.f(0.2, 0.1);
		const params = s.params;
		params.fill(0);
		expect(obj.f(0.2, 0.1)).toBe(before);
	});

	it(`measures the loss on a fixed subsample beyond ${MAX_LANDSCAPE_ROWS} rows`, () => {
		const big = circlesSet({ n: 2500, noise: 0.1, seed: 6 });
		const s = spec(tanhSpec, 3, big);
		const a = createLandscapeObjective(s).f(0.1, 0.2);
		expect(createLandscapeObjective(s).f(0.1, 0.2)).toBe(a);
		const p = Float64Array.from(s.params, (v, i) => v + 0.1 * s.d1[i] + 0.2 * s.d2[i]);
		const full = lossAndGrad(s.mlp, p, big.x, big.y, new Float64Array(p.length));
		expect(a).not.toBe(full);
		expect(Math.abs(a - full) / full).toBeLessThan(0.1);
	});

	it('throws NnError with a message for an invalid spec', () => {
		const s = spec(tanhSpec);
		const bad: [Partial<LandscapeSpec>, RegExp][] = [
			[{ params: new Float64Array(3) }, /params has 3 entries/],
			[{ d1: Float64Array.from(s.d1, (v, i) => (i === 0 ? NaN : v)) }, /d1 has non-finite/],
			[{ d2: [1, 2] as unknown as Float64Array }, /d2 must be a Float64Array/],
			[{ n: 0 }, /at least one row/],
			[{ p: 3 }, /3 features/],
			[{ y: new Float64Array(250).fill(2) }, /target 2/],
			[{ mlp: { ...s.mlp, paramCount: 5 } as Mlp }, /inconsistent/],
			[{ mlp: { ...s.mlp, task: 'ranking' } as unknown as Mlp }, /task/],
			[{ mlp: null as unknown as Mlp }, /network/],
			[{ mlp: { ...s.mlp, layers: [null, null, null] } as unknown as Mlp }, /malformed network/]
		];
		for (const [over, message] of bad) {
			expect(() => createLandscapeObjective({ ...s, ...over })).toThrow(NnError);
			expect(() => createLandscapeObjective({ ...s, ...over })).toThrow(message);
		}
	});
});
