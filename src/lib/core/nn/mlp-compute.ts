/**
 * What one does with an Mlp and a flat parameter vector: the loss and its gradient on a batch, outputs
 * for many points (a decision-boundary grid), every layer's activations, and loss / accuracy on a dataset.
 * Tapes are recorded once per row count and cached; large inputs go through in chunks of CHUNK_ROWS.
 *
 * Reported loss (evaluate) is the mean data loss without the penalty, as TensorFlow Playground shows it;
 * lossAndGrad returns the full objective (data loss + penalty) that the gradient belongs to.
 * Accuracy: share of rows whose predicted class (binary: z >= 0, i.e. P >= 0.5; multiclass: the first
 * largest logit) equals the label; null for regression, and loss and accuracy are null for no rows.
 */
import type { Dataset } from '../models/matrix';
import { sigmoid, type Tensor } from '../autodiff/tensor';
import { MlpGraph } from './mlp-graph';
import { NnError, type Mlp } from './mlp';

export const CHUNK_ROWS = 512;
/** Cached tapes per network (training batch, last partial batch, evaluation chunks and remainders). */
const MAX_GRAPHS = 8;

export interface Evaluation {
	loss: number | null;
	accuracy: number | null;
}

export class MlpComputer {
	private readonly graphs = new Map<number, MlpGraph>();

	constructor(readonly mlp: Mlp) {}

	/** The tape for this many rows, least recently used ones dropped beyond MAX_GRAPHS. */
	graphFor(rows: number): MlpGraph {
		let g = this.graphs.get(rows);
		if (g !== undefined) {
			this.graphs.delete(rows);
			this.graphs.set(rows, g);
			return g;
		}
		g = new MlpGraph(this.mlp, rows);
		this.graphs.set(rows, g);
		if (this.graphs.size > MAX_GRAPHS) this.graphs.delete(this.graphs.keys().next().value!);
		return g;
	}

	private checkParams(params: Float64Array): void {
		if (params.length !== this.mlp.paramCount)
			throw new NnError(`expected ${this.mlp.paramCount} parameters, got ${params.length}`);
	}

	private rowsOf(x: Float64Array): number {
		const p = this.mlp.inputs;
		if (x.length % p !== 0) throw new NnError(`x has ${x.length} values, not a multiple of ${p} inputs`);
		return x.length / p;
	}

	/**
	 * Objective (mean data loss + penalty) on a batch, its gradient written into grad (overwritten).
	 * x is row-major [rows x inputs], y has one target per row.
	 */
	lossAndGrad(params: Float64Array, x: Float64Array, y: Float64Array, grad: Float64Array): number {
		this.checkParams(params);
		if (grad.length !== params.length)
			throw new NnError(`gradient needs ${params.length} entries, got ${grad.length}`);
		const rows = y.length;
		if (rows < 1) throw new NnError('a batch needs at least one row');
		if (x.length !== rows * this.mlp.inputs)
			throw new NnError(`x has ${x.length} values for ${rows} rows of ${this.mlp.inputs} inputs`);
		const g = this.graphFor(rows);
		g.x.bind(x);
		g.y.bind(y);
		g.bindParams(params, grad);
		grad.fill(0);
		g.tape.forward();
		g.tape.backward(g.loss);
		return g.loss.data[0];
	}

	/** Runs each chunk of x through the tape up to `until`, handing the graph and the chunk's first row. */
	private eachChunk(
		params: Float64Array,
		x: Float64Array,
		y: Float64Array | null,
		until: (g: MlpGraph) => Tensor,
		visit: (g: MlpGraph, start: number) => void
	): void {
		this.checkParams(params);
		const n = this.rowsOf(x);
		const p = this.mlp.inputs;
		for (let start = 0; start < n; start += CHUNK_ROWS) {
			const rows = Math.min(CHUNK_ROWS, n - start);
			const g = this.graphFor(rows);
			g.x.bind(x.subarray(start * p, (start + rows) * p));
			if (y !== null) g.y.bind(y.subarray(start, start + rows));
			g.bindParams(params, null);
			g.tape.forward(until(g));
			visit(g, start);
		}
	}

