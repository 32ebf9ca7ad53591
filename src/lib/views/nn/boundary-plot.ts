/**
 * The neural-network page's data plot. Binary classification: P(class 1) of the network as a canvas heatmap
 * (orange ↔ neutral ↔ blue, as in the TensorFlow Playground) under the points, with the decision boundary
 * P = 1/2 as a line, training points filled and test points hollow. Several classes: each cell in the hue of
 * its most likely class, as strong as the network is sure of it, and the lines where the most likely class
 * changes (see multiclass-map.ts). Regression (one feature): the points
 * and the network's curve. Built for a redraw every animation frame: the heatmap, boundary and curve are
 * redrawn only when the predictions change, axes and points only when the data, box, theme or size do.
 * Imperative d3; plain data in; text set with .text() only.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import type { Dataset } from '../../core/models/matrix';
import type { ViewBox } from '../../core/objective';
import { CHART_THEMES } from '../charts/chart-theme';
import { boundaryPolylines, polylinesToPath } from './boundary-geometry';
import { classMargin, paintMulticlass } from './multiclass-map';
import {
	classColor,
	classLut,
	divergingLut,
	HEATMAP_STRENGTH,
	lutIndex,
	NN_STOPS,
	probabilityToT
} from './nn-colors';

export interface BoundaryPlotData {
	readonly task: 'binary' | 'multiclass' | 'regression';
	/** Two for classification, one for regression. */
	readonly featureNames: readonly string[];
	readonly targetName: string;
	/** Classification: y is the class index (0 or 1 for binary). */
	readonly train: Dataset;
	readonly test: Dataset;
	/** The data region shown (binary: x1 × x2; regression: x range × y range). */
	readonly box: ViewBox;
	/**
	 * The network's output on a grid over `box`. Binary: P(class 1) at cell centres, row-major nx × ny, row 0
	 * at box.yMax. Multiclass: the k = classes.length class probabilities of each cell in turn, cells in the
	 * same order. Regression: predictions at nx cell centres across [xMin, xMax], ny = 1. Null while not
	 * computed.
	 */
	readonly predictions: { nx: number; ny: number; values: Float64Array } | null;
	/** Classification: the label of each class, in class order. */
	readonly classes?: readonly string[];
	readonly theme: 'light' | 'dark';
}

export interface BoundaryPlot {
	update(data: BoundaryPlotData): void;
	/**
	 * The plot as it is drawn now (heatmap, axes, points, lines and legend) on one canvas at `scale` times its
	 * CSS size, on the theme's background: for a PNG. Null while it has no size.
	 */
	snapshot(scale: number): Promise<HTMLCanvasElement | null>;
	dispose(): void;
	/** Size of the plot area (inside the axes) in CSS pixels, to choose the prediction grid. */
	plotSize(): { width: number; height: number };
}

/** At most this many points are drawn per split (an evenly strided subset beyond it). */
export const MAX_DRAWN_POINTS = 2000;
const MARGIN = { top: 12, right: 14, bottom: 42, left: 54 };
const MIN_SIZE = 60;

let plotCount = 0;

interface Pt {
	key: string;
	x: number;
	y: number;
	cls: number;
	test: boolean;
	tip: string;
}

/** Pixel centres of the regression curve's samples: x of sample i (cell centre) and its prediction. */
export function curvePath(
	values: ArrayLike<number>,
	nx: number,
	box: ViewBox,
	xs: (v: number) => number,
	ys: (v: number) => number
): string {
	let d = '';
	let pen = false;
	for (let i = 0; i < nx && i < values.length; i++) {
		const v = values[i];
		if (!Number.isFinite(v)) {
			pen = false;
			continue;
		}
		const x = box.xMin + ((i + 0.5) * (box.xMax - box.xMin)) / nx;
		const py = Math.max(-1e4, Math.min(1e4, ys(v)));
		d += `${pen ? 'L' : 'M'}${xs(x).toFixed(1)},${py.toFixed(1)}`;
		pen = true;
	}
	return d;
}

