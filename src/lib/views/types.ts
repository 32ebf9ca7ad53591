/**
 * Plain data handed from the page's state to the imperative renderers (contour, 3D surface, charts).
 * No Svelte, no DOM types here: views receive these and draw; state owns them.
 */
import type { KnownMinimum, Objective2D, ViewBox } from '../core/objective';
import type { RunStatus } from '../core/run/trajectory';

/** One optimizer run as the views draw it. */
export interface RunView {
	/** Stable id of the run (survives reordering and edits). */
	readonly id: number;
	/** Legend text, e.g. 'Adam (lr 0.05)'. */
	readonly label: string;
	/** CSS colour, e.g. '#0072B2'. */
	readonly color: string;
	readonly visible: boolean;
	/** Interleaved [x0, y0, f0, x1, y1, f1, ...]; 3 * count entries are valid. */
	readonly points: Float64Array;
	readonly count: number;
	/** 'diverged' and 'singular' are marked with a cross where the run left the finite world. */
	readonly status: RunStatus;
	/** |grad f| at each kept point (for the results table and the loss chart's readout). */
	readonly gradNorms?: Float64Array;
	/** This run's own start point, when it differs from the shared one (else undefined). */
	readonly start: readonly [number, number] | undefined;
	/** Charts only: an SVG stroke-dasharray for this line (a test-loss curve beside its training one). */
	readonly dash?: string;
}

/** The function being shown, with what the views need to draw it. */
export interface FunctionView {
	/** Changes whenever the function changes (id or expression text): views rebuild caches on change. */
	readonly key: string;
	readonly objective: Objective2D;
	readonly minima: readonly KnownMinimum[];
	/** Global minimum value if known (for f - f* on a log axis), else undefined. */
	readonly fMin: number | undefined;
	/** Names of the two inputs and the value (default x, y, f), e.g. ['w', 'b', 'L'] for a model's loss. */
	readonly axisNames?: readonly [string, string, string];
	/** A cheap approximation of objective.f for the 3D mesh, when the exact one is expensive (a network's loss). */
	readonly heightObjective?: { f(x: number, y: number): number };
}

/** A scalar field sampled at pixel centres: row 0 is the top row (y = yMax), column 0 is x = xMin. */
export interface Grid {
	readonly box: ViewBox;
	readonly nx: number;
	readonly ny: number;
	/** Row-major nx * ny values; non-finite where f is not defined. */
	readonly values: Float64Array;
}

/** Filled contour bands and isolines, computed off the main thread, in grid coordinates (0..nx, 0..ny). */
export interface ContourSet {
	/** Ascending thresholds, log-spaced above the grid's minimum. */
	readonly thresholds: readonly number[];
	/** One MultiPolygon per threshold: the region where value >= threshold (d3-contour's convention). */
	readonly bands: readonly ContourBand[];
}

export interface ContourBand {
	readonly value: number;
	/** GeoJSON-like MultiPolygon coordinates in grid units. */
	readonly coordinates: number[][][][];
}

/** The 3D camera, kept in the URL so a shared link shows the same view. */
export interface CameraState {
	/** Azimuth around the vertical axis, radians. */
	readonly theta: number;
	/** Elevation above the (x, y) plane, radians. */
	readonly phi: number;
	/** Distance from the target, in units of the scene's size (1 = default). */
	readonly zoom: number;
}
