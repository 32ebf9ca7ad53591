import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { leastSquaresQR } from './least-squares';
import { solveInPlace } from './solve';

describe('leastSquaresQR', () => {
	it('solves a square system exactly', () => {
		const a = Float64Array.from([2, 1, 1, 3]);
		const b = Float64Array.from([3, 5]);
		const x = leastSquaresQR(a, b, 2, 2)!;
		expect(x[0]).toBeCloseTo(0.8, 14);
		expect(x[1]).toBeCloseTo(1.4, 14);
	});

	it('agrees with the normal equation on a well-conditioned problem, and leaves a residual orthogonal to A', () => {
		const rng = createRng(4);
		const m = 50;
		const p = 4;
		const a = Float64Array.from({ length: m * p }, () => rng.normal());
		const b = Float64Array.from({ length: m }, () => rng.normal());
		const x = leastSquaresQR(a.slice(), b.slice(), m, p)!;
		const g = new Float64Array(p * p);
		const r = new Float64Array(p);
		for (let i = 0; i < m; i++)
			for (let j = 0; j < p; j++) {
				r[j] += a[i * p + j] * b[i];
				for (let k = 0; k < p; k++) g[j * p + k] += a[i * p + j] * a[i * p + k];
			}
		const ref = new Float64Array(p);
		expect(solveInPlace(p, g, r, ref)).toBe(true);
		for (let j = 0; j < p; j++) expect(x[j]).toBeCloseTo(ref[j], 12);
		for (let j = 0; j < p; j++) {
			let s = 0;
			for (let i = 0; i < m; i++) {
				let ax = 0;
				for (let k = 0; k < p; k++) ax += a[i * p + k] * x[k];
				s += a[i * p + j] * (b[i] - ax);
			}
			expect(Math.abs(s)).toBeLessThan(1e-12);
		}
	});

	it('recovers an exact polynomial of degree 12 on [0, 1] (nearly dependent columns)', () => {
		const m = 40;
		const p = 12;
		const coef = Array.from({ length: p }, (_, k) => (k % 2 ? 1 : -1) / (k + 1));
		const a = new Float64Array(m * p);
		const b = new Float64Array(m);
		for (let i = 0; i < m; i++) {
			const t = i / (m - 1);
			let v = 1;
			for (let k = 0; k < p; k++) {
				a[i * p + k] = v;
				b[i] += coef[k] * v;
				v *= t;
			}
		}
		const x = leastSquaresQR(a, b, m, p)!;
		for (let k = 0; k < p; k++) expect(Math.abs(x[k] - coef[k])).toBeLessThan(1e-3);
	});

	it('reports a rank-deficient matrix', () => {
		const a = Float64Array.from([1, 2, 2, 4, 3, 6]);
		expect(leastSquaresQR(a, Float64Array.from([1, 2, 3]), 3, 2)).toBeNull();
		expect(leastSquaresQR(new Float64Array(2), new Float64Array(1), 1, 2)).toBeNull();
	});
});
