/**
 * A small line chart for the regression panel's sweeps: train and test error against polynomial degree, and
 * the coefficient path against alpha (log x axis). A vertical marker shows the current setting; clicking the
 * plot picks the nearest x. Imperative d3; series in, SVG out; labels set with .text() only.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';
import { pointer } from 'd3-selection';
import { drawAxes, drawAxisTitles, plotRect, setRect } from './axes';
import { mountView } from './chart-dom';
import { CHART_THEMES } from './chart-theme';
import { superscript } from './format';
import { appendLegend, drawLegend, type LegendKeys } from './legend';

export interface LineSeries {
	readonly id: string;
	readonly label: string;
	readonly color: string;
	readonly dash?: string;
	readonly x: readonly number[];
	/** NaN breaks the line. */
	readonly y: readonly number[];
	/** Draw a dot at every point. */
	readonly dots?: boolean;
}

export interface LineChartData {
	readonly series: readonly LineSeries[];
	readonly xLabel: string;
	readonly yLabel: string;
	readonly xLog?: boolean;
	readonly yLog?: boolean;
	/** A vertical line at this x (the current degree or alpha). */
	readonly marker?: number;
	readonly markerLabel?: string;
	/** A horizontal reference line (e.g. y = 0 on a coefficient path). */
	readonly zeroLine?: boolean;
	readonly theme: 'light' | 'dark';
}

export interface LineChartCallbacks {
	/** The user clicked at this x (nearest data x). */
	onPick?(x: number): void;
}

export interface LineChart {
	update(data: LineChartData): void;
	dispose(): void;
}

const MARGIN = { top: 12, right: 14, bottom: 42, left: 60 };
/** The legend's keys (the series are lines). */
const LEGEND_KEYS: LegendKeys = { dot: 8, ring: 1.5, line: 16, lineWidth: 2.5, lift: 3 };
/** The legend lists the series only when there are at most this many. */
const MAX_LEGEND_ROWS = 12;

/** Tick labels: short decimals, or 10ⁿ on log axes. */
export function formatTickValue(v: number, log: boolean): string {
	if (log) {
		const e = Math.log10(v);
		if (Math.abs(e - Math.round(e)) < 1e-9) return `10${superscript(Math.round(e))}`;
		return '';
	}
	if (v === 0) return '0';
	const a = Math.abs(v);
	if (a >= 1e4 || a < 1e-3) return v.toExponential(0).replace('e+', 'e');
	return String(Number(v.toPrecision(3)));
}

