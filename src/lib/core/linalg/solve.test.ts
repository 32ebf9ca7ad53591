import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { solve2x2, solveInPlace } from './solve';

describe('solve2x2', () => {
	it('solves a non-singular system', () => {
		const out = new Float64Array(2);
		expect(solve2x2(new Float64Array([2, 1, 1, 3]), new Float64Array([3, 5]), out)).toBe(true);
		expect(out[0]).toBeCloseTo(0.8, 15);
		expect(out[1]).toBeCloseTo(1.4, 15);
	});

	it('refuses an exactly singular matrix', () => {
		expect(solve2x2(new Float64Array([1, 2, 2, 4]), new Float64Array([1, 1]), new Float64Array(2))).toBe(
			false
		);
	});
});

describe('solveInPlace', () => {
	it('solves random well-conditioned systems to a tiny residual', () => {
		const rng = createRng(9);
		for (const n of [1, 2, 3, 5, 8]) {
			const a = Float64Array.from(
				{ length: n * n },
				(_, i) => rng.range(-1, 1) + (i % (n + 1) === 0 ? n : 0)
			);
			const b = Float64Array.from({ length: n }, () => rng.range(-1, 1));
			const a0 = a.slice();
			const b0 = b.slice();
			const x = new Float64Array(n);
			expect(solveInPlace(n, a, b, x)).toBe(true);
			for (let i = 0; i < n; i++) {
				let r = -b0[i];
				for (let j = 0; j < n; j++) r += a0[i * n + j] * x[j];
				expect(Math.abs(r)).toBeLessThan(1e-13);
			}
		}
	});

	it('pivots past a zero on the diagonal and refuses a singular matrix', () => {
		const x = new Float64Array(2);
		expect(solveInPlace(2, new Float64Array([0, 1, 1, 0]), new Float64Array([2, 3]), x)).toBe(true);
		expect(Array.from(x)).toEqual([3, 2]);
		expect(solveInPlace(3, new Float64Array([1, 2, 3, 2, 4, 6, 0, 0, 1]), new Float64Array(3), x)).toBe(
			false
		);
	});
});
