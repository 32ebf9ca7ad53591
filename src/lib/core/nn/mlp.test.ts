/**
 * The network's layout, initialization and computations: gradients against central finite differences,
 * outputs against an independent per-row forward pass written from the documented layout.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { CHUNK_ROWS, evaluate, forward, lossAndGrad, predict } from './mlp-compute';
import { createMlp, initParams, layerWeights, NnError, type Activation, type Mlp, type MlpSpec } from './mlp';

function randomRows(seed: number, n: number, lo = -2, hi = 2): Float64Array {
	const rng = createRng(seed);
	return Float64Array.from({ length: n }, () => rng.range(lo, hi));
}

function act(a: Activation, v: number): number {
	if (a === 'tanh') return Math.tanh(v);
	if (a === 'relu') return Math.max(0, v);
	if (a === 'sigmoid') return 1 / (1 + Math.exp(-v));
	return v;
}

/** Raw outputs z of one row, computed unit by unit from the header's layout description. */
function referenceOutputs(mlp: Mlp, params: Float64Array, row: ArrayLike<number>): number[] {
	let a = Array.from(row);
	for (const layer of mlp.layers) {
		const next: number[] = [];
		for (let j = 0; j < layer.outputs; j++) {
			let s = params[layer.biasOffset + j];
			for (let i = 0; i < layer.inputs; i++) s += a[i] * params[layer.weightOffset + i * layer.outputs + j];
			next.push(act(layer.activation, s));
		}
		a = next;
	}
	return a;
}

/** Objective from the reference forward pass and the documented loss and penalty formulas. */
function referenceObjective(mlp: Mlp, params: Float64Array, x: Float64Array, y: Float64Array): number {
	const n = y.length;
	let data = 0;
	for (let r = 0; r < n; r++) {
		const z = referenceOutputs(mlp, params, x.subarray(r * mlp.inputs, (r + 1) * mlp.inputs));
		if (mlp.task === 'binary') {
			const p = 1 / (1 + Math.exp(-z[0]));
			data -= y[r] * Math.log(p) + (1 - y[r]) * Math.log(1 - p);
		} else if (mlp.task === 'regression') data += (z[0] - y[r]) ** 2;
		else data -= Math.log(Math.exp(z[y[r]]) / z.reduce((s, v) => s + Math.exp(v), 0));
	}
	let l1 = 0;
	let l2 = 0;
	for (const layer of mlp.layers)
		for (let i = 0; i < layer.inputs * layer.outputs; i++) {
			l1 += Math.abs(params[layer.weightOffset + i]);
			l2 += params[layer.weightOffset + i] ** 2;
		}
	return data / n + mlp.l1 * l1 + (mlp.l2 / 2) * l2;
}

const cases: [string, MlpSpec][] = [
	[
		'binary tanh 2-5-3-1 with L1 and L2',
		{ inputs: 2, hidden: [5, 3], activation: 'tanh', task: 'binary', l1: 0.01, l2: 0.05 }
	],
	[
		'binary relu/sigmoid 3-4-4-1',
		{ inputs: 3, hidden: [4, 4], activation: ['relu', 'sigmoid'], task: 'binary', init: 'he' }
	],
	[
		'multiclass 2-6-4 sigmoid with L2',
		{ inputs: 2, hidden: [6], activation: 'sigmoid', task: 'multiclass', classes: 4, l2: 0.1 }
	],
	[
		'multiclass softmax regression 3-3 (no hidden layer)',
		{ inputs: 3, hidden: [], task: 'multiclass', classes: 3 }
	],
	[
		'regression 1-8-8-1 tanh/linear with L1',
		{ inputs: 1, hidden: [8, 8], activation: ['tanh', 'linear'], task: 'regression', l1: 0.02 }
	],
	['logistic regression 2-1 (no hidden layer)', { inputs: 2, hidden: [], task: 'binary' }]
];