	/**
	 * Model outputs for the rows of x: binary P(class 1) [n]; multiclass class probabilities [n x k];
	 * regression the predicted value [n]. Written into out when given (length n * outputs).
	 */
	predict(params: Float64Array, x: Float64Array, out?: Float64Array): Float64Array {
		const k = this.mlp.outputs;
		const n = this.rowsOf(x);
		const result = out ?? new Float64Array(n * k);
		if (result.length !== n * k) throw new NnError(`output needs ${n * k} entries, got ${result.length}`);
		const task = this.mlp.task;
		this.eachChunk(
			params,
			x,
			null,
			(g) => g.output,
			(g, start) => {
				const z = g.output.data;
				const base = start * k;
				if (task === 'binary') for (let i = 0; i < z.length; i++) result[base + i] = sigmoid(z[i]);
				else if (task === 'regression') result.set(z, base);
				else {
					for (let i = 0; i < g.rows; i++) {
						let max = -Infinity;
						for (let j = 0; j < k; j++) max = Math.max(max, z[i * k + j]);
						let s = 0;
						for (let j = 0; j < k; j++) s += Math.exp(z[i * k + j] - max);
						for (let j = 0; j < k; j++) result[base + i * k + j] = Math.exp(z[i * k + j] - max) / s;
					}
				}
			}
		);
		return result;
	}

	/**
	 * Every layer's output after its activation for the rows of x, one [n x width] array per layer (the
	 * last is the raw output z before sigmoid / softmax): what each neuron draws over a grid.
	 */
	forward(params: Float64Array, x: Float64Array): Float64Array[] {
		const n = this.rowsOf(x);
		const out = this.mlp.layers.map((l) => new Float64Array(n * l.outputs));
		this.eachChunk(
			params,
			x,
			null,
			(g) => g.output,
			(g, start) => {
				for (let l = 0; l < out.length; l++) {
					const width = this.mlp.layers[l].outputs;
					out[l].set(g.layerOutputs[l].data, start * width);
				}
			}
		);
		return out;
	}

	/** Mean data loss (no penalty) and accuracy over a dataset. */
	evaluate(params: Float64Array, data: Dataset): Evaluation {
		if (data.p !== this.mlp.inputs)
			throw new NnError(`the data has ${data.p} features, the network ${this.mlp.inputs} inputs`);
		if (data.x.length !== data.n * data.p || data.y.length !== data.n)
			throw new NnError(`inconsistent dataset: x has ${data.x.length} values for ${data.n} x ${data.p}`);
		if (data.n === 0) return { loss: null, accuracy: null };
		const task = this.mlp.task;
		const k = this.mlp.outputs;
		const y = data.y;
		let lossSum = 0;
		let correct = 0;
		this.eachChunk(
			params,
			data.x,
			y,
			(g) => g.dataLoss,
			(g, start) => {
				lossSum += g.dataLoss.data[0] * g.rows;
				const z = g.output.data;
				if (task === 'binary') {
					for (let i = 0; i < g.rows; i++) if ((z[i] >= 0 ? 1 : 0) === y[start + i]) correct++;
				} else if (task === 'multiclass') {
					for (let i = 0; i < g.rows; i++) {
						let best = 0;
						for (let j = 1; j < k; j++) if (z[i * k + j] > z[i * k + best]) best = j;
						if (best === y[start + i]) correct++;
					}
				}
			}
		);
		return { loss: lossSum / data.n, accuracy: task === 'regression' ? null : correct / data.n };
	}
}

const computers = new WeakMap<Mlp, MlpComputer>();

/** The cached computer of an Mlp, so the functions below reuse its tapes across calls. */
export function computerFor(mlp: Mlp): MlpComputer {
	let c = computers.get(mlp);
	if (c === undefined) {
		c = new MlpComputer(mlp);
		computers.set(mlp, c);
	}
	return c;
}

/** Objective on a batch (mean data loss + penalty); its gradient is written into grad. */
export function lossAndGrad(
	mlp: Mlp,
	params: Float64Array,
	x: Float64Array,
	y: Float64Array,
	grad: Float64Array
): number {
	return computerFor(mlp).lossAndGrad(params, x, y, grad);
}

/** Outputs for the rows of x (probabilities, or values for regression); see MlpComputer.predict. */
export function predict(mlp: Mlp, params: Float64Array, x: Float64Array, out?: Float64Array): Float64Array {
	return computerFor(mlp).predict(params, x, out);
}

/** Every layer's activations for the rows of x; see MlpComputer.forward. */
export function forward(mlp: Mlp, params: Float64Array, x: Float64Array): Float64Array[] {
	return computerFor(mlp).forward(params, x);
}

/** Mean data loss and accuracy on a dataset; see MlpComputer.evaluate. */
export function evaluate(mlp: Mlp, params: Float64Array, data: Dataset): Evaluation {
	return computerFor(mlp).evaluate(params, data);
}
