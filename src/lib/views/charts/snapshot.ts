/**
 * A plot as one picture, for a PNG: its canvas layer, its SVG layer (axes, points, lines) rendered as an image
 * of itself, and its legend box painted the way drawLegend lays it out, on the theme's background, at `scale`
 * times the CSS size. Browser only (Image, XMLSerializer); the SVG holds no external resources, so the canvas
 * stays readable.
 */
import { CHART_FONT, CHART_THEMES } from './chart-theme';
import type { LegendItem, LegendKeys } from './legend';

export interface SnapshotLegend {
	readonly items: readonly LegendItem[];
	readonly keys: LegendKeys;
	/** Muted lines under the items (the legend's notes). */
	readonly notes?: readonly string[];
	/** Top right corner of the box, in CSS pixels from the plot's top left. */
	readonly right: number;
	readonly top: number;
}

export interface SnapshotLayers {
	readonly width: number;
	readonly height: number;
	readonly theme: 'light' | 'dark';
	/** Drawn stretched over the whole plot (it is sized to it, at the device pixel ratio). */
	readonly canvas: HTMLCanvasElement | null;
	readonly svg: SVGSVGElement;
	readonly legend: SnapshotLegend | null;
}

export async function snapshotLayers(l: SnapshotLayers, scale: number): Promise<HTMLCanvasElement | null> {
	const t = CHART_THEMES[l.theme];
	const out = document.createElement('canvas');
	out.width = Math.round(l.width * scale);
	out.height = Math.round(l.height * scale);
	const ctx = out.getContext('2d');
	if (!ctx || out.width === 0 || out.height === 0) return null;
	ctx.fillStyle = t.background;
	ctx.fillRect(0, 0, out.width, out.height);
	if (l.canvas && l.canvas.width > 0 && l.canvas.height > 0)
		ctx.drawImage(l.canvas, 0, 0, out.width, out.height);
	const clone = l.svg.cloneNode(true) as SVGSVGElement;
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.setAttribute('font-family', CHART_FONT);
	clone.setAttribute('width', String(l.width));
	clone.setAttribute('height', String(l.height));
	const img = new Image();
	img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
	await img.decode();
	ctx.drawImage(img, 0, 0, out.width, out.height);
	if (l.legend) {
		ctx.scale(scale, scale);
		paintLegend(ctx, l.legend, l.theme);
	}
	return out;
}

/** The legend box on a canvas, in CSS pixels: the rows drawLegend makes (12 px text, 1.35 line height). */
export function paintLegend(
	ctx: CanvasRenderingContext2D,
	legend: SnapshotLegend,
	theme: 'light' | 'dark'
): void {
	const { items, keys } = legend;
	const notes = legend.notes ?? [];
	if (items.length === 0 && notes.length === 0) return;
	const t = CHART_THEMES[theme];
	const row = 16.2;
	const pad = { x: 8, y: 4 };
	const keyW = Math.max(keys.dot, items.some((i) => i.kind === 'line') ? keys.line : 0);
	ctx.font = `12px ${CHART_FONT}`;
	const widths = [
		...items.map((i) => keyW + 6 + ctx.measureText(i.text).width),
		...notes.map((n) => ctx.measureText(n).width)
	];
	const w = pad.x + Math.max(...widths) + pad.x;
	const h = pad.y + (items.length + notes.length) * row + pad.y;
	const x = legend.right - w;
	const top = legend.top;
	ctx.fillStyle = t.panel;
	ctx.strokeStyle = t.border;
	ctx.lineWidth = 1;
	ctx.setLineDash([]);
	ctx.beginPath();
	ctx.roundRect(x + 0.5, top + 0.5, w, h, 6);
	ctx.fill();
	ctx.stroke();
	ctx.textBaseline = 'middle';
	items.forEach((item, k) => {
		const cy = top + pad.y + (k + 0.5) * row;
		const kx = x + pad.x;
		ctx.strokeStyle = item.color;
		ctx.fillStyle = item.color;
		if (item.kind === 'line') {
			ctx.lineWidth = keys.lineWidth;
			ctx.setLineDash(item.dash ? [4, 3] : []);
			ctx.beginPath();
			ctx.moveTo(kx, cy);
			ctx.lineTo(kx + keys.line, cy);
			ctx.stroke();
			ctx.setLineDash([]);
		} else {
			const r = (keys.borderBox ? keys.dot - keys.ring : keys.dot + keys.ring) / 2;
			ctx.lineWidth = keys.ring;
			ctx.beginPath();
			ctx.arc(kx + keys.dot / 2, cy, r, 0, 2 * Math.PI);
			if (item.kind === 'dot') ctx.fill();
			ctx.stroke();
		}
		ctx.fillStyle = t.text;
		ctx.fillText(item.text, kx + keyW + 6, cy);
	});
	notes.forEach((n, k) => {
		ctx.fillStyle = t.muted;
		ctx.fillText(n, x + pad.x, top + pad.y + (items.length + k + 0.5) * row);
	});
}
