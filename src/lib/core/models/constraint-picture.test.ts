import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { fitLasso } from './lasso';
import { fitRidge } from './ridge';
import { levelEllipse, normBall, quadraticCentre } from './constraint-picture';
import { createParameterSurface } from './parameter-surface';

describe('normBall', () => {
	it('puts every vertex on the sphere of its norm', () => {
		for (const p of normBall('l2', 2.5)) expect(Math.hypot(p[0], p[1])).toBeCloseTo(2.5, 12);
		const diamond = normBall('l1', 1.5);
		expect(diamond).toHaveLength(4);
		for (const p of diamond) expect(Math.abs(p[0]) + Math.abs(p[1])).toBeCloseTo(1.5, 12);
		expect(normBall('l2', Number.NaN)).toEqual([]);
	});
});

describe('levelEllipse', () => {
	it('traces the level set of the quadratic through the given point', () => {
		const h = [3, 1.2, 1.2, 2];
		const c: [number, number] = [0.5, -1];
		const p: [number, number] = [1.5, 0.25];
		const q = (w: readonly [number, number]) => {
			const dx = w[0] - c[0];
			const dy = w[1] - c[1];
			return h[0] * dx * dx + 2 * h[1] * dx * dy + h[3] * dy * dy;
		};
		const pts = levelEllipse(h, c, p);
		expect(pts.length).toBeGreaterThan(50);
		for (const w of pts) expect(q(w)).toBeCloseTo(q(p), 10);
		expect(levelEllipse([1, 2, 2, 1], c, p)).toEqual([]);
	});

	it('solves the stationary point of a quadratic', () => {
		const h = [4, 1, 1, 3];
		const target = [0.7, -2];
		// g(0) = -H target for the quadratic centred at target.
		const g = [-(h[0] * target[0] + h[1] * target[1]), -(h[2] * target[0] + h[3] * target[1])];
		const c = quadraticCentre(h, g)!;
		expect(c[0]).toBeCloseTo(0.7, 12);
		expect(c[1]).toBeCloseTo(-2, 12);
		expect(quadraticCentre([1, 1, 1, 1], g)).toBeNull();
	});
});

describe('the Lagrange picture on fitted ridge and lasso models', () => {
	const rng = createRng(21);
	const n = 60;
	const x = new Float64Array(2 * n);
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		x[2 * i] = rng.normal();
		x[2 * i + 1] = 0.6 * x[2 * i] + 0.8 * rng.normal();
		y[i] = 1.5 * x[2 * i] + 0.3 * x[2 * i + 1] + 0.5 * rng.normal();
	}
	const d = { x, y, n, p: 2 };
	const dataLoss = createParameterSurface({ model: 'linear', axes: 'two-weights', x, y, n });
	const h = new Float64Array(4);
	const g = new Float64Array(2);
	dataLoss.hessian(0, 0, h);
	dataLoss.grad(0, 0, g);
	const c = quadraticCentre(h, g)!;

	it('the ridge optimum lies on the disk where the level set is tangent to it', () => {
		const fit = fitRidge(d, 20);
		const w: [number, number] = [fit.coef[0], fit.coef[1]];
		const t = Math.hypot(w[0], w[1]);
		// Tangency: the data loss's gradient at w* points straight into the disk (parallel to -w*).
		dataLoss.grad(w[0], w[1], g);
		const cross = g[0] * w[1] - g[1] * w[0];
		expect(Math.abs(cross)).toBeLessThan(1e-9 * Math.hypot(g[0], g[1]) * t);
		expect(g[0] * w[0] + g[1] * w[1]).toBeLessThan(0);
		// No point of the disk has a smaller data loss than w* (sampled).
		const best = dataLoss.f(w[0], w[1]);
		for (const p of normBall('l2', t, 720))
			expect(dataLoss.f(p[0], p[1])).toBeGreaterThanOrEqual(best - 1e-12);
		// The ellipse through w* touches the disk only there: every ellipse point is outside or on the disk.
		for (const p of levelEllipse(h, c, w)) expect(Math.hypot(p[0], p[1])).toBeGreaterThanOrEqual(t - 1e-6);
	});

	it('the lasso optimum is the best point of its diamond, at a corner when a weight is zero', () => {
		const fit = fitLasso(d, 0.6);
		const w: [number, number] = [fit.coef[0], fit.coef[1]];
		expect(w[1]).toBe(0);
		const t = Math.abs(w[0]) + Math.abs(w[1]);
		const best = dataLoss.f(w[0], w[1]);
		const diamond = normBall('l1', t);
		for (let i = 0; i < 4; i++)
			for (let k = 0; k <= 100; k++) {
				const a = diamond[i];
				const b = diamond[(i + 1) % 4];
				const s = k / 100;
				expect(dataLoss.f(a[0] + s * (b[0] - a[0]), a[1] + s * (b[1] - a[1]))).toBeGreaterThanOrEqual(
					best - 1e-9
				);
			}
	});
});
