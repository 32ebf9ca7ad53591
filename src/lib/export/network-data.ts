/**
 * The network page's results as data: the training and test curves of every run as CSV (one row per run and
 * recorded epoch), and the shown run's network as JSON (the spec, each layer's weight matrix and biases in the
 * core's layout, and the flat parameter vector), so a figure or a check elsewhere can start from the exact numbers.
 */
import type { Mlp, MlpSpec } from '../core/nn/mlp';
import { layerWeights } from '../core/nn/mlp';
import type { HyperValue } from '../core/optimizers/types';
import { cell, hyperColumns } from './data';

export interface CurveRun {
	readonly optimizer: string;
	readonly hyper: Readonly<Record<string, HyperValue>>;
	readonly status: string;
	readonly epochs: readonly number[];
	readonly trainLoss: readonly number[];
	readonly testLoss: readonly number[];
	readonly trainAccuracy: readonly number[];
	readonly testAccuracy: readonly number[];
}

/** A number cell: its shortest round-tripping text, empty for NaN (no value: e.g. accuracy of a regression). */
function num(v: number | undefined): string {
	return v === undefined || Number.isNaN(v) ? '' : String(v);
}

/** `run,optimizer,status,epoch,train_loss,test_loss,train_accuracy,test_accuracy` plus one column per hyperparameter. */
export function curvesCsv(runs: readonly CurveRun[]): string {
	const { keys, cells } = hyperColumns(runs);
	const head = [
		'run',
		'optimizer',
		'status',
		'epoch',
		'train_loss',
		'test_loss',
		'train_accuracy',
		'test_accuracy'
	];
	const rows = [[...head, ...keys].map(cell).join(',')];
	runs.forEach((r, i) => {
		const hyper = cells(r.hyper);
		for (let e = 0; e < r.epochs.length; e++)
			rows.push(
				[
					String(i + 1),
					cell(r.optimizer),
					r.status,
					num(r.epochs[e]),
					num(r.trainLoss[e]),
					num(r.testLoss[e]),
					num(r.trainAccuracy[e]),
					num(r.testAccuracy[e]),
					...hyper
				].join(',')
			);
	});
	return rows.join('\n') + '\n';
}

export interface NetworkSnapshot {
	readonly spec: MlpSpec;
	readonly mlp: Mlp;
	readonly params: Float64Array;
	readonly epoch: number;
	readonly optimizer: string;
	readonly hyper: Readonly<Record<string, HyperValue>>;
	readonly dataset: string;
	readonly featureNames: readonly string[];
	readonly classes?: readonly string[];
	readonly seed: number;
	readonly batchSize: number;
}

/** The shown network as JSON: weights[i][j] is the weight from unit i of the layer below to unit j. */
export function networkJson(s: NetworkSnapshot): string {
	const layers = s.mlp.layers.map((l, index) => {
		const { weights, biases } = layerWeights(s.mlp, s.params, index);
		return {
			inputs: l.inputs,
			outputs: l.outputs,
			activation: index === s.mlp.layers.length - 1 ? 'output (logits)' : l.activation,
			weights: Array.from({ length: l.inputs }, (_, i) =>
				Array.from(weights.subarray(i * l.outputs, (i + 1) * l.outputs))
			),
			biases: Array.from(biases)
		};
	});
	const out = {
		dataset: s.dataset,
		features: [...s.featureNames],
		...(s.classes ? { classes: [...s.classes] } : {}),
		task: s.mlp.task,
		output:
			s.mlp.task === 'binary'
				? 'P(class 1) = sigmoid(z); loss binary cross-entropy'
				: s.mlp.task === 'multiclass'
					? 'P = softmax(z); loss cross-entropy'
					: 'prediction z; loss mean squared error',
		spec: { ...s.spec, hidden: [...s.spec.hidden] },
		optimizer: s.optimizer,
		hyper: Object.fromEntries(Object.entries(s.hyper).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])),
		seed: s.seed,
		batch_size: s.batchSize,
		epoch: s.epoch,
		layers,
		params: Array.from(s.params)
	};
	return JSON.stringify(out, null, 1) + '\n';
}
