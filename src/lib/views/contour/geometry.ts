/**
 * Plane geometry of the contour view: fitting a box to the plot's aspect ratio (x and y at one scale), the
 * box seen through a zoom transform, and the affine maps between data, pixels and grid units.
 */
import type { ViewBox } from '../../core/objective';

/** A box shown in a w x h pixel plot; y grows upward in data and downward in pixels. */
export interface Frame {
	readonly box: ViewBox;
	readonly width: number;
	readonly height: number;
	/** Pixels per data unit along x and y. */
	readonly kx: number;
	readonly ky: number;
}

export function createFrame(box: ViewBox, width: number, height: number): Frame {
	return {
		box,
		width,
		height,
		kx: width / (box.xMax - box.xMin),
		ky: height / (box.yMax - box.yMin)
	};
}

export function toPx(f: Frame, x: number): number {
	return (x - f.box.xMin) * f.kx;
}

export function toPy(f: Frame, y: number): number {
	return (f.box.yMax - y) * f.ky;
}

export function fromPx(f: Frame, px: number): number {
	return f.box.xMin + px / f.kx;
}

export function fromPy(f: Frame, py: number): number {
	return f.box.yMax - py / f.ky;
}

/** The smallest box around `box`, same centre, whose aspect ratio is width : height. */
export function fitBox(box: ViewBox, width: number, height: number): ViewBox {
	if (!(width > 0 && height > 0)) return box;
	const cx = (box.xMin + box.xMax) / 2;
	const cy = (box.yMin + box.yMax) / 2;
	const unitsPerPx = Math.max((box.xMax - box.xMin) / width, (box.yMax - box.yMin) / height);
	const hw = (unitsPerPx * width) / 2;
	const hh = (unitsPerPx * height) / 2;
	return { xMin: cx - hw, xMax: cx + hw, yMin: cy - hh, yMax: cy + hh };
}

/** The box visible after a d3-zoom transform {k, x, y} (screen = k * base + translate) of a base box. */
export function zoomedBox(
	base: ViewBox,
	t: { k: number; x: number; y: number },
	width: number,
	height: number
): ViewBox {
	const f = createFrame(base, width, height);
	return {
		xMin: fromPx(f, -t.x / t.k),
		xMax: fromPx(f, (width - t.x) / t.k),
		yMin: fromPy(f, (height - t.y) / t.k),
		yMax: fromPy(f, -t.y / t.k)
	};
}

/**
 * The grid to request for a plot of width x height CSS pixels: one sample per pixel, scaled down uniformly
 * (cells stay square) so that neither side exceeds `max`.
 */
export function gridResolution(width: number, height: number, max = 600): { nx: number; ny: number } {
	const k = Math.min(1, max / Math.max(1, width), max / Math.max(1, height));
	return { nx: Math.max(1, Math.round(width * k)), ny: Math.max(1, Math.round(height * k)) };
}

/** Whether two boxes agree to `tol` of their size (absorbs rounding in round trips through the caller). */
export function boxesClose(a: ViewBox, b: ViewBox, tol = 1e-9): boolean {
	const sx = Math.max(Math.abs(a.xMax - a.xMin), Math.abs(b.xMax - b.xMin)) * tol;
	const sy = Math.max(Math.abs(a.yMax - a.yMin), Math.abs(b.yMax - b.yMin)) * tol;
	return (
		Math.abs(a.xMin - b.xMin) <= sx &&
		Math.abs(a.xMax - b.xMax) <= sx &&
		Math.abs(a.yMin - b.yMin) <= sy &&
		Math.abs(a.yMax - b.yMax) <= sy
	);
}

export function isValidBox(b: ViewBox | null | undefined): b is ViewBox {
	return (
		b != null && [b.xMin, b.xMax, b.yMin, b.yMax].every(Number.isFinite) && b.xMax > b.xMin && b.yMax > b.yMin
	);
}

/**
 * The SVG matrix (a, d, e, f of matrix(a 0 0 d e f)) that draws a grid's contour coordinates (0..nx, 0..ny,
 * row 0 at the grid box's top) at the place of the grid's own box in the frame.
 */
export function gridMatrix(
	f: Frame,
	gridBox: ViewBox,
	nx: number,
	ny: number
): [number, number, number, number] {
	return [
		((gridBox.xMax - gridBox.xMin) / nx) * f.kx,
		((gridBox.yMax - gridBox.yMin) / ny) * f.ky,
		toPx(f, gridBox.xMin),
		toPy(f, gridBox.yMax)
	];
}
