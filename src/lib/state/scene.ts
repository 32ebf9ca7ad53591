/**
 * The scene: everything a shared link restores (function, view box, runs with their hyperparameters, start
 * points, step budget, current iteration, 3D camera). Plain data, no runes: the rune state class wraps it,
 * the URL codec reads and writes it, presets are values of it.
 */
import type { ViewBox } from '../core/objective';
import type { HyperValue } from '../core/optimizers/types';
import type { CameraState } from '../views/types';

export type FunctionChoice =
	{ readonly kind: 'builtin'; readonly id: string } | { readonly kind: 'custom'; readonly expr: string };

export interface RunConfig {
	readonly optimizer: string;
	/** Every hyperparameter of the optimizer, resolved (defaults filled in). */
	readonly hyper: Readonly<Record<string, HyperValue>>;
	/** Index into the run palette; kept per run so removing one run does not recolour the others. */
	readonly color: number;
	readonly visible: boolean;
	/** A start of this run's own; undefined means the scene's shared start. */
	readonly start?: readonly [number, number];
}

export interface SceneConfig {
	readonly fn: FunctionChoice;
	readonly view: ViewBox;
	readonly runs: readonly RunConfig[];
	readonly start: readonly [number, number];
	readonly steps: number;
	readonly iteration: number;
	readonly camera: CameraState;
}

export const MAX_RUNS = 16;
export const MAX_STEPS = 20_000;
export const DEFAULT_STEPS = 200;
/** The 3D view's default camera (one definition, in the surface view's camera module). */
export { DEFAULT_CAMERA } from '../views/surface/camera';
