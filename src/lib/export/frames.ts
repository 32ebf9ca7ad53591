/**
 * Frames of an exported animation or image, drawn with Canvas 2D from an ExportScene: title bar, contour map,
 * loss chart and (through the live 3D view) the surface. The static parts are drawn once into a cached
 * canvas; each frame blits it and draws only what moves (trajectories, markers, cursor, iteration label).
 */
import { createLogScale } from '../core/grid/log-scale';
import type { ViewBox } from '../core/objective';
import {
	formatTick,
	LOSS_FLOOR,
	planYAxis,
	plottedValue,
	thinIndices,
	transformValue,
	type YAxisPlan
} from '../views/charts/loss-chart-data';
import { valueColor } from '../views/color';
import { legendTicks } from '../views/contour/legend';
import { clampPixel, contourPaths, QUANTUM } from '../views/contour/paths';
import { FONT_FAMILY, MATH_FONT_FAMILY, ON_FIELD, PALETTES, type Palette } from '../views/contour/theme';
import type { ContourSetWithPaths } from '../views/contour/types';
import { DEFAULT_CAMERA } from '../views/surface/camera';
import type { SurfaceViewData } from '../views/surface/types';
import type { CameraState, RunView } from '../views/types';
import {
	contourLayout,
	dataToPixel,
	formatTickValue,
	frameIterations,
	frameLayout,
	frameMetrics,
	gridToPixel,
	iterationText,
	layoutTitle,
	linearTicks,
	lossLayout,
	showsFailure,
	trailWindow,
	type Affine,
	type ContourLayout,
	type FrameMetrics,
	type Rect
} from './frames-layout';
import type { AnimationOptions, ExportScene, FrameSource } from './types';

/** What the frames need from the live 3D view (see SurfaceView.renderFrame). */
export interface FrameSurface {
	renderFrame(data: SurfaceViewData, width: number, height: number): HTMLCanvasElement | null;
}

export interface FrameDeps {
	/** The live 3D view; without it (or when it returns null) 3D panels show a placeholder. */
	readonly surface?: FrameSurface | null;
	/** The 3D camera to export (default: the view's default camera). */
	readonly camera?: CameraState;
}

export const SURFACE_UNAVAILABLE_TEXT = '3D view unavailable';

/** Colours of the loss chart, matching the live chart's themes. */
const CHART = {
	light: { grid: '#e4e7eb', axis: '#8c959f' },
	dark: { grid: '#2b3139', axis: '#6e7681' }
} as const;

/** Windows of at most this many points get a dot at every iterate (as in the contour view). */
const MAX_DOTS = 200;
/** Steps shorter than this (pixels) from the last point drawn are skipped. */
const MIN_STEP_PX = 0.75;

type Ctx = CanvasRenderingContext2D;

function font(size: number, weight = 400, family = FONT_FAMILY): string {
	return `${weight} ${size}px ${family}`;
}

function mathFont(size: number): string {
	return `italic ${size}px ${MATH_FONT_FAMILY}`;
}

function newCanvas(width: number, height: number, cpu = false): { canvas: HTMLCanvasElement; ctx: Ctx } {
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d', cpu ? { willReadFrequently: true } : undefined);
	if (ctx === null) throw new Error('Canvas 2D is unavailable in this browser');
	return { canvas, ctx };
}

/** Interleaved pixel positions [px0, py0, ...] of a run's points (NaN where a value is not finite). */
function runPixels(run: RunView, t: Affine): Float64Array {
	const out = new Float64Array(2 * run.count);
	for (let k = 0; k < run.count; k++) {
		out[2 * k] = clampPixel(t.a * run.points[3 * k] + t.e);
		out[2 * k + 1] = clampPixel(t.d * run.points[3 * k + 1] + t.f);
	}
	return out;
}

