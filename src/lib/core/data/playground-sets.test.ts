/**
 * Properties of the playground sets: sizes, class balance, the labelling rule of each set at noise 0
 * (and that noise does what the header says), determinism per seed and sensitivity to it.
 */
import { describe, expect, it } from 'vitest';
import {
	circlesSet,
	cubicCurve,
	gaussianSet,
	getPlaygroundSet,
	playgroundSetIds,
	playgroundSets,
	sineCurve,
	spiral3Set,
	spiralSet,
	xorSet
} from './playground-sets';
import { DataError, type NamedDataset } from './types';

function count(d: NamedDataset, label: number): number {
	return Array.from(d.y).filter((v) => v === label).length;
}

describe('playground sets: shape and seeding', () => {
	it.each(playgroundSets.map((s) => [s.id, s] as const))(
		'%s: size, determinism, seed sensitivity',
		(_id, s) => {
			for (const n of [1, 2, 7, 500]) {
				if ((s.task !== 'regression' && n < (s.classes ?? 2)) || (s.task === 'binary' && n < 2)) {
					expect(() => s.make({ n, noise: 0, seed: 1 })).toThrow(DataError);
					continue;
				}
				const d = s.make({ n, noise: 0.2, seed: 1 });
				expect(d.n).toBe(n);
				expect(d.y.length).toBe(n);
				expect(d.x.length).toBe(n * d.p);
				expect(d.featureNames.length).toBe(d.p);
				expect(Array.from(d.x).every(Number.isFinite)).toBe(true);
				if (s.task !== 'regression')
					expect(Array.from(d.y).every((v) => Number.isInteger(v) && v >= 0 && v < s.classes!)).toBe(true);
			}
			const a = s.make({ n: 200, noise: 0.2, seed: 5 });
			expect(s.make({ n: 200, noise: 0.2, seed: 5 })).toEqual(a);
			const b = s.make({ n: 200, noise: 0.2, seed: 6 });
			expect(b.x).not.toEqual(a.x);
		}
	);

	it('rejects bad options and finds sets by id', () => {
		expect(() => spiralSet({ n: 2.5, noise: 0, seed: 1 })).toThrow('n must be an integer >= 2');
		expect(() => sineCurve({ n: 0, noise: 0, seed: 1 })).toThrow('n must be an integer >= 1');
		expect(() => circlesSet({ n: 10, noise: -0.1, seed: 1 })).toThrow('noise must be finite and >= 0');
		expect(() => spiral3Set({ n: 2, noise: 0, seed: 1 })).toThrow('n must be an integer >= 3');
		expect(playgroundSetIds).toEqual(['spiral', 'circles', 'xor', 'gaussian', 'spiral3', 'sine', 'cubic']);
		expect(getPlaygroundSet('xor')?.make).toBe(xorSet);
		expect(getPlaygroundSet('moons')).toBeUndefined();
	});

	it.each([
		['spiral', spiralSet],
		['gaussian', gaussianSet],
		['circles', circlesSet]
	] as const)('%s: classes balanced, class 1 first (with the odd row)', (id, make) => {
		const d = make({ n: 301, noise: id === 'circles' ? 0 : 0.1, seed: 2 });
		expect(count(d, 1)).toBe(151);
		expect(Array.from(d.y.subarray(0, 151)).every((v) => v === 1)).toBe(true);
		expect(count(d, 0)).toBe(150);
	});
});

