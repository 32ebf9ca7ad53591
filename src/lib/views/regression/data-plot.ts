/**
 * The regression panel's data plot: the rows (training filled, test hollow) with the closed-form fit (dashed)
 * and each optimizer run's current model in its colour, so scrubbing the timeline moves the lines. One
 * feature: the fitted curve (polynomial of any degree), or the sigmoid of P(y = 1) for classification. Two
 * features, classification: probability shading and decision boundaries. More features: predicted against
 * actual (regression) or the class against the linear score (classification). Imperative d3; plain data in.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Dataset } from '../../core/models/matrix';
import { drawAxes, drawAxisTitles, drawGrid, plotRect, plotTicks, setRect } from '../charts/axes';
import { appendCanvasLayer, appendSvgLayer, mountView, sizeCanvas } from '../charts/chart-dom';
import { CHART_THEMES } from '../charts/chart-theme';
import { formatDatum } from '../charts/format';
import { appendLegend, drawLegend, type LegendItem, type LegendKeys } from '../charts/legend';
import { snapshotLayers } from '../charts/snapshot';
import { drawPoints, drawStride, samplePoints, type PlotPoint } from '../charts/points';

export interface PlotModel {
	readonly id: number | 'fit';
	readonly color: string;
	readonly label: string;
	/** Original units; for a polynomial, coef[k] multiplies x^(k+1). */
	readonly coef: ArrayLike<number>;
	readonly intercept: number;
}

export interface DataPlotData {
	readonly task: 'regression' | 'classification';
	readonly featureNames: readonly string[];
	readonly targetName: string;
	readonly classes?: readonly [string, string];
	readonly train: Dataset;
	readonly test: Dataset;
	/** Degree of the polynomial in x (one feature only). */
	readonly degree: number;
	/** The closed-form fit, drawn dashed; null when there is none. */
	readonly fit: PlotModel | null;
	/** Runs at the current iteration, drawn solid in their colours. */
	readonly runs: readonly PlotModel[];
	readonly theme: 'light' | 'dark';
}

export interface DataPlot {
	update(data: DataPlotData): void;
	dispose(): void;
	/** The plot as drawn now (shading, axes, points, lines, legend) at `scale` times its size, for a PNG. */
	snapshot(scale: number): Promise<HTMLCanvasElement | null>;
}

export { MAX_DRAWN_POINTS } from '../charts/points';

let plotCount = 0;
const CLASS_COLORS = ['#e07b00', '#2f6fdd'] as const; // class 0 orange, class 1 blue, as on the network page
const MARGIN = { top: 14, right: 16, bottom: 44, left: 58 };
const LEGEND_KEYS: LegendKeys = { dot: 8, ring: 1.5, line: 18, lineWidth: 2.5, lift: 2 };

type Mode = 'curve' | 'sigmoid' | 'plane' | 'parity' | 'score';

export function plotMode(task: DataPlotData['task'], p: number): Mode {
	if (task === 'regression') return p === 1 ? 'curve' : 'parity';
	if (p === 1) return 'sigmoid';
	return p === 2 ? 'plane' : 'score';
}

/** Value of the polynomial b + sum_k c_k x^(k+1) (Horner). */
export function polynomialAt(m: Pick<PlotModel, 'coef' | 'intercept'>, x: number): number {
	let v = 0;
	for (let k = m.coef.length - 1; k >= 0; k--) v = v * x + m.coef[k];
	return m.intercept + v * x;
}

/** Linear score b + x . w of row i. */
function score(m: Pick<PlotModel, 'coef' | 'intercept'>, d: Dataset, i: number): number {
	let s = m.intercept;
	for (let j = 0; j < d.p; j++) s += m.coef[j] * d.x[i * d.p + j];
	return s;
}

function sigmoid(t: number): number {
	return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
}

function extent(values: Iterable<number>): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	for (const v of values) {
		if (!Number.isFinite(v)) continue;
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	if (!(lo <= hi)) return [0, 1];
	if (lo === hi) return [lo - 1, hi + 1];
	const pad = 0.06 * (hi - lo);
	return [lo - pad, hi + pad];
}

function* column(d: Dataset, j: number): Generator<number> {
	for (let i = 0; i < d.n; i++) yield d.x[i * d.p + j];
}