/** Adds points first..last of `px` to the current path, skipping sub-pixel steps (never the last point). */
function tracePolyline(ctx: Ctx, px: Float64Array, first: number, last: number): void {
	let lx = px[2 * first];
	let ly = px[2 * first + 1];
	ctx.moveTo(lx, ly);
	const min2 = MIN_STEP_PX * MIN_STEP_PX;
	for (let k = first + 1; k <= last; k++) {
		const x = px[2 * k];
		const y = px[2 * k + 1];
		const dx = x - lx;
		const dy = y - ly;
		if (dx * dx + dy * dy < min2 && k < last) continue;
		ctx.lineTo(x, y);
		lx = x;
		ly = y;
	}
	// A single point still gets a (round-capped) dot.
	if (first === last) ctx.lineTo(lx + 0.01, ly);
}

function starPath(ctx: Ctx, cx: number, cy: number, r: number): void {
	const inner = r * 0.45;
	ctx.beginPath();
	for (let i = 0; i < 10; i++) {
		const a = -Math.PI / 2 + (i * Math.PI) / 5;
		const rr = i % 2 === 0 ? r : inner;
		ctx.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
	}
	ctx.closePath();
}

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
	ctx.beginPath();
	ctx.moveTo(x + r, y);
	ctx.arcTo(x + w, y, x + w, y + h, r);
	ctx.arcTo(x + w, y + h, x, y + h, r);
	ctx.arcTo(x, y + h, x, y, r);
	ctx.arcTo(x, y, x + w, y, r);
	ctx.closePath();
}

function hatchPattern(ctx: Ctx, palette: Palette, size: number): CanvasPattern | string {
	const { canvas, ctx: p } = newCanvas(size, size, true);
	p.fillStyle = palette.plotBackground;
	p.fillRect(0, 0, size, size);
	p.strokeStyle = palette.hatch;
	p.lineWidth = Math.max(1, size / 4);
	p.beginPath();
	for (const o of [-size, 0, size]) {
		p.moveTo(o, size);
		p.lineTo(o + size, 0);
	}
	p.stroke();
	return ctx.createPattern(canvas, 'repeat') ?? palette.hatch;
}

/** The loss chart's fixed parts: axes plan, plot rectangle, each run's thinned pixel polyline. */
interface LossChartModel {
	readonly plot: Rect;
	readonly plan: YAxisPlan;
	readonly steps: number;
	readonly x: (k: number) => number;
	readonly y: (v: number) => number;
	readonly lines: { run: RunView; indices: number[]; px: Float64Array }[];
}

function lossModel(
	panel: Rect,
	runs: readonly RunView[],
	fMin: number | undefined,
	steps: number,
	m: FrameMetrics
) {
	const plot = lossLayout(panel, m);
	const plan = planYAxis(runs, fMin, Math.max(3, Math.min(8, Math.floor(plot.height / (m.tick * 2.8)))));
	const [d0, d1] = plan.domain;
	const span = d1 - d0 || 1;
	const n = Math.max(1, steps);
	const x = (k: number) => plot.x + (plot.width * k) / n;
	const overshoot = m.line * 4;
	const y = (v: number) => {
		const p = plot.y + plot.height * (1 - (transformValue(v, plan.mode, plan.constant) - d0) / span);
		return Math.min(plot.y + plot.height + overshoot, Math.max(plot.y - overshoot, p));
	};
	const lines = runs.map((run) => {
		const values = new Float64Array(run.count);
		for (let k = 0; k < run.count; k++) values[k] = plottedValue(run.points[3 * k + 2], fMin);
		const indices = thinIndices(values, run.count, Math.max(64, Math.ceil(2 * plot.width)));
		const px = new Float64Array(2 * run.count).fill(Number.NaN);
		for (const k of indices) {
			if (Number.isNaN(values[k])) continue;
			px[2 * k] = x(k);
			px[2 * k + 1] = y(values[k]);
		}
		// The current iterate may fall between thinned indices: keep every point's position.
		for (let k = 0; k < run.count; k++) {
			if (Number.isNaN(values[k]) || !Number.isNaN(px[2 * k])) continue;
			px[2 * k] = x(k);
			px[2 * k + 1] = y(values[k]);
		}
		return { run, indices, px };
	});
	const model: LossChartModel = { plot, plan, steps: n, x, y, lines };
	return model;
}

