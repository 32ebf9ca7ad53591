/**
 * The network core against PyTorch in float64 (tests/fixtures/make_nn_fixtures.py): objective and full
 * flat gradient of fixed small networks, and the parameters after full-batch steps of torch.optim
 * optimizers, all to 1e-9 relative.
 */
import { describe, expect, it } from 'vitest';
import fixtures from '../../../../tests/fixtures/nn-torch.json';
import { getOptimizer, resolveHyper, type HyperValue } from '../optimizers';
import type { StepContext } from '../optimizers/types';
import { lossAndGrad } from './mlp-compute';
import { createMlp, type Activation, type MlpSpec, type Task } from './mlp';

interface FixtureRun {
	optimizer: string;
	hyper: Record<string, HyperValue>;
	steps: number;
	losses: number[];
	params: number[];
}

interface FixtureCase {
	name: string;
	spec: {
		inputs: number;
		hidden: number[];
		activation: string[];
		task: string;
		classes?: number;
		l1: number;
		l2: number;
	};
	x: number[];
	y: number[];
	params: number[];
	loss: number;
	grad: number[];
	runs: FixtureRun[];
}

const cases = fixtures.cases as unknown as FixtureCase[];

/** Relative difference with a 1e-12 absolute floor for entries near zero. */
function mismatch(ours: ArrayLike<number>, theirs: readonly number[], rel = 1e-9): string | null {
	if (ours.length !== theirs.length) return `length ${ours.length} vs ${theirs.length}`;
	for (let i = 0; i < theirs.length; i++) {
		const a = ours[i];
		const b = theirs[i];
		if (!(Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + 1e-12))
			return `entry ${i}: ours ${a} vs torch ${b}`;
	}
	return null;
}

function specOf(c: FixtureCase): MlpSpec {
	return {
		inputs: c.spec.inputs,
		hidden: c.spec.hidden,
		activation: c.spec.activation as Activation[],
		task: c.spec.task as Task,
		classes: c.spec.classes,
		l1: c.spec.l1,
		l2: c.spec.l2
	};
}

const noHessian: StepContext = {
	hessian() {
		throw new Error('not used');
	}
};

describe('network core matches PyTorch (float64)', () => {
	it('covers every task and more than one optimizer', () => {
		expect(new Set(cases.map((c) => c.spec.task))).toEqual(new Set(['binary', 'multiclass', 'regression']));
		expect(new Set(cases.flatMap((c) => c.runs.map((r) => r.optimizer))).size).toBeGreaterThanOrEqual(2);
	});

	it.each(cases.map((c) => [c.name, c] as const))('%s: objective and flat gradient', (_name, c) => {
		const mlp = createMlp(specOf(c));
		const grad = new Float64Array(mlp.paramCount);
		const loss = lossAndGrad(
			mlp,
			Float64Array.from(c.params),
			Float64Array.from(c.x),
			Float64Array.from(c.y),
			grad
		);
		expect(mismatch([loss], [c.loss])).toBeNull();
		expect(mismatch(grad, c.grad)).toBeNull();
	});

	it.each(
		cases.flatMap((c) =>
			c.runs.map((r) => [`${c.name}, ${r.optimizer} ${JSON.stringify(r.hyper)}`, c, r] as const)
		)
	)('%s: full-batch steps', (_name, c, run) => {
		const mlp = createMlp(specOf(c));
		const opt = getOptimizer(run.optimizer)!;
		const resolved = resolveHyper(opt, run.hyper);
		if (!resolved.ok) throw new Error(resolved.message);
		const params = Float64Array.from(c.params);
		const grad = new Float64Array(mlp.paramCount);
		const x = Float64Array.from(c.x);
		const y = Float64Array.from(c.y);
		const state = opt.init(mlp.paramCount, resolved.value);
		const losses: number[] = [];
		for (let s = 0; s < run.steps; s++) {
			losses.push(lossAndGrad(mlp, params, x, y, grad));
			opt.step(params, grad, state, resolved.value, noHessian);
		}
		expect(mismatch(losses, run.losses)).toBeNull();
		expect(mismatch(params, run.params)).toBeNull();
	});
});
