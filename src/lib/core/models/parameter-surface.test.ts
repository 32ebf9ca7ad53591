import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { fitModel } from './index';
import { lassoObjective } from './lasso';
import { linearObjective } from './linear';
import { logisticObjective } from './logistic';
import { ridgeObjective } from './ridge';
import {
	createParameterSurface,
	type SurfaceAxes,
	type SurfaceModel,
	type SurfaceSpec
} from './parameter-surface';

function data(n: number, p: number, classification: boolean, seed = 7) {
	const rng = createRng(seed);
	const x = new Float64Array(n * p);
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let s = 0.7;
		for (let j = 0; j < p; j++) {
			x[i * p + j] = 3 + 2 * rng.normal();
			s += (j === 0 ? 1.5 : -0.8) * (x[i * p + j] - 3);
		}
		y[i] = classification ? (s + rng.normal() > 0 ? 1 : 0) : s + 10 + 0.5 * rng.normal();
	}
	return { x, y, n, p };
}

const ALPHA = 3;
const C = 0.7;

/** The scikit-learn objective at (coef, intercept), divided by the constant the surface documents. */
function reference(model: SurfaceModel, d: ReturnType<typeof data>, coef: number[], b: number): number {
	const w = Float64Array.from(coef);
	switch (model) {
		case 'linear':
			return linearObjective(d, w, b) / d.n;
		case 'ridge':
			return ridgeObjective(d, w, b, ALPHA) / d.n;
		case 'lasso':
			return lassoObjective(d, w, b, ALPHA);
		case 'logistic':
			return logisticObjective(d, w, b, C) / (C * d.n);
	}
}

const cases: [SurfaceModel, SurfaceAxes][] = [];
for (const m of ['linear', 'ridge', 'lasso', 'logistic'] as const)
	for (const a of ['slope-intercept', 'two-weights'] as const) cases.push([m, a]);

function specFor(model: SurfaceModel, axes: SurfaceAxes, extra: Partial<SurfaceSpec> = {}) {
	const d = data(80, axes === 'slope-intercept' ? 1 : 2, model === 'logistic');
	const spec: SurfaceSpec = {
		model,
		axes,
		x: d.x,
		y: d.y,
		n: d.n,
		alpha: ALPHA,
		C,
		intercept: 0.3,
		...extra
	};
	return { d, spec };
}

