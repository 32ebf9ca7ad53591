/**
 * Samples a function of two variables at the pixel centres of an nx x ny raster over a view box, into a flat
 * row-major Float64Array (row 0 = top, y near yMax; column 0 = left, x near xMin) — the layout d3-contour
 * reads.
 */
import type { ViewBox } from '../objective';

/** Largest accepted side of a grid: guards against a typo allocating gigabytes. */
export const MAX_GRID_SIDE = 4096;

/** x of the centre of column i: xMin + (i + 0.5) * (xMax - xMin) / nx. */
export function cellCentreX(box: ViewBox, nx: number, i: number): number {
	return box.xMin + ((i + 0.5) * (box.xMax - box.xMin)) / nx;
}

/** y of the centre of row j (row 0 is the top): yMax - (j + 0.5) * (yMax - yMin) / ny. */
export function cellCentreY(box: ViewBox, ny: number, j: number): number {
	return box.yMax - ((j + 0.5) * (box.yMax - box.yMin)) / ny;
}

/**
 * f at every pixel centre; values[j * nx + i] = f(cellCentreX(i), cellCentreY(j)). Non-finite values
 * (NaN, +-Infinity) are stored as NaN, meaning "undefined here". `out` is reused when its length is nx * ny.
 */
export function sampleGrid(
	f: (x: number, y: number) => number,
	box: ViewBox,
	nx: number,
	ny: number,
	out?: Float64Array
): Float64Array {
	if (!isGridSide(nx) || !isGridSide(ny)) {
		throw new RangeError(`Grid size must be integers in 1..${MAX_GRID_SIDE}, got ${nx} x ${ny}`);
	}
	const n = nx * ny;
	const values = out !== undefined && out.length === n ? out : new Float64Array(n);
	const xs = new Float64Array(nx);
	for (let i = 0; i < nx; i++) xs[i] = cellCentreX(box, nx, i);
	for (let j = 0; j < ny; j++) {
		const y = cellCentreY(box, ny, j);
		const row = j * nx;
		for (let i = 0; i < nx; i++) {
			const v = f(xs[i], y);
			// v - v is 0 for finite numbers and NaN for NaN and +-Infinity: one subtraction instead of a call.
			values[row + i] = v - v === 0 ? v : Number.NaN;
		}
	}
	return values;
}

function isGridSide(n: number): boolean {
	return Number.isInteger(n) && n >= 1 && n <= MAX_GRID_SIDE;
}
