/**
 * The body of the grid worker, shared with its synchronous fallback: resolve the function (cached per
 * source), sample it at pixel centres, contour it. Free of mathjs: the expression compiler is passed in by
 * the caller, which loads it lazily, so built-in functions never pay for it.
 */
import { getTestFunction } from '../core/functions';
import type { CompileResult } from '../core/expression';
import { sampleGrid, MAX_GRID_SIDE } from '../core/grid/sample';
import type { Objective2D, ViewBox } from '../core/objective';
import { createParameterSurface, type SurfaceSpec } from '../core/models/parameter-surface';
import { createLandscapeObjective, MAX_LANDSCAPE_GRID, type LandscapeSpec } from '../core/nn/landscape';
import { contourPaths } from '../views/contour/paths';
import type { ContourSetWithPaths } from '../views/contour/types';
import type { Grid } from '../views/types';
import { contourSet, MAX_LEVELS, type ValueRange } from './contours';

/**
 * Which function to sample: a built-in test function by id, an expression typed by the user, a regression
 * model's loss over two parameters, or a neural network's loss landscape (a 2D slice through its weights,
 * core/nn/landscape.ts). The last two carry their data with the request; `key` names them for the cache and
 * must change whenever the spec does. Landscape grids are capped at MAX_LANDSCAPE_GRID per side (aspect ratio
 * kept; the response's grid says the size used) because each cell is a forward pass of the network.
 */
export type GridSource =
	| { readonly kind: 'builtin'; readonly id: string }
	| { readonly kind: 'custom'; readonly expr: string }
	| { readonly kind: 'surface'; readonly key: string; readonly spec: SurfaceSpec }
	| { readonly kind: 'landscape'; readonly key: string; readonly spec: LandscapeSpec };

export interface GridRequest {
	/** Chosen by the client; echoed in the response. */
	readonly id: number;
	readonly source: GridSource;
	readonly box: ViewBox;
	readonly nx: number;
	readonly ny: number;
	/** Number of contour thresholds. */
	readonly levels: number;
}

export interface GridResult {
	readonly id: number;
	readonly grid: Grid;
	/** The bands, with the contour view's SVG paths prebuilt (formatting them costs ~20 ms at 600 x 600). */
	readonly contours: ContourSetWithPaths;
	readonly scale: ValueRange;
	/** Time spent sampling, contouring and building paths, in milliseconds. */
	readonly ms: number;
}

export interface GridFailure {
	readonly id: number;
	readonly error: string;
}

export type GridResponse = GridResult | GridFailure;

export type CompileExpression = (text: string) => CompileResult;

/** Compiled objectives by source; an unusable source is cached as its error message. */
export interface ObjectiveCache {
	/**
	 * The objective (or error) for `source`, compiled if needed; undefined when `compile` is needed but absent.
	 */
	resolve(source: GridSource, compile: CompileExpression | undefined): Objective2D | string | undefined;
	has(source: GridSource): boolean;
}

/** How many compiled sources to keep (typing an expression makes many; built-ins cost nothing to keep). */
const CACHE_SIZE = 16;

export function sourceKey(source: GridSource): string {
	if (source.kind === 'builtin') return `builtin:${source.id}`;
	if (source.kind === 'surface') return `surface:${source.key}`;
	if (source.kind === 'landscape') return `landscape:${source.key}`;
	return `custom:${source.expr}`;
}

export function createObjectiveCache(size = CACHE_SIZE): ObjectiveCache {
	const entries = new Map<string, Objective2D | string>();
	return {
		has: (source) => entries.has(sourceKey(source)),
		resolve(source, compile) {
			const key = sourceKey(source);
			const hit = entries.get(key);
			if (hit !== undefined) {
				// Refresh: Map iteration order is insertion order, so the first key is the least recently used.
				entries.delete(key);
				entries.set(key, hit);
				return hit;
			}
			let value: Objective2D | string;
			if (source.kind === 'builtin') {
				value = getTestFunction(source.id) ?? `Unknown function: ${source.id}`;
			} else if (source.kind === 'surface') {
				try {
					value = createParameterSurface({ ...source.spec, batchSize: undefined });
				} catch (e) {
					value = `Invalid loss surface: ${e instanceof Error ? e.message : String(e)}`;
				}
			} else if (source.kind === 'landscape') {
				try {
					value = createLandscapeObjective(source.spec);
				} catch (e) {
					value = `Invalid loss landscape: ${e instanceof Error ? e.message : String(e)}`;
				}
			} else {
				if (compile === undefined) return undefined;
				const result = compile(source.expr);
				value = result.ok ? result.value : result.error.message;
			}
			entries.set(key, value);
			if (entries.size > size) entries.delete(entries.keys().next().value as string);
			return value;
		}
	};
}

