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
import type { Selection } from 'd3-selection';
import type { Dataset } from '../../core/models/matrix';
import type { ViewBox } from '../../core/objective';
import { drawAxes, drawAxisTitles, drawGrid, plotRect, plotTicks, setRect } from '../charts/axes';
import { appendCanvasLayer, appendSvgLayer, mountView, sizeCanvas } from '../charts/chart-dom';
import { CHART_THEMES } from '../charts/chart-theme';
import { formatDatum } from '../charts/format';
import { appendLegend, drawLegend, type LegendItem, type LegendKeys } from '../charts/legend';
import { snapshotLayers } from '../charts/snapshot';
import { drawPoints, samplePoints, type PlotPoint } from '../charts/points';
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

export { MAX_DRAWN_POINTS } from '../charts/points';
const MARGIN = { top: 12, right: 14, bottom: 42, left: 54 };
const MIN_SIZE = 60;
/** The legend's keys (the PNG snapshot draws the same on a canvas). */
const LEGEND_KEYS: LegendKeys = { dot: 9, ring: 1.8, line: 16, lineWidth: 2, lift: 2, borderBox: true };

let plotCount = 0;

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
	const view = mountView(node, () => render(true), 'nn-boundary-plot');
	const root = view.root;
	const canvas = appendCanvasLayer(root);
	const svg = appendSvgLayer(root);
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
	const legend = appendLegend(root, MARGIN.right + 6, MARGIN.top + 6, '4px 8px');
	// The heatmap at grid resolution, stretched over the plot area with smoothing.
	const heat = document.createElement('canvas');
	let heatImage: ImageData | null = null;

	let data: BoundaryPlotData | null = null;
	let staticKey = '';
	let lastTrain: Dataset | null = null;
	let lastTest: Dataset | null = null;
	let lastPred: { nx: number; ny: number; values: Float64Array } | null = null;
	let lastValues = new Float64Array(0);
	let predDirty = true;
	let legendItems: LegendItem[] = [];

	const rect = () => plotRect(MARGIN, view.width, view.height);

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
			view.width,
			view.height,
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
		const r = rect();
		const { xs, ys } = scales(d);
		svg.attr('width', view.width).attr('height', view.height);
		setRect(clipRect, r);
		sizeCanvas(canvas.node()!, view.width, view.height);

		const { xTicks, yTicks } = plotTicks(xs, ys, r);
		const regression = d.task === 'regression';
		drawGrid(gridG, xs, ys, regression ? xTicks : [], regression ? yTicks : [], r, t);
		setRect(frame, r);
		frame.attr('stroke', regression ? 'none' : t.border);
		const xAxis = axisBottom(xs).tickValues(xTicks).tickSizeOuter(0);
		drawAxes(xAxisG, yAxisG, xAxis, axisLeft(ys).tickValues(yTicks).tickSizeOuter(0), r, t);
		const xTitle = d.featureNames[0] ?? 'x';
		const yTitle = regression ? d.targetName : (d.featureNames[1] ?? 'y');
		drawAxisTitles(titles, xTitle, yTitle, r, view.height, t);

		renderPoints(d, xs, ys);
		renderLegend(d);
	}

	function renderPoints(d: BoundaryPlotData, xs: (v: number) => number, ys: (v: number) => number): void {
		const t = CHART_THEMES[d.theme];
		const classify = d.task !== 'regression';
		const pts = samplePoints(d.train, d.test, (ds, i, isTest) => {
			const a = ds.x[i * ds.p];
			const b = classify ? ds.x[i * ds.p + 1] : ds.y[i];
			if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
			const cls = classify ? ds.y[i] : -1;
			const feats = classify
				? `${d.featureNames[0] ?? 'x1'} = ${formatDatum(a)}, ${d.featureNames[1] ?? 'x2'} = ${formatDatum(b)}`
				: `${d.featureNames[0] ?? 'x'} = ${formatDatum(a)}`;
			const target = classify ? (d.classes?.[cls] ?? String(cls)) : formatDatum(ds.y[i]);
			const tip = `${isTest ? 'test' : 'train'}: ${feats}; ${d.targetName} = ${target}`;
			return { x: xs(a), y: ys(b), cls, tip };
		});
		const colorOf = (p: PlotPoint) => (p.cls < 0 ? pointColor(d.theme) : classColor(p.cls, d.theme));
		drawPoints(pointsG, pts)
			.attr('r', (p) => (p.test ? 3.4 : 3.6))
			.attr('fill', (p) => (p.test ? t.background : colorOf(p)))
			.attr('fill-opacity', (p) => (p.test ? 0.55 : classify ? 1 : 0.8))
			.attr('stroke', (p) => (p.test ? colorOf(p) : t.background))
			.attr('stroke-width', (p) => (p.test ? 1.8 : 0.9));
	}

	function renderLegend(d: BoundaryPlotData): void {
		const t = CHART_THEMES[d.theme];
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
		drawLegend(legend, items, LEGEND_KEYS, t);
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
					const sx = el.width / view.width;
					const sy = el.height / view.height;
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
			strokePath(boundaryHalo, path, t.background, 4, 0.55);
			strokePath(boundaryLine, path, t.text, 1.6);
			curveLine.attr('d', null);
			curveHalo.attr('d', null);
		} else {
			const { xs, ys } = scales(d);
			const path = curvePath(p.values, p.nx, d.box, xs, ys);
			strokePath(curveHalo, path, t.background, 5.5, 0.8);
			strokePath(curveLine, path, curveColor(d.theme), 2.5);
			boundaryLine.attr('d', null);
			boundaryHalo.attr('d', null);
		}
	}

	function render(force = false): void {
		const d = data;
		if (!d || view.width < MIN_SIZE || view.height < MIN_SIZE) return;
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

	return {
		update(next) {
			data = next;
			render();
		},
		dispose: view.remove,
		snapshot(scale) {
			const d = data;
			const { width, height } = view;
			if (!d || width < MIN_SIZE || height < MIN_SIZE) return Promise.resolve(null);
			return snapshotLayers(
				{
					width,
					height,
					theme: d.theme,
					canvas: canvas.node(),
					svg: svg.node()!,
					legend: {
						items: legendItems,
						keys: LEGEND_KEYS,
						right: width - (MARGIN.right + 6),
						top: MARGIN.top + 6
					}
				},
				scale
			);
		},
		plotSize() {
			if (view.width === 0 || view.height === 0) view.measure();
			return {
				width: Math.max(0, view.width - MARGIN.left - MARGIN.right),
				height: Math.max(0, view.height - MARGIN.top - MARGIN.bottom)
			};
		}
	};
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

/** Sets a path's outline (none when empty) and stroke. */
function strokePath(
	path: Selection<SVGPathElement, unknown, null, undefined>,
	d: string,
	color: string,
	width: number,
	opacity?: number
): void {
	path
		.attr('d', d || null)
		.attr('stroke', color)
		.attr('stroke-opacity', opacity ?? null)
		.attr('stroke-width', width);
}

function pointColor(theme: 'light' | 'dark'): string {
	return theme === 'dark' ? '#9fb3c8' : '#4b5563';
}

function curveColor(theme: 'light' | 'dark'): string {
	return NN_STOPS[theme].negative;
}
