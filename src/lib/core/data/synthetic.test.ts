import { describe, expect, it } from 'vitest';
import { lineWithOutliers, noisyLine, noisySine, twoBlobs } from './synthetic';
import { DataError } from './types';

function stats(v: ArrayLike<number>): { mean: number; std: number } {
	let s = 0;
	for (let i = 0; i < v.length; i++) s += v[i];
	const mean = s / v.length;
	let ss = 0;
	for (let i = 0; i < v.length; i++) ss += (v[i] - mean) ** 2;
	return { mean, std: Math.sqrt(ss / v.length) };
}

const generators = {
	noisyLine: (seed: number) => noisyLine({ n: 50, noise: 0.5, seed }),
	noisySine: (seed: number) => noisySine({ n: 50, noise: 0.2, seed }),
	lineWithOutliers: (seed: number) => lineWithOutliers({ n: 50, noise: 0.5, seed }),
	twoBlobs: (seed: number) => twoBlobs({ n: 50, noise: 0.5, seed })
};

describe('synthetic datasets', () => {
	for (const [label, gen] of Object.entries(generators)) {
		it(`${label}: same seed gives identical data, different seeds differ`, () => {
			const a = gen(1);
			const b = gen(1);
			const c = gen(2);
			expect(a.x).toEqual(b.x);
			expect(a.y).toEqual(b.y);
			expect(a.x).not.toEqual(c.x);
			// twoBlobs labels are fixed (alternating) by design; only its features depend on the seed.
			if (label !== 'twoBlobs') expect(a.y).not.toEqual(c.y);
			expect(a.x.length).toBe(a.n * a.p);
			expect(a.y.length).toBe(a.n);
			expect(a.featureNames).toHaveLength(a.p);
			expect(a.name.length).toBeGreaterThan(0);
		});
	}

	it('noisyLine: x in range and residual std matches noise (n = 5000)', () => {
		const noise = 0.5;
		const d = noisyLine({ n: 5000, noise, seed: 11, slope: -1.5, intercept: 4, xRange: [1, 2] });
		expect(d.p).toBe(1);
		const r = new Float64Array(d.n);
		for (let i = 0; i < d.n; i++) {
			expect(d.x[i] >= 1 && d.x[i] < 2).toBe(true);
			r[i] = d.y[i] - (-1.5 * d.x[i] + 4);
		}
		const s = stats(r);
		// SE of the mean: noise / sqrt(n) ~ 0.0071; SE of the std: noise / sqrt(2n) = 0.005. Allow 4 of each.
		expect(Math.abs(s.mean)).toBeLessThan(0.028);
		expect(Math.abs(s.std - noise)).toBeLessThan(0.02);
	});

	it('noisyLine with zero noise lies exactly on the line', () => {
		const d = noisyLine({ n: 20, noise: 0, seed: 3 });
		for (let i = 0; i < d.n; i++) expect(d.y[i]).toBe(2 * d.x[i] + 1);
	});

	it('noisySine: x in [0, 1) and residuals from sin(2 pi x) have std noise', () => {
		const d = noisySine({ n: 5000, noise: 0.3, seed: 5 });
		const r = new Float64Array(d.n);
		for (let i = 0; i < d.n; i++) {
			expect(d.x[i] >= 0 && d.x[i] < 1).toBe(true);
			r[i] = d.y[i] - Math.sin(2 * Math.PI * d.x[i]);
		}
		expect(Math.abs(stats(r).std - 0.3)).toBeLessThan(4 * (0.3 / Math.sqrt(2 * 5000)));
		expect(Math.abs(stats(r).mean)).toBeLessThan(4 * (0.3 / Math.sqrt(5000)));
	});

	it('lineWithOutliers: the listed rows, and only those, are shifted', () => {
		const d = lineWithOutliers({ n: 200, noise: 0.1, seed: 9, outlierFraction: 0.15, outlierShift: 8 });
		expect(d.outlierIndices).toHaveLength(30);
		expect(new Set(d.outlierIndices).size).toBe(30);
		const flagged = new Set(d.outlierIndices);
		for (let i = 0; i < d.n; i++) {
			const r = d.y[i] - (2 * d.x[i] + 1);
			if (flagged.has(i)) expect(r).toBeGreaterThan(7);
			else expect(Math.abs(r)).toBeLessThan(1);
		}
		const clean = lineWithOutliers({ n: 200, noise: 0.1, seed: 9, outlierFraction: 0 });
		expect(clean.outlierIndices).toHaveLength(0);
	});

	it('twoBlobs: balanced labels in {0, 1} and class means at -/+ separation / 2 on the first axis', () => {
		const noise = 0.7;
		const d = twoBlobs({ n: 4001, noise, seed: 21, separation: 3 });
		expect(d.p).toBe(2);
		const a: number[][] = [[], []];
		const b: number[][] = [[], []];
		for (let i = 0; i < d.n; i++) {
			expect(d.y[i] === 0 || d.y[i] === 1).toBe(true);
			a[d.y[i]].push(d.x[2 * i]);
			b[d.y[i]].push(d.x[2 * i + 1]);
		}
		expect(a[0].length).toBe(2001);
		expect(a[1].length).toBe(2000);
		const tol = 4 * (noise / Math.sqrt(2000));
		expect(Math.abs(stats(a[0]).mean + 1.5)).toBeLessThan(tol);
		expect(Math.abs(stats(a[1]).mean - 1.5)).toBeLessThan(tol);
		expect(Math.abs(stats(b[0]).mean)).toBeLessThan(tol);
		expect(Math.abs(stats(b[1]).mean)).toBeLessThan(tol);
		expect(Math.abs(stats(a[1]).std - noise)).toBeLessThan(4 * (noise / Math.sqrt(4000)));
	});

	it('rejects invalid arguments with a DataError', () => {
		expect(() => noisyLine({ n: 0, noise: 1, seed: 1 })).toThrow(DataError);
		expect(() => noisyLine({ n: 2.5, noise: 1, seed: 1 })).toThrow(DataError);
		expect(() => noisySine({ n: 10, noise: -1, seed: 1 })).toThrow(DataError);
		expect(() => noisyLine({ n: 10, noise: 1, seed: 1, xRange: [2, 2] })).toThrow(DataError);
		expect(() => lineWithOutliers({ n: 10, noise: 1, seed: 1, outlierFraction: 1.5 })).toThrow(DataError);
		expect(() => twoBlobs({ n: 1, noise: 1, seed: 1 })).toThrow(DataError);
	});
});
