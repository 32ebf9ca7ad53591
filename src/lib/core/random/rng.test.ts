import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

describe('createRng', () => {
	it('gives the same stream for the same seed and different streams for different seeds', () => {
		const a = createRng(42);
		const b = createRng(42);
		const c = createRng(43);
		const sa = Array.from({ length: 20 }, () => a.uniform());
		const sb = Array.from({ length: 20 }, () => b.uniform());
		const sc = Array.from({ length: 20 }, () => c.uniform());
		expect(sa).toEqual(sb);
		expect(sa).not.toEqual(sc);
	});

	it('draws uniforms in [0, 1) with the right mean and variance', () => {
		const rng = createRng(7);
		const n = 200_000;
		let sum = 0;
		let sum2 = 0;
		for (let i = 0; i < n; i++) {
			const u = rng.uniform();
			expect(u >= 0 && u < 1).toBe(true);
			sum += u;
			sum2 += u * u;
		}
		const mean = sum / n;
		const variance = sum2 / n - mean * mean;
		// Standard error of the mean is sqrt(1/12/n) ~ 6.5e-4; allow 5 of them.
		expect(Math.abs(mean - 0.5)).toBeLessThan(3.3e-3);
		expect(Math.abs(variance - 1 / 12)).toBeLessThan(2e-3);
	});

	it('draws standard normals with mean 0, variance 1 and the right tail mass', () => {
		const rng = createRng(123);
		const n = 200_000;
		let sum = 0;
		let sum2 = 0;
		let beyond2 = 0;
		for (let i = 0; i < n; i++) {
			const z = rng.normal();
			sum += z;
			sum2 += z * z;
			if (Math.abs(z) > 2) beyond2++;
		}
		const mean = sum / n;
		expect(Math.abs(mean)).toBeLessThan(0.012);
		expect(Math.abs(sum2 / n - mean * mean - 1)).toBeLessThan(0.015);
		// P(|Z| > 2) = 0.0455003
		expect(Math.abs(beyond2 / n - 0.0455003)).toBeLessThan(0.0025);
	});

	it('draws integers covering [0, n) evenly', () => {
		const rng = createRng(5);
		const counts = new Array(6).fill(0);
		for (let i = 0; i < 60_000; i++) counts[rng.int(6)]++;
		for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
	});
});
