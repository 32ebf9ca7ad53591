/** Behaviour that PyTorch cannot give references for: noise, n dimensions, Newton's singular status. */
import { describe, expect, it } from 'vitest';
import type { Objective2D } from '../objective';
import { runTrajectory } from '../run/trajectory';
import { getOptimizer, optimizers, resolveHyper } from '.';
import type { AnyOptimizer, HyperValues, StepContext } from './types';

const flat: Objective2D = {
	f: () => 0,
	grad: (_x, _y, out) => {
		out[0] = 0;
		out[1] = 0;
	},
	hessian: (_x, _y, out) => out.fill(0)
};

const bowl: Objective2D = {
	f: (x, y) => x * x + 10 * y * y,
	grad: (x, y, out) => {
		out[0] = 2 * x;
		out[1] = 20 * y;
	},
	hessian: (_x, _y, out) => {
		out[0] = 2;
		out[1] = 0;
		out[2] = 0;
		out[3] = 20;
	}
};

function hyper(opt: AnyOptimizer, given: HyperValues): HyperValues {
	const r = resolveHyper(opt, given);
	if (!r.ok) throw new Error(r.message);
	return r.value;
}

describe('sgd (noisy)', () => {
	const sgd = getOptimizer('sgd')!;

	it('gives the same path for the same seed and a different one for another seed', () => {
		const a = runTrajectory(bowl, sgd, hyper(sgd, { lr: 0.01, seed: 3 }), [1, 1], 50);
		const b = runTrajectory(bowl, sgd, hyper(sgd, { lr: 0.01, seed: 3 }), [1, 1], 50);
		const c = runTrajectory(bowl, sgd, hyper(sgd, { lr: 0.01, seed: 4 }), [1, 1], 50);
		expect(Array.from(a.points)).toEqual(Array.from(b.points));
		expect(Array.from(a.points.subarray(3, 6))).not.toEqual(Array.from(c.points.subarray(3, 6)));
	});

	it('adds zero-mean Gaussian noise with the chosen standard deviation', () => {
		// On a flat function with lr 1 and no momentum every step is exactly -noise * z.
		const steps = 20_000;
		const t = runTrajectory(flat, sgd, hyper(sgd, { lr: 1, noise: 0.5, seed: 11 }), [0, 0], steps);
		let sum = 0;
		let sum2 = 0;
		for (let k = 1; k <= steps; k++) {
			for (let j = 0; j < 2; j++) {
				const d = t.points[3 * k + j] - t.points[3 * (k - 1) + j];
				sum += d;
				sum2 += d * d;
			}
		}
		const n = 2 * steps;
		const mean = sum / n;
		const sd = Math.sqrt(sum2 / n - mean * mean);
		expect(Math.abs(mean)).toBeLessThan(0.015); // 4 standard errors of 0.5 / sqrt(40000)
		expect(Math.abs(sd - 0.5)).toBeLessThan(0.01);
	});

	it('equals gradient descent when the noise is off', () => {
		const gd = getOptimizer('gd')!;
		const a = runTrajectory(bowl, sgd, hyper(sgd, { lr: 0.02, noise: 0 }), [1, 1], 30);
		const b = runTrajectory(bowl, gd, hyper(gd, { lr: 0.02 }), [1, 1], 30);
		expect(Array.from(a.points)).toEqual(Array.from(b.points));
	});
});

