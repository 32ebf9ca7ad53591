/**
 * The loss chart's arithmetic, kept apart from the DOM so it can be tested in Node: what value is plotted
 * (f - f* clamped to a floor, or f), which y axis shows it (log, linear or symlog), its ticks and their
 * labels, the iteration nearest a pointer, and the thinning of long runs to what the pixels can show.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { superscript } from './format';

/** f - f* below this (including 0 and negative rounding noise) is drawn on the floor, labelled '≤ 10⁻¹⁶'. */
export const LOSS_FLOOR = 1e-16;

/**
 * 'log': f - f* when f* is known. 'linear': f when its values stay within a few orders of magnitude.
 * 'symlog': f when they do not (a run escaping down a saddle): log-like far from 0, linear near it.
 */
export type YMode = 'log' | 'linear' | 'symlog';

/** The run fields the chart reads (a subset of RunView). */
export interface ChartRun {
	readonly points: Float64Array;
	readonly count: number;
	readonly visible: boolean;
}

/** The value drawn for f: f - f* clamped to LOSS_FLOOR when f* is known, else f. NaN when not finite. */
export function plottedValue(f: number, fMin: number | undefined): number {
	if (!Number.isFinite(f)) return NaN;
	if (fMin === undefined) return f;
	const gap = f - fMin;
	return gap > LOSS_FLOOR ? gap : LOSS_FLOOR;
}

/** The value the hover readout shows: f - f* unclamped (so an exact hit reads 0), or f. */
export function readoutValue(f: number, fMin: number | undefined): number {
	if (!Number.isFinite(f)) return NaN;
	return fMin === undefined ? f : f - fMin;
}

/** Maps a plotted value onto the axis's linear coordinate (log10, a symmetric log, or itself). */
export function transformValue(v: number, mode: YMode, constant = 1): number {
	if (mode === 'log') return Math.log10(v);
	if (mode === 'symlog') return Math.sign(v) * Math.log1p(Math.abs(v) / constant);
	return v;
}

export interface YAxisPlan {
	readonly mode: YMode;
	/** Domain in transformed units (log10 for 'log'), bottom first. */
	readonly domain: readonly [number, number];
	/** Linear width around 0 of the symlog axis (unused otherwise). */
	readonly constant: number;
	/** Tick values in plotted units. */
	readonly ticks: readonly number[];
	/** True when some value lies on the floor, so the lowest tick reads '≤ 10⁻¹⁶'. */
	readonly floorShown: boolean;
	readonly label: string;
}

/** How far (in decades) a log or symlog axis reaches beyond the runs' starting values before clipping. */
export const AXIS_HEADROOM_DECADES = 3;
/** f is shown on a linear axis while max |f| stays within this factor of the largest starting |f|. */
export const LINEAR_RANGE_FACTOR = 1e3;

/** Chooses the y axis for the visible runs: mode, domain (with headroom limits), ticks. */
export function planYAxis(runs: readonly ChartRun[], fMin: number | undefined, maxTicks = 6): YAxisPlan {
	let lo = Infinity;
	let hi = -Infinity;
	let startMax = 0;
	let startHi = -Infinity;
	let absMax = 0;
	let floorShown = false;
	for (const run of runs) {
		if (!run.visible) continue;
		for (let k = 0; k < run.count; k++) {
			const v = plottedValue(run.points[3 * k + 2], fMin);
			if (Number.isNaN(v)) continue;
			if (v < lo) lo = v;
			if (v > hi) hi = v;
			if (Math.abs(v) > absMax) absMax = Math.abs(v);
			if (v === LOSS_FLOOR && fMin !== undefined) floorShown = true;
			if (k === 0) {
				startMax = Math.max(startMax, Math.abs(v));
				startHi = Math.max(startHi, v);
			}
		}
	}
	const empty = !(lo <= hi);
	if (fMin !== undefined) return planLog(empty ? 1e-3 : lo, empty ? 1e3 : hi, startHi, floorShown, maxTicks);
	if (empty) return planLinear(0, 1, maxTicks);
	const typical = startMax > 0 ? startMax : 1;
	if (absMax <= LINEAR_RANGE_FACTOR * typical) return planLinear(lo, hi, maxTicks);
	return planSymlog(lo, hi, typical, maxTicks);
}

