import { contours as d3Contours } from 'd3-contour';
import { describe, expect, it } from 'vitest';
import { rosenbrock, rastrigin } from '../core/functions';
import { createLogScale } from '../core/grid/log-scale';
import { cellCentreX, sampleGrid } from '../core/grid/sample';
import type { ContourBand, Grid } from '../views/types';
import { contourSet, fillUndefined } from './contours';

const box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

function coneGrid(n: number, f = (x: number, y: number) => Math.hypot(x, y)): Grid {
	return { box, nx: n, ny: n, values: sampleGrid(f, box, n, n) };
}

/** Even-odd point-in-region test over every ring of a band. */
function inside(band: ContourBand, x: number, y: number): boolean {
	let odd = false;
	for (const polygon of band.coordinates) {
		for (const ring of polygon) {
			for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				const [xi, yi] = ring[i];
				const [xj, yj] = ring[j];
				if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
			}
		}
	}
	return odd;
}

describe('contourSet', () => {
	it('uses the log-scale thresholds over the finite range of the grid', () => {
		const grid = coneGrid(9);
		const { scale, contours } = contourSet(grid, 4);
		// The centre cell of a 9 x 9 grid over [-1, 1]^2 sits exactly on the cone's tip; corners are highest.
		const corner = Math.hypot(1 - 1 / 9, 1 - 1 / 9);
		expect(scale.lo).toBe(0);
		expect(scale.hi).toBeCloseTo(corner, 14);
		expect(contours.thresholds).toEqual(createLogScale(0, scale.hi).thresholds(4));
		expect(contours.bands.map((b) => b.value)).toEqual(contours.thresholds);
	});

	it('gives nested bands around the minimum of a cone, each a rectangle with a round hole', () => {
		const n = 41;
		const { contours } = contourSet(coneGrid(n), 5);
		const c = n / 2; // the tip in grid units
		let previousRadius = 0;
		for (const band of contours.bands) {
			expect(band.coordinates).toHaveLength(1);
			const [outer, hole] = band.coordinates[0];
			expect(band.coordinates[0]).toHaveLength(2);
			// The outer ring is the grid's border.
			const xs = outer.map((p) => p[0]);
			const ys = outer.map((p) => p[1]);
			expect(Math.min(...xs)).toBe(0);
			expect(Math.max(...xs)).toBe(n);
			expect(Math.min(...ys)).toBe(0);
			expect(Math.max(...ys)).toBe(n);
			// The hole is the circle |(x, y)| = threshold, in grid units (n / 2 per unit of x).
			const expected = (band.value * n) / 2;
			for (const [gx, gy] of hole) {
				expect(Math.hypot(gx - c, gy - c)).toBeCloseTo(expected, 0);
			}
			const radius = hole.reduce((s, [gx, gy]) => s + Math.hypot(gx - c, gy - c), 0) / hole.length;
			expect(radius).toBeGreaterThan(previousRadius);
			previousRadius = radius;
			// Nested: the tip is outside every band, a corner inside every band.
			expect(inside(band, c, c)).toBe(false);
			expect(inside(band, 0.5, 0.5)).toBe(true);
		}
	});

	it('contours undefined cells as the highest value, never as a minimum', () => {
		const n = 21;
		// A cone with its tip on the centre of cell (15, 10), undefined (NaN) in a disc around (-0.5, 0).
		const tip = cellCentreX(box, n, 15);
		const f = (x: number, y: number) =>
			Math.hypot(x + 0.5, y) < 0.3 ? Math.log(-1) : Math.hypot(x - tip, y);
		const grid = coneGrid(n, f);
		const copy = Float64Array.from(grid.values);
		const { scale, contours } = contourSet(grid, 6);
		// The grid is untouched and the range ignores the NaNs.
		expect(Array.from(grid.values)).toEqual(Array.from(copy));
		expect(scale.lo).toBeGreaterThanOrEqual(0);
		expect(Number.isFinite(scale.hi)).toBe(true);
		// The centre of the undefined disc, (-0.5, 0), is at grid (n / 4, n / 2): inside every band.
		for (const band of contours.bands) {
			expect(inside(band, n / 4, n / 2)).toBe(true);
			expect(inside(band, 15.5, 10.5)).toBe(false);
			for (const polygon of band.coordinates) {
				for (const ring of polygon) for (const p of ring) expect(p.every(Number.isFinite)).toBe(true);
			}
		}
	});

	it('returns no bands when nothing is finite or no level is asked for', () => {
		const nan = coneGrid(5, () => Number.NaN);
		expect(contourSet(nan, 10).contours).toEqual({ thresholds: [], bands: [] });
		expect(contourSet(coneGrid(5), 0).contours).toEqual({ thresholds: [], bands: [] });
	});

	it('gives empty bands for a constant function', () => {
		const flat = coneGrid(5, () => 3);
		const { scale, contours } = contourSet(flat, 3);
		expect(scale.lo).toBe(3);
		expect(scale.hi).toBeGreaterThan(3);
		expect(contours.bands.every((b) => b.coordinates.length === 0)).toBe(true);
	});
});

describe('contourSet against d3-contour', () => {
	it('gives the polygons d3-contour gives for real test functions', () => {
		for (const [fn, box] of [
			[rosenbrock, { xMin: -2, xMax: 2, yMin: -1, yMax: 3 }],
			[rastrigin, { xMin: -5.12, xMax: 5.12, yMin: -5.12, yMax: 5.12 }]
		] as const) {
			const grid: Grid = { box, nx: 120, ny: 90, values: sampleGrid(fn.f, box, 120, 90) };
			const { contours } = contourSet(grid, 20);
			const reference = d3Contours()
				.size([120, 90])
				.thresholds(contours.thresholds as number[])(grid.values as unknown as number[]);
			expect(contours.bands).toHaveLength(reference.length);
			contours.bands.forEach((band, m) => {
				expect(band.value).toBe(reference[m].value);
				const ours = band.coordinates
					.flat()
					.map((r) => r.length)
					.sort((a, b) => a - b);
				const theirs = reference[m].coordinates
					.flat()
					.map((r) => r.length)
					.sort((a, b) => a - b);
				expect(ours).toEqual(theirs);
				// A checksum of every point, the closing one (which depends on where a ring starts) excluded.
				const sum = (rings: number[][][]) =>
					rings.reduce((s, r) => r.slice(1).reduce((t, p) => t + p[0] * 3 + p[1] * 7, s), 0);
				expect(sum(band.coordinates.flat())).toBeCloseTo(sum(reference[m].coordinates.flat()), 6);
			});
		}
	});
});

describe('fillUndefined', () => {
	it('returns the same array when every value is finite, else a filled copy', () => {
		const a = new Float64Array([1, 2, 3]);
		expect(fillUndefined(a, 9)).toBe(a);
		const b = new Float64Array([1, Number.NaN, Infinity, -Infinity]);
		const c = fillUndefined(b, 9);
		expect(c).not.toBe(b);
		expect(Array.from(c)).toEqual([1, 9, 9, 9]);
		expect(Number.isNaN(b[1])).toBe(true);
	});
});
