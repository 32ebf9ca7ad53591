import { describe, expect, it } from 'vitest';
import { createLogScale } from '../../core/grid/log-scale';
import { formatValue, legendTicks } from './legend';

describe('formatValue', () => {
	it('prints plain numbers with 3 significant digits and a typographic minus', () => {
		expect(formatValue(0)).toBe('0');
		expect(formatValue(2508.3)).toBe('2510');
		expect(formatValue(-1.0316)).toBe('−1.03');
		expect(formatValue(0.5)).toBe('0.5');
		expect(formatValue(0.00123)).toBe('0.00123');
	});

	it('uses powers of ten for very large and very small values', () => {
		expect(formatValue(250000)).toBe('2.5×10⁵');
		expect(formatValue(1e-4)).toBe('10⁻⁴');
		expect(formatValue(-3.2e7)).toBe('−3.2×10⁷');
		expect(formatValue(9.999e5)).toBe('10⁶');
		expect(formatValue(Number.NaN)).toBe('undefined');
	});
});

describe('legendTicks', () => {
	it('labels both ends and round values in between, never closer than the gap', () => {
		const s = createLogScale(0, 2500);
		const ticks = legendTicks(s.lo, s.hi, s.toUnit, 600, 24);
		const values = ticks.map((t) => t.value);
		expect(values[0]).toBe(0);
		expect(values[values.length - 1]).toBe(2500);
		for (const v of [1, 10, 100, 1000]) expect(values).toContain(v);
		for (let i = 1; i < ticks.length; i++) {
			expect(ticks[i].value).toBeGreaterThan(ticks[i - 1].value);
			expect((ticks[i].t - ticks[i - 1].t) * 600).toBeGreaterThanOrEqual(24);
		}
	});

	it('rounds offsets from a negative minimum to tidy values', () => {
		const s = createLogScale(-1.0316, 162.9);
		const values = legendTicks(s.lo, s.hi, s.toUnit, 500).map((t) => t.value);
		expect(values).toContain(0);
		expect(values).toContain(100);
		for (const v of values.slice(1, -1)) expect(Number(v.toPrecision(3))).toBe(v);
	});

	it('never prints two labels alike, even when the low end is crowded', () => {
		const s = createLogScale(-4.7893, 5.96);
		const ticks = legendTicks(s.lo, s.hi, s.toUnit, 650);
		const labels = ticks.map((t) => t.label);
		expect(new Set(labels).size).toBe(labels.length);
		expect(labels[0]).toBe('−4.79');
		expect(labels[labels.length - 1]).toBe('5.96');
		const r = createLogScale(1.43e-4, 6480.3);
		const rl = legendTicks(r.lo, r.hi, r.toUnit, 650).map((t) => t.label);
		expect(rl[0]).toBe('1.43×10⁻⁴');
		expect(rl[rl.length - 1]).toBe('6480');
		expect(rl).toContain('1000');
		expect(rl).toContain('10');
	});

	it('returns nothing for an empty range', () => {
		expect(legendTicks(1, 1, () => 0, 500)).toEqual([]);
	});
});
