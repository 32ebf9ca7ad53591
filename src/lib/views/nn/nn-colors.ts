/**
 * Colours of the neural-network views, in the TensorFlow Playground manner: one diverging scale from orange
 * (negative weights, class 0, P(class 1) = 0) through a neutral (0, P = 1/2) to blue (positive, class 1,
 * P = 1). The neutral is light on the light page and dark on the dark page. The boundary plot's heatmap uses a
 * softened copy so the points, drawn in the full colours, stay visible on it. Pure: no DOM.
 */
import { interpolateLab } from 'd3-interpolate';

export type NnTheme = 'light' | 'dark';

interface Stops {
	negative: string;
	neutral: string;
	positive: string;
}

export const NN_STOPS: Record<NnTheme, Stops> = {
	light: { negative: '#f59322', neutral: '#e8eaeb', positive: '#0877bd' },
	dark: { negative: '#f59322', neutral: '#2c3139', positive: '#2f93dc' }
};

/**
 * Colours of classes 2 and up (multiclass data), after orange and blue: the remaining Okabe & Ito (2008)
 * colour-blind-safe hues, then a few more; ten in all (the most classes a target may have).
 */
const MORE_CLASSES = ['#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#e6b800', '#6a3d9a', '#8c564b', '#7f7f7f'];

/** Class colours of the points: class 0 on the negative side, class 1 on the positive side, then more hues. */
export function classColor(cls: number, theme: NnTheme): string {
	if (cls === 0) return NN_STOPS[theme].negative;
	if (cls === 1) return NN_STOPS[theme].positive;
	return MORE_CLASSES[(cls - 2) % MORE_CLASSES.length];
}

/**
 * RGB lookup table from the neutral (entry 0) to class `cls`'s colour at `strength` (entry LUT_SIZE - 1), for
 * the multiclass heatmap: a cell takes its most likely class's hue, as strong as that class is sure.
 */
export function classLut(cls: number, theme: NnTheme, strength = 1): Uint8ClampedArray {
	const key = `class:${cls}:${theme}:${strength}`;
	const hit = lutCache.get(key);
	if (hit) return hit;
	const mix = interpolateLab(NN_STOPS[theme].neutral, classColor(cls, theme));
	const out = new Uint8ClampedArray(LUT_SIZE * 3);
	for (let k = 0; k < LUT_SIZE; k++) {
		const c = parseRgb(mix((k / (LUT_SIZE - 1)) * strength));
		out[3 * k] = c[0];
		out[3 * k + 1] = c[1];
		out[3 * k + 2] = c[2];
	}
	lutCache.set(key, out);
	return out;
}

/** Heatmap strength: the heatmap's extremes go this far from the neutral towards the class colours. */
export const HEATMAP_STRENGTH = 0.62;

/** Number of entries in a lookup table (t quantised to 1/255 of the range). */
export const LUT_SIZE = 256;

const lutCache = new Map<string, Uint8ClampedArray>();

/**
 * RGB lookup table of the diverging scale, LUT_SIZE entries × 3: entry k is the colour of
 * t = 2k / (LUT_SIZE − 1) − 1, with the extremes at `strength` of the way from the neutral.
 */
export function divergingLut(theme: NnTheme, strength = 1): Uint8ClampedArray {
	const key = `${theme}:${strength}`;
	const hit = lutCache.get(key);
	if (hit) return hit;
	const s = NN_STOPS[theme];
	const neg = interpolateLab(s.neutral, s.negative);
	const pos = interpolateLab(s.neutral, s.positive);
	const out = new Uint8ClampedArray(LUT_SIZE * 3);
	for (let k = 0; k < LUT_SIZE; k++) {
		const t = (2 * k) / (LUT_SIZE - 1) - 1;
		const c = parseRgb(t < 0 ? neg(-t * strength) : pos(t * strength));
		out[3 * k] = c[0];
		out[3 * k + 1] = c[1];
		out[3 * k + 2] = c[2];
	}
	lutCache.set(key, out);
	return out;
}

/** LUT index of t in [−1, 1] (clamped); NaN gives the neutral. */
export function lutIndex(t: number): number {
	if (Number.isNaN(t)) return (LUT_SIZE - 1) / 2;
	const u = Math.min(1, Math.max(-1, t));
	return Math.round(((u + 1) / 2) * (LUT_SIZE - 1));
}

/** CSS colour of t in [−1, 1] on the diverging scale (−1 orange, 0 neutral, +1 blue). */
export function divergingColor(t: number, theme: NnTheme, strength = 1): string {
	const lut = divergingLut(theme, strength);
	const k = 3 * lutIndex(t);
	return `rgb(${lut[k]},${lut[k + 1]},${lut[k + 2]})`;
}

/** Diverging-scale position of a probability: P = 0 → −1, 1/2 → 0, 1 → +1. */
export function probabilityToT(p: number): number {
	return 2 * p - 1;
}

function parseRgb(c: string): [number, number, number] {
	const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c);
	if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
	const v = Number.parseInt(c.slice(1), 16);
	return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}
