/**
 * The data contract of the 3D surface view: what the page hands to `update` and the callbacks it receives.
 * Plain data only (no three.js types), so the page can import it without loading three.
 */
import type { ViewBox } from '../../core/objective';
import type { CameraState, FunctionView, RunView } from '../types';

export interface SurfaceViewData {
	readonly fn: FunctionView;
	readonly box: ViewBox;
	/** The contour view's value range (same log scale and colours); null: the view uses its own samples. */
	readonly scale: { readonly lo: number; readonly hi: number } | null;
	readonly runs: readonly RunView[];
	/** Timeline position: points 0..iteration of each run are drawn. */
	readonly iteration: number;
	/** The shared start point. */
	readonly start: readonly [number, number];
	/** The linked hover point (from either view), or null. */
	readonly hover: { readonly x: number; readonly y: number } | null;
	readonly camera: CameraState;
	readonly theme: 'light' | 'dark';
}

export interface SurfaceViewCallbacks {
	/** The point of the surface under the pointer, or null when the pointer leaves it. */
	onHover(p: { x: number; y: number } | null): void;
	/** The user moved the camera (throttled; the last state is always reported). */
	onCameraChange(c: CameraState): void;
}

export interface SurfaceView {
	update(data: SurfaceViewData): void;
	dispose(): void;
	/** Re-reads the node's size (also done automatically through a ResizeObserver). */
	resize(): void;
	/** The current frame as a PNG data URL ('' when WebGL is unavailable or the view is disposed). */
	toDataURL(): string;
	/**
	 * Renders `data` at width x height (device pixels) for an export, synchronously, and returns a 2D canvas
	 * holding that frame (reused by the next call); the live view keeps its size, camera and data. Null when
	 * WebGL is unavailable or the view is disposed.
	 */
	renderFrame(data: SurfaceViewData, width: number, height: number): HTMLCanvasElement | null;
}
