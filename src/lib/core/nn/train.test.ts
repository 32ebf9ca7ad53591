/**
 * The trainer: determinism, the mini-batch schedule (full batches against hand-run gradient descent,
 * the last partial batch counted), divergence reported rather than thrown, config checks, and
 * that small networks learn the easy sets (circles to the >= 99% the task asks, three-class blobs).
 */
import { describe, expect, it } from 'vitest';
import { circlesSet } from '../data/playground-sets';
import { trainTestSplit } from '../data/split';
import type { Dataset } from '../models/matrix';
import { createRng } from '../random/rng';
import { lossAndGrad } from './mlp-compute';
import { createMlp, initParams, NnError, type MlpSpec } from './mlp';
import { createTrainer, type TrainerConfig } from './train';

function circles(seed: number, n = 200): { train: Dataset; test: Dataset } {
	return trainTestSplit(circlesSet({ n, noise: 0, seed }), { testFraction: 0.5, seed });
}

const spec: MlpSpec = { inputs: 2, hidden: [4, 2], activation: 'tanh', task: 'binary' };

function config(over: Partial<TrainerConfig> = {}): TrainerConfig {
	return { spec, optimizer: 'adam', hyper: { lr: 0.03 }, ...circles(1), batchSize: 10, seed: 3, ...over };
}

describe('Trainer', () => {
	it('is deterministic: same config, same numbers; another seed, other numbers', () => {
		const a = createTrainer(config());
		const b = createTrainer(config());
		const c = createTrainer(config({ seed: 4 }));
		for (let e = 0; e < 5; e++) {
			const ra = a.epoch();
			expect(b.epoch()).toEqual(ra);
			expect(ra.epoch).toBe(e + 1);
			c.epoch();
		}
		expect(a.params).toEqual(b.params);
		expect(c.params).not.toEqual(a.params);
	});

	it('starts from initParams(mlp, seed) and reports epoch 0 before training', () => {
		const t = createTrainer(config());
		expect(t.params).toEqual(initParams(createMlp(spec), 3));
		const r = t.report();
		expect(r.epoch).toBe(0);
		expect(r.status).toBe('ok');
	});

	it('with one batch per epoch, an epoch is one gradient-descent step on the whole set', () => {
		const data = circles(2, 60);
		const t = createTrainer(config({ ...data, optimizer: 'gd', hyper: { lr: 0.5 }, batchSize: 1000 }));
		const mlp = createMlp(spec);
		const p = initParams(mlp, 3);
		const g = new Float64Array(mlp.paramCount);
		for (let e = 0; e < 4; e++) {
			t.epoch();
			lossAndGrad(mlp, p, data.train.x, data.train.y, g);
			for (let i = 0; i < p.length; i++) p[i] -= 0.5 * g[i];
		}
		// The trainer visits the rows in shuffled order, so sums differ only in rounding.
		for (let i = 0; i < p.length; i++) expect(Math.abs(t.params[i] - p[i])).toBeLessThan(1e-12);
	});

	it('takes ceil(n / batch) steps per epoch, the last partial batch included', () => {
		const data = circles(2, 46);
		for (const [batch, steps] of [
			[10, 3],
			[23, 1],
			[5, 5],
			[100, 1]
		]) {
			const t = createTrainer(config({ ...data, batchSize: batch }));
			t.run(2);
			expect(t.steps, `batch ${batch}`).toBe(2 * steps);
		}
	});

	it('reports divergence instead of throwing, and stops there', () => {
		// Least squares with a step far beyond 2 / (largest curvature): each step multiplies the error.
		const linear: MlpSpec = { inputs: 2, hidden: [], task: 'regression' };
		const t = createTrainer(config({ optimizer: 'gd', hyper: { lr: 1000 }, spec: linear }));
		let r = t.epoch();
		for (let e = 0; e < 20 && r.status === 'ok'; e++) r = t.epoch();
		expect(r.status).toBe('diverged');
		const steps = t.steps;
		expect(t.epoch()).toEqual(r);
		expect(t.steps).toBe(steps);
	});

	it.each([
		[{ optimizer: 'newton' }, 'newton needs the Hessian'],
		[{ optimizer: 'lbfgs' }, 'unknown optimizer "lbfgs"'],
		[{ hyper: { lr: -1 } }, 'lr must be >= 0'],
		[{ hyper: { momentum: 0.9 } }, 'adam has no hyperparameter "momentum"'],
		[{ batchSize: 0 }, 'batch size must be a whole number >= 1'],
		[{ spec: { ...spec, inputs: 3 } }, 'training data has 2 features, the network 3 inputs'],
		[
			{
				spec: { ...spec, task: 'multiclass', classes: 3 } as MlpSpec,
				train: { x: new Float64Array(2), y: new Float64Array([3]), n: 1, p: 2 }
			},
			'labels in 0..2'
		],
		[
			{ train: { x: new Float64Array(2), y: new Float64Array([0.5]), n: 1, p: 2 } },
			'binary needs labels in 0..1'
		],
		[{ train: { x: new Float64Array(0), y: new Float64Array(0), n: 0, p: 2 } }, 'no rows']
	] as [Partial<TrainerConfig>, string][])('rejects %j', (over, message) => {
		expect(() => createTrainer(config(over))).toThrow(NnError);
		expect(() => createTrainer(config(over))).toThrow(message);
	});

	it('accepts an empty test set and reports null test figures', () => {
		const t = createTrainer(config({ test: { x: new Float64Array(0), y: new Float64Array(0), n: 0, p: 2 } }));
		const r = t.epoch();
		expect(r.testLoss).toBeNull();
		expect(r.testAccuracy).toBeNull();
		expect(Number.isFinite(r.trainLoss)).toBe(true);
	});
});

describe('learning', () => {
	it.each([1, 2])('circles (seed %i): 2-4-2-1 tanh reaches >= 99% test accuracy', (seed) => {
		const t = createTrainer(config({ ...circles(seed, 500), optimizer: 'adam', hyper: { lr: 0.03 }, seed }));
		const r = t.run(60);
		expect(r.status).toBe('ok');
		expect(r.testAccuracy).toBeGreaterThanOrEqual(0.99);
	});

	it('three Gaussian blobs: a multiclass network separates them', () => {
		const rng = createRng(8);
		const n = 300;
		const x = new Float64Array(2 * n);
		const y = new Float64Array(n);
		const centres = [
			[0, 3],
			[-3, -2],
			[3, -2]
		];
		for (let i = 0; i < n; i++) {
			y[i] = i % 3;
			x[2 * i] = centres[i % 3][0] + 0.8 * rng.normal();
			x[2 * i + 1] = centres[i % 3][1] + 0.8 * rng.normal();
		}
		const split = trainTestSplit({ x, y, n, p: 2 }, { testFraction: 0.3, seed: 1 });
		const t = createTrainer({
			spec: { inputs: 2, hidden: [8], activation: 'relu', task: 'multiclass', classes: 3, init: 'he' },
			optimizer: 'adam',
			hyper: { lr: 0.01 },
			train: split.train,
			test: split.test,
			batchSize: 16,
			seed: 1
		});
		const r = t.run(40);
		// The blobs are 4 to 6 standard deviations apart: hardly any point is on the wrong side.
		expect(r.testAccuracy).toBeGreaterThanOrEqual(0.97);
	});
});
