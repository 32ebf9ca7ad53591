/**
 * Web Worker entry for CSV loading: reads the posted File/Blob locally in chunks (blob.stream() + TextDecoder)
 * into the streaming reader, reports progress at most 20 times a second, and transfers the table's buffers back.
 */
import { readCsvBytes, readErrorInfo } from '../core/data/csv-reader';
import { tableTransferables } from '../core/data/table';
// Types only: a value import of csv-client would make the worker bundle include itself (csv-client creates it).
import type { CsvWorkerMessage, CsvWorkerRequest } from './csv-client';

/** The part of DedicatedWorkerGlobalScope used here (the webworker lib cannot be mixed with the DOM lib). */
interface WorkerScope {
	onmessage: ((event: MessageEvent<CsvWorkerRequest>) => void) | null;
	postMessage(message: CsvWorkerMessage, transfer: Transferable[]): void;
}

/**
 * Answers one request through `post`: a first progress message (0 bytes: the worker is running), further ones
 * at most every req.progressIntervalMs by `now`, then the table with its buffers listed for transfer, or the error.
 */
export async function serveCsvRequest(
	req: CsvWorkerRequest,
	post: (message: CsvWorkerMessage, transfer: Transferable[]) => void,
	now: () => number = () => performance.now()
): Promise<void> {
	post({ type: 'progress', bytes: 0 }, []);
	let last = now();
	try {
		const table = await readCsvBytes(req.blob.stream().getReader(), req.name, new TextDecoder(), (bytes) => {
			const t = now();
			if (t - last >= req.progressIntervalMs) {
				last = t;
				post({ type: 'progress', bytes }, []);
			}
		});
		post({ type: 'done', table }, tableTransferables(table));
	} catch (e) {
		post({ type: 'error', ...readErrorInfo(e) }, []);
	}
}

if ('WorkerGlobalScope' in globalThis) {
	const scope = self as unknown as WorkerScope;
	scope.onmessage = (event) => {
		void serveCsvRequest(event.data, (message, transfer) => scope.postMessage(message, transfer));
	};
}
