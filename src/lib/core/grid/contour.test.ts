import { contours } from 'd3-contour';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { contourPolygons } from './contour';

function area(ring: number[][]): number {
	let a = 0;
	for (let i = 1; i < ring.length; i++) a += ring[i - 1][1] * ring[i][0] - ring[i - 1][0] * ring[i][1];
	return a;
}

/**
 * Rings as comparable strings: closing point dropped, least rotation, sorted.
 * Zero-area rings (which d3-contour keeps as holes, and contourPolygons drops) are left out.
 */
function canonical(coordinates: number[][][][]): string[] {
	const rings: string[] = [];
	for (const polygon of coordinates) {
		polygon.forEach((ring, k) => {
			if (area(ring) === 0) return;
			const pts = ring.slice(0, -1).map(([x, y]) => `${x.toFixed(9)},${y.toFixed(9)}`);
			// The least rotation (points may repeat where values tie with the threshold).
			let best = '';
			for (let i = 0; i < pts.length; i++) {
				const rotated = pts.slice(i).concat(pts.slice(0, i)).join(' ');
				if (i === 0 || rotated < best) best = rotated;
			}
			rings.push(`${k === 0 ? 'outer' : 'hole'}:${best}`);
		});
	}
	return rings.sort();
}

function expectSameAsD3(values: number[], nx: number, ny: number, thresholds: number[]): void {
	const ours = contourPolygons(values, nx, ny, thresholds);
	const theirs = contours().size([nx, ny]).thresholds(thresholds)(values);
	expect(ours.map((b) => b.value)).toEqual(theirs.map((b) => b.value));
	for (let m = 0; m < ours.length; m++) {
		expect(ours[m].coordinates.length).toBe(theirs[m].coordinates.length);
		expect(canonical(ours[m].coordinates)).toEqual(canonical(theirs[m].coordinates));
	}
}

function gridOf(nx: number, ny: number, f: (i: number, j: number) => number): number[] {
	const v: number[] = [];
	for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) v.push(f(i, j));
	return v;
}

describe('contourPolygons', () => {
	it('matches d3-contour on a single high cell and on a 2 x 2 checkerboard (saddles)', () => {
		expectSameAsD3([0, 0, 0, 0, 1, 0, 0, 0, 0], 3, 3, [0.5]);
		expectSameAsD3([1, 0, 0, 1], 2, 2, [0.5]);
		expectSameAsD3([0, 1, 1, 0], 2, 2, [0.5]);
		expectSameAsD3(
			gridOf(5, 4, (i, j) => (i + j) % 2),
			5,
			4,
			[0.25, 0.75]
		);
	});

	it('runs along the border, corners cut, when everything is above', () => {
		const [band] = contourPolygons([2, 2, 2, 2, 2, 2], 3, 2, [1]);
		expect(band.coordinates).toHaveLength(1);
		const ring = band.coordinates[0][0];
		const border = ['0.5,0', '1.5,0', '2.5,0', '3,0.5', '3,1.5', '2.5,2', '1.5,2', '0.5,2', '0,1.5', '0,0.5'];
		expect(new Set(ring.map((p) => p.join()))).toEqual(new Set(border));
		expect(ring[0]).toEqual(ring[ring.length - 1]);
	});

	it('matches d3-contour on smooth fields with holes and islands', () => {
		const nx = 37;
		const ny = 29;
		const rings = gridOf(nx, ny, (i, j) => Math.sin(Math.hypot(i - 18, j - 14) / 2.5));
		expectSameAsD3(rings, nx, ny, [-0.8, -0.3, 0, 0.3, 0.8]);
		const bumps = gridOf(nx, ny, (i, j) => Math.cos(i / 3) * Math.sin(j / 4) + 0.01 * i);
		expectSameAsD3(bumps, nx, ny, [-0.6, -0.2, 0.2, 0.6]);
	});

	it('matches d3-contour on random grids, including ties with the thresholds', () => {
		const rng = createRng(42);
		for (let trial = 0; trial < 40; trial++) {
			const nx = 1 + rng.int(12);
			const ny = 1 + rng.int(12);
			// Values on a coarse lattice so that some equal a threshold exactly.
			const values = gridOf(nx, ny, () => rng.int(8) / 2);
			expectSameAsD3(values, nx, ny, [0.5, 1, 1.75, 2.5, 3]);
		}
	});

	it('treats NaN as below every threshold, like d3-contour', () => {
		const v = gridOf(6, 5, (i, j) => (i === 2 && j === 2 ? Number.NaN : i + j));
		expectSameAsD3(v, 6, 5, [1.5, 3.5, 6]);
	});

	it('nests holes in the innermost exterior ring', () => {
		// A ring of high values around a low moat around a high centre: the inner island is its own polygon
		// and the moat is the outer polygon's only hole.
		const n = 9;
		const v = gridOf(n, n, (i, j) => {
			const r = Math.max(Math.abs(i - 4), Math.abs(j - 4));
			return r === 0 || r >= 3 ? 1 : 0;
		});
		const [band] = contourPolygons(v, n, n, [0.5]);
		expect(band.coordinates).toHaveLength(2);
		const sizes = band.coordinates.map((p) => p.length).sort();
		expect(sizes).toEqual([1, 2]);
	});

	it('returns empty bands for empty input or no crossing', () => {
		expect(contourPolygons([], 0, 0, [1])).toEqual([{ value: 1, coordinates: [] }]);
		expect(contourPolygons([0, 0, 0, 0], 2, 2, [1])).toEqual([{ value: 1, coordinates: [] }]);
		expect(contourPolygons([0, 0], 2, 1, [])).toEqual([]);
	});
});