function targetsFor(mlp: Mlp, n: number, seed: number): Float64Array {
	const rng = createRng(seed);
	return Float64Array.from({ length: n }, () =>
		mlp.task === 'binary' ? rng.int(2) : mlp.task === 'multiclass' ? rng.int(mlp.outputs) : rng.normal()
	);
}

describe('createMlp', () => {
	it('lays out W then b per layer, contiguously, output layer last and linear', () => {
		const mlp = createMlp({
			inputs: 2,
			hidden: [4, 3],
			activation: ['relu', 'tanh'],
			task: 'multiclass',
			classes: 5
		});
		expect(mlp.layers.map((l) => [l.inputs, l.outputs, l.activation])).toEqual([
			[2, 4, 'relu'],
			[4, 3, 'tanh'],
			[3, 5, 'linear']
		]);
		let offset = 0;
		for (const l of mlp.layers) {
			expect(l.weightOffset).toBe(offset);
			expect(l.biasOffset).toBe(offset + l.inputs * l.outputs);
			offset = l.biasOffset + l.outputs;
		}
		expect(mlp.paramCount).toBe(offset);
		expect(mlp.outputs).toBe(5);
		// Plain data: survives a structured clone unchanged.
		expect(structuredClone(mlp)).toEqual(mlp);
	});

	it.each([
		[{ inputs: 2, hidden: [0], task: 'binary' }, 'widths must be whole numbers from 1 to 32'],
		[{ inputs: 2, hidden: [33], task: 'binary' }, 'from 1 to 32, got 33'],
		[{ inputs: 0, hidden: [], task: 'binary' }, 'inputs must be'],
		[
			{ inputs: 2, hidden: [4, 4], activation: ['tanh'], task: 'binary' },
			'1 activations given for 2 hidden layers'
		],
		[{ inputs: 2, hidden: [4], activation: 'softplus', task: 'binary' }, 'activation must be one of'],
		[{ inputs: 2, hidden: [4], task: 'ranking' }, 'task must be one of'],
		[{ inputs: 2, hidden: [4], task: 'multiclass' }, 'multiclass needs classes >= 2'],
		[{ inputs: 2, hidden: [4], task: 'regression', classes: 3 }, 'classes applies to multiclass'],
		[{ inputs: 2, hidden: [4], task: 'binary', l2: -1 }, 'l2 must be a finite number >= 0'],
		[{ inputs: 2, hidden: [4], task: 'binary', init: 'orthogonal' }, 'init must be one of xavier, he, torch']
	])('rejects %j', (spec, message) => {
		expect(() => createMlp(spec as MlpSpec)).toThrow(NnError);
		expect(() => createMlp(spec as MlpSpec)).toThrow(message);
	});
});

