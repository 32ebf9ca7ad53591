/**
 * Web Worker entry: answers GridRequest messages with sampled grids and contour bands (see grid-compute.ts),
 * transferring the buffers back instead of copying them (grid-wire.ts). The expression compiler (mathjs) is
 * loaded on the first custom expression only.
 */
import { computeGrid, createObjectiveCache, type CompileExpression, type GridRequest } from './grid-compute';
import { toWire, type GridWireResponse } from './grid-wire';

/** The part of DedicatedWorkerGlobalScope used here (the webworker lib cannot be mixed with the DOM lib). */
interface WorkerScope {
	onmessage: ((event: MessageEvent<GridRequest>) => void) | null;
	postMessage(message: GridWireResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const cache = createObjectiveCache();
let compile: CompileExpression | undefined;
// Requests are handled strictly in order, even while the compiler is being loaded.
let queue: Promise<void> = Promise.resolve();

async function handle(req: GridRequest): Promise<void> {
	if (req?.source?.kind === 'custom' && compile === undefined && !cache.has(req.source)) {
		try {
			compile = (await import('../core/expression')).compileExpression;
		} catch (e) {
			scope.postMessage({ id: req.id, error: `Could not load the expression compiler: ${String(e)}` }, []);
			return;
		}
	}
	const { message, transfer } = toWire(computeGrid(req, cache, compile));
	scope.postMessage(message, transfer);
}

scope.onmessage = (event) => {
	const req = event.data;
	queue = queue.then(() => handle(req));
};
