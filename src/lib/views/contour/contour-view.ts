/**
 * The contour map: an imperative d3 renderer of a function's filled contours with optimizer trajectories,
 * known minima, a draggable start point, zoom and pan, and optional gradient-field and Newton-model overlays.
 * Svelte-free: a component creates it on a node, feeds it ContourViewData and disposes it.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { drag, type D3DragEvent } from 'd3-drag';
import { scaleLinear } from 'd3-scale';
import { pointer, select, type BaseType, type Selection } from 'd3-selection';
import { symbol, symbolStar } from 'd3-shape';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomTransform } from 'd3-zoom';
import { createLogScale, type LogScale } from '../../core/grid/log-scale';
import type { KnownMinimum, ViewBox } from '../../core/objective';
import { valueColor } from '../color';
import type { RunView } from '../types';
import {
	boxesClose,
	createFrame,
	fitBox,
	fromPx,
	fromPy,
	gridMatrix,
	isValidBox,
	toPx,
	toPy,
	zoomedBox,
	type Frame
} from './geometry';
import { formatValue, legendTicks } from './legend';
import { gradientArrowsPath, newtonModel } from './overlays';
import { clampPixel, contourPaths, dotsPath, polylinePath, QUANTUM } from './paths';
import { FONT_FAMILY, MATH_FONT_FAMILY, ON_FIELD, PALETTES, type Palette } from './theme';
import type { ContourView, ContourViewCallbacks, ContourViewData, OverlayShape } from './types';

export type { ContourView, ContourViewCallbacks, ContourViewData } from './types';
export { gridResolution } from './geometry';

const SVG_NS = 'http://www.w3.org/2000/svg';
const MARGIN = { top: 30, right: 136, bottom: 56, left: 68 };
const TICK_FONT = 14;
const LABEL_FONT = 15;
const AXIS_LABEL_FONT = 19;
const LEGEND_BAR = 16;
/** Runs with more points than this on screen are drawn without per-iterate dots. */
const MAX_DOTS = 200;
/** Zoom limits, in data units of the visible width. */
const MIN_WIDTH = 1e-7;
const MAX_WIDTH = 1e7;

let instances = 0;

type G = Selection<SVGGElement, unknown, null, undefined>;

interface Dirty {
	layout: boolean;
	field: boolean;
	legend: boolean;
	position: boolean;
	minima: boolean;
	runs: boolean;
	start: boolean;
	hover: boolean;
	gradient: boolean;
	newton: boolean;
}

function allDirty(): Dirty {
	return {
		layout: true,
		field: true,
		legend: true,
		position: true,
		minima: true,
		runs: true,
		start: true,
		hover: true,
		gradient: true,
		newton: true
	};
}

