import { describe, expect, it } from 'vitest';
import { MAX_POLYNOMIAL_DEGREE, polynomialFeatures } from './polynomial';
import { noisySine } from './synthetic';
import { DataError } from './types';

describe('polynomialFeatures', () => {
	it('columns are x, x^2, ..., x^degree exactly (values whose powers are representable)', () => {
		const xs = [-2, -1, 0, 0.5, 1.5, 3];
		const d = { x: Float64Array.from(xs), y: Float64Array.from(xs, (v) => v + 1), n: xs.length, p: 1 };
		const deg = MAX_POLYNOMIAL_DEGREE;
		const f = polynomialFeatures(d, deg);
		expect(f.p).toBe(deg);
		expect(f.n).toBe(xs.length);
		expect(f.x.length).toBe(xs.length * deg);
		for (let i = 0; i < xs.length; i++)
			for (let k = 1; k <= deg; k++) expect(f.x[i * deg + k - 1]).toBe(xs[i] ** k);
		expect(f.y).toEqual(d.y);
		expect(f.y).not.toBe(d.y);
		expect(f.featureNames).toEqual(['x', ...Array.from({ length: deg - 1 }, (_, k) => `x^${k + 2}`)]);
	});

	it('matches powers on random data to rounding and keeps the dataset name', () => {
		const d = noisySine({ n: 30, noise: 0.1, seed: 1 });
		const f = polynomialFeatures(d, 7);
		expect(f.name).toBe('Noisy sine (degree 7)');
		for (let i = 0; i < d.n; i++)
			for (let k = 1; k <= 7; k++) {
				const want = d.x[i] ** k;
				expect(Math.abs(f.x[i * 7 + k - 1] - want)).toBeLessThanOrEqual(1e-15 * Math.abs(want));
			}
		expect(Array.from(polynomialFeatures(d, 1).x)).toEqual(Array.from(d.x));
	});

	it('rejects bad degrees and datasets that do not have exactly one feature', () => {
		const one = { x: Float64Array.from([1, 2]), y: Float64Array.from([1, 2]), n: 2, p: 1 };
		for (const deg of [0, 16, 2.5, Number.NaN]) expect(() => polynomialFeatures(one, deg)).toThrow(DataError);
		const two = { x: Float64Array.from([1, 2, 3, 4]), y: Float64Array.from([1, 2]), n: 2, p: 2 };
		expect(() => polynomialFeatures(two, 2)).toThrow(/exactly one feature column, got 2/);
	});
});
