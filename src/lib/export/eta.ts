/** Progress with an estimated time left, from the rate so far (after a short warm-up). */
import type { ExportProgress } from './types';

export function createEta(now: () => number = () => performance.now()) {
	const started = now();
	return (done: number, total: number, phase: ExportProgress['phase']): ExportProgress => {
		const elapsed = (now() - started) / 1000;
		const eta = done >= 3 && elapsed > 0.2 ? (elapsed / done) * Math.max(0, total - done) : undefined;
		return { done, total, eta, phase };
	};
}
