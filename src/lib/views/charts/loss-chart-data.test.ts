/**
 * Tests of the loss chart's pure arithmetic: plotted values and the floor, axis choice and ticks, labels,
 * the nearest iteration, and thinning that keeps every spike.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random/rng';
import {
	AXIS_HEADROOM_DECADES,
	LOSS_FLOOR,
	formatTick,
	formatValue,
	logTicks,
	nearestIteration,
	planYAxis,
	plottedValue,
	readoutValue,
	symlogTicks,
	thinIndices,
	transformValue,
	type ChartRun
} from './loss-chart-data';

/** A run from a list of f values (x and y are irrelevant to the chart). */
function run(values: number[], visible = true): ChartRun {
	const points = new Float64Array(3 * values.length);
	values.forEach((f, k) => (points[3 * k + 2] = f));
	return { points, count: values.length, visible };
}

describe('plottedValue', () => {
	it('is f - f* when f* is known, clamped to the floor at and below it', () => {
		expect(plottedValue(3.5, 1)).toBe(2.5);
		expect(plottedValue(1, 1)).toBe(LOSS_FLOOR);
		expect(plottedValue(0.999, 1)).toBe(LOSS_FLOOR);
		expect(plottedValue(1 + 1e-20, 1)).toBe(LOSS_FLOOR);
		expect(plottedValue(2e-16, 0)).toBe(2e-16);
	});

	it('reads out the unclamped gap, so an exact hit shows 0', () => {
		expect(readoutValue(1, 1)).toBe(0);
		expect(readoutValue(0.5, 1)).toBe(-0.5);
		expect(readoutValue(-2, undefined)).toBe(-2);
		expect(readoutValue(Infinity, 0)).toBeNaN();
	});

	it('is f itself when f* is unknown, and NaN for values that are not finite', () => {
		expect(plottedValue(-7, undefined)).toBe(-7);
		expect(plottedValue(Infinity, 0)).toBeNaN();
		expect(plottedValue(NaN, undefined)).toBeNaN();
	});
});

describe('transformValue', () => {
	it('is log10 on a log axis, the identity on a linear one', () => {
		expect(transformValue(1000, 'log')).toBeCloseTo(3, 15);
		expect(transformValue(LOSS_FLOOR, 'log')).toBeCloseTo(-16, 12);
		expect(transformValue(-4.5, 'linear')).toBe(-4.5);
	});

	it('is odd, monotonic, linear near 0 and logarithmic far out on a symlog axis', () => {
		const t = (v: number) => transformValue(v, 'symlog', 0.5);
		expect(t(0)).toBe(0);
		expect(t(-3)).toBe(-t(3));
		expect(t(1e-6) / 2e-6).toBeCloseTo(1, 5);
		expect(t(1e12) - t(1e11)).toBeCloseTo(Math.LN10, 6);
		const values = [-1e300, -1e6, -3, -0.5, -1e-9, 0, 1e-9, 0.5, 3, 1e6, 1e300];
		for (let i = 1; i < values.length; i++) expect(t(values[i])).toBeGreaterThan(t(values[i - 1]));
	});
});

describe('planYAxis', () => {
	it('uses a log axis of whole decades for f - f* and marks the floor when a run reaches it', () => {
		const plan = planYAxis([run([12.5, 3, 0.01, 0, 0]), run([12.5, 5.5, 5.4])], 0);
		expect(plan.mode).toBe('log');
		expect(plan.label).toBe('f(x) − f*');
		expect(plan.domain).toEqual([-16, 2]);
		expect(plan.floorShown).toBe(true);
		expect(plan.ticks[0]).toBe(LOSS_FLOOR);
		expect(plan.ticks.length).toBeLessThanOrEqual(7);
		for (const v of plan.ticks) expect(Math.log10(v) % 1).toBeCloseTo(0, 9);
	});

	it('does not mark the floor when no value reaches it', () => {
		const plan = planYAxis([run([100, 10, 0.5])], 0);
		expect(plan.floorShown).toBe(false);
		expect(plan.domain).toEqual([-1, 2]);
		expect(plan.ticks).toEqual([0.1, 1, 10, 100]);
	});

	it('pads a narrow log range instead of stretching it over whole decades', () => {
		const plan = planYAxis([run([5.9, 5.8, 5.7])], 0);
		expect(plan.domain[0]).toBeLessThan(Math.log10(5.7));
		expect(plan.domain[1]).toBeGreaterThan(Math.log10(5.9));
		expect(plan.domain[1] - plan.domain[0]).toBeLessThan(1.2);
		expect(plan.ticks.length).toBeGreaterThanOrEqual(2);
	});

	it('stops the axis a few decades above the starting values, however far a diverging run climbs', () => {
		const plan = planYAxis([run([12.5, 1, 0.1]), run([12.5, 1e40, 1e109])], 0);
		expect(plan.domain[1]).toBe(Math.ceil(Math.log10(12.5) + AXIS_HEADROOM_DECADES));
	});

	it('ignores hidden runs', () => {
		const plan = planYAxis([run([100, 10]), run([1e-12, 1e-14], false)], 0);
		expect(plan.domain[0]).toBeGreaterThan(0.5);
	});

	it('uses a linear axis for f when f* is unknown and the values stay within a few decades', () => {
		const plan = planYAxis([run([10, 6, 2.5, 1.01])], undefined);
		expect(plan.mode).toBe('linear');
		expect(plan.label).toBe('f(x)');
		expect(plan.domain[0]).toBeLessThanOrEqual(1.01);
		expect(plan.domain[1]).toBeGreaterThanOrEqual(10);
		expect(plan.ticks.length).toBeGreaterThanOrEqual(3);
	});

	it('switches to symlog when f runs away (down a saddle), with ticks at 0 and powers of ten', () => {
		const plan = planYAxis([run([2.25, 1, 0.1, 0]), run([2.25, -10, -1e4, -1e9, -4e12])], undefined, 8);
		expect(plan.mode).toBe('symlog');
		const [bottom, top] = plan.domain;
		expect(top).toBeGreaterThan(transformValue(2.25, 'symlog', plan.constant));
		// Capped: a few decades below the start's scale, not down to -4e12.
		expect(bottom).toBeGreaterThan(transformValue(-4e12, 'symlog', plan.constant));
		expect(plan.ticks).toContain(0);
		expect(plan.ticks.some((v) => v < 0)).toBe(true);
		expect(plan.ticks.length).toBeLessThanOrEqual(9);
	});

	it('has a usable axis when there is nothing to show', () => {
		expect(planYAxis([], 0).mode).toBe('log');
		expect(planYAxis([], undefined).domain).toEqual([0, 1]);
		expect(planYAxis([run([3, 3, 3])], undefined).ticks.length).toBeGreaterThan(1);
	});
});