/** Checks a request read from a message (it may come from anywhere): an error message, or undefined. */
export function validateRequest(req: GridRequest): string | undefined {
	const side = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_GRID_SIDE;
	if (!side(req.nx) || !side(req.ny)) return `Grid size must be integers in 1..${MAX_GRID_SIDE}`;
	const b = req.box;
	if (
		b === null ||
		typeof b !== 'object' ||
		![b.xMin, b.xMax, b.yMin, b.yMax].every(Number.isFinite) ||
		!(b.xMax > b.xMin) ||
		!(b.yMax > b.yMin)
	) {
		return 'The view box must be finite with xMin < xMax and yMin < yMax';
	}
	if (!Number.isInteger(req.levels) || req.levels < 0 || req.levels > MAX_LEVELS) {
		return `Levels must be an integer in 0..${MAX_LEVELS}`;
	}
	const s = req.source;
	if (s === null || typeof s !== 'object') return 'Missing function source';
	const valid =
		s.kind === 'builtin'
			? typeof s.id === 'string'
			: s.kind === 'custom'
				? typeof s.expr === 'string'
				: (s.kind === 'surface' || s.kind === 'landscape') &&
					typeof s.key === 'string' &&
					s.spec !== null &&
					typeof s.spec === 'object';
	if (!valid) return 'Invalid function source';
	return undefined;
}

/**
 * The grid size actually sampled: landscape sources are capped at MAX_LANDSCAPE_GRID per side, scaled
 * together so the aspect ratio is kept (each side at least 1); other sources as requested.
 */
export function effectiveGridSize(source: GridSource, nx: number, ny: number): { nx: number; ny: number } {
	if (source.kind !== 'landscape') return { nx, ny };
	const longest = Math.max(nx, ny);
	if (longest <= MAX_LANDSCAPE_GRID) return { nx, ny };
	const scale = MAX_LANDSCAPE_GRID / longest;
	return {
		nx: Math.min(MAX_LANDSCAPE_GRID, Math.max(1, Math.round(nx * scale))),
		ny: Math.min(MAX_LANDSCAPE_GRID, Math.max(1, Math.round(ny * scale)))
	};
}

/** Samples and contours one request. Never throws; a custom source needs `compile` unless already cached. */
export function computeGrid(
	req: GridRequest,
	cache: ObjectiveCache,
	compile: CompileExpression | undefined
): GridResponse {
	const t0 = performance.now();
	try {
		const invalid = validateRequest(req);
		if (invalid !== undefined) return { id: req.id, error: invalid };
		const objective = cache.resolve(req.source, compile);
		if (objective === undefined) return { id: req.id, error: 'The expression compiler is not loaded' };
		if (typeof objective === 'string') return { id: req.id, error: objective };
		const box: ViewBox = { xMin: req.box.xMin, xMax: req.box.xMax, yMin: req.box.yMin, yMax: req.box.yMax };
		const { nx, ny } = effectiveGridSize(req.source, req.nx, req.ny);
		const values = sampleGrid((x, y) => objective.f(x, y), box, nx, ny);
		const grid: Grid = { box, nx, ny, values };
		const { scale, contours } = contourSet(grid, req.levels);
		const withPaths: ContourSetWithPaths = { ...contours, paths: contourPaths(contours, grid) };
		return { id: req.id, grid, contours: withPaths, scale, ms: performance.now() - t0 };
	} catch (e) {
		return { id: req.id, error: `Grid computation failed: ${e instanceof Error ? e.message : String(e)}` };
	}
}

export function isGridFailure(r: GridResponse): r is GridFailure {
	return 'error' in r;
}
