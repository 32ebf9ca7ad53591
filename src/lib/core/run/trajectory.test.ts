import { describe, expect, it } from 'vitest';
import type { Objective2D } from '../objective';
import { getOptimizer } from '../optimizers';
import { createTrajectoryBuffer, runTrajectory, trajectoryPoints } from './trajectory';

const bowl: Objective2D = {
	f: (x, y) => x * x + 3 * y * y,
	grad: (x, y, out) => {
		out[0] = 2 * x;
		out[1] = 6 * y;
	},
	hessian: (_x, _y, out) => out.set([2, 0, 0, 6])
};

const gd = getOptimizer('gd')!;

describe('runTrajectory', () => {
	it('keeps the start as point 0 and one point per step, with gradient norms', () => {
		const t = runTrajectory(bowl, gd, { lr: 0.1 }, [1, 1], 3);
		expect(t.status).toBe('ok');
		expect(t.count).toBe(4);
		// x_{k+1} = 0.8 x_k, y_{k+1} = 0.4 y_k
		const pts = trajectoryPoints(t);
		expect(pts[0]).toEqual([1, 1, 4]);
		expect(pts[3][0]).toBeCloseTo(0.512, 15);
		expect(pts[3][1]).toBeCloseTo(0.064, 15);
		expect(pts[3][2]).toBeCloseTo(0.512 ** 2 + 3 * 0.064 ** 2, 15);
		expect(t.gradNorms[0]).toBeCloseTo(Math.hypot(2, 6), 15);
		expect(t.gradNorms[3]).toBeCloseTo(Math.hypot(2 * 0.512, 6 * 0.064), 15);
	});

	it('takes no step with a budget of 0', () => {
		const t = runTrajectory(bowl, gd, {}, [2, -1], 0);
		expect(t.count).toBe(1);
		expect(t.status).toBe('ok');
	});

	it("stops as soon as an iterate is not finite, without keeping it, and says 'diverged'", () => {
		// lr 0.5 on 3 y^2: y -> -2 y each step, growing by 2x until it overflows to Infinity.
		const t = runTrajectory(bowl, gd, { lr: 0.5 }, [0, 1], 5000);
		expect(t.status).toBe('diverged');
		expect(t.count).toBeGreaterThan(100);
		expect(t.count).toBeLessThan(5001);
		for (let i = 0; i < 3 * t.count; i++) expect(Number.isFinite(t.points[i])).toBe(true);
	});

	it('stops when the value is not finite even though the iterate is', () => {
		const logBowl: Objective2D = {
			f: (x, y) => Math.log(x) + y * y,
			grad: (x, y, out) => {
				out[0] = 1 / x;
				out[1] = 2 * y;
			},
			hessian: (x, _y, out) => out.set([-1 / (x * x), 0, 0, 2])
		};
		// From x = 0.5 with lr 1: x -> 0.5 - 2 = -1.5, where log is NaN.
		const t = runTrajectory(logBowl, gd, { lr: 1 }, [0.5, 0], 10);
		expect(t.status).toBe('diverged');
		expect(t.count).toBe(1);
	});

	it('keeps nothing when the start itself is not finite', () => {
		expect(runTrajectory(bowl, gd, {}, [Number.NaN, 0], 10)).toMatchObject({ count: 0, status: 'diverged' });
		expect(runTrajectory(bowl, gd, {}, [Infinity, 0], 10)).toMatchObject({ count: 0, status: 'diverged' });
	});

	it('gives identical results when reusing a buffer, and ignores a buffer too small', () => {
		const adam = getOptimizer('adam')!;
		const fresh = runTrajectory(bowl, adam, { lr: 0.05 }, [1, 2], 100);
		const buf = createTrajectoryBuffer(200);
		runTrajectory(bowl, adam, { lr: 0.3 }, [-3, 4], 200, buf);
		const reused = runTrajectory(bowl, adam, { lr: 0.05 }, [1, 2], 100, buf);
		expect(reused.points).toBe(buf.points);
		expect(trajectoryPoints(reused)).toEqual(trajectoryPoints(fresh));
		const small = createTrajectoryBuffer(10);
		const grown = runTrajectory(bowl, adam, { lr: 0.05 }, [1, 2], 100, small);
		expect(grown.points).not.toBe(small.points);
		expect(trajectoryPoints(grown)).toEqual(trajectoryPoints(fresh));
	});

	it('steps along the stochastic gradient when the objective has one, and reports the exact gradient norm', () => {
		const gd = getOptimizer('gd')!;
		// The "mini-batch" gradient at step k is the exact one scaled by (k + 1): GD then moves x by
		// lr * (k + 1) * 2x per step, which the exact gradient alone would not.
		const noisy: Objective2D = {
			...bowl,
			stochasticGrad(k, x, y, out) {
				out[0] = (k + 1) * 2 * x;
				out[1] = (k + 1) * 6 * y;
			}
		};
		const t = runTrajectory(noisy, gd, { lr: 0.01 }, [1, 1], 3);
		let x = 1;
		let y = 1;
		for (let k = 0; k < 3; k++) {
			expect(t.points[3 * k]).toBeCloseTo(x, 14);
			expect(t.gradNorms[k]).toBeCloseTo(Math.hypot(2 * x, 6 * y), 12);
			x -= 0.01 * (k + 1) * 2 * x;
			y -= 0.01 * (k + 1) * 6 * y;
		}
		expect(t.points[9]).toBeCloseTo(x, 14);
	});
});