export function createLineChart(node: HTMLElement, callbacks: LineChartCallbacks = {}): LineChart {
	const view = mountView(node, () => render());
	const root = view.root;
	const svg = root.append('svg').style('display', 'block');
	const gridG = svg.append('g');
	const xAxisG = svg.append('g');
	const yAxisG = svg.append('g');
	const linesG = svg.append('g');
	const markerG = svg.append('g');
	const titles = svg.append('g');
	const hit = svg.append('rect').attr('fill', 'transparent').style('cursor', 'pointer');
	const legend = appendLegend(root, 10, 6, '3px 7px')
		.style('max-height', 'calc(100% - 60px)')
		.style('overflow', 'hidden');
	let data: LineChartData | null = null;
	let xScale: ((v: number) => number) & { invert(p: number): number } = scaleLinear();

	function render(): void {
		const { width, height } = view;
		if (!data || width < 60 || height < 60) return;
		const d = data;
		const t = CHART_THEMES[d.theme];
		svg.attr('width', width).attr('height', height);
		const r = plotRect(MARGIN, width, height);
		const { left, top, right, bottom } = r;
		let xlo = Infinity;
		let xhi = -Infinity;
		let ylo = Infinity;
		let yhi = -Infinity;
		for (const s of d.series)
			for (let i = 0; i < s.x.length; i++) {
				const xv = s.x[i];
				const yv = s.y[i];
				if (Number.isFinite(xv) && (!d.xLog || xv > 0)) {
					xlo = Math.min(xlo, xv);
					xhi = Math.max(xhi, xv);
				}
				if (Number.isFinite(yv) && (!d.yLog || yv > 0)) {
					ylo = Math.min(ylo, yv);
					yhi = Math.max(yhi, yv);
				}
			}
		if (!(xlo < xhi)) [xlo, xhi] = d.xLog ? [0.1, 10] : [0, 1];
		if (!(ylo < yhi))
			[ylo, yhi] = d.yLog
				? [ylo > 0 && ylo < Infinity ? ylo / 10 : 0.1, ylo > 0 && ylo < Infinity ? ylo * 10 : 10]
				: [Math.min(0, ylo === Infinity ? 0 : ylo) - 1, Math.max(0, yhi === -Infinity ? 0 : yhi) + 1];
		const xs = (d.xLog ? scaleLog() : scaleLinear()).domain([xlo, xhi]).range([left, right]);
		const ysBase = d.yLog ? scaleLog().domain([ylo, yhi]).nice() : scaleLinear().domain([ylo, yhi]).nice();
		const ys = ysBase.range([bottom, top]);
		xScale = xs;
		const xTicks = d.xLog
			? xs.ticks().filter((v) => formatTickValue(v, true) !== '')
			: xs.ticks(Math.max(2, Math.floor((right - left) / 70)));
		const yTicksAll = ys.ticks(Math.max(2, Math.floor((bottom - top) / 40)));
		const yTicks = d.yLog ? yTicksAll.filter((v) => formatTickValue(v, true) !== '') : yTicksAll;
		gridG
			.selectAll('line')
			.data(yTicks)
			.join('line')
			.attr('x1', left)
			.attr('x2', right)
			.attr('y1', (v) => ys(v))
			.attr('y2', (v) => ys(v))
			.attr('stroke', t.grid);
		const xAxis = axisBottom(xs)
			.tickValues(xTicks)
			.tickFormat((v) => formatTickValue(Number(v), !!d.xLog))
			.tickSizeOuter(0);
		const yAxis = axisLeft(ys)
			.tickValues(yTicks)
			.tickFormat((v) => formatTickValue(Number(v), !!d.yLog))
			.tickSizeOuter(0);
		drawAxes(xAxisG, yAxisG, xAxis, yAxis, r, t);
		drawAxisTitles(titles, d.xLabel, d.yLabel, r, height, t);
		if (d.zeroLine && !d.yLog && ylo < 0 && yhi > 0)
			gridG
				.append('line')
				.attr('x1', left)
				.attr('x2', right)
				.attr('y1', ys(0))
				.attr('y2', ys(0))
				.attr('stroke', t.axis);

		const clampY = (v: number) => Math.max(top - 2, Math.min(bottom + 2, ys(v)));
		const path = (s: LineSeries): string => {
			let p = '';
			let pen = false;
			for (let i = 0; i < s.x.length; i++) {
				const yv = s.y[i];
				if (!Number.isFinite(yv) || (d.yLog && yv <= 0)) {
					pen = false;
					continue;
				}
				p += `${pen ? 'L' : 'M'}${xs(s.x[i]).toFixed(1)},${clampY(yv).toFixed(1)}`;
				pen = true;
			}
			return p;
		};
		const groups = linesG
			.selectAll<SVGGElement, LineSeries>('g.series')
			.data(d.series, (s) => s.id)
			.join((enter) => {
				const g = enter.append('g').attr('class', 'series');
				g.append('path').attr('class', 'line').attr('fill', 'none');
				g.append('g').attr('class', 'dots');
				return g;
			});
		groups
			.select('path.line')
			.attr('d', path)
			.attr('stroke', (s) => s.color)
			.attr('stroke-width', 2)
			.attr('stroke-dasharray', (s) => s.dash ?? null);
		groups
			.select('g.dots')
			.selectAll('circle')
			.data((s) =>
				s.dots
					? s.x
							.map((xv, i) => ({ x: xv, y: s.y[i], color: s.color }))
							.filter((p) => Number.isFinite(p.y) && (!d.yLog || p.y > 0))
					: []
			)
			.join('circle')
			.attr('cx', (p) => xs(p.x))
			.attr('cy', (p) => clampY(p.y))
			.attr('r', 3)
			.attr('fill', (p) => p.color);

		markerG.selectAll('*').remove();
		if (d.marker !== undefined && Number.isFinite(d.marker) && (!d.xLog || d.marker > 0)) {
			const mx = Math.max(left, Math.min(right, xs(d.marker)));
			markerG
				.append('line')
				.attr('x1', mx)
				.attr('x2', mx)
				.attr('y1', top)
				.attr('y2', bottom)
				.attr('stroke', t.cursor)
				.attr('stroke-dasharray', '4 3');
			if (d.markerLabel)
				markerG
					.append('text')
					.attr('x', mx + 4)
					.attr('y', bottom - 6)
					.attr('font-size', 11)
					.attr('fill', t.text)
					.text(d.markerLabel);
		}
		setRect(hit, r);

		const rows = d.series.length <= MAX_LEGEND_ROWS ? d.series : [];
		const items = rows.map((s) => ({ color: s.color, text: s.label, kind: 'line' as const, dash: !!s.dash }));
		drawLegend(legend, items, LEGEND_KEYS, t);
	}

	hit.on('click', (event: MouseEvent) => {
		if (!data || !callbacks.onPick) return;
		const [mx] = pointer(event, svg.node());
		const target = xScale.invert(mx);
		let best = Number.NaN;
		for (const s of data.series)
			for (const xv of s.x)
				if (
					Number.isNaN(best) ||
					Math.abs(data.xLog ? Math.log(xv / target) : xv - target) <
						Math.abs(data.xLog ? Math.log(best / target) : best - target)
				)
					best = xv;
		if (Number.isFinite(best)) callbacks.onPick(best);
	});

	return {
		update(next) {
			data = next;
			render();
		},
		dispose: view.remove
	};
}
