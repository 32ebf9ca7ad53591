/**
 * The export contract: what an export is made from (a snapshot of the scene as plain data) and the options a
 * user picks. Frames are rendered from this data at each iteration, never captured from the screen, so an
 * export is the same every time and independent of the display's frame rate.
 */
import type { ViewBox } from '../core/objective';
import type { ContourSet, FunctionView, Grid, RunView } from '../views/types';

/** Everything needed to draw any frame of the scene. */
export interface ExportScene {
	readonly fn: FunctionView;
	/** Human name of the function ('Rosenbrock') or the typed expression. */
	readonly functionLabel: string;
	/** File-name slug of the function ('rosenbrock', or 'custom'). */
	readonly functionSlug: string;
	readonly box: ViewBox;
	/** The contour grid and bands for `box` (the page's latest), and the log colour scale's range. */
	readonly grid: Grid | null;
	readonly contours: ContourSet | null;
	readonly scale: { readonly lo: number; readonly hi: number } | null;
	/** Runs as the views draw them (visible ones are exported). */
	readonly runs: readonly RunView[];
	/** Optimizer id per run id, for file names and titles. */
	readonly optimizerIds: ReadonlyMap<number, string>;
	readonly start: readonly [number, number];
	readonly steps: number;
	readonly theme: 'light' | 'dark';
}

export type ExportView = 'contour' | 'surface' | 'contour+surface' | 'contour+loss';

export interface SizePreset {
	readonly id: string;
	readonly label: string;
	readonly width: number;
	readonly height: number;
}

export const SIZE_PRESETS: readonly SizePreset[] = [
	{ id: '480p', label: '480p (854 × 480)', width: 854, height: 480 },
	{ id: '720p', label: '720p (1280 × 720)', width: 1280, height: 720 },
	{ id: '1080p', label: '1080p (1920 × 1080)', width: 1920, height: 1080 },
	{ id: 'square', label: 'Square (1080 × 1080)', width: 1080, height: 1080 }
];

export interface AnimationOptions {
	readonly view: ExportView;
	readonly width: number;
	readonly height: number;
	readonly fps: number;
	/** Iterations from..to (inclusive), every k-th. */
	readonly from: number;
	readonly to: number;
	readonly every: number;
	/** How many past iterations of each trail to draw; 0 = the whole path so far. */
	readonly trail: number;
	/** Seconds the last frame is held. */
	readonly hold: number;
}

/** Draws frames of an animation: frame i shows iteration `iterations[i]` (held frames repeat the last). */
export interface FrameSource {
	readonly width: number;
	readonly height: number;
	/** The iteration of every frame, in order (the hold repeats the last). */
	readonly iterations: readonly number[];
	/** Draws frame i and returns the canvas holding it (reused between calls). */
	render(i: number): HTMLCanvasElement | OffscreenCanvas;
	dispose(): void;
}

/** Progress of a running export; `eta` in seconds, undefined until it can be estimated. */
export interface ExportProgress {
	readonly done: number;
	readonly total: number;
	readonly eta: number | undefined;
	readonly phase: 'rendering' | 'encoding' | 'finishing';
}
