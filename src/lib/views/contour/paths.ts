/**
 * SVG path strings for the contour view, built by hand for speed (a drag redraws every trajectory on each
 * pointer move): contour fills and isolines in grid units, polylines and dots of trajectories in pixels.
 */
import { contourPolygons } from '../../core/grid/contour';
import type { ContourSet, Grid } from '../types';
import { toPx, toPy, type Frame } from './geometry';
import type { ContourPaths } from './types';

/** Pixel coordinates are clamped to this far outside the plot: browsers draw huge coordinates badly. */
export const PX_LIMIT = 1e5;

/** A pixel coordinate clamped to [-PX_LIMIT, PX_LIMIT] (the contour view and exported frames use it too). */
export function clampPixel(v: number): number {
	return v < -PX_LIMIT ? -PX_LIMIT : v > PX_LIMIT ? PX_LIMIT : v;
}

/** Contour paths are written as integers in units of 1 / QUANTUM grid cell: draw them scaled by that. */
export const QUANTUM = 10;
/** Points closer than this (in quanta, squared) to the last one written are skipped: 0.6 cell. */
const MIN_STEP_SQ = 36;

/** Clamped and rounded to a tenth of a pixel, for compact path strings. */
function clampPx(v: number): number {
	return Math.round(clampPixel(v) * 10) / 10;
}

type Rings = readonly (readonly (readonly (readonly number[])[])[])[];

/**
 * Every ring of a MultiPolygon as one path (draw with fill-rule evenodd), in integer quanta with relative
 * moves: integers print several times faster than fractions, and contours sampled once per pixel lose
 * nothing visible to the skipped sub-cell steps. Large grids give ~80,000 points per redraw.
 */
export function ringsPath(coordinates: Rings): string {
	let d = '';
	for (const polygon of coordinates) {
		for (const ring of polygon) {
			// Rings repeat their first point at the end; Z closes them instead.
			const n = ring.length - 1;
			if (n < 2) continue;
			let lx = Math.round(ring[0][0] * QUANTUM);
			let ly = Math.round(ring[0][1] * QUANTUM);
			d += 'M' + lx + ',' + ly;
			for (let i = 1; i < n; i++) {
				const x = Math.round(ring[i][0] * QUANTUM);
				const y = Math.round(ring[i][1] * QUANTUM);
				const dx = x - lx;
				const dy = y - ly;
				if (dx * dx + dy * dy < MIN_STEP_SQ) continue;
				d += 'l' + dx + ',' + dy;
				lx = x;
				ly = y;
			}
			d += 'Z';
		}
	}
	return d;
}

/**
 * The boundaries of a MultiPolygon on an nx x ny grid as isolines, in the units of ringsPath: every ring
 * segment except those running between two points of the grid's border (where the polygon is only closed
 * off by the edge of the data, not by a contour).
 */
export function isolinesPath(coordinates: Rings, nx: number, ny: number): string {
	let d = '';
	const onBorder = (p: readonly number[]) => p[0] === 0 || p[0] === nx || p[1] === 0 || p[1] === ny;
	for (const polygon of coordinates) {
		for (const ring of polygon) {
			let open = false;
			let lx = 0;
			let ly = 0;
			// The last point skipped as too close, still owed at the end of the run.
			let owed = false;
			let ox = 0;
			let oy = 0;
			for (let i = 1; i < ring.length; i++) {
				const a = ring[i - 1];
				const b = ring[i];
				if (onBorder(a) && onBorder(b)) {
					if (owed) d += 'l' + (ox - lx) + ',' + (oy - ly);
					open = owed = false;
					continue;
				}
				if (!open) {
					lx = Math.round(a[0] * QUANTUM);
					ly = Math.round(a[1] * QUANTUM);
					d += 'M' + lx + ',' + ly;
					open = true;
				}
				const x = Math.round(b[0] * QUANTUM);
				const y = Math.round(b[1] * QUANTUM);
				const dx = x - lx;
				const dy = y - ly;
				if (dx * dx + dy * dy < MIN_STEP_SQ) {
					owed = true;
					ox = x;
					oy = y;
					continue;
				}
				d += 'l' + dx + ',' + dy;
				lx = x;
				ly = y;
				owed = false;
			}
			if (owed) d += 'l' + (ox - lx) + ',' + (oy - ly);
		}
	}
	return d;
}

/** Every path the view draws for a contour set of `grid` (the grid worker calls this too). */
export function contourPaths(set: ContourSet, grid: Grid): ContourPaths {
	let isolines = '';
	for (const band of set.bands) isolines += isolinesPath(band.coordinates, grid.nx, grid.ny);
	return {
		bands: set.bands.map((band) => ringsPath(band.coordinates)),
		isolines,
		undefinedRegion: undefinedRegionPath(grid.values, grid.nx, grid.ny)
	};
}

/** The cells where values are NaN, as a ringsPath; '' when there are none. */
export function undefinedRegionPath(values: Float64Array, nx: number, ny: number): string {
	let mask: Float64Array | null = null;
	for (let k = 0; k < values.length; k++) {
		if (values[k] !== values[k]) {
			mask ??= new Float64Array(values.length);
			mask[k] = 1;
		}
	}
	return mask === null ? '' : ringsPath(contourPolygons(mask, nx, ny, [0.5])[0].coordinates);
}

/**
 * The polyline through points 0..last of an interleaved [x, y, f, ...] array, in pixels. Steps shorter than
 * `minStepPx` from the last point written are skipped (the final point never is): a converging run piles
 * hundreds of iterates into a few pixels, which only cost drawing time.
 */
export function polylinePath(points: Float64Array, last: number, f: Frame, minStepPx = 0.75): string {
	if (last < 0) return '';
	let lx = clampPx(toPx(f, points[0]));
	let ly = clampPx(toPy(f, points[1]));
	let d = 'M' + lx + ',' + ly;
	const min2 = minStepPx * minStepPx;
	for (let k = 1; k <= last; k++) {
		const x = clampPx(toPx(f, points[3 * k]));
		const y = clampPx(toPy(f, points[3 * k + 1]));
		const dx = x - lx;
		const dy = y - ly;
		if (dx * dx + dy * dy < min2 && k < last) continue;
		d += 'L' + x + ',' + y;
		lx = x;
		ly = y;
	}
	return d;
}

/**
 * A dot at each of points 0..last, as near-zero-length subpaths: stroked with round caps of width w they draw
 * discs of diameter w, all in a single element.
 */
export function dotsPath(points: Float64Array, last: number, f: Frame): string {
	let d = '';
	for (let k = 0; k <= last; k++) {
		const x = toPx(f, points[3 * k]);
		const y = toPy(f, points[3 * k + 1]);
		if (x < -20 || x > f.width + 20 || y < -20 || y > f.height + 20) continue;
		d += `M${clampPx(x)},${clampPx(y)}h0.01`;
	}
	return d;
}
