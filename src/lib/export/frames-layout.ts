/**
 * The pure arithmetic of exported frames (no DOM, tested in Node): which iteration each frame shows, where
 * the panels of each view go, font sizes, the map from data and grid units to pixels, trail windows, titles.
 */
import { ticks } from 'd3-array';
import type { ViewBox } from '../core/objective';
import type { ExportView } from './types';

export interface Rect {
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
}

/** Iterations from..to every k-th (always ending with `to`), then `to` again for round(hold * fps) frames. */
export function frameIterations(
	from: number,
	to: number,
	every: number,
	hold: number,
	fps: number
): number[] {
	const a = Math.max(0, Math.floor(Number.isFinite(from) ? from : 0));
	const b = Math.max(a, Math.floor(Number.isFinite(to) ? to : a));
	const step = Math.max(1, Math.floor(Number.isFinite(every) ? every : 1));
	const out: number[] = [];
	for (let k = a; k < b; k += step) out.push(k);
	out.push(b);
	const held = Number.isFinite(hold) && Number.isFinite(fps) ? Math.max(0, Math.round(hold * fps)) : 0;
	for (let i = 0; i < held; i++) out.push(b);
	return out;
}

/** Font sizes and strokes in pixels, proportional to the frame's height so that text reads on slides. */
export interface FrameMetrics {
	readonly title: number;
	readonly label: number;
	readonly tick: number;
	readonly pad: number;
	/** Width of trajectory lines (their halo is wider). */
	readonly line: number;
}

export function frameMetrics(height: number): FrameMetrics {
	const h = Math.max(120, height);
	return {
		title: Math.round(h * 0.032),
		label: Math.round(h * 0.025),
		tick: Math.round(h * 0.022),
		pad: Math.round(h * 0.02),
		line: Math.max(1.5, Math.round(h * 0.0034 * 4) / 4)
	};
}

/** Where the parts of a frame go: the title bar, then the map and/or the side panel (loss chart or 3D). */
export interface FrameLayout {
	readonly title: Rect;
	readonly contour: Rect | null;
	readonly loss: Rect | null;
	readonly surface: Rect | null;
}

export function frameLayout(
	view: ExportView,
	width: number,
	height: number,
	titleHeight: number
): FrameLayout {
	const title: Rect = { x: 0, y: 0, width, height: titleHeight };
	const body: Rect = { x: 0, y: titleHeight, width, height: Math.max(1, height - titleHeight) };
	const split = (fraction: number): [Rect, Rect] => {
		const w = Math.round(width * fraction);
		return [
			{ ...body, width: w },
			{ ...body, x: w, width: width - w }
		];
	};
	switch (view) {
		case 'contour':
			return { title, contour: body, loss: null, surface: null };
		case 'surface':
			return { title, contour: null, loss: null, surface: body };
		case 'contour+loss': {
			const [left, right] = split(0.6);
			return { title, contour: left, loss: right, surface: null };
		}
		case 'contour+surface': {
			const [left, right] = split(0.5);
			return { title, contour: left, loss: null, surface: right };
		}
	}
}

/** The largest rectangle of aspect `aspect` (width / height) centred in `r`. */
export function fitAspect(r: Rect, aspect: number): Rect {
	if (!(aspect > 0) || !Number.isFinite(aspect)) return r;
	let width = r.width;
	let height = width / aspect;
	if (height > r.height) {
		height = r.height;
		width = height * aspect;
	}
	return { x: r.x + (r.width - width) / 2, y: r.y + (r.height - height) / 2, width, height };
}

/** The contour panel: the plot (equal scale on x and y, centred with its colour bar) and the colour bar. */
export interface ContourLayout {
	readonly plot: Rect;
	readonly bar: Rect;
}

export function contourLayout(panel: Rect, box: ViewBox, m: FrameMetrics): ContourLayout {
	const left = m.tick * 3.4 + m.label * 1.4;
	const bottom = m.tick * 1.6 + m.label * 1.8;
	const top = m.label * 1.4;
	const barWidth = Math.round(m.label * 0.8);
	const barGap = Math.round(m.label * 0.9);
	const right = barGap + barWidth + m.tick * 4.6;
	const area: Rect = {
		x: panel.x + left,
		y: panel.y + top,
		width: Math.max(1, panel.width - left - right - m.pad),
		height: Math.max(1, panel.height - top - bottom)
	};
	const plot = fitAspect(area, (box.xMax - box.xMin) / (box.yMax - box.yMin));
	// The plot with its axis labels and colour bar is centred as a group in the panel.
	const x = panel.x + (panel.width - (left + plot.width + right)) / 2 + left;
	const q: Rect = {
		x: Math.round(x),
		y: Math.round(plot.y),
		width: Math.round(plot.width),
		height: Math.round(plot.height)
	};
	return { plot: q, bar: { x: q.x + q.width + barGap, y: q.y, width: barWidth, height: q.height } };
}

/** The loss chart's plot area inside its panel (room for tick labels left, the iteration label below). */
export function lossLayout(panel: Rect, m: FrameMetrics): Rect {
	const left = m.tick * 5.4;
	const top = m.label * 2.6;
	const bottom = m.tick * 1.6 + m.label * 1.8;
	const right = m.pad * 2;
	return {
		x: Math.round(panel.x + left),
		y: Math.round(panel.y + top),
		width: Math.max(1, Math.round(panel.width - left - right)),
		height: Math.max(1, Math.round(panel.height - top - bottom))
	};
}

