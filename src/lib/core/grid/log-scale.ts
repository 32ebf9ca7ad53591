/**
 * The shared value-to-colour normalisation of the contour map, the 3D surface and their legend.
 * Test functions span many orders of magnitude (Rosenbrock: 0 at the minimum, thousands in the corners), so
 * values are placed on a logarithmic scale above the lowest value in view:
 *   t(f) = log(1 + (f - lo) / delta) / log(1 + (hi - lo) / delta),   delta = (hi - lo) * 1e-4
 * t = 0 at lo, 1 at hi; contour thresholds are evenly spaced in t, so bands crowd near minima where the
 * detail is.
 */

export interface LogScale {
	readonly lo: number;
	readonly hi: number;
	/** Maps a value to [0, 1] (clamped); NaN stays NaN. */
	toUnit(f: number): number;
	/** Inverse of toUnit on [0, 1]. */
	fromUnit(t: number): number;
	/** `count` thresholds strictly between lo and hi, evenly spaced in t. */
	thresholds(count: number): number[];
}

/** Relative size of delta: how far above the minimum the logarithmic part starts. */
export const LOG_SCALE_OFFSET = 1e-4;

export function createLogScale(lo: number, hi: number): LogScale {
	let low = Number.isFinite(lo) ? lo : 0;
	let high = Number.isFinite(hi) ? hi : low + 1;
	if (!(high > low)) high = low + (Math.abs(low) > 0 ? Math.abs(low) * 1e-6 : 1e-6);
	if (!(high > low)) {
		// low is so large that adding a relative 1e-6 does not change it.
		low = low - 1;
		high = low + 2;
	}
	const delta = (high - low) * LOG_SCALE_OFFSET;
	const denom = Math.log1p((high - low) / delta);
	const toUnit = (f: number): number => {
		if (Number.isNaN(f)) return Number.NaN;
		if (f <= low) return 0;
		if (f >= high) return 1;
		return Math.log1p((f - low) / delta) / denom;
	};
	const fromUnit = (t: number): number => low + delta * Math.expm1(Math.min(1, Math.max(0, t)) * denom);
	return {
		lo: low,
		hi: high,
		toUnit,
		fromUnit,
		thresholds(count: number): number[] {
			const out: number[] = [];
			for (let i = 1; i <= count; i++) out.push(fromUnit(i / (count + 1)));
			return out;
		}
	};
}

/** Lowest and highest finite values of an array (NaN, NaN when none is finite). */
export function finiteRange(values: ArrayLike<number>): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	// Comparisons with NaN are false, so NaN never becomes lo or hi; +-Infinity may.
	if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
		lo = Infinity;
		hi = -Infinity;
		for (let i = 0; i < values.length; i++) {
			const v = values[i];
			if (!Number.isFinite(v)) continue;
			if (v < lo) lo = v;
			if (v > hi) hi = v;
		}
	}
	return lo <= hi ? [lo, hi] : [Number.NaN, Number.NaN];
}
