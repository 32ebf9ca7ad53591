/** Tests of the boundary plot's pure regression-curve path. */
import { describe, expect, it } from 'vitest';
import { curvePath } from './boundary-plot';

describe('curvePath', () => {
	const box = { xMin: 0, xMax: 4, yMin: -1, yMax: 1 };
	const id = (v: number) => v;
	it('puts sample i at the centre of cell i', () => {
		expect(curvePath([1, 2], 2, box, id, id)).toBe('M1.0,1.0L3.0,2.0');
	});
	it('breaks the line at non-finite predictions', () => {
		expect(curvePath([1, Number.NaN, 3, 4], 4, box, id, id)).toBe('M0.5,1.0M2.5,3.0L3.5,4.0');
	});
});