describe("Newton's method", () => {
	const newton = getOptimizer('newton')!;

	it('reaches the minimum of a quadratic in one full step', () => {
		const t = runTrajectory(bowl, newton, {}, [3, -2], 1);
		expect(t.points[3]).toBeCloseTo(0, 15);
		expect(t.points[4]).toBeCloseTo(0, 15);
	});

	it("stops with status 'singular' where the Hessian has determinant 0", () => {
		// f = x^4 + y^2: the Hessian diag(12 x^2, 2) is singular on the line x = 0.
		const quartic: Objective2D = {
			f: (x, y) => x ** 4 + y * y,
			grad: (x, y, out) => {
				out[0] = 4 * x ** 3;
				out[1] = 2 * y;
			},
			hessian: (x, _y, out) => {
				out[0] = 12 * x * x;
				out[1] = 0;
				out[2] = 0;
				out[3] = 2;
			}
		};
		const t = runTrajectory(quartic, newton, {}, [0, 1], 10);
		expect(t.status).toBe('singular');
		expect(t.count).toBe(1);
		expect(Array.from(t.points.subarray(0, 3))).toEqual([0, 1, 1]);
		// Away from x = 0 it takes steps (x shrinks by 2/3 each time) until nothing is left to solve.
		const u = runTrajectory(quartic, newton, {}, [0.9, 1], 5);
		expect(u.status).toBe('ok');
		expect(u.points[3 * 5]).toBeCloseTo(0.9 * (2 / 3) ** 5, 14);
	});

	it('solves n-dimensional systems (Gaussian elimination with pivoting)', () => {
		// Quadratic 0.5 p^T A p - b^T p with a dense SPD A that needs pivoting: one step lands on A^-1 b.
		const A = [
			[1e-3, 2, 0, 1],
			[2, 9, 1, 0],
			[0, 1, 7, 2],
			[1, 0, 2, 8]
		];
		const b = [1, 2, 3, 4];
		const p = new Float64Array([0.5, -1, 2, 0.25]);
		const g = new Float64Array(4);
		for (let i = 0; i < 4; i++) g[i] = A[i].reduce((s, a, j) => s + a * p[j], 0) - b[i];
		const ctx: StepContext = { hessian: (_q, out) => out.set(A.flat()) };
		const state = newton.init(4, { lr: 1 });
		expect(newton.step(p, g, state, { lr: 1 }, ctx)).toBe('ok');
		for (let i = 0; i < 4; i++) {
			const residual = A[i].reduce((s, a, j) => s + a * p[j], 0) - b[i];
			expect(Math.abs(residual)).toBeLessThan(1e-12);
		}
		const singular: StepContext = {
			hessian: (_q, out) => out.set([1, 2, 0, 0, 2, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
		};
		expect(newton.step(p, g, newton.init(4, { lr: 1 }), { lr: 1 }, singular)).toBe('singular');
	});
});

describe('every optimizer', () => {
	it.each(optimizers.map((o) => [o.id, o] as const))(
		'%s works coordinate-wise in n dimensions like in two',
		(_id, opt) => {
			// On a separable function each coordinate evolves on its own for every optimizer here
			// (Newton's Hessian is diagonal), so an n = 4 run equals two 2D runs side by side.
			const h = hyper(opt, opt.id === 'sgd' ? { noise: 0, lr: 0.01 } : { lr: 0.01 });
			const c = [1, 10, 2, 20];
			const grad4 = (p: Float64Array, g: Float64Array) => {
				for (let i = 0; i < 4; i++) g[i] = c[i] * 4 * p[i] ** 3 + 2 * p[i];
			};
			const ctx4: StepContext = {
				hessian: (p, out) => {
					out.fill(0);
					for (let i = 0; i < 4; i++) out[5 * i] = c[i] * 12 * p[i] ** 2 + 2;
				}
			};
			const p4 = new Float64Array([1, -0.5, 0.7, 0.3]);
			const g4 = new Float64Array(4);
			const s4 = opt.init(4, h);
			const halves = [0, 2].map((o) => {
				const objective: Objective2D = {
					f: (x, y) => c[o] * x ** 4 + x * x + c[o + 1] * y ** 4 + y * y,
					grad: (x, y, out) => {
						out[0] = c[o] * 4 * x ** 3 + 2 * x;
						out[1] = c[o + 1] * 4 * y ** 3 + 2 * y;
					},
					hessian: (x, y, out) => {
						out[0] = c[o] * 12 * x * x + 2;
						out[1] = 0;
						out[2] = 0;
						out[3] = c[o + 1] * 12 * y * y + 2;
					}
				};
				return runTrajectory(objective, opt, h, [p4[o], p4[o + 1]], 20);
			});
			for (let k = 0; k < 20; k++) {
				grad4(p4, g4);
				opt.step(p4, g4, s4, h, ctx4);
			}
			for (let i = 0; i < 4; i++) {
				const t = halves[i >> 1];
				expect(p4[i]).toBeCloseTo(t.points[3 * 20 + (i & 1)], 13);
			}
		}
	);
});
