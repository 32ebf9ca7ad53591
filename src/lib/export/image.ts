/**
 * Still images: a PNG of one frame (any export view, at 1x, 2x or 4x the chosen size) and the contour view's
 * SVG made standalone with explicit width, height and viewBox.
 */
import { createFrameSource, type FrameDeps } from './frames';
import type { ExportScene, ExportView } from './types';

/** One frame of `view` at `iteration`, width * scale x height * scale pixels, as a PNG. */
export async function renderPng(
	scene: ExportScene,
	view: ExportView,
	iteration: number,
	scale: 1 | 2 | 4,
	base: { readonly width: number; readonly height: number },
	deps?: FrameDeps
): Promise<Blob> {
	const k = Math.floor(iteration);
	const source = createFrameSource(
		scene,
		{
			view,
			width: base.width * scale,
			height: base.height * scale,
			fps: 1,
			from: k,
			to: k,
			every: 1,
			trail: 0,
			hold: 0
		},
		deps
	);
	try {
		return await canvasToPng(source.render(0));
	} finally {
		source.dispose();
	}
}

/** A canvas as a PNG blob; rejects when the browser cannot encode it. */
export function canvasToPng(canvas: HTMLCanvasElement | OffscreenCanvas): Promise<Blob> {
	if (!('toBlob' in canvas)) return canvas.convertToBlob({ type: 'image/png' });
	return new Promise((resolve, reject) => {
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG'))),
			'image/png'
		);
	});
}

/**
 * The viewBox to keep for an SVG root with these attributes: its own when valid, else its intrinsic
 * width x height, else the requested size (so the picture scales to the new width and height).
 */
export function svgViewBox(
	viewBox: string | null,
	intrinsicWidth: string | null,
	intrinsicHeight: string | null,
	width: number,
	height: number
): string {
	const parts = (viewBox ?? '')
		.trim()
		.split(/[\s,]+/)
		.map(Number);
	if (parts.length === 4 && parts.every(Number.isFinite) && parts[2] > 0 && parts[3] > 0) {
		return parts.join(' ');
	}
	const w = Number.parseFloat(intrinsicWidth ?? '');
	const h = Number.parseFloat(intrinsicHeight ?? '');
	if (w > 0 && h > 0 && !/%/.test(`${intrinsicWidth}${intrinsicHeight}`)) return `0 0 ${w} ${h}`;
	return `0 0 ${width} ${height}`;
}

/** The contour view's toSVGString() as an SVG file of width x height (parsed and re-serialised, never spliced). */
export function contourSvg(svgString: string, width: number, height: number): Blob {
	const doc = new DOMParser().parseFromString(svgString, 'image/svg+xml');
	const root = doc.documentElement;
	if (root.nodeName.toLowerCase() !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) {
		throw new Error('The contour view did not produce a valid SVG document');
	}
	const viewBox = svgViewBox(
		root.getAttribute('viewBox'),
		root.getAttribute('width'),
		root.getAttribute('height'),
		width,
		height
	);
	root.setAttribute('width', String(Math.round(width)));
	root.setAttribute('height', String(Math.round(height)));
	root.setAttribute('viewBox', viewBox);
	const text = new XMLSerializer().serializeToString(doc);
	return new Blob([text], { type: 'image/svg+xml' });
}
