/**
 * The loss chart: f(x_k) − f* against the iteration k for every visible run (log axis), or f(x_k) when f* is
 * unknown, with a cursor at the current iteration, a hover readout, click-and-drag scrubbing and a ✕ where a
 * run left the finite numbers. Imperative d3, no Svelte: a component creates it on a node and feeds it data.
 */
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import type { RunView } from '../types';
import { CHART_THEMES as THEMES, type ChartTheme as Theme } from './chart-theme';
import {
	formatTick,
	formatValue,
	nearestIteration,
	planYAxis,
	plottedValue,
	readoutValue,
	thinIndices,
	transformValue,
	type YAxisPlan
} from './loss-chart-data';

export interface LossChartData {
	/** A new array whenever a trajectory changes: lines are redrawn only when this (or fMin, steps, theme) does. */
	readonly runs: readonly RunView[];
	readonly fMin: number | undefined;
	readonly iteration: number;
	readonly steps: number;
	readonly theme: 'light' | 'dark';
	/** What the y axis calls the plotted value (default 'f(x)'), e.g. 'loss'. */
	readonly valueLabel?: string;
}

export interface LossChartCallbacks {
	/** The user clicked, dragged or pressed a key on the chart: go to this iteration. */
	onScrub(iteration: number): void;
	/** The iteration under the pointer, or null when the pointer leaves. */
	onHover?(iteration: number | null): void;
}

