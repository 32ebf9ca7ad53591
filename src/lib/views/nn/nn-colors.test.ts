/** Tests of the neural-network views' colour scale: stops, lookup table, heatmap softening, class colours. */
import { describe, expect, it } from 'vitest';
import { rgb } from 'd3-color';
import {
	classColor,
	divergingColor,
	divergingLut,
	HEATMAP_STRENGTH,
	LUT_SIZE,
	lutIndex,
	NN_STOPS,
	probabilityToT
} from './nn-colors';

const same = (a: string, b: string) => expect(rgb(a).formatHex()).toBe(rgb(b).formatHex());
const luminance = (c: string) => {
	const { r, g, b } = rgb(c);
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe('diverging scale', () => {
	it('runs from orange (−1) through the neutral (0) to blue (+1) in both themes', () => {
		for (const theme of ['light', 'dark'] as const) {
			const s = NN_STOPS[theme];
			same(divergingColor(-1, theme), s.negative);
			same(divergingColor(1, theme), s.positive);
			// 0 falls between two LUT entries: within one step of the neutral.
			const mid = rgb(divergingColor(0, theme));
			const n = rgb(s.neutral);
			expect(Math.abs(mid.r - n.r) + Math.abs(mid.g - n.g) + Math.abs(mid.b - n.b)).toBeLessThan(12);
		}
	});

	it('has a light neutral on the light page and a dark one on the dark page', () => {
		expect(luminance(NN_STOPS.light.neutral)).toBeGreaterThan(200);
		expect(luminance(NN_STOPS.dark.neutral)).toBeLessThan(70);
	});

	it('clamps t, maps NaN to the middle and quantises to the table', () => {
		expect(lutIndex(-5)).toBe(0);
		expect(lutIndex(5)).toBe(LUT_SIZE - 1);
		expect(lutIndex(Number.NaN)).toBe((LUT_SIZE - 1) / 2);
		expect(lutIndex(0.999)).toBe(LUT_SIZE - 1);
		same(divergingColor(7, 'light'), NN_STOPS.light.positive);
	});

	it('softens the heatmap: its extremes lie between the neutral and the full colours', () => {
		const lut = divergingLut('light', HEATMAP_STRENGTH);
		const end = LUT_SIZE - 1;
		const soft = [lut[3 * end], lut[3 * end + 1], lut[3 * end + 2]];
		const full = rgb(NN_STOPS.light.positive);
		const neutral = rgb(NN_STOPS.light.neutral);
		// Blue's red channel drops from the neutral's to the full colour's; the soft one stops on the way.
		expect(soft[0]).toBeLessThan(neutral.r);
		expect(soft[0]).toBeGreaterThan(full.r);
	});

	it('is monotone in its blue channel from orange to blue', () => {
		const lut = divergingLut('light');
		for (let k = 1; k < LUT_SIZE; k++)
			expect(lut[3 * k + 2]).toBeGreaterThanOrEqual(lut[3 * (k - 1) + 2] - 1);
	});

	it('puts P(class 1) = 1 on the positive side, with class 1 drawn in the positive colour', () => {
		expect(probabilityToT(1)).toBe(1);
		expect(probabilityToT(0)).toBe(-1);
		expect(probabilityToT(0.5)).toBe(0);
		same(classColor(1, 'dark'), NN_STOPS.dark.positive);
		same(classColor(0, 'light'), NN_STOPS.light.negative);
	});
});
