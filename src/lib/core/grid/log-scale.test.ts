import { describe, expect, it } from 'vitest';
import { createLogScale, finiteRange } from './log-scale';

describe('createLogScale', () => {
	it('maps lo to 0, hi to 1, and is monotone and invertible in between', () => {
		const s = createLogScale(-3, 2500);
		expect(s.toUnit(-3)).toBe(0);
		expect(s.toUnit(2500)).toBe(1);
		expect(s.toUnit(-10)).toBe(0);
		expect(s.toUnit(1e9)).toBe(1);
		let prev = -1;
		for (let i = 0; i <= 100; i++) {
			const f = -3 + (2503 * i) / 100;
			const t = s.toUnit(f);
			expect(t).toBeGreaterThan(prev);
			prev = t;
			expect(s.fromUnit(t)).toBeCloseTo(f, 9);
		}
	});

	it('spends half the scale within the lowest percent of the range (detail near minima)', () => {
		const s = createLogScale(0, 1000);
		expect(s.toUnit(10)).toBeGreaterThan(0.5);
	});

	it('gives ascending thresholds strictly inside (lo, hi)', () => {
		const s = createLogScale(0, 100);
		const th = s.thresholds(20);
		expect(th).toHaveLength(20);
		for (let i = 0; i < th.length; i++) {
			expect(th[i]).toBeGreaterThan(0);
			expect(th[i]).toBeLessThan(100);
			if (i > 0) expect(th[i]).toBeGreaterThan(th[i - 1]);
		}
	});

	it('survives degenerate ranges', () => {
		for (const [lo, hi] of [
			[5, 5],
			[0, 0],
			[Number.NaN, Number.NaN],
			[1e300, 1e300],
			[3, 1]
		]) {
			const s = createLogScale(lo, hi);
			expect(s.hi).toBeGreaterThan(s.lo);
			const th = s.thresholds(5);
			for (const v of th) expect(Number.isFinite(v)).toBe(true);
		}
		expect(Number.isNaN(createLogScale(0, 1).toUnit(Number.NaN))).toBe(true);
	});
});

describe('finiteRange', () => {
	it('ignores NaN and infinities', () => {
		expect(finiteRange([3, Number.NaN, -1, Infinity, 7, -Infinity])).toEqual([-1, 7]);
		expect(finiteRange(new Float64Array([2, 1]))).toEqual([1, 2]);
		expect(finiteRange([Number.NaN]).every(Number.isNaN)).toBe(true);
	});
});