function planLog(lo: number, hi: number, startHi: number, floorShown: boolean, maxTicks: number): YAxisPlan {
	let top = Math.log10(hi);
	if (Number.isFinite(startHi)) top = Math.min(top, Math.log10(startHi) + AXIS_HEADROOM_DECADES);
	let bottom = Math.log10(lo);
	// Whole decades at both ends when the range is wide; a little padding when it is narrow.
	if (top - bottom >= 2) {
		bottom = Math.floor(bottom);
		top = Math.ceil(top);
	} else {
		const mid = (top + bottom) / 2;
		const half = Math.max((top - bottom) / 2, 0.5) * 1.1;
		bottom = Math.max(Math.log10(LOSS_FLOOR), mid - half);
		top = mid + half;
	}
	return {
		mode: 'log',
		domain: [bottom, top],
		constant: 1,
		ticks: logTicks(bottom, top, maxTicks),
		floorShown,
		label: 'f(x) − f*'
	};
}

function planLinear(lo: number, hi: number, maxTicks: number): YAxisPlan {
	const pad = hi > lo ? 0 : Math.max(Math.abs(lo) * 0.1, 1);
	const scale = scaleLinear()
		.domain([lo - pad, hi + pad])
		.nice(maxTicks);
	const [a, b] = scale.domain();
	return {
		mode: 'linear',
		domain: [a, b],
		constant: 1,
		ticks: scale.ticks(maxTicks),
		floorShown: false,
		label: 'f(x)'
	};
}

/**
 * Linear within a tenth of the starting values' scale, logarithmic beyond; reaches AXIS_HEADROOM_DECADES
 * past that scale on either side, whatever the runs do beyond.
 */
function planSymlog(lo: number, hi: number, typical: number, maxTicks: number): YAxisPlan {
	const constant = typical / 10;
	const t = (v: number) => transformValue(v, 'symlog', constant);
	const limit = t(typical * 10 ** AXIS_HEADROOM_DECADES);
	let bottom = Math.max(t(lo), -limit);
	let top = Math.min(t(hi), limit);
	const pad = Math.max((top - bottom) * 0.04, 0.1);
	bottom -= pad;
	top += pad;
	return {
		mode: 'symlog',
		domain: [bottom, top],
		constant,
		ticks: symlogTicks(bottom, top, constant, maxTicks),
		floorShown: false,
		label: 'f(x)'
	};
}

/** Powers of ten within [10^bottom, 10^top], thinned to at most maxTicks; 1-2-5 steps for narrow ranges. */
export function logTicks(bottom: number, top: number, maxTicks: number): number[] {
	const first = Math.ceil(bottom - 1e-9);
	const last = Math.floor(top + 1e-9);
	if (last - first + 1 < 2) {
		return scaleLog()
			.domain([10 ** bottom, 10 ** top])
			.ticks(maxTicks)
			.filter((v) => {
				const e = Math.log10(v);
				return e >= bottom - 1e-9 && e <= top + 1e-9;
			});
	}
	const step = Math.max(1, Math.ceil((last - first + 1) / Math.max(2, maxTicks)));
	const out: number[] = [];
	// Anchor the steps at the bottom, so the floor (when shown) always gets its tick.
	for (let e = first; e <= last; e += step) out.push(Number(`1e${e}`));
	return out;
}

