import { describe, expect, it } from 'vitest';
import type { Dataset } from '../models/matrix';
import { createRng } from '../random/rng';
import { applyStandardizer, fitStandardizer, unstandardizeLinear } from './standardize';
import { DataError } from './types';

/** n rows: column 0 ~ N(5, 3), column 1 ~ U(-100, 100), column 2 constant 0.1. */
function sample(n: number, seed: number): Dataset {
	const rng = createRng(seed);
	const p = 3;
	const x = new Float64Array(n * p);
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		x[i * p] = 5 + 3 * rng.normal();
		x[i * p + 1] = rng.range(-100, 100);
		x[i * p + 2] = 0.1;
		y[i] = rng.normal();
	}
	return { x, y, n, p };
}

function columnStats(d: Dataset, j: number): { mean: number; std: number } {
	let s = 0;
	for (let i = 0; i < d.n; i++) s += d.x[i * d.p + j];
	const mean = s / d.n;
	let ss = 0;
	for (let i = 0; i < d.n; i++) ss += (d.x[i * d.p + j] - mean) ** 2;
	return { mean, std: Math.sqrt(ss / d.n) };
}

describe('standardisation', () => {
	it('standardised training columns have mean 0 and std 1; a constant column gets std 1 and stays finite', () => {
		const train = sample(37, 1);
		const s = fitStandardizer(train);
		expect(s.stds[2]).toBe(1);
		const z = applyStandardizer(train, s);
		for (let j = 0; j < 2; j++) {
			const { mean, std } = columnStats(z, j);
			expect(Math.abs(mean)).toBeLessThan(1e-12);
			expect(Math.abs(std - 1)).toBeLessThan(1e-12);
		}
		for (let i = 0; i < z.n; i++) expect(Math.abs(z.x[i * 3 + 2])).toBeLessThan(1e-12);
		expect(z.y).toEqual(train.y);
		expect(z.y).not.toBe(train.y);
	});

	it('uses population std and leaves the input untouched', () => {
		const d: Dataset = { x: Float64Array.from([1, 3]), y: Float64Array.from([0, 0]), n: 2, p: 1 };
		const s = fitStandardizer(d);
		expect(Array.from(s.means)).toEqual([2]);
		expect(Array.from(s.stds)).toEqual([1]);
		expect(Array.from(applyStandardizer(d, s).x)).toEqual([-1, 1]);
		expect(Array.from(d.x)).toEqual([1, 3]);
		const zero: Dataset = { x: new Float64Array(3), y: new Float64Array(3), n: 3, p: 1 };
		expect(Array.from(applyStandardizer(zero, fitStandardizer(zero)).x)).toEqual([0, 0, 0]);
	});

	it('unstandardizeLinear gives the same predictions as the standardised model', () => {
		const rng = createRng(77);
		const train = sample(40, 2);
		const test = sample(25, 3);
		const s = fitStandardizer(train);
		const zTest = applyStandardizer(test, s);
		const w = Float64Array.from({ length: 3 }, () => 10 * rng.normal());
		const b = 10 * rng.normal();
		const orig = unstandardizeLinear(w, b, s);
		for (let i = 0; i < test.n; i++) {
			let pz = b;
			let po = orig.intercept;
			for (let j = 0; j < 3; j++) {
				pz += w[j] * zTest.x[i * 3 + j];
				po += orig.coef[j] * test.x[i * 3 + j];
			}
			expect(Math.abs(pz - po)).toBeLessThan(1e-12 * Math.max(1, Math.abs(pz)));
		}
	});

	it('rejects mismatched shapes and empty data', () => {
		const s = fitStandardizer(sample(5, 1));
		expect(() =>
			applyStandardizer({ x: new Float64Array(2), y: new Float64Array(1), n: 1, p: 2 }, s)
		).toThrow(DataError);
		expect(() => unstandardizeLinear([1, 2], 0, s)).toThrow(DataError);
		expect(() => fitStandardizer({ x: new Float64Array(0), y: new Float64Array(0), n: 0, p: 1 })).toThrow(
			DataError
		);
	});
});