export function createDataPlot(node: HTMLElement): DataPlot {
	const view = mountView(node, () => render(), 'data-plot');
	const root = view.root;
	const canvas = appendCanvasLayer(root);
	const svg = appendSvgLayer(root);
	const clipId = `data-plot-clip-${++plotCount}`;
	const clipRect = svg.append('clipPath').attr('id', clipId).append('rect');
	const gridG = svg.append('g');
	const xAxisG = svg.append('g');
	const yAxisG = svg.append('g');
	const plotG = svg.append('g').attr('clip-path', `url(#${clipId})`);
	const pointsG = plotG.append('g');
	const linesG = plotG.append('g');
	const titles = svg.append('g');
	const legend = appendLegend(root, 10, 8, '4px 8px');
	let legendItems: LegendItem[] = [];
	let legendNotes: string[] = [];

	let data: DataPlotData | null = null;

	// What the axes, points and shading depend on: they are redrawn only when one of these changes (a render
	// per animation frame then only moves the model lines).
	let drawn: {
		train: Dataset;
		test: Dataset;
		fitCoef: ArrayLike<number> | undefined;
		fitIntercept: number | undefined;
		theme: string;
		width: number;
		height: number;
		degree: number;
	} | null = null;
	let frameScales: { mode: Mode; xs: ScaleLinear<number, number>; ys: ScaleLinear<number, number> } | null =
		null;

	function render(): void {
		const { width, height } = view;
		if (!data || width < 40 || height < 40) return;
		const d = data;
		const key = {
			train: d.train,
			test: d.test,
			fitCoef: d.fit?.coef,
			fitIntercept: d.fit?.intercept,
			theme: d.theme,
			width,
			height,
			degree: d.degree
		};
		const same =
			drawn !== null &&
			frameScales !== null &&
			(Object.keys(key) as (keyof typeof key)[]).every((k) => drawn![k] === key[k]);
		if (!same) {
			frameScales = renderStatic();
			drawn = key;
		}
		renderModels(frameScales!.mode, frameScales!.xs, frameScales!.ys);
	}

	function renderStatic(): { mode: Mode; xs: ScaleLinear<number, number>; ys: ScaleLinear<number, number> } {
		const d = data!;
		const t = CHART_THEMES[d.theme];
		const mode = plotMode(d.task, d.train.p);
		svg.attr('width', view.width).attr('height', view.height);
		const r = plotRect(MARGIN, view.width, view.height);
		const { left, top, right, bottom } = r;
		setRect(clipRect, r);

		const both = [d.train, d.test];
		const fit = d.fit;
		let xs: ScaleLinear<number, number>;
		let ys: ScaleLinear<number, number>;
		let xTitle: string;
		let yTitle: string;
		// Each point's plotted (x, y) for this mode.
		let px: (ds: Dataset, i: number) => number;
		let py: (ds: Dataset, i: number) => number;
		if (mode === 'curve' || mode === 'sigmoid') {
			px = (ds, i) => ds.x[i];
			py =
				mode === 'curve'
					? (ds, i) => ds.y[i]
					: // Jitter class rows a little (deterministically) so stacked points stay visible.
						(ds, i) => ds.y[i] + (((i * 2654435761) >>> 0) / 2 ** 32 - 0.5) * 0.08;
			xs = scaleLinear().domain(extent([...column(d.train, 0), ...column(d.test, 0)]));
			ys = scaleLinear().domain(mode === 'curve' ? extent([...d.train.y, ...d.test.y]) : [-0.12, 1.12]);
			xTitle = d.featureNames[0] ?? 'x';
			yTitle = mode === 'curve' ? d.targetName : `P(${d.targetName} = ${d.classes?.[1] ?? '1'})`;
		} else if (mode === 'plane') {
			px = (ds, i) => ds.x[i * 2];
			py = (ds, i) => ds.x[i * 2 + 1];
			xs = scaleLinear().domain(extent([...column(d.train, 0), ...column(d.test, 0)]));
			ys = scaleLinear().domain(extent([...column(d.train, 1), ...column(d.test, 1)]));
			xTitle = d.featureNames[0];
			yTitle = d.featureNames[1];
		} else if (mode === 'parity') {
			const m = fit ?? { coef: new Float64Array(d.train.p), intercept: 0 };
			px = (ds, i) => score(m, ds, i);
			py = (ds, i) => ds.y[i];
			const all = [...d.train.y, ...d.test.y];
			xs = scaleLinear().domain(extent(all));
			ys = scaleLinear().domain(extent(all));
			xTitle = `predicted ${d.targetName} (closed form)`;
			yTitle = `actual ${d.targetName}`;
		} else {
			const m = fit ?? { coef: new Float64Array(d.train.p), intercept: 0 };
			px = (ds, i) => score(m, ds, i);
			py = (ds, i) => ds.y[i] + (((i * 2654435761) >>> 0) / 2 ** 32 - 0.5) * 0.08;
			const scores: number[] = [];
			for (const ds of both) for (let i = 0; i < ds.n; i++) scores.push(px(ds, i));
			xs = scaleLinear().domain(extent(scores));
			ys = scaleLinear().domain([-0.12, 1.12]);
			xTitle = 'linear score b + x·w (closed form)';
			yTitle = `P(${d.targetName} = ${d.classes?.[1] ?? '1'})`;
		}
		xs.range([left, right]).nice();
		ys.range([bottom, top]);
		if (mode !== 'sigmoid' && mode !== 'score') ys.nice();

		// Grid and axes.
		const { xTicks, yTicks } = plotTicks(xs, ys, r);
		drawGrid(gridG, xs, ys, xTicks, yTicks, r, t);
		const xAxis = axisBottom(xs).tickValues(xTicks).tickSizeOuter(0);
		drawAxes(xAxisG, yAxisG, xAxis, axisLeft(ys).tickValues(yTicks).tickSizeOuter(0), r, t);
		drawAxisTitles(titles, xTitle, yTitle, r, view.height, t);

		drawShading(mode, xs, ys, left, top, right, bottom);

		// Points.
		const classify = d.task === 'classification';
		const pts = samplePoints(d.train, d.test, (ds, i, isTest) => {
			const vals = Array.from({ length: ds.p }, (_, j) => ds.x[i * ds.p + j]);
			const feats = d.featureNames.map((n, j) => `${n} = ${formatDatum(vals[j])}`).join(', ');
			const target = classify ? (d.classes?.[ds.y[i]] ?? ds.y[i]) : formatDatum(ds.y[i]);
			const tip = `${isTest ? 'test' : 'train'}: ${feats}; ${d.targetName} = ${target}`;
			return { x: xs(px(ds, i)), y: ys(py(ds, i)), cls: classify ? ds.y[i] : -1, tip };
		});
		const colorOf = (p: PlotPoint) => (p.cls < 0 ? t.text : CLASS_COLORS[p.cls === 1 ? 1 : 0]);
		drawPoints(pointsG, pts)
			.attr('r', (p) => (p.test ? 3.6 : 3.3))
			.attr('fill', (p) => (p.test ? 'none' : colorOf(p)))
			.attr('fill-opacity', 0.75)
			.attr('stroke', (p) => colorOf(p))
			.attr('stroke-width', (p) => (p.test ? 1.6 : 0.6));

		renderLegend(mode);
		return { mode, xs, ys };
	}

	function renderModels(mode: Mode, xs: ScaleLinear<number, number>, ys: ScaleLinear<number, number>): void {
		const d = data!;
		const t = CHART_THEMES[d.theme];
		const fit = d.fit;
		// Model lines: the closed form (dashed) and the runs.
		const models: (PlotModel & { dash: string | null; width: number })[] = [];
		if (fit) models.push({ ...fit, dash: '7 5', width: 2.5 });
		// In the parity and score plots the x axis is the closed form's own prediction: runs do not fit there.
		if (mode !== 'parity' && mode !== 'score')
			for (const r of d.runs) models.push({ ...r, dash: null, width: 2.5 });
		const pathOf = (m: PlotModel): string => modelPath(mode, m, xs, ys, d.degree);
		const lines = linesG
			.selectAll<SVGGElement, (typeof models)[number]>('g.model')
			.data(models, (m) => String(m.id))
			.join((enter) => {
				const g = enter.append('g').attr('class', 'model');
				g.append('path').attr('class', 'halo').attr('fill', 'none');
				g.append('path').attr('class', 'line').attr('fill', 'none');
				return g;
			});
		lines
			.select('path.halo')
			.attr('d', pathOf)
			.attr('stroke', t.background)
			.attr('stroke-width', (m) => m.width + 3)
			.attr('stroke-opacity', 0.8);
		lines
			.select('path.line')
			.attr('d', pathOf)
			.attr('stroke', (m) => m.color)
			.attr('stroke-width', (m) => m.width)
			.attr('stroke-dasharray', (m) => m.dash);
	}

	function renderLegend(mode: Mode): void {
		const d = data!;
		const t = CHART_THEMES[d.theme];
		const fit = d.fit;
		const items: LegendItem[] = [];
		if (d.task === 'classification') {
			items.push({ color: CLASS_COLORS[0], text: d.classes?.[0] ?? '0', kind: 'dot' });
			items.push({ color: CLASS_COLORS[1], text: d.classes?.[1] ?? '1', kind: 'dot' });
		} else {
			items.push({ color: t.text, text: 'training rows', kind: 'dot' });
			items.push({ color: t.text, text: 'test rows', kind: 'ring' });
		}
		if (fit) items.push({ color: fit.color, text: fit.label, kind: 'line', dash: true });
		if (mode === 'parity' || mode === 'score') {
			if (d.runs.length > 0) items.push({ color: t.muted, text: 'runs: see the loss surface', kind: 'line' });
		}
		const sample = drawStride(d.train.n) > 1 || drawStride(d.test.n) > 1;
		drawLegend(legend, items, LEGEND_KEYS, t);
		legendItems = items;
		legendNotes = sample ? [`showing every ${drawStride(Math.max(d.train.n, d.test.n))}th row`] : [];
		legend
			.selectAll('div.note')
			.data(legendNotes)
			.join('div')
			.attr('class', 'note')
			.style('color', t.muted)
			.text((s) => s);
	}

	/** P(y = 1) of the closed-form fit as a background image (two-feature classification only). */
	function drawShading(
		mode: Mode,
		xs: ScaleLinear<number, number>,
		ys: ScaleLinear<number, number>,
		left: number,
		top: number,
		right: number,
		bottom: number
	): void {
		const el = canvas.node()!;
		const dpr = sizeCanvas(el, view.width, view.height);
		const ctx = el.getContext('2d');
		if (!ctx) return;
		ctx.clearRect(0, 0, el.width, el.height);
		const fit = data?.fit;
		if (mode !== 'plane' || !fit) return;
		const cell = 4;
		const nx = Math.ceil((right - left) / cell);
		const ny = Math.ceil((bottom - top) / cell);
		const img = ctx.createImageData(nx, ny);
		const c0 = hex(CLASS_COLORS[0]);
		const c1 = hex(CLASS_COLORS[1]);
		for (let j = 0; j < ny; j++) {
			const y = ys.invert(top + (j + 0.5) * cell);
			for (let i = 0; i < nx; i++) {
				const x = xs.invert(left + (i + 0.5) * cell);
				const p = sigmoid(fit.intercept + fit.coef[0] * x + fit.coef[1] * y);
				const o = 4 * (j * nx + i);
				const c = p >= 0.5 ? c1 : c0;
				img.data[o] = c[0];
				img.data[o + 1] = c[1];
				img.data[o + 2] = c[2];
				// Strength of the shading = confidence |p - 1/2|.
				img.data[o + 3] = Math.round(150 * Math.abs(p - 0.5));
			}
		}
		const tmp = new OffscreenCanvas(nx, ny);
		tmp.getContext('2d')!.putImageData(img, 0, 0);
		ctx.imageSmoothingEnabled = true;
		ctx.drawImage(tmp, left * dpr, top * dpr, nx * cell * dpr, ny * cell * dpr);
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
			if (!d || width < 40 || height < 40) return Promise.resolve(null);
			return snapshotLayers(
				{
					width,
					height,
					theme: d.theme,
					canvas: canvas.node(),
					svg: svg.node()!,
					legend: { items: legendItems, notes: legendNotes, keys: LEGEND_KEYS, right: width - 10, top: 8 }
				},
				scale
			);
		}
	};
}

