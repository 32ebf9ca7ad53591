/**
 * The grid computation on the calling thread, for where Web Workers are unavailable (unit tests, Node, old
 * browsers). Same code path as grid.worker.ts; imports the expression compiler (and mathjs) eagerly, so load
 * this module lazily from the page.
 */
import { compileExpression } from '../core/expression';
import { computeGrid, createObjectiveCache, type GridRequest, type GridResponse } from './grid-compute';

const cache = createObjectiveCache();

/** Samples and contours `req` synchronously; never throws. */
export function computeGridSync(req: GridRequest): GridResponse {
	return computeGrid(req, cache, compileExpression);
}