export interface LossChart {
	update(data: LossChartData): void;
	dispose(): void;
	/** The chart as a standalone SVG document (no hover readout), for export. */
	toSVGString(): string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const TICK_SIZE = 14;
const TITLE_SIZE = 15;
const LINE_WIDTH = 2.5;
/** Drawn past the plot's edge when a value is off the axis, so the clipped line leaves at the right slope. */
const OVERSHOOT = 40;
/** Lines after the cursor are drawn faintly: the race so far is what counts. */
const FUTURE_OPACITY = 0.22;
const MIN_WIDTH = 200;
const MIN_HEIGHT = 160;

let chartCount = 0;

function axisTitle(plan: YAxisPlan): string {
	if (plan.mode === 'log') return `${plan.label}  (log scale)`;
	if (plan.mode === 'symlog') return `${plan.label}  (symmetric log scale)`;
	return plan.label;
}

interface PathDatum {
	id: number;
	color: string;
	dash: string | null;
	d: string;
}

export function createLossChart(node: HTMLElement, callbacks: LossChartCallbacks): LossChart {
	const uid = `loss-chart-${++chartCount}`;
	const root = select(node)
		.append('div')
		.style('position', 'relative')
		.style('width', '100%')
		.style('height', '100%')
		.style('min-height', `${MIN_HEIGHT}px`)
		.style('font-family', FONT);

	const svg = root
		.append('svg')
		.attr('font-family', FONT)
		.attr('role', 'slider')
		.attr('tabindex', 0)
		.attr('aria-label', 'Loss chart: click, drag or use the arrow keys to choose the iteration')
		.attr('aria-valuemin', 0)
		.style('display', 'block')
		.style('outline-offset', '-2px')
		.style('user-select', 'none')
		// Horizontal drags scrub; vertical ones still scroll the page on touch screens.
		.style('touch-action', 'pan-y');
	const background = svg.append('rect').attr('x', 0).attr('y', 0);
	const defs = svg.append('defs');
	const plotClip = defs.append('clipPath').attr('id', `${uid}-plot`).append('rect');
	const pastClip = defs.append('clipPath').attr('id', `${uid}-past`).append('rect');
	const grid = svg.append('g');
	const yAxis = svg.append('g');
	const xAxis = svg.append('g');
	const titles = svg.append('g');
	const plot = svg.append('g').attr('clip-path', `url(#${uid}-plot)`);
	const future = plot.append('g').attr('opacity', FUTURE_OPACITY);
	const past = plot.append('g').attr('clip-path', `url(#${uid}-past)`);
	const cursor = svg.append('g');
	const cursorLine = cursor.append('line').attr('stroke-width', 1.5);
	const cursorLabel = cursor.append('text').attr('font-size', TICK_SIZE).attr('font-weight', 600);
	const crosses = svg.append('g');
	const dots = svg.append('g');
	const hoverLine = svg
		.append('line')
		.attr('stroke-width', 1)
		.attr('stroke-dasharray', '4 3')
		.style('display', 'none')
		.attr('data-hover', '');
	const overlay = svg
		.append('rect')
		.attr('fill', 'transparent')
		.style('cursor', 'col-resize')
		.attr('data-hover', '');

	const readout = root
		.append('div')
		.attr('aria-hidden', 'true')
		.style('position', 'absolute')
		.style('display', 'none')
		.style('pointer-events', 'none')
		.style('padding', '8px 10px')
		.style('border-radius', '6px')
		.style('font-size', '15px')
		.style('line-height', '1.35')
		.style('font-variant-numeric', 'tabular-nums')
		.style('box-shadow', '0 2px 8px rgba(0, 0, 0, 0.18)')
		.style('white-space', 'nowrap');

	let data: LossChartData | null = null;
	let width = 0;
	let height = 0;
	let plan: YAxisPlan | null = null;
	const x = scaleLinear();
	const y = scaleLinear();
	let hovered: number | null = null;
	let scrubbing = false;
	let lastScrub = -1;

	const theme = (): Theme => THEMES[data?.theme ?? 'light'];
	const visibleRuns = (): RunView[] => (data ? data.runs.filter((r) => r.visible && r.count > 0) : []);

	/** Pixel y of a plotted value, pushed just past the plot's edge when it is off the axis. */
	function yPixel(v: number): number {
		const p = y(transformValue(v, plan!.mode, plan!.constant));
		const [bottom, top] = y.range();
		return Math.min(bottom + OVERSHOOT, Math.max(top - OVERSHOOT, p));
	}

	function valueAt(run: RunView, k: number): number {
		return plottedValue(run.points[3 * k + 2], data!.fMin);
	}

	function layout(): boolean {
		const w = Math.max(MIN_WIDTH, Math.floor(node.clientWidth));
		const h = Math.max(MIN_HEIGHT, Math.floor(node.clientHeight));
		const changed = w !== width || h !== height;
		width = w;
		height = h;
		return changed;
	}

	function renderAll(): void {
		if (!data) return;
		const t = theme();
		const runs = visibleRuns();
		plan = planYAxis(runs, data.fMin, Math.max(3, Math.min(8, Math.floor(height / 48))));
		const yLabels = plan.ticks.map((v, i) =>
			i === 0 && plan!.floorShown ? `≤${formatTick(v)}` : formatTick(v)
		);
		const longest = Math.max(1, ...yLabels.map((s) => s.length));
		// Room for the longest y label on the left, and for half of the last x label ('20000') on the right.
		const margin = {
			top: 30,
			right: Math.max(18, Math.round(String(data.steps).length * 4.6 + 6)),
			bottom: 52,
			left: Math.round(34 + longest * 8.6)
		};

		svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
		svg.attr('aria-valuemax', data.steps);
		background.attr('width', width).attr('height', height).attr('fill', t.background);
		const left = margin.left;
		const right = width - margin.right;
		const top = margin.top;
		const bottom = height - margin.bottom;
		x.domain([0, Math.max(1, data.steps)]).range([left, right]);
		y.domain(plan.domain as [number, number]).range([bottom, top]);
		plotClip
			.attr('x', left)
			.attr('y', top)
			.attr('width', right - left)
			.attr('height', bottom - top);
		overlay
			.attr('x', left)
			.attr('y', top)
			.attr('width', right - left)
			.attr('height', bottom - top);

		drawAxes(t, yLabels);
		drawLines(runs);
		drawCrosses(t, runs);
		renderIteration();
		renderHover();
	}

	function drawAxes(t: Theme, yLabels: string[]): void {
		const [left, right] = x.range();
		const [bottom, top] = y.range();
		const yTicks = plan!.ticks.map((v, i) => ({
			v,
			label: yLabels[i],
			py: y(transformValue(v, plan!.mode, plan!.constant))
		}));
		const xTicks = x
			.ticks(Math.max(2, Math.floor((right - left) / 90)))
			.filter((v) => Number.isInteger(v))
			.map((v) => ({ v, label: String(v), px: x(v) }));

		grid.selectAll('*').remove();
		grid
			.selectAll('line')
			.data(yTicks)
			.join('line')
			.attr('x1', left)
			.attr('x2', right)
			.attr('y1', (d) => d.py)
			.attr('y2', (d) => d.py)
			.attr('stroke', t.grid)
			.attr('stroke-width', 1);
		grid
			.append('rect')
			.attr('x', left)
			.attr('y', top)
			.attr('width', right - left)
			.attr('height', bottom - top)
			.attr('fill', 'none')
			.attr('stroke', t.axis)
			.attr('stroke-width', 1);

		yAxis.selectAll('*').remove();
		yAxis
			.selectAll('text')
			.data(yTicks)
			.join('text')
			.attr('x', left - 8)
			.attr('y', (d) => d.py)
			.attr('dy', '0.35em')
			.attr('text-anchor', 'end')
			.attr('font-size', TICK_SIZE)
			.attr('fill', t.muted)
			.text((d) => d.label);

		xAxis.selectAll('*').remove();
		xAxis
			.selectAll('line')
			.data(xTicks)
			.join('line')
			.attr('x1', (d) => d.px)
			.attr('x2', (d) => d.px)
			.attr('y1', bottom)
			.attr('y2', bottom + 5)
			.attr('stroke', t.axis);
		xAxis
			.selectAll('text')
			.data(xTicks)
			.join('text')
			.attr('x', (d) => d.px)
			.attr('y', bottom + 8)
			.attr('dy', '0.9em')
			.attr('text-anchor', 'middle')
			.attr('font-size', TICK_SIZE)
			.attr('fill', t.muted)
			.text((d) => d.label);

		titles.selectAll('*').remove();
		titles
			.append('text')
			.attr('x', (left + right) / 2)
			.attr('y', height - 10)
			.attr('text-anchor', 'middle')
			.attr('font-size', TITLE_SIZE)
			.attr('fill', t.text)
			.text('iteration');
		titles
			.append('text')
			.attr('transform', `translate(16, ${(top + bottom) / 2}) rotate(-90)`)
			.attr('dy', '0.35em')
			.attr('text-anchor', 'middle')
			.attr('font-size', TITLE_SIZE)
			.attr('fill', t.text)
			.text(axisTitle(plan!).replace('f(x)', data?.valueLabel ?? 'f(x)'));
	}

	function linePath(run: RunView): string {
		const n = run.count;
		const values = new Float64Array(n);
		for (let k = 0; k < n; k++) values[k] = valueAt(run, k);
		const [left, right] = x.range();
		const indices = thinIndices(values, n, Math.max(64, Math.ceil(2 * (right - left))));
		let d = '';
		let pen = false;
		for (const k of indices) {
			const v = values[k];
			if (Number.isNaN(v)) {
				pen = false;
				continue;
			}
			d += `${pen ? 'L' : 'M'}${x(k).toFixed(1)},${yPixel(v).toFixed(1)}`;
			pen = true;
		}
		return d;
	}

	function drawLines(runs: RunView[]): void {
		const paths: PathDatum[] = runs.map((r) => ({
			id: r.id,
			color: r.color,
			dash: r.dash ?? null,
			d: linePath(r)
		}));
		for (const g of [future, past]) {
			g.selectAll<SVGPathElement, PathDatum>('path')
				.data(paths, (d) => d.id)
				.join('path')
				.attr('d', (d) => d.d)
				.attr('fill', 'none')
				.attr('stroke', (d) => d.color)
				.attr('stroke-dasharray', (d) => d.dash)
				.attr('stroke-width', LINE_WIDTH)
				.attr('stroke-linejoin', 'round')
				.attr('stroke-linecap', 'round');
		}
	}

	function drawCrosses(t: Theme, runs: RunView[]): void {
		const ended = runs
			.filter((r) => r.status !== 'ok')
			.map((r) => {
				const k = r.count - 1;
				const [bottom, top] = y.range();
				const py = Math.min(bottom - 8, Math.max(top + 8, yPixel(valueAt(r, k))));
				return { id: r.id, color: r.color, k, px: x(k), py };
			});
		const s = 7;
		const cross = (d: { px: number; py: number }) =>
			`M${d.px - s},${d.py - s}L${d.px + s},${d.py + s}M${d.px - s},${d.py + s}L${d.px + s},${d.py - s}`;
		const groups = crosses
			.selectAll<SVGGElement, (typeof ended)[number]>('g')
			.data(ended, (d) => d.id)
			.join((enter) => {
				const g = enter.append('g');
				g.append('path').attr('class', 'halo');
				g.append('path').attr('class', 'mark');
				return g;
			});
		groups
			.select('path.halo')
			.attr('d', cross)
			.attr('stroke', t.background)
			.attr('stroke-width', 7)
			.attr('stroke-linecap', 'round');
		groups
			.select('path.mark')
			.attr('d', cross)
			.attr('stroke', (d) => d.color)
			.attr('stroke-width', 3.5)
			.attr('stroke-linecap', 'round');
	}

	/** What changes with the iteration alone: the cursor, the clip of the race so far, the dots, the crosses. */
	function renderIteration(): void {
		if (!data || !plan) return;
		const t = theme();
		const k = nearestIteration(data.iteration, data.steps);
		const px = x(k);
		const [left, right] = x.range();
		const [bottom, top] = y.range();
		svg.attr('aria-valuenow', k).attr('aria-valuetext', `iteration ${k} of ${data.steps}`);
		pastClip
			.attr('x', left - OVERSHOOT)
			.attr('y', top - OVERSHOOT)
			.attr('width', Math.max(0, px - left + OVERSHOOT))
			.attr('height', bottom - top + 2 * OVERSHOOT);
		cursorLine.attr('x1', px).attr('x2', px).attr('y1', top).attr('y2', bottom).attr('stroke', t.cursor);
		const anchor = px > right - 30 ? 'end' : px < left + 30 ? 'start' : 'middle';
		cursorLabel
			.attr('x', px)
			.attr('y', top - 10)
			.attr('text-anchor', anchor)
			.attr('fill', t.text)
			.text(String(k));

		const points = visibleRuns()
			.filter((r) => k < r.count)
			.map((r) => ({ id: r.id, color: r.color, px, py: yPixel(valueAt(r, k)) }))
			.filter((d) => d.py >= top && d.py <= bottom);
		dots
			.selectAll<SVGCircleElement, (typeof points)[number]>('circle')
			.data(points, (d) => d.id)
			.join('circle')
			.attr('cx', (d) => d.px)
			.attr('cy', (d) => d.py)
			.attr('r', 5)
			.attr('fill', (d) => d.color)
			.attr('stroke', t.background)
			.attr('stroke-width', 1.5);
		crosses
			.selectAll<SVGGElement, { k: number }>('g')
			.attr('opacity', (d) => (k >= d.k ? 1 : FUTURE_OPACITY + 0.1));
	}

	function renderHover(): void {
		if (!data || !plan || hovered === null) {
			hoverLine.style('display', 'none');
			readout.style('display', 'none');
			return;
		}
		const t = theme();
		const k = hovered;
		const px = x(k);
		const [bottom, top] = y.range();
		hoverLine
			.style('display', null)
			.attr('x1', px)
			.attr('x2', px)
			.attr('y1', top)
			.attr('y2', bottom)
			.attr('stroke', t.muted);

		readout
			.style('display', 'block')
			.style('background', t.panel)
			.style('color', t.text)
			.style('border', `1px solid ${t.border}`);
		readout.selectAll('*').remove();
		const head = readout.append('div').style('display', 'flex').style('gap', '16px');
		head.append('span').style('font-weight', '600').text(`iteration ${k}`);
		head
			.append('span')
			.style('margin-left', 'auto')
			.style('color', t.muted)
			.text(plan.mode === 'log' ? 'f − f*' : 'f');
		const table = readout
			.append('div')
			.style('display', 'grid')
			.style('grid-template-columns', 'auto auto auto');
		table.style('column-gap', '10px').style('margin-top', '4px').style('align-items', 'center');
		for (const run of visibleRuns()) {
			table
				.append('span')
				.style('width', '14px')
				.style('height', '4px')
				.style('border-radius', '2px')
				.style('background', run.color);
			table.append('span').style('color', t.text).text(run.label);
			let value: string;
			if (k < run.count) value = formatValue(readoutValue(run.points[3 * k + 2], data.fMin));
			else if (run.status === 'singular') value = `✕ singular at ${run.count - 1}`;
			else value = `✕ diverged after ${run.count - 1}`;
			table
				.append('span')
				.style('text-align', 'right')
				.style('color', run.color)
				.style('font-weight', '600')
				.text(value);
		}

		// Beside the guide, on whichever side has room, inside the chart.
		const box = readout.node()!.getBoundingClientRect();
		const gap = 14;
		let leftPx = px + gap;
		if (leftPx + box.width > width - 4) leftPx = px - gap - box.width;
		leftPx = Math.max(4, Math.min(width - box.width - 4, leftPx));
		readout.style('left', `${leftPx}px`).style('top', `${top + 6}px`);
	}

	// ---- input --------------------------------------------------------------------------------------------

	function iterationAt(event: PointerEvent): number {
		const rect = (svg.node() as SVGSVGElement).getBoundingClientRect();
		return nearestIteration(x.invert(event.clientX - rect.left), data?.steps ?? 0);
	}

	function scrubTo(k: number): void {
		if (k === lastScrub) return;
		lastScrub = k;
		callbacks.onScrub(k);
	}

	function setHover(k: number | null): void {
		if (k === hovered) return;
		hovered = k;
		renderHover();
		callbacks.onHover?.(k);
	}

	const overlayNode = overlay.node() as SVGRectElement;
	const svgNode = svg.node() as SVGSVGElement;

	function onPointerDown(event: PointerEvent): void {
		if (!data || event.button !== 0) return;
		scrubbing = true;
		lastScrub = -1;
		overlayNode.setPointerCapture(event.pointerId);
		const k = iterationAt(event);
		setHover(k);
		scrubTo(k);
		event.preventDefault();
		svgNode.focus({ preventScroll: true });
	}

	function onPointerMove(event: PointerEvent): void {
		if (!data) return;
		const k = iterationAt(event);
		setHover(k);
		if (scrubbing) scrubTo(k);
	}

	function onPointerUp(event: PointerEvent): void {
		scrubbing = false;
		if (overlayNode.hasPointerCapture(event.pointerId)) overlayNode.releasePointerCapture(event.pointerId);
		if (event.pointerType !== 'mouse') setHover(null);
	}

	function onPointerLeave(): void {
		if (!scrubbing) setHover(null);
	}

	function onKeyDown(event: KeyboardEvent): void {
		if (!data) return;
		const k = nearestIteration(data.iteration, data.steps);
		const big = Math.max(1, Math.round(data.steps / 10));
		const moves: Record<string, number> = {
			ArrowLeft: k - 1,
			ArrowDown: k - 1,
			ArrowRight: k + 1,
			ArrowUp: k + 1,
			PageDown: k - big,
			PageUp: k + big,
			Home: 0,
			End: data.steps
		};
		const target = moves[event.key];
		if (target === undefined) return;
		event.preventDefault();
		lastScrub = -1;
		scrubTo(nearestIteration(target, data.steps));
	}

	overlayNode.addEventListener('pointerdown', onPointerDown);
	overlayNode.addEventListener('pointermove', onPointerMove);
	overlayNode.addEventListener('pointerup', onPointerUp);
	overlayNode.addEventListener('pointercancel', onPointerUp);
	overlayNode.addEventListener('pointerleave', onPointerLeave);
	svgNode.addEventListener('keydown', onKeyDown);

	const observer = new ResizeObserver(() => {
		if (layout()) renderAll();
	});
	observer.observe(node);
	layout();

	return {
		update(next: LossChartData): void {
			const prev = data;
			data = next;
			const full =
				!prev ||
				prev.runs !== next.runs ||
				!Object.is(prev.fMin, next.fMin) ||
				prev.steps !== next.steps ||
				prev.theme !== next.theme;
			if (full) {
				if (hovered !== null) hovered = Math.min(hovered, Math.max(0, Math.floor(next.steps)));
				renderAll();
			} else if (prev.iteration !== next.iteration) {
				renderIteration();
			}
		},

		dispose(): void {
			observer.disconnect();
			overlayNode.removeEventListener('pointerdown', onPointerDown);
			overlayNode.removeEventListener('pointermove', onPointerMove);
			overlayNode.removeEventListener('pointerup', onPointerUp);
			overlayNode.removeEventListener('pointercancel', onPointerUp);
			overlayNode.removeEventListener('pointerleave', onPointerLeave);
			svgNode.removeEventListener('keydown', onKeyDown);
			root.remove();
			data = null;
		},

		toSVGString(): string {
			const copy = svgNode.cloneNode(true) as SVGSVGElement;
			for (const el of Array.from(copy.querySelectorAll('[data-hover]'))) el.remove();
			for (const name of [
				'role',
				'tabindex',
				'aria-label',
				'aria-valuemin',
				'aria-valuemax',
				'aria-valuenow',
				'aria-valuetext'
			])
				copy.removeAttribute(name);
			copy.removeAttribute('style');
			// The serializer adds the SVG namespace declaration itself.
			return new XMLSerializer().serializeToString(copy);
		}
	};
}
