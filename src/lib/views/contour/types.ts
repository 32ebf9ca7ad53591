/**
 * The contour view's contract: what the page hands it on every update, what it calls back, and its handle.
 * Extends the shared view types of ../types.ts without changing them.
 */
import type { ViewBox } from '../../core/objective';
import type { ContourSet, FunctionView, Grid, RunView } from '../types';

/** The contour view's SVG paths for a contour set, in the units of paths.ts (grid cells / QUANTUM). */
export interface ContourPaths {
	/** One filled path per band (fill-rule evenodd), in the order of ContourSet.bands. */
	readonly bands: readonly string[];
	/** Every band boundary except the grid's border. */
	readonly isolines: string;
	/** Cells where the grid is NaN (f undefined); '' when there are none. */
	readonly undefinedRegion: string;
}

/**
 * A ContourSet that may carry its paths, prebuilt by the grid worker so that the page's thread does not spend
 * tens of milliseconds formatting them; the view builds them itself when absent.
 */
export interface ContourSetWithPaths extends ContourSet {
	readonly paths?: ContourPaths;
}

export type Theme = 'light' | 'dark';

/** An outline drawn over the contours: a polyline, or a polygon when closed. */
export interface OverlayShape {
	readonly points: readonly (readonly [number, number])[];
	readonly closed: boolean;
	/** CSS colours; fill defaults to none. */
	readonly stroke: string;
	readonly fill?: string;
	/** SVG stroke-dasharray, e.g. '6 4'. */
	readonly dash?: string;
	/** Text drawn at labelAt (data coordinates). */
	readonly label?: string;
	readonly labelAt?: readonly [number, number];
}

export interface ContourViewData {
	readonly fn: FunctionView;
	/**
	 * The region to show. The view keeps x and y at the same scale, so it shows a box at least this large with
	 * the plot's aspect ratio, and reports that box through onViewChange when it differs.
	 */
	readonly box: ViewBox;
	/** The sampled function; may be for an older box than `box` while a new one is computed (drawn in place). */
	readonly grid: Grid | null;
	/** Contours of `grid` (from the grid worker, which also prebuilds their paths). */
	readonly contours: ContourSetWithPaths | null;
	/** The log colour scale's range (see core/grid/log-scale). */
	readonly scale: { readonly lo: number; readonly hi: number } | null;
	readonly runs: readonly RunView[];
	/** Runs are drawn up to this iterate (clamped to each run's count - 1). */
	readonly iteration: number;
	/** The shared start point. */
	readonly start: readonly [number, number];
	/** false hides the draggable start handle (a slice where nothing starts, such as a loss landscape). */
	readonly startHandle?: boolean;
	/** A point hovered in another view (linked hover), or null. */
	readonly hover: { readonly x: number; readonly y: number } | null;
	readonly overlays: {
		/** Arrows of the negative gradient on a lattice. */
		readonly gradientField: boolean;
		/** Id of the run whose local quadratic (Newton) model to draw around its current iterate, or null. */
		readonly newtonModel: number | null;
		/** Extra outlines in data coordinates (a constraint region, a level set), drawn under the runs. */
		readonly shapes?: readonly OverlayShape[];
	};
	readonly theme: Theme;
}

export interface ContourViewCallbacks {
	/** The shared start (runId null) or a run's own start moved; called on every pointer move of a drag. */
	onStartChange(runId: number | null, x: number, y: number): void;
	/** The visible box changed (zoom, pan, resize, aspect fit); at most once per animation frame. */
	onViewChange(box: ViewBox): void;
	/** The pointer moved over the plot (data coordinates), or left it (null). */
	onHover(p: { x: number; y: number } | null): void;
	/** The plot area's size in CSS pixels changed: sample grids at this resolution (capped). */
	onResize?(width: number, height: number): void;
}

export interface ContourView {
	/** Redraws what changed since the last update (compared by reference, or by value for boxes and points). */
	update(data: ContourViewData): void;
	/** Shows `box` (default: the box given when the current function was first shown). */
	resetZoom(box?: ViewBox): void;
	/** The plot area's size in CSS pixels. */
	size(): { width: number; height: number };
	/** The box currently visible (after aspect fit and any zoom in progress). */
	visibleBox(): ViewBox;
	/** The current picture as a standalone SVG document (inline presentation attributes, with background). */
	toSVGString(): string;
	/** Removes listeners, observers and DOM. */
	dispose(): void;
}
