/**
 * Colours shared by every view: a perceptually uniform map for function values (viridis, which also reads in
 * greyscale and for colour-blind viewers) and the Okabe–Ito palette for runs.
 */
import { interpolateViridis } from 'd3-scale-chromatic';

/** Colour of a normalised value t in [0, 1] (see core/grid/log-scale). */
export function valueColor(t: number): string {
	return interpolateViridis(Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0);
}

/** Okabe & Ito (2008) colour-blind-safe palette, without black (kept for text and the start handle). */
export const RUN_PALETTE: readonly string[] = [
	'#E69F00', // orange
	'#56B4E9', // sky blue
	'#009E73', // bluish green
	'#D55E00', // vermillion
	'#CC79A7', // reddish purple
	'#0072B2', // blue
	'#F0E442', // yellow
	'#999999' // grey
];

export function runColor(index: number): string {
	const n = RUN_PALETTE.length;
	return RUN_PALETTE[((index % n) + n) % n];
}