describe('initParams', () => {
	const xavier = createMlp({ inputs: 32, hidden: [32], task: 'regression' });
	const he = createMlp({ inputs: 32, hidden: [32], task: 'regression', init: 'he' });

	it('is a function of the seed: same seed, same weights; another seed, other weights', () => {
		expect(initParams(xavier, 7)).toEqual(initParams(xavier, 7));
		expect(initParams(xavier, 7)).not.toEqual(initParams(xavier, 8));
	});

	it('sets biases to 0 and draws Glorot-uniform or Kaiming-normal weights', () => {
		for (const mlp of [xavier, he]) {
			const p = initParams(mlp, 3);
			const { weights, biases } = layerWeights(mlp, p, 0);
			expect(Array.from(biases).every((b) => b === 0)).toBe(true);
			const mean = weights.reduce((s, w) => s + w, 0) / weights.length;
			const variance = weights.reduce((s, w) => s + (w - mean) ** 2, 0) / weights.length;
			if (mlp.init === 'xavier') {
				const a = Math.sqrt(6 / 64);
				expect(Math.max(...weights.map(Math.abs))).toBeLessThanOrEqual(a);
				// U(-a, a) has variance a^2 / 3; 1,024 draws put the estimate within about 5% of it.
				expect(Math.abs(variance / ((a * a) / 3) - 1)).toBeLessThan(0.15);
			} else {
				expect(Math.abs(variance / (2 / 32) - 1)).toBeLessThan(0.15);
				expect(Math.abs(mean)).toBeLessThan(0.05);
			}
		}
	});

	it('torch draws weights and biases from U(-1/sqrt(fan_in), 1/sqrt(fan_in)), as torch.nn.Linear does', () => {
		const mlp = createMlp({ inputs: 32, hidden: [32], task: 'regression', init: 'torch' });
		const p = initParams(mlp, 5);
		const k = 1 / Math.sqrt(32);
		for (const layer of [0, 1]) {
			const { weights, biases } = layerWeights(mlp, p, layer);
			for (const v of [weights, biases]) expect(Math.max(...v.map(Math.abs))).toBeLessThanOrEqual(k);
			expect(biases.every((b) => b !== 0)).toBe(true);
		}
		// The 32 x 32 hidden weights: variance k^2 / 3 within about 3 standard errors.
		const { weights, biases } = layerWeights(mlp, p, 0);
		const variance = weights.reduce((s, w) => s + w * w, 0) / weights.length;
		expect(Math.abs(variance / ((k * k) / 3) - 1)).toBeLessThan(0.1);
		// Biases are drawn, not zero: 32 draws from U(-k, k) spread over most of the interval.
		expect(Math.max(...biases) - Math.min(...biases)).toBeGreaterThan(k);
	});

	it('layerWeights returns views with the documented shape', () => {
		const mlp = createMlp({ inputs: 2, hidden: [3], task: 'binary' });
		const p = initParams(mlp, 1);
		const { weights, biases } = layerWeights(mlp, p, 1);
		expect(weights.length).toBe(3);
		expect(biases.length).toBe(1);
		weights[2] = 42;
		expect(p[mlp.layers[1].weightOffset + 2]).toBe(42);
		expect(() => layerWeights(mlp, p, 2)).toThrow('layer 2 does not exist');
	});
});

describe('lossAndGrad', () => {
	it.each(cases)('%s: objective as documented, gradient as finite differences', (_name, spec) => {
		const mlp = createMlp(spec);
		const n = 9;
		const params = initParams(mlp, 11);
		// Nonzero biases, so they are exercised too.
		for (const l of mlp.layers)
			for (let j = 0; j < l.outputs; j++) params[l.biasOffset + j] = 0.3 * Math.sin(j + 1);
		const x = randomRows(5, n * mlp.inputs);
		const y = targetsFor(mlp, n, 6);
		const grad = new Float64Array(mlp.paramCount);
		const loss = lossAndGrad(mlp, params, x, y, grad);
		expect(Math.abs(loss - referenceObjective(mlp, params, x, y))).toBeLessThan(1e-12 * Math.max(1, loss));
		const scratch = new Float64Array(mlp.paramCount);
		for (let i = 0; i < mlp.paramCount; i++) {
			const p0 = params[i];
			const h = 1e-6;
			params[i] = p0 + h;
			const up = lossAndGrad(mlp, params, x, y, scratch);
			params[i] = p0 - h;
			const down = lossAndGrad(mlp, params, x, y, scratch);
			params[i] = p0;
			const numeric = (up - down) / (2 * h);
			expect(Math.abs(numeric - grad[i]), `parameter ${i}`).toBeLessThan(
				1e-6 * Math.max(1, Math.abs(numeric))
			);
		}
	});

	it('overwrites the gradient buffer rather than adding to it', () => {
		const mlp = createMlp(cases[0][1]);
		const params = initParams(mlp, 2);
		const x = randomRows(1, 8);
		const y = targetsFor(mlp, 4, 2);
		const once = new Float64Array(mlp.paramCount);
		lossAndGrad(mlp, params, x, y, once);
		const twice = new Float64Array(mlp.paramCount).fill(5);
		lossAndGrad(mlp, params, x, y, twice);
		lossAndGrad(mlp, params, x, y, twice);
		expect(twice).toEqual(once);
	});

	it('rejects mismatched buffers', () => {
		const mlp = createMlp(cases[0][1]);
		const params = initParams(mlp, 2);
		const grad = new Float64Array(mlp.paramCount);
		expect(() =>
			lossAndGrad(mlp, params.subarray(1), new Float64Array(4), new Float64Array(2), grad)
		).toThrow(`expected ${mlp.paramCount} parameters`);
		expect(() => lossAndGrad(mlp, params, new Float64Array(5), new Float64Array(2), grad)).toThrow(
			'x has 5 values'
		);
	});
});

