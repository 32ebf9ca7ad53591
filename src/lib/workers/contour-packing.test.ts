import { describe, expect, it } from 'vitest';
import { himmelblau } from '../core/functions';
import { sampleGrid } from '../core/grid/sample';
import { packContours, unpackContours } from './contour-packing';
import { contourSet } from './contours';

describe('packContours / unpackContours', () => {
	it('round-trips a contour set with holes and several polygons exactly', () => {
		const box = { xMin: -5, xMax: 5, yMin: -5, yMax: 5 };
		const values = sampleGrid(himmelblau.f, box, 60, 50);
		const { contours } = contourSet({ box, nx: 60, ny: 50, values }, 15);
		expect(contours.bands.some((b) => b.coordinates.length > 1)).toBe(true);
		expect(contours.bands.some((b) => b.coordinates.some((p) => p.length > 1))).toBe(true);
		const packed = packContours(contours);
		const copy = structuredClone(packed, { transfer: [packed.coords.buffer] });
		expect(unpackContours(copy)).toEqual(contours);
	});

	it('round-trips an empty set', () => {
		expect(unpackContours(packContours({ thresholds: [], bands: [] }))).toEqual({
			thresholds: [],
			bands: []
		});
	});
});