/** 0 and ± powers of ten inside a symlog domain (in transformed units), thinned to at most maxTicks. */
export function symlogTicks(bottom: number, top: number, constant: number, maxTicks: number): number[] {
	const inverse = (t: number) => Math.sign(t) * Math.expm1(Math.abs(t)) * constant;
	const lo = inverse(bottom);
	const hi = inverse(top);
	// The tolerances absorb the rounding of expm1(log1p(v)).
	const minExp = Math.ceil(Math.log10(constant) - 1e-9);
	const topExp = (v: number) => (v > 0 ? Math.floor(Math.log10(v) + 1e-9) : minExp - 1);
	const negExp = topExp(-lo);
	const posExp = topExp(hi);
	const nNeg = Math.max(0, negExp - minExp + 1);
	const nPos = Math.max(0, posExp - minExp + 1);
	let step = 1;
	while (Math.ceil(nNeg / step) + Math.ceil(nPos / step) + 1 > Math.max(3, maxTicks)) step++;
	const out: number[] = [];
	// From the largest magnitude down on each side, so the ends of the axis are labelled.
	for (let e = negExp; e >= minExp; e -= step) out.push(-Number(`1e${e}`));
	for (let e = posExp; e >= minExp; e -= step) out.push(Number(`1e${e}`));
	if (lo <= 0 && hi >= 0) out.push(0);
	if (out.length < 2) return scaleLinear().domain([lo, hi]).ticks(maxTicks);
	return out.sort((a, b) => a - b);
}

/** A tick label: '1', '10', '10⁻⁶', '−10³', or a short decimal for ticks between powers. */
export function formatTick(v: number): string {
	if (v === 0) return '0';
	const sign = v < 0 ? '−' : '';
	const e = Math.log10(Math.abs(v));
	if (Math.abs(e - Math.round(e)) < 1e-9) {
		const n = Math.round(e);
		if (n === 0) return `${sign}1`;
		if (n === 1) return `${sign}10`;
		return `${sign}10${superscript(n)}`;
	}
	return formatValue(v);
}

/** A value for the readout: 4 significant digits, '1.235×10⁻⁷' style below 0.001 and from 10⁴. */
export function formatValue(v: number): string {
	if (!Number.isFinite(v)) return '—';
	if (v === 0) return '0';
	const a = Math.abs(v);
	const sign = v < 0 ? '−' : '';
	if (a >= 1e4 || a < 1e-3) {
		const [mantissa, exponent] = a.toExponential(3).split('e');
		return `${sign}${trimZeros(mantissa)}×10${superscript(Number(exponent))}`;
	}
	return `${sign}${String(Number(a.toPrecision(4)))}`;
}

function trimZeros(text: string): string {
	return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** The whole iteration nearest a (fractional) position on the x axis, within [0, steps]. */
export function nearestIteration(x: number, steps: number): number {
	if (!Number.isFinite(x)) return x > 0 ? Math.max(0, Math.floor(steps)) : 0;
	return Math.min(Math.max(0, Math.floor(steps)), Math.max(0, Math.round(x)));
}

/**
 * Indices of the points worth drawing when there are more points than pixels: for each bucket of
 * consecutive indices, its first, lowest, highest and last point (in index order), so that the drawn line
 * keeps every spike. All indices when count <= maxPoints.
 */
export function thinIndices(values: ArrayLike<number>, count: number, maxPoints: number): number[] {
	const out: number[] = [];
	if (count <= maxPoints) {
		for (let k = 0; k < count; k++) out.push(k);
		return out;
	}
	const size = Math.ceil(count / Math.max(1, Math.floor(maxPoints / 4)));
	for (let start = 0; start < count; start += size) {
		const end = Math.min(count, start + size);
		let lo = start;
		let hi = start;
		for (let k = start + 1; k < end; k++) {
			if (values[k] < values[lo]) lo = k;
			if (values[k] > values[hi]) hi = k;
		}
		const picks = [start, lo, hi, end - 1].sort((a, b) => a - b);
		for (const k of picks) if (out[out.length - 1] !== k) out.push(k);
	}
	return out;
}
