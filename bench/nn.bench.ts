/**
 * `npm run bench`, neural-network part: training epochs per second (TensorFlow Playground's default
 * setup on circles, and the spiral recipe), and the prediction cost of a 100 x 100 decision-boundary grid.
 * Medians over timed runs after a warm-up; printed, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { getPlaygroundSet } from '../src/lib/core/data/playground-sets';
import { trainTestSplit } from '../src/lib/core/data/split';
import { createTrainer, initParams, createMlp, MlpComputer, type MlpSpec } from '../src/lib/core/nn';
import { median } from './stats';

interface Setup {
	label: string;
	dataset: string;
	hidden: number[];
	optimizer: string;
	lr: number;
	batch: number;
	/** Epochs per timed run. */
	epochs: number;
}

const setups: Setup[] = [
	{
		label: 'circles 2-4-2-1 tanh, SGD (gd) lr 0.03, batch 10',
		dataset: 'circles',
		hidden: [4, 2],
		optimizer: 'gd',
		lr: 0.03,
		batch: 10,
		epochs: 200
	},
	{
		label: 'circles 2-4-2-1 tanh, Adam lr 0.03, batch 10',
		dataset: 'circles',
		hidden: [4, 2],
		optimizer: 'adam',
		lr: 0.03,
		batch: 10,
		epochs: 200
	},
	{
		label: 'spiral 2-16-16-1 tanh, Adam lr 0.01, batch 16',
		dataset: 'spiral',
		hidden: [16, 16],
		optimizer: 'adam',
		lr: 0.01,
		batch: 16,
		epochs: 40
	}
];

function trainerFor(s: Setup) {
	const data = getPlaygroundSet(s.dataset)!.make({ n: 500, noise: 0, seed: 1 });
	const split = trainTestSplit(data, { testFraction: 0.5, seed: 1 });
	return createTrainer({
		spec: { inputs: 2, hidden: s.hidden, activation: 'tanh', task: 'binary' },
		optimizer: s.optimizer,
		hyper: { lr: s.lr },
		train: split.train,
		test: split.test,
		batchSize: s.batch,
		seed: 1
	});
}

/** Epochs per second: median over `reps` runs of s.epochs epochs each, after two warm-up runs. */
function epochsPerSecond(s: Setup, evaluateEachEpoch: boolean, reps = 9): number {
	const trainer = trainerFor(s);
	const times: number[] = [];
	for (let r = 0; r < reps + 2; r++) {
		const t0 = performance.now();
		if (evaluateEachEpoch) for (let e = 0; e < s.epochs; e++) trainer.epoch();
		else trainer.run(s.epochs);
		if (r >= 2) times.push(performance.now() - t0);
	}
	return s.epochs / (median(times) / 1000);
}

console.log('');
console.log('Neural network: 500 points, half for training (TensorFlow Playground), median of 9 timed runs:');
console.log(`  ${'setup'.padEnd(50)} ${'epoch() each'.padStart(14)} ${'training only'.padStart(14)}`);
for (const s of setups) {
	const withEval = epochsPerSecond(s, true);
	const trainOnly = epochsPerSecond(s, false);
	console.log(
		`  ${s.label.padEnd(50)} ${withEval.toFixed(0).padStart(8)} ep/s ${trainOnly.toFixed(0).padStart(8)} ep/s`
	);
}
console.log(
	'  (epoch() each: train + loss and accuracy on both sets after every epoch; target >= 600 ep/s on circles)'
);

const grid = 100;
const xs = new Float64Array(2 * grid * grid);
for (let i = 0; i < grid; i++)
	for (let j = 0; j < grid; j++) {
		xs[2 * (i * grid + j)] = -6 + (12 * j) / (grid - 1);
		xs[2 * (i * grid + j) + 1] = -6 + (12 * i) / (grid - 1);
	}
console.log(`Decision-boundary grid: predict ${grid} x ${grid} points, median of 21:`);
for (const hidden of [
	[4, 2],
	[16, 16],
	[32, 32, 32]
]) {
	const spec: MlpSpec = { inputs: 2, hidden, activation: 'tanh', task: 'binary' };
	const mlp = createMlp(spec);
	const computer = new MlpComputer(mlp);
	const params = initParams(mlp, 1);
	const out = new Float64Array(grid * grid);
	const times: number[] = [];
	for (let r = 0; r < 25; r++) {
		const t0 = performance.now();
		computer.predict(params, xs, out);
		if (r >= 4) times.push(performance.now() - t0);
	}
	console.log(`  2-${hidden.join('-')}-1 tanh`.padEnd(24) + `${median(times).toFixed(2)} ms`);
}
