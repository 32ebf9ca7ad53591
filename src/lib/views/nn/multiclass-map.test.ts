/** Tests of the multiclass map: margins, the likeliest class, the heatmap pixels and the class boundaries. */
import { describe, expect, it } from 'vitest';
import { boundaryPolylines } from './boundary-geometry';
import { classMargin, likeliestClass, paintMulticlass, sureness } from './multiclass-map';
import { classColor, classLut, LUT_SIZE } from './nn-colors';

/** Softmax of three linear logits over an nx x ny grid on [-1, 1]^2, cell-major (as the worker sends them). */
function softmaxGrid(nx: number, ny: number): Float64Array {
	const out = new Float64Array(nx * ny * 3);
	for (let j = 0; j < ny; j++)
		for (let i = 0; i < nx; i++) {
			const x = -1 + (2 * (i + 0.5)) / nx;
			const y = 1 - (2 * (j + 0.5)) / ny;
			// Class 0 wins on the left, class 1 on the right, class 2 at the top.
			const z = [-3 * x, 3 * x, 4 * y - 1];
			const m = Math.max(...z);
			const e = z.map((v) => Math.exp(v - m));
			const s = e[0] + e[1] + e[2];
			for (let c = 0; c < 3; c++) out[3 * (j * nx + i) + c] = e[c] / s;
		}
	return out;
}

describe('multiclass map', () => {
	it('margin of class c is p_c minus the largest other p; positive exactly where c is the likeliest', () => {
		const probs = [0.2, 0.5, 0.3, 0.6, 0.1, 0.3, Number.NaN, 0.5, 0.5];
		const out = new Float64Array(3);
		expect(Array.from(classMargin(probs, 3, 1, out)).slice(0, 2)).toEqual([0.5 - 0.3, 0.1 - 0.6]);
		expect(Number.isNaN(out[2])).toBe(true);
		expect(likeliestClass(probs, 3, 0)).toBe(1);
		expect(likeliestClass(probs, 3, 1)).toBe(0);
		expect(likeliestClass(probs, 3, 2)).toBe(-1);
		const grid = softmaxGrid(20, 20);
		const margin = new Float64Array(400);
		for (let c = 0; c < 3; c++) {
			classMargin(grid, 3, c, margin);
			for (let i = 0; i < 400; i++) expect(margin[i] > 0).toBe(likeliestClass(grid, 3, i) === c);
		}
	});

	it('sureness is 0 for a uniform guess and 1 for certainty', () => {
		expect(sureness(1 / 3, 3)).toBe(0);
		expect(sureness(1, 3)).toBe(1);
		expect(sureness(0.5, 2)).toBe(0);
		expect(sureness(0.75, 2)).toBeCloseTo(0.5, 12);
	});

	it('paints each cell in its likeliest class colour, as strong as it is sure, transparent when not finite', () => {
		const luts = [0, 1, 2].map((c) => classLut(c, 'light'));
		const probs = [1, 0, 0, 0, 0, 1, 1 / 3, 1 / 3, 1 / 3, Number.NaN, 0, 0];
		const px = new Uint8ClampedArray(16);
		paintMulticlass(probs, 3, luts, px);
		const hex = (o: number) =>
			'#' + [px[o], px[o + 1], px[o + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
		expect(hex(0)).toBe(classColor(0, 'light'));
		expect(hex(4)).toBe(classColor(2, 'light'));
		// A uniform guess is the neutral, the first LUT entry.
		expect([px[8], px[9], px[10]]).toEqual(Array.from(luts[0].subarray(0, 3)));
		expect(px[15]).toBe(0);
		expect(luts[2].length).toBe(3 * LUT_SIZE);
	});

	it('boundary lines from the margins run where the two likeliest classes tie', () => {
		const nx = 60;
		const ny = 60;
		const grid = softmaxGrid(nx, ny);
		const margin = new Float64Array(nx * ny);
		let points = 0;
		for (let c = 0; c < 3; c++) {
			for (const line of boundaryPolylines(classMargin(grid, 3, c, margin), nx, ny, 0)) {
				for (let q = 0; q < line.length; q += 2) {
					// Back from grid coordinates to the plane; the analytic logits there.
					const gx = line[q];
					const gy = line[q + 1];
					if (gx <= 0.5 || gx >= nx - 0.5 || gy <= 0.5 || gy >= ny - 0.5) continue; // extended ends
					const x = -1 + (2 * gx) / nx;
					const y = 1 - (2 * gy) / ny;
					const z = [-3 * x, 3 * x, 4 * y - 1].sort((a, b) => b - a);
					// Linear interpolation between cell centres: within a fraction of a cell of the tie.
					expect(z[0] - z[1]).toBeLessThan(0.25);
					points++;
				}
			}
		}
		expect(points).toBeGreaterThan(100);
	});
});