describe('ticks and labels', () => {
	it('thins log ticks to at most maxTicks, keeping the bottom (the floor)', () => {
		const ticks = logTicks(-16, 2, 6);
		expect(ticks[0]).toBe(1e-16);
		expect(ticks.length).toBeLessThanOrEqual(6);
		expect(logTicks(0, 3, 8)).toEqual([1, 10, 100, 1000]);
	});

	it('gives symlog ticks symmetric around 0 within the domain', () => {
		const t = (v: number) => transformValue(v, 'symlog', 1);
		const ticks = symlogTicks(t(-1000), t(1000), 1, 9);
		expect(ticks).toEqual([-1000, -100, -10, -1, 0, 1, 10, 100, 1000]);
		// Lopsided: labels on both sides, the ends of the axis included.
		expect(symlogTicks(t(-2500), t(3), 1, 8)).toEqual([-1000, -100, -10, -1, 0, 1]);
		const wide = symlogTicks(t(-1e9), t(1e9), 1, 7);
		expect(wide).toHaveLength(7);
		expect(wide).toEqual([...wide].reverse().map((v) => -v + 0));
		expect(wide).toEqual(expect.arrayContaining([-1e9, 0, 1e9]));
	});

	it('labels powers of ten with superscripts and other values with 4 significant digits', () => {
		expect(formatTick(1)).toBe('1');
		expect(formatTick(10)).toBe('10');
		expect(formatTick(1e-16)).toBe('10⁻¹⁶');
		expect(formatTick(1e6)).toBe('10⁶');
		expect(formatTick(-1000)).toBe('−10³');
		expect(formatTick(0)).toBe('0');
		expect(formatTick(2)).toBe('2');
		expect(formatValue(5.3214)).toBe('5.321');
		expect(formatValue(0.25)).toBe('0.25');
		expect(formatValue(1.2345e-7)).toBe('1.235×10⁻⁷');
		expect(formatValue(-3e12)).toBe('−3×10¹²');
		expect(formatValue(123456)).toBe('1.235×10⁵');
		expect(formatValue(41220)).toBe('4.122×10⁴');
		expect(formatValue(1234.5)).toBe('1235');
		expect(formatValue(9999.7)).toBe('10000');
		expect(formatValue(NaN)).toBe('—');
	});
});

describe('nearestIteration', () => {
	it('rounds to the nearest whole iteration within [0, steps]', () => {
		expect(nearestIteration(41.4, 200)).toBe(41);
		expect(nearestIteration(41.5, 200)).toBe(42);
		expect(nearestIteration(-3, 200)).toBe(0);
		expect(nearestIteration(250, 200)).toBe(200);
		expect(nearestIteration(NaN, 200)).toBe(0);
		expect(nearestIteration(Infinity, 200)).toBe(200);
	});
});

describe('thinIndices', () => {
	it('keeps every point when there are few', () => {
		expect(thinIndices([3, 1, 2], 3, 10)).toEqual([0, 1, 2]);
	});

	it('keeps the first, last, lowest and highest point of every bucket, in order', () => {
		const rng = createRng(3);
		const n = 20_001;
		const values = Float64Array.from({ length: n }, () => rng.normal());
		values[12_345] = 100;
		values[777] = -100;
		const kept = thinIndices(values, n, 1600);
		expect(kept.length).toBeLessThanOrEqual(1600);
		expect(kept[0]).toBe(0);
		expect(kept[kept.length - 1]).toBe(n - 1);
		for (let i = 1; i < kept.length; i++) expect(kept[i]).toBeGreaterThan(kept[i - 1]);
		expect(kept).toContain(12_345);
		expect(kept).toContain(777);
		expect(Math.max(...kept.map((k) => values[k]))).toBe(100);
	});
});