export function createBoundaryPlot(node: HTMLElement): BoundaryPlot {
	const root = select(node)
		.append('div')
		.attr('class', 'nn-boundary-plot')
		.style('position', 'relative')
		.style('width', '100%')
		.style('height', '100%');
	const canvas = root
		.append('canvas')
		.style('position', 'absolute')
		.style('left', '0')
		.style('top', '0')
		.style('pointer-events', 'none');
	const svg = root.append('svg').style('position', 'absolute').style('left', '0').style('top', '0');
	const clipId = `nn-boundary-clip-${++plotCount}`;
	const clipRect = svg.append('clipPath').attr('id', clipId).append('rect');
	const gridG = svg.append('g');
	const frame = svg.append('rect').attr('fill', 'none');
	const xAxisG = svg.append('g');
	const yAxisG = svg.append('g');
	const plotG = svg.append('g').attr('clip-path', `url(#${clipId})`);
	const boundaryHalo = plotG.append('path').attr('fill', 'none').attr('stroke-linejoin', 'round');
	const boundaryLine = plotG.append('path').attr('fill', 'none').attr('stroke-linejoin', 'round');
	const pointsG = plotG.append('g');
	const curveHalo = plotG.append('path').attr('fill', 'none').attr('stroke-linejoin', 'round');
	const curveLine = plotG.append('path').attr('fill', 'none').attr('stroke-linejoin', 'round');
	const titles = svg.append('g');
	const legend = root
		.append('div')
		.style('position', 'absolute')
		.style('right', `${MARGIN.right + 6}px`)
		.style('top', `${MARGIN.top + 6}px`)
		.style('font-size', '12px')
		.style('line-height', '1.35')
		.style('padding', '4px 8px')
		.style('border-radius', '6px')
		.style('pointer-events', 'none');
	// The heatmap at grid resolution, stretched over the plot area with smoothing.
	const heat = document.createElement('canvas');
	let heatImage: ImageData | null = null;

	let data: BoundaryPlotData | null = null;
	let width = 0;
	let height = 0;
	let staticKey = '';
	let lastTrain: Dataset | null = null;
	let lastTest: Dataset | null = null;
	let lastPred: { nx: number; ny: number; values: Float64Array } | null = null;
	let lastValues = new Float64Array(0);
	let predDirty = true;
	let legendItems: LegendItem[] = [];

	function layout(): boolean {
		const r = node.getBoundingClientRect();
		const w = Math.max(0, Math.floor(r.width));
		const h = Math.max(0, Math.floor(r.height));
		if (w === width && h === height) return false;
		width = w;
		height = h;
		return true;
	}

	function rect() {
		return {
			left: MARGIN.left,
			top: MARGIN.top,
			right: width - MARGIN.right,
			bottom: height - MARGIN.bottom
		};
	}

	function scales(d: BoundaryPlotData) {
		const { left, top, right, bottom } = rect();
		const b = d.box;
		const xs = scaleLinear().domain([b.xMin, b.xMax]).range([left, right]);
		const ys = scaleLinear().domain([b.yMin, b.yMax]).range([bottom, top]);
		return { xs, ys };
	}

	function keyOf(d: BoundaryPlotData): string {
		const b = d.box;
		return [
			d.task,
			d.theme,
			width,
			height,
			b.xMin,
			b.xMax,
			b.yMin,
			b.yMax,
			d.targetName,
			d.featureNames.join('\u0000'),
			d.classes?.join('\u0000') ?? ''
		].join('|');
	}

	/** Has the prediction grid changed since the last draw (by reference, shape or content)? */
	function predictionsChanged(p: BoundaryPlotData['predictions']): boolean {
		if (p === null) return lastPred !== null;
		if (lastPred === null || p.nx !== lastPred.nx || p.ny !== lastPred.ny) return true;
		if (p.values.length !== lastValues.length) return true;
		const v = p.values;
		for (let k = 0; k < v.length; k++) if (!Object.is(v[k], lastValues[k])) return true;
		return false;
	}

	function rememberPredictions(p: BoundaryPlotData['predictions']): void {
		lastPred = p ? { nx: p.nx, ny: p.ny, values: p.values } : null;
		if (p) {
			if (lastValues.length !== p.values.length) lastValues = new Float64Array(p.values.length);
			lastValues.set(p.values);
		}
	}

	function renderStatic(d: BoundaryPlotData): void {
		const t = CHART_THEMES[d.theme];
		const { left, top, right, bottom } = rect();
		const { xs, ys } = scales(d);
		svg.attr('width', width).attr('height', height);
		clipRect
			.attr('x', left)
			.attr('y', top)
			.attr('width', right - left)
			.attr('height', bottom - top);
		const el = canvas.node()!;
		const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
		el.width = Math.round(width * dpr);
		el.height = Math.round(height * dpr);
		el.style.width = `${width}px`;
		el.style.height = `${height}px`;

		const xTicks = xs.ticks(Math.max(2, Math.floor((right - left) / 80)));
		const yTicks = ys.ticks(Math.max(2, Math.floor((bottom - top) / 50)));
		const regression = d.task === 'regression';
		gridG
			.selectAll('line.gx')
			.data(regression ? xTicks : [])
			.join('line')
			.attr('class', 'gx')
			.attr('x1', (v) => xs(v))
			.attr('x2', (v) => xs(v))
			.attr('y1', top)
			.attr('y2', bottom)
			.attr('stroke', t.grid);
		gridG
			.selectAll('line.gy')
			.data(regression ? yTicks : [])
			.join('line')
			.attr('class', 'gy')
			.attr('x1', left)
			.attr('x2', right)
			.attr('y1', (v) => ys(v))
			.attr('y2', (v) => ys(v))
			.attr('stroke', t.grid);
		frame
			.attr('x', left)
			.attr('y', top)
			.attr('width', right - left)
			.attr('height', bottom - top)
			.attr('stroke', regression ? 'none' : t.border);
		xAxisG
			.attr('transform', `translate(0,${bottom})`)
			.call(axisBottom(xs).tickValues(xTicks).tickSizeOuter(0))
			.call((g) => g.selectAll('text').attr('fill', t.muted).attr('font-size', 11))
			.call((g) => g.selectAll('line,path').attr('stroke', t.axis));
		yAxisG
			.attr('transform', `translate(${left},0)`)
			.call(axisLeft(ys).tickValues(yTicks).tickSizeOuter(0))
			.call((g) => g.selectAll('text').attr('fill', t.muted).attr('font-size', 11))
			.call((g) => g.selectAll('line,path').attr('stroke', t.axis));
		const xTitle = d.featureNames[0] ?? 'x';
		const yTitle = regression ? d.targetName : (d.featureNames[1] ?? 'y');
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

		renderPoints(d, xs, ys);
		renderLegend(d);
	}

	function renderPoints(d: BoundaryPlotData, xs: (v: number) => number, ys: (v: number) => number): void {
		const t = CHART_THEMES[d.theme];
		const classify = d.task !== 'regression';
		const pts: Pt[] = [];
		for (const [ds, isTest] of [
			[d.train, false],
			[d.test, true]
		] as const) {
			const s = Math.max(1, Math.ceil(ds.n / MAX_DRAWN_POINTS));
			for (let i = 0; i < ds.n; i += s) {
				const a = ds.x[i * ds.p];
				const b = classify ? ds.x[i * ds.p + 1] : ds.y[i];
				if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
				const cls = classify ? ds.y[i] : -1;
				const feats = classify
					? `${d.featureNames[0] ?? 'x1'} = ${fmt(a)}, ${d.featureNames[1] ?? 'x2'} = ${fmt(b)}`
					: `${d.featureNames[0] ?? 'x'} = ${fmt(a)}`;
				const target = classify ? (d.classes?.[cls] ?? String(cls)) : fmt(ds.y[i]);
				pts.push({
					key: `${isTest ? 't' : 'r'}${i}`,
					x: xs(a),
					y: ys(b),
					cls,
					test: isTest,
					tip: `${isTest ? 'test' : 'train'}: ${feats}; ${d.targetName} = ${target}`
				});
			}
		}
		const colorOf = (p: Pt) => (p.cls < 0 ? pointColor(d.theme) : classColor(p.cls, d.theme));
		pointsG
			.selectAll<SVGCircleElement, Pt>('circle')
			.data(pts, (p) => p.key)
			.join((enter) => {
				const c = enter.append('circle');
				c.append('title');
				return c;
			})
			.attr('cx', (p) => p.x)
			.attr('cy', (p) => p.y)
			.attr('r', (p) => (p.test ? 3.4 : 3.6))
			.attr('fill', (p) => (p.test ? t.background : colorOf(p)))
			.attr('fill-opacity', (p) => (p.test ? 0.55 : classify ? 1 : 0.8))
			.attr('stroke', (p) => (p.test ? colorOf(p) : t.background))
			.attr('stroke-width', (p) => (p.test ? 1.8 : 0.9))
			.select('title')
			.text((p) => p.tip);
	}

	function renderLegend(d: BoundaryPlotData): void {
		const t = CHART_THEMES[d.theme];
		legend.style('background', t.panel).style('border', `1px solid ${t.border}`).style('color', t.text);
		const items: LegendItem[] = [];
		if (d.task === 'binary') {
			items.push({ color: classColor(1, d.theme), text: d.classes?.[1] ?? 'class 1', kind: 'dot' });
			items.push({ color: classColor(0, d.theme), text: d.classes?.[0] ?? 'class 0', kind: 'dot' });
			items.push({ color: t.muted, text: 'train', kind: 'dot' });
			items.push({ color: t.muted, text: 'test', kind: 'ring' });
			items.push({ color: t.text, text: 'P = 0.5', kind: 'line' });
		} else if (d.task === 'multiclass') {
			(d.classes ?? []).forEach((label, c) =>
				items.push({ color: classColor(c, d.theme), text: label, kind: 'dot' })
			);
			items.push({ color: t.muted, text: 'train', kind: 'dot' });
			items.push({ color: t.muted, text: 'test', kind: 'ring' });
			items.push({ color: t.text, text: 'class changes', kind: 'line' });
		} else {
			items.push({ color: pointColor(d.theme), text: 'train', kind: 'dot' });
			items.push({ color: pointColor(d.theme), text: 'test', kind: 'ring' });
			items.push({ color: curveColor(d.theme), text: 'network', kind: 'line' });
		}
		legendItems = items;
		legend
			.selectAll('div.item')
			.data(items)
			.join((enter) => {
				const div = enter.append('div').attr('class', 'item');
				div.append('span').attr('class', 'key');
				div.append('span').attr('class', 'text');
				return div;
			})
			.call((div) =>
				div
					.select('span.key')
					.style('display', 'inline-block')
					.style('box-sizing', 'border-box')
					.style('width', (i) => (i.kind === 'line' ? '16px' : '9px'))
					.style('height', (i) => (i.kind === 'line' ? '0' : '9px'))
					.style('border-radius', (i) => (i.kind === 'line' ? '0' : '50%'))
					.style('margin', '0 6px 2px 0')
					.style('vertical-align', 'middle')
					.style('background', (i) => (i.kind === 'dot' ? i.color : 'transparent'))
					.style('border', (i) => (i.kind === 'line' ? '0' : `1.8px solid ${i.color}`))
					.style('border-top', (i) => `${i.kind === 'line' ? 2 : 1.8}px solid ${i.color}`)
			)
			.select('span.text')
			.text((i) => i.text);
	}

	function renderPredictions(d: BoundaryPlotData): void {
		const t = CHART_THEMES[d.theme];
		const { left, top, right, bottom } = rect();
		const el = canvas.node()!;
		const ctx = el.getContext('2d');
		if (ctx) ctx.clearRect(0, 0, el.width, el.height);
		const p = d.predictions;
		const binary = d.task === 'binary';
		const k = d.task === 'multiclass' ? (d.classes?.length ?? 0) : 1;
		if (!p || p.nx < 1 || p.ny < 1 || k < 1 || p.values.length < p.nx * p.ny * k) {
			boundaryLine.attr('d', null);
			boundaryHalo.attr('d', null);
			curveLine.attr('d', null);
			curveHalo.attr('d', null);
			return;
		}
		if (d.task !== 'regression') {
			if (ctx) {
				if (heat.width !== p.nx || heat.height !== p.ny) {
					heat.width = p.nx;
					heat.height = p.ny;
				}
				const hctx = heat.getContext('2d');
				if (hctx) {
					if (!heatImage || heatImage.width !== p.nx || heatImage.height !== p.ny)
						heatImage = hctx.createImageData(p.nx, p.ny);
					const img = heatImage;
					if (binary) paintBinary(p.values, d.theme, img.data);
					else
						paintMulticlass(
							p.values,
							k,
							Array.from({ length: k }, (_, c) => classLut(c, d.theme, HEATMAP_STRENGTH)),
							img.data
						);
					hctx.putImageData(img, 0, 0);
					const sx = el.width / width;
					const sy = el.height / height;
					ctx.imageSmoothingEnabled = true;
					ctx.imageSmoothingQuality = 'low';
					ctx.drawImage(heat, left * sx, top * sy, (right - left) * sx, (bottom - top) * sy);
				}
			}
			let path = '';
			if (binary) {
				path = polylinesToPath(
					boundaryPolylines(p.values, p.nx, p.ny, 0.5),
					p.nx,
					p.ny,
					left,
					top,
					right,
					bottom
				);
			} else {
				const margin = new Float64Array(p.nx * p.ny);
				for (let c = 0; c < k; c++) {
					const lines = boundaryPolylines(classMargin(p.values, k, c, margin), p.nx, p.ny, 0);
					path += polylinesToPath(lines, p.nx, p.ny, left, top, right, bottom);
				}
			}
			boundaryHalo
				.attr('d', path || null)
				.attr('stroke', t.background)
				.attr('stroke-opacity', 0.55)
				.attr('stroke-width', 4);
			boundaryLine
				.attr('d', path || null)
				.attr('stroke', t.text)
				.attr('stroke-width', 1.6);
			curveLine.attr('d', null);
			curveHalo.attr('d', null);
		} else {
			const { xs, ys } = scales(d);
			const path = curvePath(p.values, p.nx, d.box, xs, ys);
			curveHalo
				.attr('d', path || null)
				.attr('stroke', t.background)
				.attr('stroke-opacity', 0.8)
				.attr('stroke-width', 5.5);
			curveLine
				.attr('d', path || null)
				.attr('stroke', curveColor(d.theme))
				.attr('stroke-width', 2.5);
			boundaryLine.attr('d', null);
			boundaryHalo.attr('d', null);
		}
	}

	function render(force = false): void {
		const d = data;
		if (!d || width < MIN_SIZE || height < MIN_SIZE) return;
		const key = keyOf(d);
		const staticChanged = force || key !== staticKey || d.train !== lastTrain || d.test !== lastTest;
		if (staticChanged) {
			staticKey = key;
			lastTrain = d.train;
			lastTest = d.test;
			renderStatic(d);
			predDirty = true;
		}
		if (predDirty || predictionsChanged(d.predictions)) {
			rememberPredictions(d.predictions);
			predDirty = false;
			renderPredictions(d);
		}
	}

	const observer = new ResizeObserver(() => {
		if (layout()) render(true);
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
		},
		async snapshot(scale) {
			const d = data;
			if (!d || width < MIN_SIZE || height < MIN_SIZE) return null;
			const t = CHART_THEMES[d.theme];
			const out = document.createElement('canvas');
			out.width = Math.round(width * scale);
			out.height = Math.round(height * scale);
			const ctx = out.getContext('2d');
			if (!ctx) return null;
			ctx.fillStyle = t.background;
			ctx.fillRect(0, 0, out.width, out.height);
			ctx.drawImage(canvas.node()!, 0, 0, out.width, out.height);
			// The SVG layer (axes, points, lines) as an image of itself.
			const clone = svg.node()!.cloneNode(true) as SVGSVGElement;
			clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
			clone.setAttribute('font-family', FONT);
			const xml = new XMLSerializer().serializeToString(clone);
			const img = new Image();
			img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
			await img.decode();
			ctx.drawImage(img, 0, 0, out.width, out.height);
			ctx.scale(scale, scale);
			paintLegend(ctx, legendItems, width - MARGIN.right - 6, MARGIN.top + 6, d.theme);
			return out;
		},
		plotSize() {
			if (width === 0 || height === 0) layout();
			return {
				width: Math.max(0, width - MARGIN.left - MARGIN.right),
				height: Math.max(0, height - MARGIN.top - MARGIN.bottom)
			};
		}
	};
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

interface LegendItem {
	color: string;
	text: string;
	kind: 'dot' | 'ring' | 'line';
}

/** The legend box as the page shows it, drawn on a canvas with its top right corner at (right, top). */
function paintLegend(
	ctx: CanvasRenderingContext2D,
	items: readonly LegendItem[],
	right: number,
	top: number,
	theme: 'light' | 'dark'
): void {
	if (items.length === 0) return;
	const t = CHART_THEMES[theme];
	const line = 16.2;
	ctx.font = `12px ${FONT}`;
	const textW = Math.max(...items.map((i) => ctx.measureText(i.text).width));
	const w = 8 + 22 + textW + 8;
	const h = 4 + items.length * line + 4;
	const x = right - w;
	ctx.fillStyle = t.panel;
	ctx.strokeStyle = t.border;
	ctx.lineWidth = 1;
	ctx.beginPath();
	ctx.roundRect(x + 0.5, top + 0.5, w, h, 6);
	ctx.fill();
	ctx.stroke();
	ctx.textBaseline = 'middle';
	items.forEach((item, k) => {
		const cy = top + 4 + (k + 0.5) * line;
		const kx = x + 8;
		ctx.strokeStyle = item.color;
		ctx.fillStyle = item.color;
		if (item.kind === 'line') {
			ctx.lineWidth = 2;
			ctx.beginPath();
			ctx.moveTo(kx, cy);
			ctx.lineTo(kx + 16, cy);
			ctx.stroke();
		} else {
			ctx.lineWidth = 1.8;
			ctx.beginPath();
			ctx.arc(kx + 4.5, cy, 3.6, 0, 2 * Math.PI);
			if (item.kind === 'dot') ctx.fill();
			ctx.stroke();
		}
		ctx.fillStyle = t.text;
		ctx.fillText(item.text, kx + 22, cy);
	});
}

/** Binary heatmap: P(class 1) on the softened diverging scale, transparent where it is not finite. */
function paintBinary(values: Float64Array, theme: 'light' | 'dark', px: Uint8ClampedArray): void {
	const lut = divergingLut(theme, HEATMAP_STRENGTH);
	const n = px.length / 4;
	for (let i = 0; i < n; i++) {
		const v = values[i];
		const o = 4 * i;
		if (!Number.isFinite(v)) {
			px[o + 3] = 0;
			continue;
		}
		const c = 3 * lutIndex(probabilityToT(v));
		px[o] = lut[c];
		px[o + 1] = lut[c + 1];
		px[o + 2] = lut[c + 2];
		px[o + 3] = 255;
	}
}

function pointColor(theme: 'light' | 'dark'): string {
	return theme === 'dark' ? '#9fb3c8' : '#4b5563';
}

function curveColor(theme: 'light' | 'dark'): string {
	return NN_STOPS[theme].negative;
}

function fmt(v: number): string {
	return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}