/** An affine map x' = a x + e, y' = d y + f (no rotation or shear). */
export interface Affine {
	readonly a: number;
	readonly d: number;
	readonly e: number;
	readonly f: number;
}

/** Data coordinates to the pixels of `plot` showing `box` (y up in data, down in pixels). */
export function dataToPixel(box: ViewBox, plot: Rect): Affine {
	const a = plot.width / (box.xMax - box.xMin);
	const d = -plot.height / (box.yMax - box.yMin);
	return { a, d, e: plot.x - box.xMin * a, f: plot.y - box.yMax * d };
}

/**
 * Grid units (0..nx, 0..ny; row 0 at the grid box's top), divided by `quantum` as paths.ts writes them, to
 * the pixels of `plot` showing `box`: the contour view's gridMatrix, for a canvas.
 */
export function gridToPixel(
	gridBox: ViewBox,
	nx: number,
	ny: number,
	box: ViewBox,
	plot: Rect,
	quantum = 1
): Affine {
	const t = dataToPixel(box, plot);
	const cw = (gridBox.xMax - gridBox.xMin) / nx;
	const ch = (gridBox.yMax - gridBox.yMin) / ny;
	return {
		a: (cw * t.a) / quantum,
		d: (ch * -t.d) / quantum,
		e: t.a * gridBox.xMin + t.e,
		f: t.d * gridBox.yMax + t.f
	};
}

/** Points first..last (inclusive) of a run of `count` points drawn at `iteration`; null when it has none. */
export function trailWindow(count: number, iteration: number, trail: number): [number, number] | null {
	if (count <= 0) return null;
	const last = Math.max(0, Math.min(count - 1, Math.floor(iteration)));
	const first = trail > 0 ? Math.max(0, last - Math.floor(trail)) : 0;
	return [first, last];
}

/** Whether a run that stopped early ('diverged', 'singular') shows its cross at `iteration`. */
export function showsFailure(status: string, count: number, iteration: number): boolean {
	return (status === 'diverged' || status === 'singular') && Math.floor(iteration) >= count - 1;
}

export function iterationText(iteration: number, steps: number): string {
	return `iteration ${Math.floor(iteration)} / ${steps}`;
}

/** The title as plain text: 'Rosenbrock — Adam (lr 0.05) · Momentum (lr 0.001)'. */
export function titleText(functionLabel: string, runLabels: readonly string[]): string {
	return runLabels.length === 0 ? functionLabel : `${functionLabel} — ${runLabels.join(' · ')}`;
}

/** A piece of the title bar: text (bold for the function) or a run's swatch followed by its label. */
export interface TitlePiece {
	readonly kind: 'function' | 'separator' | 'run';
	readonly text: string;
	readonly color?: string;
	/** Left edge of the piece and the baseline row (0-based). */
	readonly x: number;
	readonly row: number;
}

/**
 * Lays out the title ('Function — ▬ run · ▬ run') in rows of at most `maxWidth` pixels, breaking only
 * between runs. `measure` gives text widths; `swatch` is the width of a run's swatch with its gap.
 * Labels too long for a row are shortened with an ellipsis.
 */
export function layoutTitle(
	functionLabel: string,
	runs: readonly { label: string; color: string }[],
	measure: (text: string, bold: boolean) => number,
	maxWidth: number,
	swatch: number
): { pieces: TitlePiece[]; rows: number } {
	const pieces: TitlePiece[] = [];
	const fitted = (text: string, bold: boolean, room: number): string => {
		if (measure(text, bold) <= room) return text;
		let n = text.length;
		while (n > 1 && measure(text.slice(0, n) + '…', bold) > room) n--;
		return text.slice(0, n) + '…';
	};
	const head = fitted(functionLabel, true, maxWidth);
	pieces.push({ kind: 'function', text: head, x: 0, row: 0 });
	let x = measure(head, true);
	let row = 0;
	runs.forEach((run, i) => {
		const sep = i === 0 ? ' — ' : '  ·  ';
		const sepWidth = measure(sep, false);
		const label = fitted(run.label, false, maxWidth - swatch);
		const width = swatch + measure(label, false);
		if (x + sepWidth + width > maxWidth && x > 0) {
			row++;
			x = 0;
		} else {
			pieces.push({ kind: 'separator', text: sep, x, row });
			x += sepWidth;
		}
		pieces.push({ kind: 'run', text: label, color: run.color, x, row });
		x += width;
	});
	return { pieces, rows: row + 1 };
}

/** Round ticks in [lo, hi], about `count` of them (d3's 1-2-5 steps). */
export function linearTicks(lo: number, hi: number, count: number): number[] {
	if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
	return ticks(lo, hi, Math.max(1, count));
}

/** A tick label with just the decimals the step needs, and a typographic minus. */
export function formatTickValue(v: number, ticks: readonly number[]): string {
	let decimals = 0;
	for (const t of ticks) {
		const s = String(t);
		const dot = s.indexOf('.');
		if (dot >= 0 && !s.includes('e')) decimals = Math.max(decimals, s.length - dot - 1);
	}
	const text = (Object.is(v, -0) ? 0 : v).toFixed(Math.min(decimals, 10));
	return text === '-0' ? '0' : text.replace('-', '−');
}
