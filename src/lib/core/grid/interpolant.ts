/**
 * A cheap stand-in for an expensive f over a box: f sampled once on an n x n lattice (corners included), then
 * bilinear interpolation between the samples; outside the box the nearest edge value. Used for the 3D mesh of
 * a network's loss landscape, where each exact value is a full forward pass and the mesh needs 161 x 161.
 */
import type { ViewBox } from '../objective';

export function bilinearInterpolant(
	f: (x: number, y: number) => number,
	box: ViewBox,
	n: number
): { f(x: number, y: number): number } {
	const m = Math.max(2, Math.floor(n));
	const values = new Float64Array(m * m);
	const dx = (box.xMax - box.xMin) / (m - 1);
	const dy = (box.yMax - box.yMin) / (m - 1);
	for (let j = 0; j < m; j++)
		for (let i = 0; i < m; i++) values[j * m + i] = f(box.xMin + i * dx, box.yMin + j * dy);
	return {
		f(x, y) {
			const u = Math.min(m - 1, Math.max(0, (x - box.xMin) / dx));
			const v = Math.min(m - 1, Math.max(0, (y - box.yMin) / dy));
			const i = Math.min(m - 2, Math.floor(u));
			const j = Math.min(m - 2, Math.floor(v));
			const a = u - i;
			const b = v - j;
			const k = j * m + i;
			return (
				(1 - a) * (1 - b) * values[k] +
				a * (1 - b) * values[k + 1] +
				(1 - a) * b * values[k + m] +
				a * b * values[k + m + 1]
			);
		}
	};
}
