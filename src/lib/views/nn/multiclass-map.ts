/**
 * The multiclass decision map from a grid of class probabilities ([cells x k], cell-major, as the training
 * worker sends them). The colour of a cell is the hue of its most likely class c, mixed from the neutral in
 * proportion to how sure the network is: (p_c - 1/k) / (1 - 1/k), 0 where every class is equally likely
 * and 1 where p_c = 1. The boundaries are where the most likely class changes: for each class c the zero
 * level of its margin p_c - max over j != c of p_j (positive exactly where c wins). A boundary between
 * classes a and b is the zero level of both margins, so each line comes out twice, drawn on top of itself.
 * Pure: no DOM.
 */
import { LUT_SIZE } from './nn-colors';

/**
 * Writes class c's margin p_c - max_{j != c} p_j for every cell into out (length cells); NaN for a cell with
 * any probability that is not finite.
 */
export function classMargin(probs: ArrayLike<number>, k: number, c: number, out: Float64Array): Float64Array {
	const cells = out.length;
	for (let i = 0; i < cells; i++) {
		const o = i * k;
		let other = -Infinity;
		let finite = Number.isFinite(probs[o + c]);
		for (let j = 0; j < k; j++) {
			const p = probs[o + j];
			if (!Number.isFinite(p)) finite = false;
			else if (j !== c && p > other) other = p;
		}
		out[i] = finite ? probs[o + c] - other : NaN;
	}
	return out;
}

/** Index of the most likely class of cell i (the first on ties), or -1 when its probabilities are not finite. */
export function likeliestClass(probs: ArrayLike<number>, k: number, i: number): number {
	let best = -1;
	let bestP = -Infinity;
	for (let j = 0; j < k; j++) {
		const p = probs[i * k + j];
		if (!Number.isFinite(p)) return -1;
		if (p > bestP) {
			bestP = p;
			best = j;
		}
	}
	return best;
}

/** How sure the cell is of its likeliest class, in [0, 1]: (p_max - 1/k) / (1 - 1/k). */
export function sureness(pMax: number, k: number): number {
	return Math.min(1, Math.max(0, (pMax - 1 / k) / (1 - 1 / k)));
}

/**
 * Fills RGBA pixels (4 per cell) from the probabilities: luts[c] is class c's LUT (neutral to its colour,
 * LUT_SIZE x 3). Cells with non-finite probabilities are transparent.
 */
export function paintMulticlass(
	probs: ArrayLike<number>,
	k: number,
	luts: readonly Uint8ClampedArray[],
	pixels: Uint8ClampedArray
): void {
	const cells = pixels.length / 4;
	for (let i = 0; i < cells; i++) {
		const o = 4 * i;
		const c = likeliestClass(probs, k, i);
		if (c < 0) {
			pixels[o + 3] = 0;
			continue;
		}
		const lut = luts[c];
		const e = 3 * Math.round(sureness(probs[i * k + c], k) * (LUT_SIZE - 1));
		pixels[o] = lut[e];
		pixels[o + 1] = lut[e + 1];
		pixels[o + 2] = lut[e + 2];
		pixels[o + 3] = 255;
	}
}