function hex(c: string): [number, number, number] {
	const v = Number.parseInt(c.slice(1), 16);
	return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** The SVG path of a model in the given mode (clipped to the plot by the caller's clip path). */
export function modelPath(
	mode: Mode,
	m: Pick<PlotModel, 'coef' | 'intercept'>,
	xs: ScaleLinear<number, number>,
	ys: ScaleLinear<number, number>,
	degree: number
): string {
	const [x0, x1] = xs.domain();
	const [y0, y1] = ys.domain();
	const clampY = (v: number) => Math.max(-1e4, Math.min(1e4, ys(v)));
	if (mode === 'curve' || mode === 'sigmoid' || mode === 'score') {
		const samples = mode === 'curve' && degree === 1 ? 2 : 240;
		let d = '';
		for (let k = 0; k < samples; k++) {
			const x = x0 + ((x1 - x0) * k) / (samples - 1);
			const z = mode === 'score' ? x : polynomialAt(m, x);
			const v = mode === 'curve' ? z : sigmoid(z);
			if (!Number.isFinite(v)) continue;
			d += `${d === '' ? 'M' : 'L'}${xs(x).toFixed(1)},${clampY(v).toFixed(1)}`;
		}
		return d;
	}
	if (mode === 'parity')
		return `M${xs(Math.min(x0, y0))},${ys(Math.min(x0, y0))}L${xs(Math.max(x1, y1))},${ys(Math.max(x1, y1))}`;
	// plane: the boundary b + w0 x + w1 y = 0.
	const [w0, w1] = [m.coef[0], m.coef[1]];
	const b = m.intercept;
	if (Math.abs(w1) >= Math.abs(w0)) {
		if (w1 === 0) return '';
		const yAt = (x: number) => -(b + w0 * x) / w1;
		return `M${xs(x0)},${clampY(yAt(x0))}L${xs(x1)},${clampY(yAt(x1))}`;
	}
	const xAt = (y: number) => -(b + w1 * y) / w0;
	const clampX = (v: number) => Math.max(-1e4, Math.min(1e4, xs(v)));
	return `M${clampX(xAt(y0))},${ys(y0)}L${clampX(xAt(y1))},${ys(y1)}`;
}
