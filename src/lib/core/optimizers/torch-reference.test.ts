/**
 * Every optimizer against reference trajectories computed by PyTorch in float64
 * (tests/fixtures/make_optimizer_fixtures.py): each iterate and its value to 1e-9 relative.
 */
import { describe, expect, it } from 'vitest';
import fixtures from '../../../../tests/fixtures/optimizer-trajectories.json';
import { getTestFunction } from '../functions';
import { runTrajectory, trajectoryPoints } from '../run/trajectory';
import { getOptimizer, optimizerIds, resolveHyper } from '.';
import type { HyperValue } from './types';

interface FixtureCase {
	optimizer: string;
	hyper: Record<string, HyperValue>;
	function: string;
	start: [number, number];
	steps: number;
	status: string;
	points: [number, number, number][];
}

const cases = fixtures.cases as unknown as FixtureCase[];

/** Relative difference with a 1e-12 absolute floor for coordinates that pass through zero. */
function close(a: number, b: number, rel = 1e-9): boolean {
	return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
}

describe('optimizers match torch.optim (float64)', () => {
	it('covers every optimizer id in the registry', () => {
		const covered = new Set(cases.map((c) => c.optimizer));
		for (const id of optimizerIds) expect(covered, id).toContain(id);
	});

	it.each(
		cases.map((c, i) => [`${i}: ${c.optimizer} ${JSON.stringify(c.hyper)} on ${c.function}`, c] as const)
	)('%s', (_name, c) => {
		const fn = getTestFunction(c.function);
		const opt = getOptimizer(c.optimizer);
		expect(fn && opt).toBeTruthy();
		// The noisy sgd is torch's SGD once its noise is turned off.
		const given = c.optimizer === 'sgd' ? { ...c.hyper, noise: 0 } : c.hyper;
		const resolved = resolveHyper(opt!, given);
		if (!resolved.ok) throw new Error(resolved.message);
		const t = runTrajectory(fn!, opt!, resolved.value, c.start, c.steps);
		expect(t.status).toBe(c.status);
		expect(t.count).toBe(c.points.length);
		const ours = trajectoryPoints(t);
		for (let k = 0; k < c.points.length; k++) {
			for (let j = 0; j < 3; j++) {
				if (!close(ours[k][j], c.points[k][j])) {
					throw new Error(`step ${k}, component ${'xyf'[j]}: ours ${ours[k][j]} vs torch ${c.points[k][j]}`);
				}
			}
		}
	});
});