export function createContourView(node: HTMLElement, callbacks: ContourViewCallbacks): ContourView {
	const uid = `contour-view-${++instances}`;
	let data: ContourViewData | null = null;
	let palette: Palette = PALETTES.light;
	// Size of the whole SVG and of the plot area, in CSS pixels.
	let width = 0;
	let height = 0;
	let w = 0;
	let h = 0;
	// requested: the region that must stay visible; base: the fitted box at the identity zoom transform;
	// current: what is visible now (base seen through the zoom transform while a gesture runs).
	let requested: ViewBox | null = null;
	let base: ViewBox | null = null;
	let current: ViewBox | null = null;
	let frame: Frame | null = null;
	let homeBox: ViewBox | null = null;
	let silent = false;
	let disposed = false;
	const recentlyEmitted: ViewBox[] = [];
	let pendingEmit: ViewBox | null = null;
	let frameRequest = 0;
	let localHover: { x: number; y: number } | null = null;
	let dragStart: readonly [number, number] | null = null;
	let dirty = allDirty();
	let logScale: LogScale | null = null;

	// ---- DOM ---------------------------------------------------------------------------------------------
	// Two stacked SVGs: the contour field below, on its own compositing layer (will-change), so that redrawing
	// trajectories on every pointer move does not repaint tens of thousands of contour vertices; axes, legend,
	// overlays and handles above. toSVGString merges them back into one document.
	const root = select(node)
		.append('div')
		.attr('class', 'contour-view')
		.style('position', 'relative')
		.style('width', '100%')
		.style('height', '100%')
		.style('overflow', 'hidden');
	const fieldSvg = root
		.append('svg')
		.attr('xmlns', SVG_NS)
		.attr('aria-hidden', 'true')
		.style('position', 'absolute')
		.style('left', '0')
		.style('top', '0')
		.style('pointer-events', 'none')
		.style('will-change', 'transform');
	const svg = root
		.append('svg')
		.attr('xmlns', SVG_NS)
		.attr('role', 'group')
		.attr('aria-label', 'Contour map of the function with optimizer trajectories')
		.attr('font-family', FONT_FAMILY)
		.style('position', 'absolute')
		.style('left', '0')
		.style('top', '0')
		.style('user-select', 'none')
		.style('-webkit-user-select', 'none')
		.style('touch-action', 'none');

	const fieldDefs = fieldSvg.append('defs');
	const fieldClipRect = fieldDefs.append('clipPath').attr('id', `${uid}-field-clip`).append('rect');
	const hatch = fieldDefs
		.append('pattern')
		.attr('id', `${uid}-hatch`)
		.attr('patternUnits', 'userSpaceOnUse')
		.attr('width', 6)
		.attr('height', 6)
		.attr('patternTransform', 'rotate(45)');
	const hatchBack = hatch.append('rect').attr('width', 6).attr('height', 6);
	const hatchLine = hatch
		.append('line')
		.attr('x1', 0)
		.attr('y1', 0)
		.attr('x2', 0)
		.attr('y2', 6)
		.attr('stroke-width', 2);
	const fieldPlot = fieldSvg.append('g').attr('class', 'field-plot');
	const plotBackground = fieldPlot.append('rect');
	const field = fieldPlot
		.append('g')
		.attr('clip-path', `url(#${uid}-field-clip)`)
		.append('g')
		.attr('class', 'field');
	const fieldBase = field.append('rect');
	const bandsG = field.append('g').attr('class', 'bands');
	const undefinedPath = field
		.append('path')
		.attr('class', 'undefined')
		.attr('fill', `url(#${uid}-hatch)`)
		.attr('fill-rule', 'evenodd');
	undefinedPath.append('title').text('f is undefined here');
	const isolines = field
		.append('path')
		.attr('class', 'isolines')
		.attr('fill', 'none')
		.attr('stroke', ON_FIELD.isoline)
		.attr('stroke-width', 0.9)
		.attr('vector-effect', 'non-scaling-stroke');

	const clipRect = svg.append('defs').append('clipPath').attr('id', `${uid}-clip`).append('rect');
	const plot = svg.append('g').attr('class', 'plot').style('cursor', 'crosshair') as G;
	// Transparent, but painted: it takes the pointer for zoom, pan, hover and click-to-place.
	const background = plot.append('rect').attr('class', 'background').attr('fill', 'transparent');
	const clipped = plot.append('g').attr('clip-path', `url(#${uid}-clip)`);
	const gradientG = clipped.append('g').attr('class', 'gradient-field').attr('pointer-events', 'none');
	const gradientHalo = haloPath(gradientG, ON_FIELD.halo, 3.6);
	const gradientArrows = haloPath(gradientG, ON_FIELD.arrow, 1.5);
	const shapesG = clipped.append('g').attr('class', 'shapes').attr('pointer-events', 'none');
	const newtonG = clipped.append('g').attr('class', 'newton-model').attr('pointer-events', 'none');
	const newtonHalo = haloPath(newtonG, ON_FIELD.halo, 3.5)
		.attr('stroke-opacity', 0.7)
		.attr('vector-effect', 'non-scaling-stroke');
	const newtonCurves = haloPath(newtonG, '#fff', 2)
		.attr('vector-effect', 'non-scaling-stroke')
		.attr('stroke-dasharray', '8 5')
		.attr('stroke-linecap', 'butt');
	const newtonStep = haloPath(newtonG, '#fff', 1.5).attr('stroke-dasharray', '2 4');
	const newtonCentre = newtonG.append('g');
	newtonCentre
		.append('circle')
		.attr('r', 6.5)
		.attr('fill', 'none')
		.attr('stroke', ON_FIELD.halo)
		.attr('stroke-width', 4);
	const newtonCentreRing = newtonCentre
		.append('circle')
		.attr('r', 6.5)
		.attr('fill', 'none')
		.attr('stroke-width', 2);
	const newtonCentreCross = newtonCentre
		.append('path')
		.attr('d', 'M-3.5,0H3.5M0,-3.5V3.5')
		.attr('stroke-width', 2);
	const runsG = clipped.append('g').attr('class', 'runs').attr('pointer-events', 'none');
	const minimaG = clipped.append('g').attr('class', 'minima');
	const hoverG = clipped
		.append('g')
		.attr('class', 'hover')
		.attr('pointer-events', 'none')
		.attr('display', 'none');
	const runStartsG = clipped.append('g').attr('class', 'run-starts');
	const startG = clipped
		.append('g')
		.attr('class', 'start-handle')
		.attr('data-handle', '')
		.attr('tabindex', 0)
		.attr('role', 'button')
		.attr('aria-label', 'Start point')
		.attr('aria-roledescription', 'draggable point')
		.style('cursor', 'grab')
		.style('outline', 'none');
	const startTitle = startG.append('title');
	const startFocus = startG
		.append('circle')
		.attr('r', 16)
		.attr('fill', 'none')
		.attr('stroke-width', 2.5)
		.attr('display', 'none');
	startG.append('circle').attr('r', 18).attr('fill', 'transparent');
	startG
		.append('circle')
		.attr('r', 9.5)
		.attr('fill', ON_FIELD.markerFill)
		.attr('stroke', ON_FIELD.markerStroke)
		.attr('stroke-width', 2.5);
	startG.append('circle').attr('r', 2.6).attr('fill', ON_FIELD.markerStroke);
	const frameRect = plot
		.append('rect')
		.attr('fill', 'none')
		.attr('pointer-events', 'none')
		.attr('stroke-width', 1);

	const xAxisG = svg.append('g').attr('class', 'x-axis');
	const yAxisG = svg.append('g').attr('class', 'y-axis');
	const xLabel = axisLabel('x');
	const yLabel = axisLabel('y');
	const legendG = svg.append('g').attr('class', 'legend').attr('pointer-events', 'none');
	const legendBands = legendG.append('g');
	const legendFrame = legendG.append('rect').attr('fill', 'none').attr('stroke-width', 1);
	const legendTicksG = legendG.append('g');
	const legendTitle = legendG
		.append('text')
		.attr('font-family', MATH_FONT_FAMILY)
		.attr('font-style', 'italic')
		.attr('font-size', AXIS_LABEL_FONT)
		.attr('text-anchor', 'middle')
		.text('f');

	// Hover crosshair and readout.
	const hoverMarker = hoverG.append('g');
	hoverMarker
		.append('path')
		.attr('d', crosshair())
		.attr('stroke', ON_FIELD.halo)
		.attr('stroke-width', 4)
		.attr('fill', 'none');
	hoverMarker
		.append('path')
		.attr('d', crosshair())
		.attr('stroke', '#fff')
		.attr('stroke-width', 1.75)
		.attr('fill', 'none');
	const hoverLabel = hoverG.append('g');
	const hoverLabelBox = hoverLabel.append('rect').attr('rx', 4).attr('stroke-width', 1);
	const hoverLabelText = hoverLabel
		.append('text')
		.attr('font-size', LABEL_FONT)
		.attr('dominant-baseline', 'central');

	function haloPath<D, P extends BaseType, PD>(
		parent: Selection<SVGGElement, D, P, PD>,
		stroke: string,
		widthPx: number
	): Selection<SVGPathElement, D, P, PD> {
		return parent
			.append('path')
			.attr('fill', 'none')
			.attr('stroke', stroke)
			.attr('stroke-width', widthPx)
			.attr('stroke-linecap', 'round')
			.attr('stroke-linejoin', 'round');
	}

	function axisLabel(text: string) {
		return svg
			.append('text')
			.attr('font-family', MATH_FONT_FAMILY)
			.attr('font-style', 'italic')
			.attr('font-size', AXIS_LABEL_FONT)
			.attr('text-anchor', 'middle')
			.attr('dominant-baseline', 'central')
			.text(text);
	}

	function crosshair(): string {
		return 'M-7,0a7,7 0 1,0 14,0a7,7 0 1,0 -14,0M-14,0H-9M9,0H14M0,-14V-9M0,9V14';
	}

	// ---- zoom and pan ------------------------------------------------------------------------------------
	const zoomBehavior = zoom<SVGGElement, unknown>()
		.filter((event: Event) => {
			const e = event as MouseEvent;
			if (e.type === 'wheel') return true;
			if (isHandle(e.target)) return false;
			return !e.ctrlKey && !e.button;
		})
		.on('zoom', (event: D3ZoomEvent<SVGGElement, unknown>) => {
			if (silent || base === null) return;
			current = zoomedBox(base, event.transform, w, h);
			setFrame();
			markPosition();
			render();
			emitView(current);
		})
		.on('end', (event: D3ZoomEvent<SVGGElement, unknown>) => {
			const t = event.transform;
			// A plain click also starts and ends a gesture: nothing moved, nothing to rebase.
			if (silent || current === null || (t.k === 1 && t.x === 0 && t.y === 0)) return;
			requested = current;
			rebase(current);
			render();
		});
	// A click that wobbles a few pixels is still a click (it moves the start point rather than panning).
	zoomBehavior.clickDistance(4);
	plot.call(zoomBehavior).on('dblclick.zoom', null);

	function isHandle(target: EventTarget | null): boolean {
		return target instanceof Element && target.closest('[data-handle]') !== null;
	}

	/** Makes `box` the identity of the zoom transform, without emitting zoom events. */
	function rebase(box: ViewBox): void {
		base = box;
		current = box;
		const span = box.xMax - box.xMin;
		silent = true;
		zoomBehavior.scaleExtent([span / MAX_WIDTH, span / MIN_WIDTH]);
		zoomBehavior.transform(plot, zoomIdentity as ZoomTransform);
		silent = false;
		setFrame();
		markPosition();
	}

	/** Shows at least `box` (made equal-aspect); reports the fitted box when the caller's differs. */
	function adopt(box: ViewBox, report: boolean): void {
		requested = box;
		if (w <= 0 || h <= 0) return;
		const fitted = fitBox(box, w, h);
		rebase(fitted);
		if (report || !boxesClose(fitted, box)) emitView(fitted);
	}

	function emitView(box: ViewBox): void {
		recentlyEmitted.push(box);
		if (recentlyEmitted.length > 24) recentlyEmitted.shift();
		pendingEmit = box;
		schedule();
	}

	function schedule(): void {
		if (frameRequest !== 0 || disposed) return;
		frameRequest = requestAnimationFrame(() => {
			frameRequest = 0;
			const box = pendingEmit;
			pendingEmit = null;
			// Only news: nothing to say when the caller already shows this box.
			if (box !== null && !(data !== null && boxesClose(data.box, box))) callbacks.onViewChange({ ...box });
		});
	}

	function setFrame(): void {
		frame = current !== null && w > 0 && h > 0 ? createFrame(current, w, h) : null;
	}

	function markPosition(): void {
		dirty.position = true;
		dirty.minima = true;
		dirty.runs = true;
		dirty.start = true;
		dirty.hover = true;
		dirty.gradient = true;
		dirty.newton = true;
	}

	// ---- pointer: hover, click to move the start, drags ----------------------------------------------------
	function dataPoint(event: Event): { x: number; y: number; px: number; py: number } | null {
		if (frame === null) return null;
		const [px, py] = pointer(event, plot.node());
		if (px < 0 || py < 0 || px > w || py > h) return null;
		return { x: fromPx(frame, px), y: fromPy(frame, py), px, py };
	}

	/** Start coordinates rounded to a tenth of a pixel's worth of data, in round decimal steps. */
	function roundToView(v: number): number {
		if (frame === null) return v;
		const step = 10 ** Math.floor(Math.log10(1 / frame.kx / 10 + Number.MIN_VALUE));
		return Number((Math.round(v / step) * step).toPrecision(12));
	}

	plot.on('pointermove.hover', (event: PointerEvent) => {
		const target = event.target instanceof Element ? event.target.closest('[data-minimum]') : null;
		let p: { x: number; y: number } | null;
		if (target !== null) {
			const m = select(target).datum() as KnownMinimum;
			p = { x: m.x, y: m.y };
		} else {
			const q = dataPoint(event);
			p = q === null ? null : { x: q.x, y: q.y };
		}
		setLocalHover(p);
	});
	plot.on('pointerleave.hover', () => setLocalHover(null));

	function setLocalHover(p: { x: number; y: number } | null): void {
		// No hover readout while a start point is dragged: it would cost a layout and a linked redraw of every
		// view on each pointer move, and the handle itself shows where the pointer is.
		if (handleDragging && p !== null) return;
		if (
			p === localHover ||
			(p !== null && localHover !== null && p.x === localHover.x && p.y === localHover.y)
		)
			return;
		localHover = p;
		dirty.hover = true;
		render();
		callbacks.onHover(p === null ? null : { ...p });
	}

	plot.on('click.start', (event: MouseEvent) => {
		if (event.defaultPrevented || event.target !== background.node()) return;
		const q = dataPoint(event);
		if (q === null) return;
		moveSharedStart(roundToView(q.x), roundToView(q.y));
	});

	let handleDragging = false;

	function beginHandleDrag(): void {
		setLocalHover(null);
		handleDragging = true;
	}

	function moveSharedStart(x: number, y: number): void {
		dragStart = [x, y];
		dirty.start = true;
		render();
		callbacks.onStartChange(null, x, y);
	}

	const startDrag = drag<SVGGElement, unknown>()
		.container(() => plot.node() as SVGGElement)
		.subject(() => {
			const s = dragStart ?? data?.start ?? [0, 0];
			return frame === null ? { x: 0, y: 0 } : { x: toPx(frame, s[0]), y: toPy(frame, s[1]) };
		})
		.on('start', () => {
			startG.style('cursor', 'grabbing');
			beginHandleDrag();
		})
		.on('drag', (event: D3DragEvent<SVGGElement, unknown, { x: number; y: number }>) => {
			if (frame === null) return;
			const px = Math.min(w, Math.max(0, event.x));
			const py = Math.min(h, Math.max(0, event.y));
			moveSharedStart(roundToView(fromPx(frame, px)), roundToView(fromPy(frame, py)));
		})
		.on('end', () => {
			startG.style('cursor', 'grab');
			handleDragging = false;
		});
	startG.call(startDrag);

	startG
		.on('keydown', (event: KeyboardEvent) => {
			const s = dragStart ?? data?.start;
			const next = s === undefined ? null : keyMove(event, s[0], s[1]);
			if (next === null) return;
			event.preventDefault();
			// Keys in use mean keyboard focus, even when focus arrived by a click.
			startFocus.attr('display', null);
			moveSharedStart(next[0], next[1]);
		})
		.on('focus', () => {
			const keyboard = (startG.node() as Element).matches(':focus-visible');
			startFocus.attr('display', keyboard ? null : 'none');
		})
		.on('blur', () => startFocus.attr('display', 'none'));

	/** Arrow keys: 1 % of the visible width per press, 10 % with Shift. */
	function keyMove(event: KeyboardEvent, x: number, y: number): [number, number] | null {
		if (current === null) return null;
		const step = (current.xMax - current.xMin) * (event.shiftKey ? 0.1 : 0.01);
		switch (event.key) {
			case 'ArrowLeft':
				return [roundToView(x - step), y];
			case 'ArrowRight':
				return [roundToView(x + step), y];
			case 'ArrowUp':
				return [x, roundToView(y + step)];
			case 'ArrowDown':
				return [x, roundToView(y - step)];
			default:
				return null;
		}
	}

	const runStartDrag = drag<SVGGElement, RunView>()
		.container(() => plot.node() as SVGGElement)
		.on('start', beginHandleDrag)
		.on('end', () => (handleDragging = false))
		.subject((_event, run) => {
			const s = run.start ?? [0, 0];
			return frame === null ? { x: 0, y: 0 } : { x: toPx(frame, s[0]), y: toPy(frame, s[1]) };
		})
		.on('drag', function (event: D3DragEvent<SVGGElement, RunView, { x: number; y: number }>, run) {
			if (frame === null) return;
			const x = roundToView(fromPx(frame, Math.min(w, Math.max(0, event.x))));
			const y = roundToView(fromPy(frame, Math.min(h, Math.max(0, event.y))));
			select(this).attr('transform', `translate(${toPx(frame, x)},${toPy(frame, y)})`);
			callbacks.onStartChange(run.id, x, y);
		});

	// ---- size ----------------------------------------------------------------------------------------------
	const observer = new ResizeObserver((entries) => {
		const box = entries[entries.length - 1].contentRect;
		resize(box.width, box.height);
	});
	observer.observe(node);
	// Measure now so that the first update can draw, but report the size only once the caller has its handle.
	resize(node.clientWidth, node.clientHeight, false);
	queueMicrotask(() => {
		if (!disposed && w > 0 && h > 0) callbacks.onResize?.(w, h);
	});

	function resize(newWidth: number, newHeight: number, notify = true): void {
		const W = Math.max(0, Math.floor(newWidth));
		const H = Math.max(0, Math.floor(newHeight));
		if (W === width && H === height) return;
		width = W;
		height = H;
		const pw = Math.max(0, W - MARGIN.left - MARGIN.right);
		const ph = Math.max(0, H - MARGIN.top - MARGIN.bottom);
		const plotChanged = pw !== w || ph !== h;
		w = pw;
		h = ph;
		dirty = allDirty();
		if (plotChanged && w > 0 && h > 0) {
			zoomBehavior.extent([
				[0, 0],
				[w, h]
			]);
			if (requested !== null) adopt(requested, false);
			if (notify) callbacks.onResize?.(w, h);
		}
		render();
	}

	// ---- rendering -----------------------------------------------------------------------------------------
	function render(): void {
		if (disposed || data === null) return;
		if (dirty.layout) renderLayout();
		if (frame === null) return;
		if (dirty.field) renderField();
		if (dirty.position || dirty.field) positionField();
		if (dirty.position) renderAxes();
		if (dirty.legend) renderLegend();
		if (dirty.gradient) renderGradient();
		if (dirty.newton) {
			renderNewton();
			renderShapes();
		}
		if (dirty.runs) renderRuns();
		if (dirty.minima) renderMinima();
		if (dirty.start) renderStarts();
		if (dirty.hover) renderHover();
		dirty = {
			layout: false,
			field: false,
			legend: false,
			position: false,
			minima: false,
			runs: false,
			start: false,
			hover: false,
			gradient: false,
			newton: false
		};
	}

	function renderLayout(): void {
		for (const s of [svg, fieldSvg]) {
			s.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
		}
		plot.attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
		fieldPlot.attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
		background.attr('width', w).attr('height', h);
		plotBackground.attr('width', w).attr('height', h).attr('fill', palette.plotBackground);
		clipRect.attr('width', w).attr('height', h);
		fieldClipRect.attr('width', w).attr('height', h);
		frameRect.attr('width', w).attr('height', h).attr('stroke', palette.frame);
		hatchBack.attr('fill', palette.plotBackground);
		hatchLine.attr('stroke', palette.hatch);
		xLabel
			.attr('x', MARGIN.left + w / 2)
			.attr('y', MARGIN.top + h + 44)
			.attr('fill', palette.text);
		yLabel
			.attr('x', MARGIN.left - 54)
			.attr('y', MARGIN.top + h / 2)
			.attr('fill', palette.text);
		legendG.attr('transform', `translate(${MARGIN.left + w + 22},${MARGIN.top})`);
		legendFrame.attr('width', LEGEND_BAR).attr('height', h).attr('stroke', palette.frame);
		legendTitle
			.attr('x', LEGEND_BAR / 2)
			.attr('y', -12)
			.attr('fill', palette.text);
		hoverLabelBox.attr('fill', palette.labelBackground).attr('stroke', palette.labelBorder);
		hoverLabelText.attr('fill', palette.text);
		startFocus.attr('stroke', palette.focus);
	}

	function renderField(): void {
		const d = data as ContourViewData;
		const grid = d.grid;
		const contours = d.contours;
		logScale = d.scale !== null ? createLogScale(d.scale.lo, d.scale.hi) : null;
		if (grid === null || contours === null || logScale === null) {
			field.attr('display', 'none');
			bandsG.selectAll('path').remove();
			return;
		}
		const scale = logScale;
		const paths = contours.paths ?? contourPaths(contours, grid);
		field.attr('display', null);
		fieldBase.attr('width', grid.nx).attr('height', grid.ny).attr('fill', valueColor(0));
		bandsG
			.selectAll('path')
			.data(contours.bands)
			.join('path')
			.attr('fill-rule', 'evenodd')
			.attr('fill', (b) => valueColor(scale.toUnit(b.value)))
			.attr('d', (_b, i) => paths.bands[i] ?? '');
		isolines.attr('d', paths.isolines);
		undefinedPath.attr('d', paths.undefinedRegion);
	}

	function positionField(): void {
		const grid = data?.grid;
		if (frame === null || grid == null || !isValidBox(grid.box)) return;
		const [a, d, e, f] = gridMatrix(frame, grid.box, grid.nx, grid.ny);
		field.attr('transform', `matrix(${a},0,0,${d},${e},${f})`);
		// Paths are in 1/QUANTUM cells; the base rectangle is in cells.
		bandsG.attr('transform', `scale(${1 / QUANTUM})`);
		undefinedPath.attr('transform', `scale(${1 / QUANTUM})`);
		isolines.attr('transform', `scale(${1 / QUANTUM})`);
		// The hatching is specified in pixels: undo the field's scale for it.
		hatch.attr('patternTransform', `scale(${QUANTUM / a},${QUANTUM / d}) rotate(45)`);
	}

	function renderAxes(): void {
		if (frame === null) return;
		const fb = frame.box;
		const xs = scaleLinear().domain([fb.xMin, fb.xMax]).range([0, w]);
		const ys = scaleLinear().domain([fb.yMin, fb.yMax]).range([h, 0]);
		xAxisG.attr('transform', `translate(${MARGIN.left},${MARGIN.top + h})`).call(
			axisBottom(xs)
				.ticks(Math.max(2, Math.round(w / 100)))
				.tickSizeOuter(0)
				.tickSize(6)
				.tickPadding(5)
		);
		yAxisG.attr('transform', `translate(${MARGIN.left},${MARGIN.top})`).call(
			axisLeft(ys)
				.ticks(Math.max(2, Math.round(h / 70)))
				.tickSizeOuter(0)
				.tickSize(6)
				.tickPadding(5)
		);
		for (const g of [xAxisG, yAxisG]) {
			g.attr('font-size', TICK_FONT).attr('font-family', null).attr('color', palette.text);
			g.select('.domain').attr('stroke', 'none');
			g.selectAll('.tick line').attr('stroke', palette.frame);
		}
	}

	function renderLegend(): void {
		const contours = data?.contours;
		const scale = logScale;
		if (scale === null || contours == null || data?.grid == null) {
			legendG.attr('display', 'none');
			return;
		}
		legendG.attr('display', null);
		// Stepped like the map: each band's colour from its threshold up to the next.
		const stops = [scale.lo, ...contours.thresholds, scale.hi];
		const y = (v: number) => h * (1 - scale.toUnit(v));
		legendBands
			.selectAll('rect')
			.data(stops.slice(0, -1))
			.join('rect')
			.attr('x', 0)
			.attr('width', LEGEND_BAR)
			.attr('y', (_v, i) => y(stops[i + 1]))
			.attr('height', (v, i) => Math.max(0, y(v) - y(stops[i + 1])) + 0.5)
			.attr('fill', (v, i) => valueColor(i === 0 ? 0 : scale.toUnit(v)));
		const ticks = legendTicks(scale.lo, scale.hi, scale.toUnit, h, 26);
		const tick = legendTicksG
			.selectAll<SVGGElement, unknown>('g')
			.data(ticks)
			.join((enter) => {
				const g = enter.append('g');
				g.append('line')
					.attr('x1', LEGEND_BAR)
					.attr('x2', LEGEND_BAR + 5);
				g.append('text')
					.attr('x', LEGEND_BAR + 8)
					.attr('dominant-baseline', 'central')
					.attr('font-size', TICK_FONT);
				return g;
			})
			.attr('transform', (t) => `translate(0,${h * (1 - t.t)})`);
		tick.select('line').attr('stroke', palette.frame);
		tick
			.select('text')
			.attr('fill', palette.text)
			.text((t) => t.label);
	}

	function renderGradient(): void {
		const on = data?.overlays.gradientField === true && frame !== null;
		gradientG.attr('display', on ? null : 'none');
		if (!on || frame === null || data === null) return;
		const d = gradientArrowsPath(data.fn.objective, frame);
		gradientHalo.attr('d', d);
		gradientArrows.attr('d', d);
	}

	function renderNewton(): void {
		const id = data?.overlays.newtonModel;
		const run = id == null ? undefined : data?.runs.find((r) => r.id === id && r.visible && r.count > 0);
		if (run === undefined || frame === null || data === null) {
			newtonG.attr('display', 'none');
			return;
		}
		const k = Math.max(0, Math.min(run.count - 1, Math.floor(data.iteration)));
		const x = run.points[3 * k];
		const y = run.points[3 * k + 1];
		const model = newtonModel(data.fn.objective, x, y, frame);
		if (model === null) {
			newtonG.attr('display', 'none');
			return;
		}
		newtonG.attr('display', null);
		newtonHalo.attr('d', model.path).attr('transform', model.transform);
		newtonCurves.attr('d', model.path).attr('transform', model.transform).attr('stroke', run.color);
		if (model.stationary !== null) {
			const sx = toPx(frame, model.stationary[0]);
			const sy = toPy(frame, model.stationary[1]);
			const visible = Math.abs(sx) < 1e5 && Math.abs(sy) < 1e5;
			const step = visible ? `M${toPx(frame, x)},${toPy(frame, y)}L${sx},${sy}` : '';
			newtonStep.attr('d', step).attr('stroke', run.color);
			newtonCentre.attr('display', visible ? null : 'none').attr('transform', `translate(${sx},${sy})`);
			newtonCentreRing.attr('stroke', run.color);
			newtonCentreCross.attr('stroke', run.color);
		} else {
			newtonStep.attr('d', '');
			newtonCentre.attr('display', 'none');
		}
	}

	function renderShapes(): void {
		const shapes = frame === null || data === null ? [] : (data.overlays.shapes ?? []);
		const f = frame;
		const toPath = (s: OverlayShape): string => {
			if (f === null || s.points.length === 0) return '';
			const d = s.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${toPx(f, x)},${toPy(f, y)}`).join('');
			return s.closed ? `${d}Z` : d;
		};
		const groups = shapesG
			.selectAll<SVGGElement, OverlayShape>('g.shape')
			.data(shapes)
			.join((enter) => {
				const g = enter.append('g').attr('class', 'shape');
				g.append('path').attr('class', 'halo').attr('fill', 'none');
				g.append('path').attr('class', 'line');
				g.append('text').attr('font-size', 12).attr('font-weight', 600).attr('paint-order', 'stroke');
				return g;
			});
		groups
			.select('path.halo')
			.attr('d', toPath)
			.attr('stroke', ON_FIELD.halo)
			.attr('stroke-width', 4.5)
			.attr('stroke-linejoin', 'round');
		groups
			.select('path.line')
			.attr('d', toPath)
			.attr('stroke', (s) => s.stroke)
			.attr('stroke-width', 2)
			.attr('stroke-dasharray', (s) => s.dash ?? null)
			.attr('stroke-linejoin', 'round')
			.attr('fill', (s) => s.fill ?? 'none');
		groups
			.select('text')
			.attr('x', (s) => (f === null || !s.labelAt ? 0 : toPx(f, s.labelAt[0]) + 6))
			.attr('y', (s) => (f === null || !s.labelAt ? 0 : toPy(f, s.labelAt[1]) - 6))
			.attr('fill', (s) => s.stroke)
			.attr('stroke', ON_FIELD.halo)
			.attr('stroke-width', 3.5)
			.text((s) => (s.labelAt ? (s.label ?? '') : ''));
	}

	function renderRuns(): void {
		if (frame === null || data === null) return;
		const f = frame;
		const iteration = Math.floor(data.iteration);
		const runs = data.runs.filter((r) => r.visible && r.count > 0);
		const groups = runsG
			.selectAll<SVGGElement, RunView>('g.run')
			.data(runs, (r) => r.id)
			.join((enter) => {
				const g = enter.append('g').attr('class', 'run');
				haloPath(g, ON_FIELD.halo, 5).attr('class', 'halo');
				haloPath(g, '#000', 2.25).attr('class', 'line');
				haloPath(g, ON_FIELD.halo, 7).attr('class', 'dots-halo');
				haloPath(g, '#000', 4.5).attr('class', 'dots');
				g.append('circle')
					.attr('class', 'current')
					.attr('r', 6.5)
					.attr('stroke', ON_FIELD.markerStroke)
					.attr('stroke-width', 2);
				const cross = g.append('g').attr('class', 'cross');
				cross
					.append('path')
					.attr('d', 'M-7,-7L7,7M-7,7L7,-7')
					.attr('stroke', ON_FIELD.halo)
					.attr('stroke-width', 6)
					.attr('stroke-linecap', 'round');
				cross
					.append('path')
					.attr('class', 'cross-line')
					.attr('d', 'M-7,-7L7,7M-7,7L7,-7')
					.attr('stroke-width', 3)
					.attr('stroke-linecap', 'round');
				const label = cross.append('g').attr('class', 'status');
				label.append('rect').attr('rx', 4).attr('height', 24).attr('stroke-width', 1);
				label
					.append('text')
					.attr('y', 12)
					.attr('font-size', LABEL_FONT)
					.attr('font-weight', 600)
					.attr('dominant-baseline', 'central');
				return g;
			})
			.order();
		groups.each(function (run) {
			const g = select(this);
			const last = Math.max(0, Math.min(run.count - 1, iteration));
			const line = polylinePath(run.points, last, f);
			g.select('.halo').attr('d', line);
			g.select('.line').attr('d', line).attr('stroke', run.color);
			const dots = last + 1 <= MAX_DOTS ? dotsPath(run.points, last, f) : '';
			g.select('.dots-halo').attr('d', dots);
			g.select('.dots').attr('d', dots).attr('stroke', run.color);
			g.select('.current')
				.attr('cx', clampPixel(toPx(f, run.points[3 * last])))
				.attr('cy', clampPixel(toPy(f, run.points[3 * last + 1])))
				.attr('fill', run.color);
			const failed = (run.status === 'diverged' || run.status === 'singular') && run.count - 1 <= iteration;
			const cross = g.select('.cross').attr('display', failed ? null : 'none');
			if (failed) {
				const px = toPx(f, run.points[3 * last]);
				const py = toPy(f, run.points[3 * last + 1]);
				// Off-screen ends (typical of divergence) are pinned to the edge, so the failure stays visible.
				const inset = 14;
				const cx = Math.min(w - inset, Math.max(inset, px));
				const cy = Math.min(h - inset, Math.max(inset, py));
				const off = cx !== px || cy !== py;
				cross.attr('transform', `translate(${cx},${cy})`);
				cross.select('.cross-line').attr('stroke', run.color);
				const text = off ? `${run.label}: ${run.status} (off view)` : `${run.label}: ${run.status}`;
				const label = cross.select<SVGGElement>('.status');
				const t = label.select<SVGTextElement>('text').attr('x', 8).attr('fill', palette.text).text(text);
				const bw = textWidth(t.node(), text.length * 8.5) + 16;
				// Beside the cross, kept inside the plot.
				const lx = cx + 14 + bw <= w ? 14 : -14 - bw;
				const ly = cy - 38 >= 0 ? -38 : 14;
				label.attr('transform', `translate(${lx},${ly})`);
				label
					.select('rect')
					.attr('width', bw)
					.attr('fill', palette.labelBackground)
					.attr('stroke', run.color)
					.attr('stroke-width', 1.5);
			}
		});
	}

	function renderMinima(): void {
		if (frame === null || data === null) return;
		const f = frame;
		const star = symbol(symbolStar, 230)() ?? '';
		const inView = data.fn.minima.filter(
			(m) => m.x >= f.box.xMin && m.x <= f.box.xMax && m.y >= f.box.yMin && m.y <= f.box.yMax
		);
		const marks = minimaG
			.selectAll<SVGGElement, KnownMinimum>('g')
			.data(inView)
			.join((enter) => {
				const g = enter.append('g').attr('data-minimum', '');
				g.append('title');
				g.append('circle').attr('r', 12).attr('fill', 'transparent');
				g.append('path').attr('stroke-width', 1.75).attr('stroke-linejoin', 'round');
				return g;
			})
			.attr('transform', (m) => `translate(${toPx(f, m.x)},${toPy(f, m.y)})`);
		marks
			.select('path')
			.attr('d', star)
			.attr('fill', ON_FIELD.markerFill)
			.attr('stroke', ON_FIELD.markerStroke);
		marks
			.select('title')
			.text((m) => `${m.kind === 'global' ? 'Global' : 'Local'} minimum\n${readout(m.x, m.y, m.f)}`);
	}

	function renderStarts(): void {
		if (frame === null || data === null) return;
		const f = frame;
		const s = dragStart ?? data.start;
		startG.attr('display', data.startHandle === false ? 'none' : null);
		startG.attr('transform', `translate(${clampPixel(toPx(f, s[0]))},${clampPixel(toPy(f, s[1]))})`);
		const where = `x = ${formatCoordinate(s[0])}, y = ${formatCoordinate(s[1])}`;
		startG.attr('aria-description', where);
		startTitle.text(`Start point (${where}): drag it, click the map, or use the arrow keys`);

		const own = data.runs.filter((r) => r.visible && r.start !== undefined);
		const handles = runStartsG
			.selectAll<SVGGElement, RunView>('g')
			.data(own, (r) => r.id)
			.join((enter) => {
				const g = enter
					.append('g')
					.attr('data-handle', '')
					.attr('tabindex', 0)
					.attr('role', 'button')
					.attr('aria-roledescription', 'draggable point')
					.style('cursor', 'grab')
					.style('outline', 'none');
				g.append('title');
				g.append('circle').attr('r', 14).attr('fill', 'transparent');
				g.append('circle')
					.attr('class', 'focus-ring')
					.attr('r', 14)
					.attr('fill', 'none')
					.attr('stroke-width', 2.5)
					.attr('display', 'none');
				g.append('rect')
					.attr('x', -6)
					.attr('y', -6)
					.attr('width', 12)
					.attr('height', 12)
					.attr('transform', 'rotate(45)')
					.attr('stroke', ON_FIELD.markerStroke)
					.attr('stroke-width', 2);
				g.call(runStartDrag)
					.on('keydown', function (event: KeyboardEvent, run: RunView) {
						const p = run.start;
						const next = p === undefined ? null : keyMove(event, p[0], p[1]);
						if (next === null) return;
						event.preventDefault();
						select(this).select('.focus-ring').attr('display', null);
						callbacks.onStartChange(run.id, next[0], next[1]);
					})
					.on('focus', function () {
						const keyboard = (this as Element).matches(':focus-visible');
						select(this)
							.select('.focus-ring')
							.attr('display', keyboard ? null : 'none');
					})
					.on('blur', function () {
						select(this).select('.focus-ring').attr('display', 'none');
					});
				return g;
			})
			.attr('transform', (r) => {
				const p = r.start as readonly [number, number];
				return `translate(${clampPixel(toPx(f, p[0]))},${clampPixel(toPy(f, p[1]))})`;
			})
			.attr('aria-label', (r) => `Start point of ${r.label}`);
		handles.select('rect').attr('fill', (r) => r.color);
		handles.select('.focus-ring').attr('stroke', palette.focus);
		handles.select('title').text((r) => {
			const p = r.start as readonly [number, number];
			return `Start of ${r.label} (x = ${formatCoordinate(p[0])}, y = ${formatCoordinate(p[1])})`;
		});
	}

	function renderHover(): void {
		const p = localHover ?? data?.hover ?? null;
		if (p === null || frame === null || data === null) {
			hoverG.attr('display', 'none');
			return;
		}
		const px = toPx(frame, p.x);
		const py = toPy(frame, p.y);
		if (!(px >= 0 && px <= w && py >= 0 && py <= h)) {
			hoverG.attr('display', 'none');
			return;
		}
		hoverG.attr('display', null);
		hoverMarker.attr('transform', `translate(${px},${py})`);
		hoverLabelText.text(readout(p.x, p.y, data.fn.objective.f(p.x, p.y)));
		let bw = 200;
		let bh = 24;
		try {
			const b = (hoverLabelText.node() as SVGTextElement).getBBox();
			bw = b.width + 14;
			bh = b.height + 8;
		} catch {
			// Not laid out (e.g. display: none ancestors): keep the estimate.
		}
		const right = px + 18 + bw <= w;
		const above = py - 18 - bh >= 0;
		const lx = right ? px + 18 : px - 18 - bw;
		const ly = above ? py - 18 - bh : py + 18;
		hoverLabel.attr('transform', `translate(${lx},${ly})`);
		hoverLabelBox.attr('width', bw).attr('height', bh);
		hoverLabelText.attr('x', 7).attr('y', bh / 2);
	}

	/** Rendered width of a text element, or `fallback` where layout is unavailable. */
	function textWidth(el: SVGTextElement | null, fallback: number): number {
		try {
			const wd = el?.getComputedTextLength() ?? 0;
			return wd > 0 ? wd : fallback;
		} catch {
			return fallback;
		}
	}

	/** Decimals for coordinates: enough to tell pixels apart at the current zoom. */
	function formatCoordinate(v: number): string {
		const perPx = frame === null ? 0.01 : 1 / frame.kx;
		const decimals = Math.max(0, Math.min(12, -Math.floor(Math.log10(perPx))));
		const s = (Math.abs(v) < 0.5 * 10 ** -decimals ? 0 : v).toFixed(decimals);
		return s.replace('-', '−');
	}

	function readout(x: number, y: number, f: number): string {
		return `(${formatCoordinate(x)}, ${formatCoordinate(y)})  f = ${formatValue(f, 4)}`;
	}

	// ---- public API ----------------------------------------------------------------------------------------
	function update(next: ContourViewData): void {
		if (disposed) return;
		const prev = data;
		data = next;
		if (prev === null || prev.theme !== next.theme) {
			palette = PALETTES[next.theme] ?? PALETTES.light;
			dirty = allDirty();
		}
		if (prev === null || prev.fn.key !== next.fn.key) {
			homeBox = next.box;
			const [xn, yn, fn] = next.fn.axisNames ?? ['x', 'y', 'f'];
			xLabel.text(xn);
			yLabel.text(yn);
			legendTitle.text(fn);
			dirty.minima = dirty.gradient = dirty.newton = dirty.hover = true;
		}
		if (prev === null || prev.fn.objective !== next.fn.objective || prev.fn.minima !== next.fn.minima) {
			dirty.minima = dirty.gradient = dirty.newton = dirty.hover = true;
		}
		if (isValidBox(next.box) && (prev === null || !sameBox(prev.box, next.box))) {
			// An echo of a box this view reported (the caller may lag a few frames behind a gesture) is not a
			// new request: only a genuinely new box moves the view. Reports older than the echoed one are done.
			const echoed = recentlyEmitted.findIndex((b) => boxesClose(b, next.box));
			if (echoed >= 0) recentlyEmitted.splice(0, echoed + 1);
			else if (current === null || !boxesClose(next.box, current)) adopt(next.box, false);
		}
		if (
			prev === null ||
			prev.grid !== next.grid ||
			prev.contours !== next.contours ||
			!sameScale(prev, next)
		) {
			dirty.field = dirty.legend = true;
		}
		if (prev === null || prev.runs !== next.runs || prev.iteration !== next.iteration) {
			dirty.runs = true;
			dirty.start = true;
			if (next.overlays.newtonModel !== null) dirty.newton = true;
		}
		if (
			prev === null ||
			prev.start[0] !== next.start[0] ||
			prev.start[1] !== next.start[1] ||
			prev.startHandle !== next.startHandle
		) {
			dragStart = null;
			dirty.start = true;
		}
		if (prev === null || !samePoint(prev.hover, next.hover)) dirty.hover = true;
		if (prev === null || prev.overlays.gradientField !== next.overlays.gradientField) dirty.gradient = true;
		if (prev === null || prev.overlays.newtonModel !== next.overlays.newtonModel) dirty.newton = true;
		if (prev === null || prev.overlays.shapes !== next.overlays.shapes) dirty.newton = true;
		render();
	}

	function sameBox(a: ViewBox, b: ViewBox): boolean {
		return a === b || (a.xMin === b.xMin && a.xMax === b.xMax && a.yMin === b.yMin && a.yMax === b.yMax);
	}

	function sameScale(a: ContourViewData, b: ContourViewData): boolean {
		return a.scale === b.scale || (a.scale?.lo === b.scale?.lo && a.scale?.hi === b.scale?.hi);
	}

	function samePoint(a: { x: number; y: number } | null, b: { x: number; y: number } | null): boolean {
		return a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y);
	}

	return {
		update,
		resetZoom(box?: ViewBox) {
			const target = box ?? homeBox;
			if (target === null || !isValidBox(target)) return;
			adopt(target, true);
			render();
		},
		size: () => ({ width: w, height: h }),
		visibleBox: () => ({ ...(current ?? requested ?? { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }) }),
		toSVGString() {
			const clone = svg.node()?.cloneNode(true) as SVGSVGElement | undefined;
			const fieldClone = fieldSvg.node()?.cloneNode(true) as SVGSVGElement | undefined;
			if (clone === undefined || fieldClone === undefined) return '';
			// One document: background, then the field layer's defs and picture, then the rest.
			const first = clone.firstChild;
			const bg = document.createElementNS(SVG_NS, 'rect');
			bg.setAttribute('width', String(width));
			bg.setAttribute('height', String(height));
			bg.setAttribute('fill', palette.background);
			clone.insertBefore(bg, first);
			for (const child of Array.from(fieldClone.childNodes)) clone.insertBefore(child, first);
			clone.removeAttribute('style');
			clone.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'));
			clone.querySelectorAll('.hover').forEach((el) => el.remove());
			return new XMLSerializer().serializeToString(clone);
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			observer.disconnect();
			if (frameRequest !== 0) cancelAnimationFrame(frameRequest);
			plot.on('.zoom', null).on('.hover', null).on('.start', null);
			startG.on('.drag', null).on('keydown', null).on('focus', null).on('blur', null);
			runStartsG.selectAll('g').on('.drag', null).on('keydown', null).on('focus', null).on('blur', null);
			root.remove();
		}
	};
}
