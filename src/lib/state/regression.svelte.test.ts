import { describe, expect, it } from 'vitest';
import { fitLinear } from '../core/models/linear';
import { RegressionLab } from './regression.svelte';

function ready(lab: RegressionLab) {
	const d = lab.data;
	if ('error' in d) throw new Error(d.error);
	const f = lab.fitted;
	if ('error' in f) throw new Error(f.error);
	return { d, f };
}

describe('RegressionLab', () => {
	it('links the closed form to the loss surface, where gradient descent arrives at the same answer', () => {
		const lab = new RegressionLab();
		const { d, f } = ready(lab);
		// The fit is least squares on the training rows, computed independently here.
		const ref = fitLinear(d.train);
		expect(f.coef[0]).toBeCloseTo(ref.coef[0], 12);
		expect(f.intercept).toBeCloseTo(ref.intercept, 12);
		const s = lab.surface!;
		expect(s.axes).toBe('slope-intercept');
		expect(s.optimum).toEqual([f.coef[0], f.intercept]);
		const pg = lab.playground;
		pg.addRun('gd', { lr: 0.1 });
		pg.setSteps(3000);
		const run = pg.trajectories[0];
		expect(run.status).toBe('ok');
		const k = run.count - 1;
		expect(run.points[3 * k]).toBeCloseTo(f.coef[0], 8);
		expect(run.points[3 * k + 1]).toBeCloseTo(f.intercept, 8);
		// The data plot's model for the run is the run's point, in original units.
		pg.seek(3000);
		const m = lab.runModels[0];
		expect(m.coef[0]).toBeCloseTo(f.coef[0], 8);
		expect(m.intercept).toBeCloseTo(f.intercept, 8);
	});

	it('maps a standardized fit back to original units, with the same predictions', () => {
		const lab = new RegressionLab();
		const raw = ready(lab).f;
		lab.standardize = true;
		const std = ready(lab).f;
		expect(std.coef[0]).not.toBeCloseTo(raw.coef[0], 3);
		expect(std.original.coef[0]).toBeCloseTo(raw.coef[0], 10);
		expect(std.original.intercept).toBeCloseTo(raw.intercept, 10);
	});

	it('draws the test loss of every run beside its training loss', () => {
		const lab = new RegressionLab();
		const { d } = ready(lab);
		lab.playground.addRun('adam', { lr: 0.1 });
		lab.playground.setSteps(50);
		const curves = lab.lossCurves;
		expect(curves).toHaveLength(2);
		const test = curves[1];
		expect(test.dash).toBeDefined();
		for (const k of [0, 10, 50]) {
			const w = test.points[3 * k];
			const b = test.points[3 * k + 1];
			let mse = 0;
			for (let i = 0; i < d.test.n; i++) mse += (d.test.y[i] - w * d.test.x[i] - b) ** 2 / d.test.n;
			expect(test.points[3 * k + 2]).toBeCloseTo(mse, 10);
		}
	});

	it('single-sample gradients make a noisy, reproducible path that still ends near the optimum', () => {
		const make = (batch: number | null, seed = 1) => {
			const lab = new RegressionLab();
			lab.batchSize = batch;
			lab.shuffleSeed = seed;
			lab.playground.addRun('gd', { lr: 0.01 });
			lab.playground.setSteps(2000);
			return { lab, run: lab.playground.trajectories[0] };
		};
		const full = make(null).run;
		const a = make(1).run;
		const b = make(1).run;
		const c = make(1, 2).run;
		expect([...a.points.subarray(0, 3 * a.count)]).toEqual([...b.points.subarray(0, 3 * b.count)]);
		expect(a.points[30]).not.toBe(full.points[30]);
		expect(a.points[30]).not.toBe(c.points[30]);
		const { lab } = make(1);
		const s = lab.surface!;
		const k = a.count - 1;
		expect(Math.abs(a.points[3 * k] - s.optimum[0])).toBeLessThan(0.3);
		// The loss along the single-sample path is not monotone; along the full-batch path it is.
		let rises = 0;
		let fullRises = 0;
		for (let i = 1; i < 200; i++) {
			if (a.points[3 * i + 2] > a.points[3 * i - 1]) rises++;
			if (full.points[3 * i + 2] > full.points[3 * i - 1] + 1e-12) fullRises++;
		}
		expect(rises).toBeGreaterThan(10);
		expect(fullRises).toBe(0);
	});

	it('explains when there is no two-parameter surface, and when the model does not fit the task', () => {
		const lab = new RegressionLab();
		lab.chooseSynthetic('sine');
		expect(lab.effectiveDegree).toBe(3);
		expect(lab.surface).toBeNull();
		expect(lab.surfaceReason).toMatch(/4 parameters/);
		expect(lab.degreeCurve).toHaveLength(15);
		lab.chooseSynthetic('blobs');
		expect(lab.model).toBe('logistic');
		expect(lab.surface?.axes).toBe('two-weights');
		lab.model = 'ridge';
		const f = lab.fitted;
		expect('error' in f && f.error).toMatch(/class label/);
	});

	it('has a coefficient path for ridge that shrinks the weight as alpha grows', () => {
		const lab = new RegressionLab();
		lab.model = 'ridge';
		lab.alpha = 10;
		const path = lab.path!;
		expect(path.alphas.length).toBeGreaterThan(10);
		const norms = path.coefs.map((c) => Math.abs(c[0]));
		expect(norms[norms.length - 1]).toBeLessThan(norms[0]);
	});
});
