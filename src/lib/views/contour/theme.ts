/**
 * Colours of the contour view's chrome (axes, legend, handles, readouts) for the light and dark page themes.
 * The field itself is always viridis (../color.ts); run colours come with the runs.
 */
import type { Theme } from './types';

export interface Palette {
	/** Page background behind the plot (used when exporting). */
	readonly background: string;
	/** Plot area where no grid has been computed (e.g. revealed by panning). */
	readonly plotBackground: string;
	readonly text: string;
	readonly mutedText: string;
	readonly frame: string;
	/** Readout box behind hover labels. */
	readonly labelBackground: string;
	readonly labelBorder: string;
	/** Keyboard focus ring. */
	readonly focus: string;
	/** Hatching of regions where f is undefined. */
	readonly hatch: string;
}

/** Drawn over the viridis field, whatever the page theme: these must read on dark purple and on yellow. */
export const ON_FIELD = {
	/** Halo under run lines, arrows and model curves. */
	halo: 'rgba(10, 10, 20, 0.6)',
	isoline: 'rgba(10, 10, 20, 0.3)',
	arrow: 'rgba(255, 255, 255, 0.92)',
	markerFill: '#ffffff',
	markerStroke: '#111111'
} as const;

export const PALETTES: Record<Theme, Palette> = {
	light: {
		background: '#ffffff',
		plotBackground: '#e9ebef',
		text: '#1f2329',
		mutedText: '#4b515b',
		frame: '#5b616b',
		labelBackground: 'rgba(255, 255, 255, 0.94)',
		labelBorder: 'rgba(31, 35, 41, 0.35)',
		focus: '#1f6feb',
		hatch: '#9aa0a8'
	},
	dark: {
		background: '#14161a',
		plotBackground: '#24272d',
		text: '#e8eaed',
		mutedText: '#b4b9c1',
		frame: '#9aa0a8',
		labelBackground: 'rgba(22, 24, 28, 0.94)',
		labelBorder: 'rgba(232, 234, 237, 0.35)',
		focus: '#79b8ff',
		hatch: '#6b7079'
	}
};

export const FONT_FAMILY =
	'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const MATH_FONT_FAMILY = '"STIX Two Math", "Cambria Math", "Times New Roman", Times, serif';