describe('playground sets: the rules', () => {
	it('spiral at noise 0: row i of a class of m lies at radius 5 i/m and angle 1.75 * 2 pi i/m (+ pi for class 0)', () => {
		const n = 400;
		const d = spiralSet({ n, noise: 0, seed: 3 });
		const m = n / 2;
		const off: number[] = [];
		for (let r = 0; r < n; r++) {
			const i = r % m;
			const label = r < m ? 1 : 0;
			const radius = (5 * i) / m;
			const t = (1.75 * 2 * Math.PI * i) / m + (label === 1 ? 0 : Math.PI);
			const dx = Math.abs(d.x[2 * r] - radius * Math.sin(t));
			const dy = Math.abs(d.x[2 * r + 1] - radius * Math.cos(t));
			if (d.y[r] !== label || dx > 1e-12 || dy > 1e-12) off.push(r);
		}
		expect(off).toEqual([]);
		// Noise moves each coordinate by at most `noise`.
		const noisy = spiralSet({ n, noise: 0.3, seed: 3 });
		const moved = Array.from(noisy.x, (v, k) => Math.abs(v - d.x[k]));
		expect(Math.max(...moved)).toBeLessThanOrEqual(0.3);
		expect(Math.max(...moved)).toBeGreaterThan(0.2);
	});

	it('spiral3 at noise 0: row i of class c (m rows) at radius 5 i/m, angle 2 pi i/m + 2 pi c/3; classes 0, 1, 2', () => {
		const n = 301;
		const d = spiral3Set({ n, noise: 0, seed: 3 });
		const sizes = [101, 100, 100];
		const off: number[] = [];
		let r = 0;
		for (let c = 0; c < 3; c++)
			for (let i = 0; i < sizes[c]; i++, r++) {
				const radius = (5 * i) / sizes[c];
				const t = (2 * Math.PI * i) / sizes[c] + (2 * Math.PI * c) / 3;
				const dx = Math.abs(d.x[2 * r] - radius * Math.sin(t));
				const dy = Math.abs(d.x[2 * r + 1] - radius * Math.cos(t));
				if (d.y[r] !== c || dx > 1e-12 || dy > 1e-12) off.push(r);
			}
		expect(off).toEqual([]);
		// The three arms are rotations of each other by a third of a turn: the last point of each arm.
		const ends = sizes.map((m, c) => sizes.slice(0, c).reduce((a, b) => a + b, 0) + m - 1);
		const angles = ends.map((e) => Math.atan2(d.x[2 * e], d.x[2 * e + 1]));
		const gap = (a: number, b: number) => (((b - a) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
		expect(gap(angles[0], angles[1])).toBeCloseTo((2 * Math.PI) / 3 - 2 * Math.PI * (1 / 100 - 1 / 101), 9);
		const noisy = spiral3Set({ n, noise: 0.3, seed: 3 });
		const moved = Array.from(noisy.x, (v, k) => Math.abs(v - d.x[k]));
		expect(Math.max(...moved)).toBeLessThanOrEqual(0.3);
		expect(Math.max(...moved)).toBeGreaterThan(0.2);
	});

	it('circles at noise 0: class 1 inside radius 2.5, class 0 in the ring 3.5..5; noise flips labels only', () => {
		const d = circlesSet({ n: 1000, noise: 0, seed: 4 });
		expect(count(d, 1)).toBe(500);
		const inRing = (x: Float64Array, r: number, inner: boolean): boolean => {
			const rad = Math.hypot(x[2 * r], x[2 * r + 1]);
			return inner ? rad < 2.5 : rad >= 3.5 - 1e-12 && rad < 5;
		};
		const off: number[] = [];
		for (let r = 0; r < d.n; r++) if (!inRing(d.x, r, d.y[r] === 1)) off.push(r);
		expect(off).toEqual([]);
		// With noise the label is decided at a displaced point: some flip, the points stay in place.
		const noisy = circlesSet({ n: 1000, noise: 0.5, seed: 4 });
		let flipped = 0;
		for (let r = 0; r < noisy.n; r++) {
			if (!inRing(noisy.x, r, r < 500)) off.push(r);
			if (noisy.y[r] !== (r < 500 ? 1 : 0)) flipped++;
		}
		expect(off).toEqual([]);
		expect(flipped).toBeGreaterThan(10);
	});

	it('xor at noise 0: label 1 exactly where x1 x2 > 0, points at least 0.3 from the axes', () => {
		const d = xorSet({ n: 1000, noise: 0, seed: 5 });
		const off: number[] = [];
		for (let r = 0; r < d.n; r++) {
			const [a, b] = [d.x[2 * r], d.x[2 * r + 1]];
			const padded = Math.min(Math.abs(a), Math.abs(b)) >= 0.3 && Math.max(Math.abs(a), Math.abs(b)) <= 5.3;
			if (!padded || d.y[r] !== (a * b > 0 ? 1 : 0)) off.push(r);
		}
		expect(off).toEqual([]);
		expect(Math.abs(count(d, 1) - 500)).toBeLessThan(60);
		const noisy = xorSet({ n: 1000, noise: 0.5, seed: 5 });
		expect(noisy.x).toEqual(d.x);
		expect(noisy.y).not.toEqual(d.y);
	});

	it('gaussian: clusters around (2, 2) and (-2, -2), variance 0.5 + 7 noise', () => {
		for (const noise of [0, 0.5]) {
			const n = 4000;
			const d = gaussianSet({ n, noise, seed: 6 });
			for (const [label, c] of [
				[1, 2],
				[0, -2]
			]) {
				const xs: number[] = [];
				for (let r = 0; r < n; r++) if (d.y[r] === label) xs.push(d.x[2 * r], d.x[2 * r + 1]);
				const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
				const variance = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length;
				// 4,000 draws: the mean within 4 standard errors, the variance within 10%.
				expect(Math.abs(mean - c)).toBeLessThan(4 * Math.sqrt((0.5 + 7 * noise) / xs.length));
				expect(Math.abs(variance / (0.5 + 7 * noise) - 1)).toBeLessThan(0.1);
			}
		}
	});

	it.each([
		['sine', sineCurve, Math.sin],
		['cubic', cubicCurve, (x: number) => x ** 3 / 25 - x]
	] as const)(
		'%s curve: y = f(x) at noise 0, x in [-5, 5), Gaussian residuals with noise',
		(_id, make, f) => {
			const d = make({ n: 2000, noise: 0, seed: 7 });
			const off: number[] = [];
			for (let r = 0; r < d.n; r++)
				if (!(d.x[r] >= -5 && d.x[r] < 5 && Math.abs(d.y[r] - f(d.x[r])) < 1e-12)) off.push(r);
			expect(off).toEqual([]);
			const noisy = make({ n: 2000, noise: 0.4, seed: 7 });
			const res = Array.from(noisy.y, (v, r) => v - f(noisy.x[r]));
			const sd = Math.sqrt(res.reduce((s, v) => s + v * v, 0) / res.length);
			expect(Math.abs(sd / 0.4 - 1)).toBeLessThan(0.1);
		}
	);
});
