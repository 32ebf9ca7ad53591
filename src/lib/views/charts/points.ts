/**
 * The data points of the 2D plots: a strided sample of the training and the test rows, drawn as circles keyed
 * by split and row, each with its tooltip as an SVG title (set with .text() only).
 */
import type { Selection } from 'd3-selection';
import type { Dataset } from '../../core/models/matrix';

/** At most this many points are drawn per split (an evenly strided subset beyond it). */
export const MAX_DRAWN_POINTS = 2000;

/** A point as drawn: pixel position, class (-1 for none), split and tooltip. */
export interface PlotPoint {
	readonly key: string;
	readonly x: number;
	readonly y: number;
	readonly cls: number;
	readonly test: boolean;
	readonly tip: string;
}

/** Every how many rows a split of n rows is drawn. */
export function drawStride(n: number): number {
	return Math.max(1, Math.ceil(n / MAX_DRAWN_POINTS));
}

/** The drawn rows of the training then the test split, as `point` places them (null to skip a row). */
export function samplePoints(
	train: Dataset,
	test: Dataset,
	point: (ds: Dataset, i: number, isTest: boolean) => Omit<PlotPoint, 'key' | 'test'> | null
): PlotPoint[] {
	const pts: PlotPoint[] = [];
	for (const [ds, isTest] of [
		[train, false],
		[test, true]
	] as const) {
		const s = drawStride(ds.n);
		for (let i = 0; i < ds.n; i += s) {
			const p = point(ds, i, isTest);
			if (p) pts.push({ ...p, key: `${isTest ? 't' : 'r'}${i}`, test: isTest });
		}
	}
	return pts;
}

/** The points as circles with their tooltips, placed; returns the circles for the caller to colour. */
export function drawPoints(
	g: Selection<SVGGElement, unknown, null, undefined>,
	pts: readonly PlotPoint[]
): Selection<SVGCircleElement, PlotPoint, SVGGElement, unknown> {
	const circles = g
		.selectAll<SVGCircleElement, PlotPoint>('circle')
		.data(pts, (p) => p.key)
		.join((enter) => {
			const c = enter.append('circle');
			c.append('title');
			return c;
		})
		.attr('cx', (p) => p.x)
		.attr('cy', (p) => p.y);
	circles.select('title').text((p) => p.tip);
	return circles;
}
