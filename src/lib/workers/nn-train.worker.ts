/**
 * Web Worker entry for network training: a thin shell around NnSession (nn-session.ts). Commands arrive
 * as messages; training runs in ~10 ms slices separated by MessageChannel yields (no setTimeout clamping),
 * and updates go back with their typed arrays transferred.
 */
import type { NnMessage } from './nn-protocol';
import { NnSession } from './nn-session';

/** The part of DedicatedWorkerGlobalScope used here (the webworker lib cannot be mixed with the DOM lib). */
interface WorkerScope {
	onmessage: ((event: MessageEvent<unknown>) => void) | null;
	postMessage(message: NnMessage, transfer: Transferable[]): void;
}

if ('WorkerGlobalScope' in globalThis) {
	const scope = self as unknown as WorkerScope;
	const channel = new MessageChannel();
	const queue: (() => void)[] = [];
	channel.port1.onmessage = () => queue.shift()?.();
	const session = new NnSession({
		post: (message, transfer) => scope.postMessage(message, transfer),
		now: () => performance.now(),
		schedule(fn) {
			queue.push(fn);
			channel.port2.postMessage(null);
		}
	});
	scope.onmessage = (event) => session.handle(event.data);
}