describe('predict, forward and evaluate', () => {
	it.each(cases)('%s: predictions row by row, in chunks, as the reference forward pass', (_name, spec) => {
		const mlp = createMlp(spec);
		const params = initParams(mlp, 4);
		const n = CHUNK_ROWS * 2 + 37;
		const x = randomRows(8, n * mlp.inputs, -5, 5);
		const out = predict(mlp, params, x);
		const k = mlp.outputs;
		expect(out.length).toBe(n * k);
		for (const r of [0, 1, CHUNK_ROWS - 1, CHUNK_ROWS, 2 * CHUNK_ROWS + 5, n - 1]) {
			const z = referenceOutputs(mlp, params, x.subarray(r * mlp.inputs, (r + 1) * mlp.inputs));
			const expected =
				mlp.task === 'binary'
					? [1 / (1 + Math.exp(-z[0]))]
					: mlp.task === 'regression'
						? z
						: z.map((v) => Math.exp(v) / z.reduce((s, w) => s + Math.exp(w), 0));
			for (let j = 0; j < k; j++) expect(Math.abs(out[r * k + j] - expected[j])).toBeLessThan(1e-12);
		}
		const layers = forward(mlp, params, x);
		expect(layers.map((a) => a.length)).toEqual(mlp.layers.map((l) => n * l.outputs));
		const last = layers[layers.length - 1];
		const z = referenceOutputs(mlp, params, x.subarray((n - 1) * mlp.inputs, n * mlp.inputs));
		for (let j = 0; j < k; j++) expect(Math.abs(last[(n - 1) * k + j] - z[j])).toBeLessThan(1e-12);
	});

	it.each(cases)('%s: evaluate gives the mean data loss and the share classified right', (_name, spec) => {
		const mlp = createMlp({ ...spec, l1: 0, l2: 0 });
		const params = initParams(mlp, 9);
		const n = CHUNK_ROWS + 100;
		const x = randomRows(3, n * mlp.inputs);
		const y = targetsFor(mlp, n, 4);
		const e = evaluate(mlp, params, { x, y, n, p: mlp.inputs });
		expect(Math.abs(e.loss! - referenceObjective(mlp, params, x, y))).toBeLessThan(1e-12);
		if (mlp.task === 'regression') {
			expect(e.accuracy).toBeNull();
			return;
		}
		let correct = 0;
		for (let r = 0; r < n; r++) {
			const z = referenceOutputs(mlp, params, x.subarray(r * mlp.inputs, (r + 1) * mlp.inputs));
			const cls = mlp.task === 'binary' ? (z[0] >= 0 ? 1 : 0) : z.indexOf(Math.max(...z));
			if (cls === y[r]) correct++;
		}
		expect(e.accuracy).toBe(correct / n);
	});

	it('evaluate reports nulls for an empty set', () => {
		const mlp = createMlp(cases[0][1]);
		const e = evaluate(mlp, initParams(mlp, 1), {
			x: new Float64Array(0),
			y: new Float64Array(0),
			n: 0,
			p: 2
		});
		expect(e).toEqual({ loss: null, accuracy: null });
	});
});
