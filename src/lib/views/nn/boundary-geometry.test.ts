/** Tests of the decision boundary's marching squares, checked against d3-contour. */
import { describe, expect, it } from 'vitest';
import { contours } from 'd3-contour';
import { boundaryPolylines, extendPoint, polylinesToPath, type Polyline } from './boundary-geometry';

function grid(nx: number, ny: number, f: (x: number, y: number) => number): Float64Array {
	const v = new Float64Array(nx * ny);
	for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) v[j * nx + i] = f(i + 0.5, j + 0.5);
	return v;
}

const points = (l: Polyline) => Array.from({ length: l.length / 2 }, (_, k) => [l[2 * k], l[2 * k + 1]]);

describe('boundaryPolylines', () => {
	it('is empty when the grid never crosses the level', () => {
		expect(
			boundaryPolylines(
				grid(5, 4, () => 0.9),
				5,
				4
			)
		).toEqual([]);
		expect(
			boundaryPolylines(
				grid(5, 4, () => 0.1),
				5,
				4
			)
		).toEqual([]);
		expect(boundaryPolylines(new Float64Array(3), 5, 4)).toEqual([]);
	});

	it('draws a straight boundary across the whole grid, border to border', () => {
		// P rises along x and crosses 1/2 at x = 2.
		const lines = boundaryPolylines(
			grid(4, 3, (x) => x / 4),
			4,
			3
		);
		expect(lines).toHaveLength(1);
		const pts = points(lines[0]);
		for (const [x] of pts) expect(x).toBeCloseTo(2, 12);
		const ys = pts.map((p) => p[1]).sort((a, b) => a - b);
		expect(ys[0]).toBeCloseTo(0, 12);
		expect(ys[ys.length - 1]).toBeCloseTo(3, 12);
	});

	it('closes a boundary that stays inside the grid', () => {
		const n = 20;
		const lines = boundaryPolylines(
			grid(n, n, (x, y) => 1 / (1 + Math.exp(Math.hypot(x - 10, y - 10) - 5))),
			n,
			n
		);
		expect(lines).toHaveLength(1);
		const pts = points(lines[0]);
		expect(pts[0]).toEqual(pts[pts.length - 1]);
		for (const [x, y] of pts) expect(Math.hypot(x - 10, y - 10)).toBeCloseTo(5, 0);
	});

	it('passes through the points of d3-contour’s rings that lie inside the grid', () => {
		const nx = 37;
		const ny = 29;
		const v = grid(
			nx,
			ny,
			(x, y) => 1 / (1 + Math.exp(-3 * Math.sin(0.35 * x + 0.2 * y) * Math.cos(0.3 * y)))
		);
		const ours = new Set<string>();
		for (const l of boundaryPolylines(v, nx, ny))
			for (const [x, y] of points(l)) ours.add(`${x.toFixed(9)},${y.toFixed(9)}`);
		const theirs = new Set<string>();
		const [shape] = contours().size([nx, ny]).thresholds([0.5])(Array.from(v));
		for (const polygon of shape.coordinates)
			for (const ring of polygon)
				for (const [x, y] of ring)
					if (x > 0 && x < nx && y > 0 && y < ny) theirs.add(`${x.toFixed(9)},${y.toFixed(9)}`);
		expect(theirs.size).toBeGreaterThan(20);
		for (const p of theirs) expect(ours.has(p)).toBe(true);
	});

	it('splits a saddle by the cell mean and treats NaN as below the level', () => {
		// a = c above, b = d below; the mean (0.55) is above, so a and c connect and b, d are cut off.
		const lines = boundaryPolylines(new Float64Array([0.9, 0.3, 0.1, 0.9]), 2, 2);
		expect(lines).toHaveLength(2);
		const centres = lines.map((l) => {
			const pts = points(l);
			return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
		});
		// One line cuts off b (top right), the other d (bottom left).
		expect(centres.some(([x, y]) => x > 1 && y < 1)).toBe(true);
		expect(centres.some(([x, y]) => x < 1 && y > 1)).toBe(true);
		// With the mean below the level, a and c are cut off instead.
		const other = boundaryPolylines(new Float64Array([0.6, 0.3, 0.1, 0.6]), 2, 2).map((l) => points(l)[1]);
		expect(other.some(([x, y]) => x < 1 && y < 1)).toBe(true);
		const nan = boundaryPolylines(new Float64Array([0.9, Number.NaN, 0.9, 0.9]), 2, 2);
		expect(nan).toHaveLength(1);
	});

	it('stays correct across calls of different sizes (shared workspace)', () => {
		const a = boundaryPolylines(
			grid(4, 3, (x) => x / 4),
			4,
			3
		);
		boundaryPolylines(
			grid(30, 30, (x, y) => (x + y) / 60),
			30,
			30
		);
		expect(
			boundaryPolylines(
				grid(4, 3, (x) => x / 4),
				4,
				3
			)
		).toEqual(a);
	});
});

describe('extendPoint and polylinesToPath', () => {
	it('extends an end to the border, at most one cell', () => {
		expect(extendPoint([2, 0.5], [2, 1.5], 4, 3)).toEqual([2, 0]);
		const [x, y] = extendPoint([1.5, 1.5], [1, 1], 4, 3);
		expect(Math.hypot(x - 1.5, y - 1.5)).toBeCloseTo(1, 12);
	});

	it('maps grid coordinates onto the pixel rectangle', () => {
		expect(polylinesToPath([[0, 0, 4, 2]], 4, 2, 10, 20, 50, 60)).toBe('M10.0,20.0L50.0,60.0');
	});
});