describe('createParameterSurface', () => {
	it.each(cases)(
		'%s / %s: f is the scikit-learn objective (scaled) at the model of each point',
		(model, axes) => {
			const { d, spec } = specFor(model, axes);
			const s = createParameterSurface(spec);
			const rng = createRng(3);
			for (let k = 0; k < 20; k++) {
				const p0 = rng.range(-3, 3);
				const p1 = rng.range(-3, 3);
				const { coef, intercept } = s.model(p0, p1);
				const ref = reference(model, d, coef, intercept);
				expect(Math.abs(s.f(p0, p1) - ref)).toBeLessThan(1e-11 * Math.max(1, Math.abs(ref)));
			}
		}
	);

	it.each(cases)('%s / %s: gradient and Hessian match central differences', (model, axes) => {
		const { spec } = specFor(model, axes);
		const s = createParameterSurface(spec);
		const rng = createRng(11);
		const g = new Float64Array(2);
		const h = new Float64Array(4);
		const ga = new Float64Array(2);
		const gb = new Float64Array(2);
		for (let k = 0; k < 10; k++) {
			const p0 = rng.range(-3, 3);
			const p1 = rng.range(-3, 3);
			s.grad(p0, p1, g);
			s.hessian(p0, p1, h);
			const e = 1e-5;
			const fd0 = (s.f(p0 + e, p1) - s.f(p0 - e, p1)) / (2 * e);
			const fd1 = (s.f(p0, p1 + e) - s.f(p0, p1 - e)) / (2 * e);
			const scale = 1 + Math.abs(g[0]) + Math.abs(g[1]);
			expect(Math.abs(g[0] - fd0)).toBeLessThan(1e-6 * scale);
			expect(Math.abs(g[1] - fd1)).toBeLessThan(1e-6 * scale);
			s.grad(p0 + e, p1, ga);
			s.grad(p0 - e, p1, gb);
			const hs = 1 + Math.abs(h[0]) + Math.abs(h[3]);
			expect(Math.abs(h[0] - (ga[0] - gb[0]) / (2 * e))).toBeLessThan(1e-6 * hs);
			expect(Math.abs(h[2] - (ga[1] - gb[1]) / (2 * e))).toBeLessThan(1e-6 * hs);
			expect(h[1]).toBe(h[2]);
		}
	});

	it('logistic valueAndGrad equals f and grad computed apart', () => {
		for (const axes of ['slope-intercept', 'two-weights'] as const) {
			const s = createParameterSurface(specFor('logistic', axes).spec);
			const rng = createRng(5);
			const a = new Float64Array(2);
			const b = new Float64Array(2);
			for (let k = 0; k < 20; k++) {
				const p0 = rng.range(-4, 4);
				const p1 = rng.range(-4, 4);
				const f = s.valueAndGrad!(p0, p1, a);
				s.grad(p0, p1, b);
				expect(f).toBeCloseTo(s.f(p0, p1), 13);
				expect(a[0]).toBeCloseTo(b[0], 13);
				expect(a[1]).toBeCloseTo(b[1], 13);
			}
		}
	});

	it.each(cases)('%s / %s: the fitted model is the surface minimum', (model, axes) => {
		const { d } = specFor(model, axes);
		const fit = fitModel(model, d, { alpha: ALPHA, C });
		const point = axes === 'slope-intercept' ? [fit.coef[0], fit.intercept] : [fit.coef[0], fit.coef[1]];
		const { spec } = specFor(model, axes, { intercept: fit.intercept });
		const s = createParameterSurface(spec);
		const f0 = s.f(point[0], point[1]);
		for (const [a, b] of [
			[1e-4, 0],
			[-1e-4, 0],
			[0, 1e-4],
			[0, -1e-4],
			[1e-4, -1e-4]
		])
			expect(s.f(point[0] + a, point[1] + b)).toBeGreaterThanOrEqual(f0 - 1e-12 * Math.abs(f0));
		if (model !== 'lasso') {
			const g = new Float64Array(2);
			s.grad(point[0], point[1], g);
			expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-6);
		}
		// The model at the minimum is the fitted one (intercept included).
		const m = s.model(point[0], point[1]);
		expect(m.intercept).toBeCloseTo(fit.intercept, 8);
	});

	it('two-weights squared losses evaluate a test set with the training means', () => {
		const train = data(50, 2, false, 1);
		const test = data(30, 2, false, 2);
		const xm: [number, number] = [0, 0];
		let ym = 0;
		for (let i = 0; i < train.n; i++) {
			xm[0] += train.x[2 * i] / train.n;
			xm[1] += train.x[2 * i + 1] / train.n;
			ym += train.y[i] / train.n;
		}
		const s = createParameterSurface({
			model: 'linear',
			axes: 'two-weights',
			x: test.x,
			y: test.y,
			n: test.n,
			xMean: xm,
			yMean: ym
		});
		const w = [0.4, -1.2];
		const b = ym - xm[0] * w[0] - xm[1] * w[1];
		expect(s.f(w[0], w[1])).toBeCloseTo(linearObjective(test, Float64Array.from(w), b) / test.n, 10);
	});

	it.each(['linear', 'ridge', 'lasso', 'logistic'] as const)(
		'%s: mini-batch gradients over one epoch average to the full gradient',
		(model) => {
			const { spec } = specFor(model, 'slope-intercept');
			const full = createParameterSurface(spec);
			const mini = createParameterSurface({ ...spec, batchSize: 10, seed: 5 });
			expect(mini.batchSize).toBe(10);
			const g = new Float64Array(2);
			const sum = new Float64Array(2);
			const batches = spec.n / 10;
			for (const epoch of [0, 3]) {
				sum.fill(0);
				for (let j = 0; j < batches; j++) {
					mini.stochasticGrad!(epoch * batches + j, 0.3, -0.4, g);
					sum[0] += g[0] / batches;
					sum[1] += g[1] / batches;
				}
				full.grad(0.3, -0.4, g);
				expect(sum[0]).toBeCloseTo(g[0], 10);
				expect(sum[1]).toBeCloseTo(g[1], 10);
			}
		}
	);

	it('single-sample gradients are one row each, reproducible, and depend on the seed', () => {
		const { d, spec } = specFor('linear', 'slope-intercept');
		const a = createParameterSurface({ ...spec, batchSize: 1, seed: 1 });
		const b = createParameterSurface({ ...spec, batchSize: 1, seed: 1 });
		const c = createParameterSurface({ ...spec, batchSize: 1, seed: 2 });
		const perRow = Array.from({ length: d.n }, (_, i) => {
			const r = 0.5 * d.x[i] + 1 - d.y[i];
			return [2 * r * d.x[i], 2 * r];
		});
		const ga = new Float64Array(2);
		const gb = new Float64Array(2);
		const gc = new Float64Array(2);
		const seen = new Set<number>();
		let differ = 0;
		for (let k = 0; k < d.n; k++) {
			a.stochasticGrad!(k, 0.5, 1, ga);
			b.stochasticGrad!(k, 0.5, 1, gb);
			c.stochasticGrad!(k, 0.5, 1, gc);
			expect([...gb]).toEqual([...ga]);
			if (ga[0] !== gc[0]) differ++;
			const row = perRow.findIndex((r) => Math.abs(r[0] - ga[0]) < 1e-12 && Math.abs(r[1] - ga[1]) < 1e-12);
			expect(row).toBeGreaterThanOrEqual(0);
			seen.add(row);
		}
		// One epoch visits every row once.
		expect(seen.size).toBe(new Set(perRow.map((r) => r.join())).size);
		expect(differ).toBeGreaterThan(d.n / 2);
	});

	it('full batch has no stochastic gradient, and bad specs are refused', () => {
		const { spec } = specFor('ridge', 'two-weights');
		expect(createParameterSurface({ ...spec, batchSize: 1000 }).stochasticGrad).toBeUndefined();
		expect(() => createParameterSurface({ ...spec, n: 0 })).toThrow(/at least one row/);
		expect(() => createParameterSurface({ ...spec, alpha: -1 })).toThrow(/alpha/);
		expect(() => createParameterSurface({ ...spec, n: 79 })).toThrow(/inconsistent/);
	});
});
