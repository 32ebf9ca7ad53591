import { describe, expect, it } from 'vitest';
import { bilinearInterpolant } from './interpolant';

describe('bilinearInterpolant', () => {
	const box = { xMin: -1, xMax: 2, yMin: 0, yMax: 3 };

	it('reproduces a bilinear function exactly and hits the samples', () => {
		const f = (x: number, y: number) => 2 + 3 * x - y + 0.5 * x * y;
		const g = bilinearInterpolant(f, box, 7);
		for (const [x, y] of [
			[-1, 0],
			[2, 3],
			[0.3, 1.7],
			[1.99, 0.01]
		])
			expect(g.f(x, y)).toBeCloseTo(f(x, y), 12);
	});

	it('approximates a smooth function to second order, and clamps outside the box', () => {
		const f = (x: number, y: number) => Math.sin(x) * Math.cos(y);
		const coarse = bilinearInterpolant(f, box, 9);
		const fine = bilinearInterpolant(f, box, 33);
		const err = (g: { f(x: number, y: number): number }) => Math.abs(g.f(0.77, 1.31) - f(0.77, 1.31));
		expect(err(fine)).toBeLessThan(err(coarse) / 4);
		expect(coarse.f(5, 1)).toBeCloseTo(coarse.f(2, 1), 12);
	});
});