export function createFrameSource(
	scene: ExportScene,
	options: AnimationOptions,
	deps: FrameDeps = {}
): FrameSource {
	const width = Math.max(16, Math.round(options.width));
	const height = Math.max(16, Math.round(options.height));
	const iterations = frameIterations(options.from, options.to, options.every, options.hold, options.fps);
	const { canvas, ctx } = newCanvas(width, height, true);
	const m = frameMetrics(height);
	const palette = PALETTES[scene.theme] ?? PALETTES.light;
	const chart = CHART[scene.theme] ?? CHART.light;
	const runs = scene.runs.filter((r) => r.visible && r.count > 0);
	const box: ViewBox = scene.box;

	// ---- layout --------------------------------------------------------------------------------------
	ctx.font = font(m.label);
	const iterationWidth = ctx.measureText(iterationText(scene.steps, scene.steps)).width;
	const swatch = Math.round(m.title * 1.5);
	const measure = (text: string, bold: boolean): number => {
		ctx.font = font(m.title, bold ? 650 : 400);
		return ctx.measureText(text).width;
	};
	const title = layoutTitle(
		scene.functionLabel,
		runs.map((r) => ({ label: r.label, color: r.color })),
		measure,
		Math.max(50, width - 2 * m.pad - iterationWidth - 2 * m.pad),
		swatch
	);
	const rowHeight = Math.round(m.title * 1.45);
	const titleHeight = Math.round(title.rows * rowHeight + m.pad * 1.2);
	const layout = frameLayout(options.view, width, height, titleHeight);
	const contour: ContourLayout | null = layout.contour ? contourLayout(layout.contour, box, m) : null;
	const toPixel = contour ? dataToPixel(box, contour.plot) : null;
	const pixels = toPixel ? runs.map((r) => runPixels(r, toPixel)) : [];
	const loss = layout.loss ? lossModel(layout.loss, runs, scene.fn.fMin, scene.steps, m) : null;
	const surfaceRect = layout.surface
		? {
				x: Math.round(layout.surface.x),
				y: Math.round(layout.surface.y),
				width: Math.max(1, Math.round(layout.surface.width)),
				height: Math.max(1, Math.round(layout.surface.height))
			}
		: null;

	let background: HTMLCanvasElement | null = null;
	let drawn = -1;
	let disposed = false;

	// ---- static background ---------------------------------------------------------------------------
	function drawBackground(): HTMLCanvasElement {
		const { canvas: bg, ctx: g } = newCanvas(width, height, true);
		g.fillStyle = palette.background;
		g.fillRect(0, 0, width, height);
		drawTitle(g);
		if (contour) drawContourStatic(g, contour);
		if (loss) drawLossStatic(g, loss);
		return bg;
	}

	function drawTitle(g: Ctx): void {
		g.textBaseline = 'middle';
		g.textAlign = 'left';
		const top = Math.round(m.pad * 0.6);
		for (const piece of title.pieces) {
			const x = m.pad + piece.x;
			const y = top + (piece.row + 0.5) * rowHeight;
			g.fillStyle = palette.text;
			if (piece.kind === 'run') {
				const len = swatch - m.title * 0.4;
				g.lineCap = 'round';
				g.strokeStyle = ON_FIELD.halo;
				g.lineWidth = m.line * 2.4;
				g.beginPath();
				g.moveTo(x + m.line, y);
				g.lineTo(x + len - m.line, y);
				g.stroke();
				g.strokeStyle = piece.color ?? palette.text;
				g.lineWidth = m.line * 1.3;
				g.stroke();
				g.beginPath();
				g.arc(x + len / 2, y, m.line * 2.2, 0, 2 * Math.PI);
				g.fillStyle = piece.color ?? palette.text;
				g.fill();
				g.strokeStyle = ON_FIELD.markerStroke;
				g.lineWidth = Math.max(1, m.line * 0.6);
				g.stroke();
				g.fillStyle = palette.text;
				g.font = font(m.title);
				g.fillText(piece.text, x + swatch, y);
			} else if (piece.kind === 'separator') {
				g.font = font(m.title);
				g.fillStyle = palette.mutedText;
				g.fillText(piece.text, x, y);
			} else {
				g.font = font(m.title, 650);
				g.fillText(piece.text, x, y);
			}
		}
	}

	function drawContourStatic(g: Ctx, c: ContourLayout): void {
		const p = c.plot;
		const t = toPixel as Affine;
		g.fillStyle = palette.plotBackground;
		g.fillRect(p.x, p.y, p.width, p.height);
		const grid = scene.grid;
		const contours = scene.contours as ContourSetWithPaths | null;
		const scale = scene.scale ? createLogScale(scene.scale.lo, scene.scale.hi) : null;
		if (grid !== null && contours !== null && scale !== null && grid.nx > 0 && grid.ny > 0) {
			const paths = contours.paths ?? contourPaths(contours, grid);
			const q = gridToPixel(grid.box, grid.nx, grid.ny, box, p, QUANTUM);
			const matrix = new DOMMatrix([q.a, 0, 0, q.d, q.e, q.f]);
			const place = (d: string): Path2D => {
				const out = new Path2D();
				out.addPath(new Path2D(d), matrix);
				return out;
			};
			g.save();
			g.beginPath();
			g.rect(p.x, p.y, p.width, p.height);
			g.clip();
			g.fillStyle = valueColor(0);
			g.fillRect(q.e, q.f, q.a * grid.nx * QUANTUM, q.d * grid.ny * QUANTUM);
			contours.bands.forEach((band, i) => {
				const d = paths.bands[i];
				if (!d) return;
				g.fillStyle = valueColor(scale.toUnit(band.value));
				g.fill(place(d), 'evenodd');
			});
			if (paths.undefinedRegion) {
				g.fillStyle = hatchPattern(g, palette, Math.max(6, Math.round(m.tick * 0.45)));
				g.fill(place(paths.undefinedRegion), 'evenodd');
			}
			if (paths.isolines) {
				g.strokeStyle = ON_FIELD.isoline;
				g.lineWidth = Math.max(0.9, height / 800);
				g.lineJoin = 'round';
				g.stroke(place(paths.isolines));
			}
			g.restore();
			drawColourBar(g, c.bar, scale, contours.thresholds);
		}
		g.strokeStyle = palette.frame;
		g.lineWidth = 1;
		g.strokeRect(p.x + 0.5, p.y + 0.5, p.width - 1, p.height - 1);

		// Axes: ticks outside the frame, labels, then the italic axis names.
		const tickLen = Math.round(m.tick * 0.35);
		const gap = Math.round(m.tick * 0.3);
		g.font = font(m.tick);
		g.fillStyle = palette.text;
		g.strokeStyle = palette.frame;
		g.lineWidth = 1;
		const xt = linearTicks(box.xMin, box.xMax, Math.max(2, Math.round(p.width / (m.tick * 5.5))));
		g.textAlign = 'center';
		g.textBaseline = 'top';
		for (const v of xt) {
			const x = Math.round(t.a * v + t.e) + 0.5;
			g.beginPath();
			g.moveTo(x, p.y + p.height);
			g.lineTo(x, p.y + p.height + tickLen);
			g.stroke();
			g.fillText(formatTickValue(v, xt), x, p.y + p.height + tickLen + gap);
		}
		const yt = linearTicks(box.yMin, box.yMax, Math.max(2, Math.round(p.height / (m.tick * 3.5))));
		g.textAlign = 'right';
		g.textBaseline = 'middle';
		let widest = 0;
		for (const v of yt) {
			const y = Math.round(t.d * v + t.f) + 0.5;
			g.beginPath();
			g.moveTo(p.x, y);
			g.lineTo(p.x - tickLen, y);
			g.stroke();
			const label = formatTickValue(v, yt);
			widest = Math.max(widest, g.measureText(label).width);
			g.fillText(label, p.x - tickLen - gap, y);
		}
		g.font = mathFont(Math.round(m.label * 1.15));
		g.textAlign = 'center';
		g.textBaseline = 'top';
		g.fillText('x', p.x + p.width / 2, p.y + p.height + tickLen + gap + m.tick * 1.25);
		g.textBaseline = 'middle';
		const panel = layout.contour as Rect;
		const yx = Math.max(panel.x + m.label * 0.6, p.x - tickLen - 2 * gap - widest - m.label * 0.55);
		g.fillText('y', yx, p.y + p.height / 2);
	}

	function drawColourBar(
		g: Ctx,
		bar: Rect,
		scale: ReturnType<typeof createLogScale>,
		thresholds: readonly number[]
	): void {
		const stops = [scale.lo, ...thresholds, scale.hi];
		const y = (v: number) => bar.y + bar.height * (1 - scale.toUnit(v));
		for (let i = 0; i < stops.length - 1; i++) {
			const top = y(stops[i + 1]);
			g.fillStyle = valueColor(i === 0 ? 0 : scale.toUnit(stops[i]));
			g.fillRect(bar.x, top, bar.width, Math.max(0, y(stops[i]) - top) + 0.5);
		}
		g.strokeStyle = palette.frame;
		g.lineWidth = 1;
		g.strokeRect(bar.x + 0.5, bar.y + 0.5, bar.width - 1, bar.height - 1);
		const ticks = legendTicks(scale.lo, scale.hi, scale.toUnit, bar.height, m.tick * 1.7);
		g.font = font(m.tick);
		g.fillStyle = palette.text;
		g.textAlign = 'left';
		g.textBaseline = 'middle';
		const tickLen = Math.round(m.tick * 0.3);
		for (const tick of ticks) {
			const ty = Math.round(bar.y + bar.height * (1 - tick.t)) + 0.5;
			g.beginPath();
			g.moveTo(bar.x + bar.width, ty);
			g.lineTo(bar.x + bar.width + tickLen, ty);
			g.stroke();
			g.fillText(tick.label, bar.x + bar.width + tickLen + m.tick * 0.3, ty);
		}
		g.font = mathFont(Math.round(m.label * 1.15));
		g.textAlign = 'center';
		g.textBaseline = 'bottom';
		g.fillText('f', bar.x + bar.width / 2, bar.y - m.label * 0.25);
	}

	function drawLossStatic(g: Ctx, model: LossChartModel): void {
		const p = model.plot;
		const { plan } = model;
		g.font = font(m.tick);
		g.lineWidth = 1;
		// Horizontal grid lines with the y tick labels.
		g.textAlign = 'right';
		g.textBaseline = 'middle';
		plan.ticks.forEach((v, i) => {
			const y = Math.round(model.y(v)) + 0.5;
			if (y < p.y - 1 || y > p.y + p.height + 1) return;
			g.strokeStyle = chart.grid;
			g.beginPath();
			g.moveTo(p.x, y);
			g.lineTo(p.x + p.width, y);
			g.stroke();
			g.fillStyle = palette.text;
			const floor = i === 0 && plan.floorShown && v <= LOSS_FLOOR * 1.0001;
			g.fillText(floor ? `≤${formatTick(v)}` : formatTick(v), p.x - m.tick * 0.5, y);
		});
		// x ticks: whole iterations.
		const xt = linearTicks(0, model.steps, Math.max(2, Math.round(p.width / (m.tick * 5)))).filter((v) =>
			Number.isInteger(v)
		);
		g.textAlign = 'center';
		g.textBaseline = 'top';
		for (const v of xt) {
			const x = Math.round(model.x(v)) + 0.5;
			g.strokeStyle = chart.axis;
			g.beginPath();
			g.moveTo(x, p.y + p.height);
			g.lineTo(x, p.y + p.height + m.tick * 0.35);
			g.stroke();
			g.fillStyle = palette.text;
			g.fillText(String(v), x, p.y + p.height + m.tick * 0.6);
		}
		g.strokeStyle = chart.axis;
		g.beginPath();
		g.moveTo(p.x + 0.5, p.y);
		g.lineTo(p.x + 0.5, p.y + p.height + 0.5);
		g.lineTo(p.x + p.width, p.y + p.height + 0.5);
		g.stroke();
		g.fillStyle = palette.text;
		g.font = font(m.label, 500);
		g.textAlign = 'center';
		g.textBaseline = 'top';
		g.fillText('iteration', p.x + p.width / 2, p.y + p.height + m.tick * 0.6 + m.tick * 1.3);
		g.textAlign = 'left';
		g.textBaseline = 'bottom';
		const scaleNote = plan.mode === 'log' ? ' (log scale)' : plan.mode === 'symlog' ? ' (symlog scale)' : '';
		g.fillText(plan.label + scaleNote, (layout.loss as Rect).x + m.pad * 0.5, p.y - m.label * 0.6);
	}

	// ---- per frame -------------------------------------------------------------------------------------
	function drawRuns(g: Ctx, c: ContourLayout, iteration: number): void {
		const p = c.plot;
		const t = toPixel as Affine;
		g.save();
		g.beginPath();
		g.rect(p.x, p.y, p.width, p.height);
		g.clip();
		g.lineCap = 'round';
		g.lineJoin = 'round';
		runs.forEach((run, i) => {
			const w = trailWindow(run.count, iteration, options.trail);
			if (w === null) return;
			const [first, last] = w;
			const px = pixels[i];
			g.beginPath();
			tracePolyline(g, px, first, last);
			g.strokeStyle = ON_FIELD.halo;
			g.lineWidth = m.line * 2.2;
			g.stroke();
			g.strokeStyle = run.color;
			g.lineWidth = m.line;
			g.stroke();
			if (last - first + 1 <= MAX_DOTS && last > first) {
				g.beginPath();
				for (let k = first; k <= last; k++) {
					g.moveTo(px[2 * k], px[2 * k + 1]);
					g.lineTo(px[2 * k] + 0.01, px[2 * k + 1]);
				}
				g.strokeStyle = ON_FIELD.halo;
				g.lineWidth = m.line * 3.1;
				g.stroke();
				g.strokeStyle = run.color;
				g.lineWidth = m.line * 2;
				g.stroke();
			}
			g.beginPath();
			g.arc(px[2 * last], px[2 * last + 1], m.line * 2.9, 0, 2 * Math.PI);
			g.fillStyle = run.color;
			g.fill();
			g.strokeStyle = ON_FIELD.markerStroke;
			g.lineWidth = Math.max(1, m.line * 0.85);
			g.stroke();
		});
		// Known minima, then the start points (as the contour view stacks them).
		const r = m.label * 0.62;
		for (const mm of scene.fn.minima) {
			const x = t.a * mm.x + t.e;
			const y = t.d * mm.y + t.f;
			if (x < p.x - r || x > p.x + p.width + r || y < p.y - r || y > p.y + p.height + r) continue;
			starPath(g, x, y, r);
			g.fillStyle = ON_FIELD.markerFill;
			g.fill();
			g.strokeStyle = ON_FIELD.markerStroke;
			g.lineWidth = Math.max(1, m.line * 0.7);
			g.stroke();
		}
		const sr = m.label * 0.36;
		g.beginPath();
		g.arc(clampPixel(t.a * scene.start[0] + t.e), clampPixel(t.d * scene.start[1] + t.f), sr, 0, 2 * Math.PI);
		g.fillStyle = ON_FIELD.markerFill;
		g.fill();
		g.strokeStyle = ON_FIELD.markerStroke;
		g.lineWidth = Math.max(1, m.line * 0.9);
		g.stroke();
		g.beginPath();
		g.arc(
			clampPixel(t.a * scene.start[0] + t.e),
			clampPixel(t.d * scene.start[1] + t.f),
			sr * 0.3,
			0,
			2 * Math.PI
		);
		g.fillStyle = ON_FIELD.markerStroke;
		g.fill();
		for (const run of runs) {
			if (run.start === undefined) continue;
			const x = clampPixel(t.a * run.start[0] + t.e);
			const y = clampPixel(t.d * run.start[1] + t.f);
			g.beginPath();
			g.moveTo(x, y - sr);
			g.lineTo(x + sr, y);
			g.lineTo(x, y + sr);
			g.lineTo(x - sr, y);
			g.closePath();
			g.fillStyle = run.color;
			g.fill();
			g.strokeStyle = ON_FIELD.markerStroke;
			g.stroke();
		}
		runs.forEach((run, i) => {
			if (showsFailure(run.status, run.count, iteration)) drawFailure(g, p, run, pixels[i]);
		});
		g.restore();
	}

	function drawFailure(g: Ctx, p: Rect, run: RunView, px: Float64Array): void {
		const last = run.count - 1;
		const inset = m.label * 0.8;
		const x0 = px[2 * last];
		const y0 = px[2 * last + 1];
		const cx = Math.min(p.x + p.width - inset, Math.max(p.x + inset, x0));
		const cy = Math.min(p.y + p.height - inset, Math.max(p.y + inset, y0));
		const off = cx !== x0 || cy !== y0;
		const s = m.label * 0.42;
		g.beginPath();
		g.moveTo(cx - s, cy - s);
		g.lineTo(cx + s, cy + s);
		g.moveTo(cx - s, cy + s);
		g.lineTo(cx + s, cy - s);
		g.lineCap = 'round';
		g.strokeStyle = ON_FIELD.halo;
		g.lineWidth = m.line * 2.8;
		g.stroke();
		g.strokeStyle = run.color;
		g.lineWidth = m.line * 1.4;
		g.stroke();
		const text = `${run.label}: ${run.status}${off ? ' (off view)' : ''}`;
		// The label shrinks (down to the tick size) to fit the plot's width, and stays inside the plot.
		const room = p.width - 8;
		let size = m.label;
		g.font = font(size, 600);
		let tw = g.measureText(text).width;
		if (tw + size * 0.9 > room) {
			size = Math.max(Math.round(m.tick * 0.8), Math.floor((size * room) / (tw + size * 0.9)));
			g.font = font(size, 600);
			tw = g.measureText(text).width;
		}
		const bw = tw + size * 0.9;
		const bh = size * 1.6;
		const gapX = s + size * 0.5;
		let lx = cx + gapX + bw <= p.x + p.width ? cx + gapX : cx - gapX - bw;
		lx = Math.max(p.x + 4, Math.min(p.x + p.width - 4 - bw, lx));
		const ly = cy - s - bh >= p.y ? cy - s - bh : cy + s;
		roundRect(g, lx, ly, bw, bh, size * 0.25);
		g.fillStyle = palette.labelBackground;
		g.fill();
		g.strokeStyle = run.color;
		g.lineWidth = Math.max(1, m.line * 0.6);
		g.stroke();
		g.fillStyle = palette.text;
		g.textAlign = 'left';
		g.textBaseline = 'middle';
		g.fillText(text, lx + size * 0.45, ly + bh / 2);
	}

	function drawLossFrame(g: Ctx, model: LossChartModel, iteration: number): void {
		const p = model.plot;
		const k0 = Math.floor(iteration);
		g.save();
		g.beginPath();
		g.rect(p.x, p.y - m.line * 4, p.width + m.line * 4, p.height + m.line * 8);
		g.clip();
		g.lineCap = 'round';
		g.lineJoin = 'round';
		for (const { run, indices, px } of model.lines) {
			const last = Math.min(run.count - 1, k0);
			g.beginPath();
			let pen = false;
			for (const k of indices) {
				if (k > last) break;
				const x = px[2 * k];
				if (Number.isNaN(x)) {
					pen = false;
					continue;
				}
				if (pen) g.lineTo(x, px[2 * k + 1]);
				else g.moveTo(x, px[2 * k + 1]);
				pen = true;
			}
			if (!Number.isNaN(px[2 * last])) {
				if (pen) g.lineTo(px[2 * last], px[2 * last + 1]);
				else g.moveTo(px[2 * last], px[2 * last + 1]);
			}
			g.strokeStyle = run.color;
			g.lineWidth = m.line;
			g.stroke();
		}
		// The cursor, then a dot at each run's current value.
		const cx = Math.round(model.x(Math.min(k0, model.steps))) + 0.5;
		g.strokeStyle = palette.text;
		g.globalAlpha = 0.55;
		g.lineWidth = Math.max(1, m.line * 0.5);
		g.setLineDash([m.line * 2.5, m.line * 2]);
		g.beginPath();
		g.moveTo(cx, p.y);
		g.lineTo(cx, p.y + p.height);
		g.stroke();
		g.setLineDash([]);
		g.globalAlpha = 1;
		for (const { run, px } of model.lines) {
			const last = Math.min(run.count - 1, k0);
			const x = px[2 * last];
			if (Number.isNaN(x)) continue;
			g.beginPath();
			g.arc(x, px[2 * last + 1], m.line * 2.2, 0, 2 * Math.PI);
			g.fillStyle = run.color;
			g.fill();
			g.strokeStyle = palette.background;
			g.lineWidth = Math.max(1, m.line * 0.7);
			g.stroke();
		}
		g.restore();
	}

	function drawSurface(g: Ctx, r: Rect, iteration: number): void {
		let frame: HTMLCanvasElement | null = null;
		if (deps.surface) {
			try {
				frame = deps.surface.renderFrame(surfaceData(iteration), r.width, r.height);
			} catch {
				frame = null;
			}
		}
		if (frame !== null && frame.width > 0 && frame.height > 0) {
			g.drawImage(frame, r.x, r.y, r.width, r.height);
			return;
		}
		const inset = m.pad;
		g.fillStyle = palette.plotBackground;
		g.fillRect(r.x + inset, r.y + inset, r.width - 2 * inset, r.height - 2 * inset);
		g.fillStyle = palette.mutedText;
		g.font = font(m.label, 500);
		g.textAlign = 'center';
		g.textBaseline = 'middle';
		g.fillText(SURFACE_UNAVAILABLE_TEXT, r.x + r.width / 2, r.y + r.height / 2);
	}

	/** The 3D view's data at `iteration`; a trail is passed as runs cut down to their window. */
	function surfaceData(iteration: number): SurfaceViewData {
		let shown: readonly RunView[] = scene.runs;
		let at = iteration;
		if (options.trail > 0) {
			at = Number.MAX_SAFE_INTEGER;
			shown = scene.runs.map((run) => {
				const w = trailWindow(run.count, iteration, options.trail);
				if (w === null || !run.visible) return run;
				const [first, last] = w;
				return {
					...run,
					points: run.points.subarray(3 * first, 3 * (last + 1)),
					gradNorms: undefined,
					count: last - first + 1,
					status: last === run.count - 1 ? run.status : 'ok'
				};
			});
		}
		return {
			fn: scene.fn,
			box,
			scale: scene.scale,
			runs: shown,
			iteration: at,
			start: scene.start,
			hover: null,
			camera: deps.camera ?? DEFAULT_CAMERA,
			theme: scene.theme
		};
	}

	function drawIterationLabel(g: Ctx, iteration: number): void {
		g.font = font(m.label, 500);
		g.fillStyle = palette.mutedText;
		g.textAlign = 'right';
		g.textBaseline = 'middle';
		g.fillText(iterationText(iteration, scene.steps), width - m.pad, Math.round(m.pad * 0.6) + rowHeight / 2);
	}

	function render(i: number): HTMLCanvasElement {
		if (disposed) throw new Error('The frame source is disposed');
		const index = Math.max(0, Math.min(iterations.length - 1, Math.floor(i)));
		const iteration = iterations[index];
		// Held frames (and repeated requests) show the same picture: nothing to redraw.
		if (iteration === drawn) return canvas;
		background ??= drawBackground();
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		ctx.globalAlpha = 1;
		ctx.drawImage(background, 0, 0);
		if (contour) drawRuns(ctx, contour, iteration);
		if (loss) drawLossFrame(ctx, loss, iteration);
		if (surfaceRect) drawSurface(ctx, surfaceRect, iteration);
		drawIterationLabel(ctx, iteration);
		drawn = iteration;
		return canvas;
	}

	function dispose(): void {
		disposed = true;
		if (background) background.width = background.height = 0;
		background = null;
		// Frees the bitmaps now rather than whenever the canvases are collected.
		canvas.width = 0;
		canvas.height = 0;
	}

	return { width, height, iterations, render, dispose };
}
