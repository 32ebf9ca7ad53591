import { describe, expect, it } from 'vitest';
import type { Objective2D } from '../../core/objective';
import { createFrame, fromPx, fromPy } from './geometry';
import { gradientArrowsPath, newtonModel } from './overlays';

function quadratic(a: number, b: number, c: number, gx = 0, gy = 0): Objective2D {
	return {
		f: (x, y) => 0.5 * (a * x * x + 2 * b * x * y + c * y * y) + gx * x + gy * y,
		grad(x, y, out) {
			out[0] = a * x + b * y + gx;
			out[1] = b * x + c * y + gy;
		},
		hessian(_x, _y, out) {
			out[0] = a;
			out[1] = b;
			out[2] = b;
			out[3] = c;
		}
	};
}

/** Subpaths of an absolute M/L path, as pixel points. */
function subpaths(d: string): number[][][] {
	return d
		.split('M')
		.filter((s) => s.length > 0)
		.map((s) =>
			s
				.replace(/Z$/, '')
				.split('L')
				.map((p) => p.split(',').map(Number))
		);
}

const frame = createFrame({ xMin: -2, xMax: 2, yMin: -2, yMax: 2 }, 400, 400);

describe('gradientArrowsPath', () => {
	it('draws about the asked number of arrows, each pointing downhill', () => {
		const bowl = quadratic(2, 0, 2);
		const d = gradientArrowsPath(bowl, frame, 100);
		const parts = subpaths(d);
		// Three subpaths per arrow: shaft, and the head drawn from one barb through the tip to the other.
		expect(parts.length / 2).toBe(100);
		for (let k = 0; k < parts.length; k += 2) {
			const [tail, tip] = parts[k];
			// Downhill on a bowl centred at (200, 200) px: the tip is nearer the centre than the tail.
			expect(Math.hypot(tip[0] - 200, tip[1] - 200)).toBeLessThan(Math.hypot(tail[0] - 200, tail[1] - 200));
		}
	});

	it('draws nothing where the gradient vanishes', () => {
		expect(gradientArrowsPath(quadratic(0, 0, 0), frame, 50)).toBe('');
	});
});

describe('newtonModel', () => {
	it('draws circles around the minimum of a round bowl, the fourth through the iterate', () => {
		const model = newtonModel(quadratic(2, 0, 2, -1, 0.5), 1, 1, frame);
		expect(model).not.toBeNull();
		if (model === null) return;
		expect(model.kind).toBe('minimum');
		expect(model.transform).toBeNull();
		// Minimum of x^2 + y^2 - x + y/2 at (1/2, -1/4).
		expect(model.stationary?.[0]).toBeCloseTo(0.5, 12);
		expect(model.stationary?.[1]).toBeCloseTo(-0.25, 12);
		const radii = subpaths(model.path).map((ring) => {
			const r = ring.map(([px, py]) => Math.hypot(fromPx(frame, px) - 0.5, fromPy(frame, py) + 0.25));
			for (const v of r) expect(v).toBeCloseTo(r[0], 2);
			return r[0];
		});
		expect(radii).toHaveLength(5);
		expect(radii[3]).toBeCloseTo(Math.hypot(0.5, 1.25), 2);
		expect(radii[0]).toBeCloseTo(radii[3] / 4, 2);
	});

	it('draws hyperbolas and asymptotes for a saddle, each on one level of the model', () => {
		const saddle = quadratic(2, 0, -2);
		const model = newtonModel(saddle, 0.6, 0.3, frame);
		if (model === null) throw new Error('no model');
		expect(model.kind).toBe('saddle');
		expect(model.stationary).toEqual([0, 0]);
		const levels = new Set<string>();
		for (const curve of subpaths(model.path)) {
			const m = curve.map(([px, py]) => saddle.f(fromPx(frame, px), fromPy(frame, py)));
			for (const v of m) expect(v).toBeCloseTo(m[0], 1);
			levels.add((Math.abs(m[0]) < 0.05 ? 0 : m[0]).toFixed(1));
		}
		// +-4 and +-1 times f(0.6, 0.3) = 0.27, and 0 (the asymptotes).
		expect([...levels].sort()).toEqual(['-0.3', '-1.1', '0.0', '0.3', '1.1'].sort());
	});

	it('contours a singular model on a sampled grid', () => {
		const valley = quadratic(2, 0, 0, 0, 1);
		const model = newtonModel(valley, 0.5, 0.5, frame);
		expect(model?.kind).toBe('degenerate');
		expect(model?.stationary).toBeNull();
		expect(model?.transform).toMatch(/^scale\(/);
		expect(model?.path.length).toBeGreaterThan(0);
	});

	it('gives up on non-finite models', () => {
		const bad: Objective2D = { ...quadratic(1, 0, 1), f: () => Number.NaN };
		expect(newtonModel(bad, 0, 0, frame)).toBeNull();
	});
});
