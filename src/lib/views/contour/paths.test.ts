import { describe, expect, it } from 'vitest';
import { contourPolygons } from '../../core/grid/contour';
import { createFrame } from './geometry';
import { dotsPath, isolinesPath, polylinePath, QUANTUM, ringsPath } from './paths';

/** Absolute points of a path made of M, l (relative) and Z commands. */
function points(d: string): number[][][] {
	const subpaths: number[][][] = [];
	let x = 0;
	let y = 0;
	for (const m of d.matchAll(/([MlLZh])([^MlLZh]*)/g)) {
		const [a, b] = m[2].split(',').map(Number);
		if (m[1] === 'M') {
			x = a;
			y = b;
			subpaths.push([[x, y]]);
		} else if (m[1] === 'l') {
			x += a;
			y += b;
			subpaths[subpaths.length - 1].push([x, y]);
		} else if (m[1] === 'L') {
			x = a;
			y = b;
			subpaths[subpaths.length - 1].push([x, y]);
		}
	}
	return subpaths;
}

function cone(n: number): number[] {
	const v: number[] = [];
	for (let j = 0; j < n; j++)
		for (let i = 0; i < n; i++) v.push(Math.hypot(i + 0.5 - n / 2, j + 0.5 - n / 2));
	return v;
}

describe('ringsPath', () => {
	it('writes every ring as integer quanta that stay within a step of the contour', () => {
		const [band] = contourPolygons(cone(30), 30, 30, [8]);
		const d = ringsPath(band.coordinates);
		expect(d).toMatch(/^M-?\d+,-?\d+(l-?\d+,-?\d+)+Z/);
		const subpaths = points(d);
		expect(subpaths).toHaveLength(2); // the border and the hole around the tip
		const hole = subpaths.find((s) => s.every(([x, y]) => x > 0 && y > 0 && x < 300 && y < 300)) ?? [];
		for (const [x, y] of hole) expect(Math.hypot(x / QUANTUM - 15, y / QUANTUM - 15)).toBeCloseTo(8, 0);
	});
});

describe('isolinesPath', () => {
	it('leaves out the grid border', () => {
		const [all] = contourPolygons(new Array(16).fill(5), 4, 4, [1]);
		expect(isolinesPath(all.coordinates, 4, 4)).toBe('');
		const [band] = contourPolygons(cone(30), 30, 30, [8]);
		const subpaths = points(isolinesPath(band.coordinates, 30, 30));
		expect(subpaths).toHaveLength(1);
		for (const [x, y] of subpaths[0])
			expect(Math.hypot(x / QUANTUM - 15, y / QUANTUM - 15)).toBeCloseTo(8, 0);
	});

	it('keeps isolines that run into the border, without the border itself', () => {
		// A ramp in x: the threshold is a vertical line from the top edge to the bottom edge.
		const v: number[] = [];
		for (let j = 0; j < 10; j++) for (let i = 0; i < 10; i++) v.push(i);
		const [band] = contourPolygons(v, 10, 10, [4.5]);
		const subpaths = points(isolinesPath(band.coordinates, 10, 10));
		expect(subpaths).toHaveLength(1);
		// x = 5 all along, but for the half-cell stubs that join the line to the border at x = 5.5.
		const xs = subpaths[0].map((p) => p[0]);
		expect(xs.slice(1, -1).every((x) => x === 50)).toBe(true);
		for (const x of xs) expect([50, 55]).toContain(x);
		const ys = subpaths[0].map((p) => p[1]);
		expect(Math.min(...ys)).toBeLessThanOrEqual(5);
		expect(Math.max(...ys)).toBeGreaterThanOrEqual(95);
	});
});

describe('trajectory paths', () => {
	const f = createFrame({ xMin: 0, xMax: 10, yMin: 0, yMax: 10 }, 100, 100);
	const pts = new Float64Array([1, 1, 0, 2, 2, 0, 2.01, 2.01, 0, 2.02, 2.02, 0, 5, 5, 0]);

	it('draws the polyline in pixels, skipping sub-pixel steps but never the last point', () => {
		expect(polylinePath(pts, 4, f)).toBe('M10,90L20,80L50,50');
		expect(polylinePath(pts, 3, f)).toBe('M10,90L20,80L20.2,79.8');
		expect(polylinePath(pts, 0, f)).toBe('M10,90');
		expect(polylinePath(pts, -1, f)).toBe('');
	});

	it('clamps far-away points', () => {
		const far = new Float64Array([1, 1, 0, 1e300, -1e300, 0]);
		expect(polylinePath(far, 1, f)).toBe('M10,90L100000,100000');
	});

	it('draws one dot per point in view', () => {
		expect(dotsPath(pts, 4, f).match(/M/g)).toHaveLength(5);
		const out = new Float64Array([1, 1, 0, 50, 50, 0]);
		expect(dotsPath(out, 1, f).match(/M/g)).toHaveLength(1);
	});
});
