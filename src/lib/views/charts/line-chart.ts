/**
 * A small line chart for the regression panel's sweeps: train and test error against polynomial degree, and
 * the coefficient path against alpha (log x axis). A vertical marker shows the current setting; clicking the
 * plot picks the nearest x. Imperative d3; series in, SVG out; labels set with .text() only.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';
import { pointer, select } from 'd3-selection';
import { CHART_THEMES } from './chart-theme';

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

function superscript(n: number): string {
	const map: Record<string, string> = {
		'-': '⁻',
		'0': '⁰',
		'1': '¹',
		'2': '²',
		'3': '³',
		'4': '⁴',
		'5': '⁵',
		'6': '⁶',
		'7': '⁷',
		'8': '⁸',
		'9': '⁹'
	};
	return String(n)
		.split('')
		.map((c) => map[c] ?? c)
		.join('');
}

export function createLineChart(node: HTMLElement, callbacks: LineChartCallbacks = {}): LineChart {
	const root = select(node)
		.append('div')
		.style('position', 'relative')
		.style('width', '100%')
		.style('height', '100%');
	const svg = root.append('svg').style('display', 'block');
	const gridG = svg.append('g');
	const xAxisG = svg.append('g');
	const yAxisG = svg.append('g');
	const linesG = svg.append('g');
	const markerG = svg.append('g');
	const titles = svg.append('g');
	const hit = svg.append('rect').attr('fill', 'transparent').style('cursor', 'pointer');
	const legend = root
		.append('div')
		.style('position', 'absolute')
		.style('right', '10px')
		.style('top', '6px')
		.style('font-size', '12px')
		.style('line-height', '1.35')
		.style('padding', '3px 7px')
		.style('border-radius', '6px')
		.style('pointer-events', 'none')
		.style('max-height', 'calc(100% - 60px)')
		.style('overflow', 'hidden');
	let data: LineChartData | null = null;
	let width = 0;
	let height = 0;
	let xScale: ((v: number) => number) & { invert(p: number): number } = scaleLinear();

	function layout(): boolean {
		const r = node.getBoundingClientRect();
		const w = Math.floor(r.width);
		const h = Math.floor(r.height);
		if (w === width && h === height) return false;
		width = w;
		height = h;
		return true;
	}

	function render(): void {
		if (!data || width < 60 || height < 60) return;
		const d = data;
		const t = CHART_THEMES[d.theme];
		svg.attr('width', width).attr('height', height);
		const left = MARGIN.left;
		const right = width - MARGIN.right;
		const top = MARGIN.top;
		const bottom = height - MARGIN.bottom;
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
		xAxisG
			.attr('transform', `translate(0,${bottom})`)
			.call(
				axisBottom(xs)
					.tickValues(xTicks)
					.tickFormat((v) => formatTickValue(Number(v), !!d.xLog))
					.tickSizeOuter(0)
			)
			.call((g) => g.selectAll('text').attr('fill', t.muted).attr('font-size', 11))
			.call((g) => g.selectAll('line,path').attr('stroke', t.axis));
		yAxisG
			.attr('transform', `translate(${left},0)`)
			.call(
				axisLeft(ys)
					.tickValues(yTicks)
					.tickFormat((v) => formatTickValue(Number(v), !!d.yLog))
					.tickSizeOuter(0)
			)
			.call((g) => g.selectAll('text').attr('fill', t.muted).attr('font-size', 11))
			.call((g) => g.selectAll('line,path').attr('stroke', t.axis));
		titles.selectAll('*').remove();
		titles
			.append('text')
			.attr('x', (left + right) / 2)
			.attr('y', height - 8)
			.attr('text-anchor', 'middle')
			.attr('font-size', 12)
			.attr('fill', t.text)
			.text(d.xLabel);
		titles
			.append('text')
			.attr('transform', `translate(14,${(top + bottom) / 2}) rotate(-90)`)
			.attr('text-anchor', 'middle')
			.attr('dy', '0.35em')
			.attr('font-size', 12)
			.attr('fill', t.text)
			.text(d.yLabel);
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
		hit
			.attr('x', left)
			.attr('y', top)
			.attr('width', right - left)
			.attr('height', bottom - top);

		legend.style('background', t.panel).style('border', `1px solid ${t.border}`).style('color', t.text);
		legend
			.selectAll('div')
			.data(d.series.length <= 12 ? d.series : [])
			.join((enter) => {
				const div = enter.append('div');
				div.append('span').attr('class', 'key');
				div.append('span').attr('class', 'text');
				return div;
			})
			.call((div) =>
				div
					.select('span.key')
					.style('display', 'inline-block')
					.style('width', '16px')
					.style('margin', '0 6px 3px 0')
					.style('vertical-align', 'middle')
					.style('border-top', (s) => `2.5px ${s.dash ? 'dashed' : 'solid'} ${s.color}`)
			)
			.select('span.text')
			.text((s) => s.label);
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

	const observer = new ResizeObserver(() => {
		if (layout()) render();
	});
	observer.observe(node);
	layout();

	return {
		update(next) {
			data = next;
			render();
		},
		dispose() {
			observer.disconnect();
			root.remove();
		}
	};
}
