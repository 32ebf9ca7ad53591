/**
 * The colour legend's ticks: round values of f spread along the logarithmic colour scale, chosen so that
 * labels never overlap, and their formatting (3 significant digits, powers of ten for very large or small
 * values).
 */
import { superscript } from '../charts/format';

export interface LegendTick {
	readonly value: number;
	/** Position on the bar, 0 (bottom, lo) to 1 (top, hi). */
	readonly t: number;
	readonly label: string;
}

/** A value for a label: '0', '−1.03', '2510', '2.5×10⁵', '10⁻⁴' (typographic minus). */
export function formatValue(v: number, digits = 3): string {
	if (!Number.isFinite(v)) return Number.isNaN(v) ? 'undefined' : v > 0 ? '∞' : '−∞';
	if (v === 0) return '0';
	const a = Math.abs(v);
	let s: string;
	if (a >= 1e5 || a < 1e-3) {
		let e = Math.floor(Math.log10(a));
		let m = Number((a / 10 ** e).toPrecision(digits));
		if (m >= 10) {
			m /= 10;
			e += 1;
		}
		s = `${m === 1 ? '' : `${m}×`}10${superscript(e)}`;
	} else {
		s = String(Number(a.toPrecision(digits)));
	}
	return (v < 0 ? '−' : '') + s;
}

/** Decimals that show `v` to `digits` significant digits. */
function significantDecimals(v: number, digits: number): number {
	return v === 0 ? 0 : Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(v))));
}

/** Fewer decimals where the last ones would print as zeros. */
function trimmedDecimals(v: number, decimals: number): number {
	let d = Math.min(decimals, 8);
	while (d > 0 && Number(v.toFixed(d - 1)) === Number(v.toFixed(d))) d--;
	return d;
}

/** A label with a fixed number of decimals, or a power of ten where plain digits would be unwieldy. */
function formatFixed(v: number, decimals: number): string {
	const a = Math.abs(v);
	if (v !== 0 && (a >= 1e5 || a < 1e-3)) return formatValue(v);
	const s = (Object.is(v, -0) ? 0 : v).toFixed(Math.min(decimals, 8));
	return s.replace('-', '−');
}

interface Candidate {
	value: number;
	priority: number;
	/** Decimals the value was rounded to; -1 for the ends, which are labelled after the choice. */
	decimals: number;
}

/**
 * Ticks for a bar of `lengthPx` pixels showing [lo, hi] through `toUnit`: lo and hi, then lo + 10^k rounded
 * to 10^k, then the 5s and the 2s, each kept only when at least `minGapPx` from every tick already kept and
 * labelled differently. Labels carry as many decimals as the rounding that made the value (so neighbours
 * never print alike); the ends get three significant digits, or their neighbour's decimals if more.
 */
export function legendTicks(
	lo: number,
	hi: number,
	toUnit: (f: number) => number,
	lengthPx: number,
	minGapPx = 24
): LegendTick[] {
	if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
	const candidates: Candidate[] = [
		{ value: lo, priority: 0, decimals: -1 },
		{ value: hi, priority: 0, decimals: -1 }
	];
	const range = hi - lo;
	const e0 = Math.floor(Math.log10(range * 1e-5));
	const e1 = Math.ceil(Math.log10(range));
	for (let e = e0; e <= e1; e++) {
		const step = 10 ** e;
		for (const [m, priority] of [
			[1, 1],
			[5, 2],
			[2, 3]
		]) {
			const value = Number((Math.round((lo + m * step) / step) * step).toPrecision(12));
			if (value > lo && value < hi) candidates.push({ value, priority, decimals: Math.max(0, -e) });
		}
	}
	candidates.sort((a, b) => a.priority - b.priority);
	const kept: (Candidate & { t: number })[] = [];
	for (const c of candidates) {
		const t = toUnit(c.value);
		if (!Number.isFinite(t) || kept.some((k) => k.value === c.value)) continue;
		if (kept.every((k) => Math.abs(k.t - t) * lengthPx >= minGapPx)) kept.push({ ...c, t });
	}
	kept.sort((a, b) => a.value - b.value);
	const labels = kept.map((k, i) => {
		if (k.decimals >= 0) return formatFixed(k.value, k.decimals);
		// Three significant digits without trailing zeros, or the neighbour's decimals if that prints alike.
		const plain = formatFixed(k.value, trimmedDecimals(k.value, significantDecimals(k.value, 3)));
		const neighbour = kept[i === 0 ? 1 : i - 1];
		if (neighbour === undefined || plain !== formatFixed(neighbour.value, neighbour.decimals)) return plain;
		return formatFixed(k.value, Math.max(neighbour.decimals, significantDecimals(k.value, 3)));
	});
	// A tick that still prints like an end (or a neighbour) goes; the ends stay.
	const out: LegendTick[] = [];
	kept.forEach((k, i) => {
		if (k.decimals >= 0 && (labels[i] === labels[i - 1] || labels[i] === labels[i + 1])) return;
		out.push({ value: k.value, t: k.t, label: labels[i] });
	});
	return out;
}
