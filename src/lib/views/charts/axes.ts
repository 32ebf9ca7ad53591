/**
 * The frame of the 2D plots: the plot rectangle, grid lines at the ticks, a bottom and a left axis in the
 * theme's colours, and the axis titles (set with .text() only).
 */
import type { Axis } from 'd3-axis';
import type { NumberValue } from 'd3-scale';
import type { Selection } from 'd3-selection';
import type { ChartTheme } from './chart-theme';

type G = Selection<SVGGElement, unknown, null, undefined>;
type Scale = (v: number) => number;

/** The plot area inside the margins, in pixels. */
export interface PlotRect {
	readonly left: number;
	readonly top: number;
	readonly right: number;
	readonly bottom: number;
}

/** The plot area of a width × height view with these margins. */
export function plotRect(
	margin: { top: number; right: number; bottom: number; left: number },
	width: number,
	height: number
): PlotRect {
	return { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
}

/** Places a rect (a clip path, a frame, a hit area) over the plot area. */
export function setRect(
	rect: Selection<SVGRectElement, unknown, null, undefined>,
	{ left, top, right, bottom }: PlotRect
): void {
	rect
		.attr('x', left)
		.attr('y', top)
		.attr('width', right - left)
		.attr('height', bottom - top);
}

/** Ticks about every 80 pixels across and 50 up. */
export function plotTicks(
	xs: { ticks(count: number): number[] },
	ys: { ticks(count: number): number[] },
	{ left, top, right, bottom }: PlotRect
): { xTicks: number[]; yTicks: number[] } {
	return {
		xTicks: xs.ticks(Math.max(2, Math.floor((right - left) / 80))),
		yTicks: ys.ticks(Math.max(2, Math.floor((bottom - top) / 50)))
	};
}

/** Vertical grid lines at `xTicks` and horizontal ones at `yTicks` (either may be empty). */
export function drawGrid(
	grid: G,
	xs: Scale,
	ys: Scale,
	xTicks: readonly number[],
	yTicks: readonly number[],
	{ left, top, right, bottom }: PlotRect,
	t: ChartTheme
): void {
	grid
		.selectAll('line.gx')
		.data(xTicks)
		.join('line')
		.attr('class', 'gx')
		.attr('x1', (v) => xs(v))
		.attr('x2', (v) => xs(v))
		.attr('y1', top)
		.attr('y2', bottom)
		.attr('stroke', t.grid);
	grid
		.selectAll('line.gy')
		.data(yTicks)
		.join('line')
		.attr('class', 'gy')
		.attr('x1', left)
		.attr('x2', right)
		.attr('y1', (v) => ys(v))
		.attr('y2', (v) => ys(v))
		.attr('stroke', t.grid);
}

/** Tick labels in the muted colour at 11px; ticks and the domain line in the axis colour. */
function styleAxis(g: G, t: ChartTheme): void {
	g.selectAll('text').attr('fill', t.muted).attr('font-size', 11);
	g.selectAll('line,path').attr('stroke', t.axis);
}

/** The x axis along the plot's bottom edge and the y axis along its left edge. */
export function drawAxes(
	xAxisG: G,
	yAxisG: G,
	xAxis: Axis<NumberValue>,
	yAxis: Axis<NumberValue>,
	{ left, bottom }: PlotRect,
	t: ChartTheme
): void {
	xAxisG.attr('transform', `translate(0,${bottom})`).call(xAxis).call(styleAxis, t);
	yAxisG.attr('transform', `translate(${left},0)`).call(yAxis).call(styleAxis, t);
}

/** The x title centred under the x axis and the y title turned along the left edge. */
export function drawAxisTitles(
	titles: G,
	xTitle: string,
	yTitle: string,
	{ left, top, right, bottom }: PlotRect,
	height: number,
	t: ChartTheme
): void {
	titles
		.selectAll('text.x')
		.data([xTitle])
		.join('text')
		.attr('class', 'x')
		.attr('x', (left + right) / 2)
		.attr('y', height - 8)
		.attr('text-anchor', 'middle')
		.attr('font-size', 12)
		.attr('fill', t.text)
		.text((s) => s);
	titles
		.selectAll('text.y')
		.data([yTitle])
		.join('text')
		.attr('class', 'y')
		.attr('transform', `translate(14,${(top + bottom) / 2}) rotate(-90)`)
		.attr('text-anchor', 'middle')
		.attr('dy', '0.35em')
		.attr('font-size', 12)
		.attr('fill', t.text)
		.text((s) => s);
}
