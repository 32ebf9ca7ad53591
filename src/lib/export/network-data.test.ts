/** The network page's data exports: the CSV reads back to the curves, the JSON's layers to the network's outputs. */
import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import { createMlp, initParams } from '../core/nn/mlp';
import { predict } from '../core/nn/mlp-compute';
import { curvesCsv, networkJson } from './network-data';

describe('curvesCsv', () => {
	it('one row per run and epoch; numbers round-trip; NaN accuracies are empty; hyperparameters as columns', () => {
		const csv = curvesCsv([
			{
				optimizer: 'adam',
				hyper: { lr: 0.01, betas: [0.9, 0.999] },
				status: 'ok',
				epochs: [0, 1],
				trainLoss: [0.6931471805599453, 0.1 + 0.2],
				testLoss: [0.7, 0.5],
				trainAccuracy: [0.5, 0.75],
				testAccuracy: [0.5, 0.5]
			},
			{
				optimizer: 'gd',
				hyper: { lr: 0.03 },
				status: 'diverged',
				epochs: [0],
				trainLoss: [2],
				testLoss: [3],
				trainAccuracy: [Number.NaN],
				testAccuracy: [Number.NaN]
			}
		]);
		const rows = csvParse(csv);
		expect(rows.columns).toEqual([
			'run',
			'optimizer',
			'status',
			'epoch',
			'train_loss',
			'test_loss',
			'train_accuracy',
			'test_accuracy',
			'lr',
			'betas'
		]);
		expect(rows.length).toBe(3);
		expect(Number(rows[1].train_loss)).toBe(0.1 + 0.2);
		expect(rows[0].betas).toBe('0.9,0.999');
		expect(rows[2]).toMatchObject({
			run: '2',
			optimizer: 'gd',
			status: 'diverged',
			train_accuracy: '',
			betas: ''
		});
	});
});

describe('networkJson', () => {
	it('holds weights[i][j] from unit i to unit j: a forward pass from the JSON equals the core’s', () => {
		const spec = {
			inputs: 2,
			hidden: [3],
			activation: 'tanh' as const,
			task: 'multiclass' as const,
			classes: 3
		};
		const mlp = createMlp(spec);
		const params = initParams(mlp, 4);
		const json = JSON.parse(
			networkJson({
				spec,
				mlp,
				params,
				epoch: 12,
				optimizer: 'adam',
				hyper: { lr: 0.01 },
				dataset: 'spiral3',
				featureNames: ['x1', 'x2'],
				classes: ['0', '1', '2'],
				seed: 1,
				batchSize: 10
			})
		);
		expect(json.params).toEqual(Array.from(params));
		const x = [0.3, -1.2];
		// Independent forward pass over the JSON's matrices.
		let a = x;
		json.layers.forEach((l: { weights: number[][]; biases: number[] }, k: number) => {
			const z = l.biases.map((b, j) => b + a.reduce((s, v, i) => s + v * l.weights[i][j], 0));
			a = k < json.layers.length - 1 ? z.map(Math.tanh) : z;
		});
		const m = Math.max(...a);
		const e = a.map((v) => Math.exp(v - m));
		const probs = e.map((v) => v / e.reduce((s, w) => s + w, 0));
		const core = predict(mlp, params, Float64Array.from(x));
		probs.forEach((p, c) => expect(p).toBeCloseTo(core[c], 12));
		expect(json).toMatchObject({
			dataset: 'spiral3',
			task: 'multiclass',
			epoch: 12,
			classes: ['0', '1', '2']
		});
	});
});
