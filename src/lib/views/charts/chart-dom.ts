/**
 * The DOM scaffolding the d3 views share: a root filling the host node whose size is watched, a canvas and an
 * SVG layered over each other, a canvas sized for the device's pixel ratio, and floating panels (legends,
 * tooltips) in the theme's colours.
 */
import { select, type Selection } from 'd3-selection';
import type { ChartTheme } from './chart-theme';

export type Div = Selection<HTMLDivElement, unknown, null, undefined>;

export interface ViewFrame {
	/** A div filling the host node (position: relative), holding the view's layers. */
	readonly root: Div;
	/** Size of the host node in whole CSS pixels, as last measured. */
	readonly width: number;
	readonly height: number;
	/** Measures the host node again; true when its size changed. */
	measure(): boolean;
	/** Stops watching the size and removes the root. */
	remove(): void;
}

/**
 * Appends the root of a view to `node` and watches the node's size: measured now, and again whenever it
 * resizes, with `onResize` called after each change the observer sees.
 */
export function mountView(node: HTMLElement, onResize: () => void, className?: string): ViewFrame {
	const root = select(node)
		.append('div')
		.attr('class', className ?? null)
		.style('position', 'relative')
		.style('width', '100%')
		.style('height', '100%');
	let width = 0;
	let height = 0;
	function measure(): boolean {
		const r = node.getBoundingClientRect();
		const w = Math.max(0, Math.floor(r.width));
		const h = Math.max(0, Math.floor(r.height));
		if (w === width && h === height) return false;
		width = w;
		height = h;
		return true;
	}
	const observer = new ResizeObserver(() => {
		if (measure()) onResize();
	});
	observer.observe(node);
	measure();
	return {
		root,
		get width() {
			return width;
		},
		get height() {
			return height;
		},
		measure,
		remove() {
			observer.disconnect();
			root.remove();
		}
	};
}

/** A canvas over the whole root, under what follows it, letting the pointer through. */
export function appendCanvasLayer(root: Div): Selection<HTMLCanvasElement, unknown, null, undefined> {
	return root
		.append('canvas')
		.style('position', 'absolute')
		.style('left', '0')
		.style('top', '0')
		.style('pointer-events', 'none');
}

/** An SVG over the whole root (its size is set when drawing). */
export function appendSvgLayer(root: Div): Selection<SVGSVGElement, unknown, null, undefined> {
	return root.append('svg').style('position', 'absolute').style('left', '0').style('top', '0');
}

/** Sizes a canvas to width × height CSS pixels at the device's pixel ratio (at most 2), which it returns. */
export function sizeCanvas(el: HTMLCanvasElement, width: number, height: number): number {
	const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
	el.width = Math.round(width * dpr);
	el.height = Math.round(height * dpr);
	el.style.width = `${width}px`;
	el.style.height = `${height}px`;
	return dpr;
}

/** A floating box of 12px text (a legend or a tooltip) that lets the pointer through. */
export function appendPanel(root: Div, padding: string, radius: string): Div {
	return root
		.append('div')
		.style('position', 'absolute')
		.style('font-size', '12px')
		.style('padding', padding)
		.style('border-radius', radius)
		.style('pointer-events', 'none');
}

/** A floating box in the theme's panel colours. */
export function paintPanel(panel: Div, t: ChartTheme): void {
	panel.style('background', t.panel).style('border', `1px solid ${t.border}`).style('color', t.text);
}
