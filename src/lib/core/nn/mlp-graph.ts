/**
 * One recorded tape of an Mlp for a fixed number of rows: inputs, targets and parameters are tensors
 * whose storage is rebound per call (parameters as views into the caller's flat vectors), so repeated
 * batches of the same size re-run the tape without allocating.
 */
import { Tape, type Tensor } from '../autodiff/tensor';
import type { Mlp } from './mlp';

export class MlpGraph {
	readonly rows: number;
	readonly tape = new Tape();
	/** [rows x inputs]. */
	readonly x: Tensor;
	/** [rows x 1]: 0/1 labels, class indices or regression targets. */
	readonly y: Tensor;
	/** Output of every layer after its activation; the last one is the logits / prediction. */
	readonly layerOutputs: readonly Tensor[];
	readonly output: Tensor;
	/** Mean data loss (without the penalty), [1 x 1]. */
	readonly dataLoss: Tensor;
	/** Data loss plus penalties: what the gradient is of. */
	readonly loss: Tensor;
	private readonly weights: Tensor[] = [];
	private readonly biases: Tensor[] = [];
	private boundParams: Float64Array | null = null;
	private boundGrad: Float64Array | null = null;

	constructor(
		readonly mlp: Mlp,
		rows: number
	) {
		this.rows = rows;
		const tape = this.tape;
		this.x = tape.constant(rows, mlp.inputs);
		this.y = tape.constant(rows, 1);
		const outputs: Tensor[] = [];
		let a = this.x;
		for (const layer of mlp.layers) {
			const w = tape.variable(layer.inputs, layer.outputs);
			const b = tape.variable(1, layer.outputs);
			this.weights.push(w);
			this.biases.push(b);
			a = tape.addBias(tape.matmul(a, w), b);
			if (layer.activation === 'tanh') a = tape.tanh(a);
			else if (layer.activation === 'relu') a = tape.relu(a);
			else if (layer.activation === 'sigmoid') a = tape.sigmoid(a);
			outputs.push(a);
		}
		this.layerOutputs = outputs;
		this.output = a;
		if (mlp.task === 'binary') this.dataLoss = tape.bceWithLogits(a, this.y);
		else if (mlp.task === 'multiclass') this.dataLoss = tape.softmaxCrossEntropy(a, this.y);
		else this.dataLoss = tape.mse(a, this.y);
		let loss = this.dataLoss;
		for (const w of this.weights) {
			if (mlp.l1 > 0) loss = tape.add(loss, tape.l1Penalty(w, mlp.l1));
			if (mlp.l2 > 0) loss = tape.add(loss, tape.l2Penalty(w, mlp.l2));
		}
		this.loss = loss;
	}

	/** Points the parameter tensors at params (and their gradients at grad); cheap when unchanged. */
	bindParams(params: Float64Array, grad: Float64Array | null): void {
		if (params === this.boundParams && (grad === null || grad === this.boundGrad)) return;
		const layers = this.mlp.layers;
		for (let l = 0; l < layers.length; l++) {
			const { weightOffset: wo, biasOffset: bo, inputs, outputs } = layers[l];
			const we = wo + inputs * outputs;
			const be = bo + outputs;
			this.weights[l].bind(params.subarray(wo, we), grad?.subarray(wo, we));
			this.biases[l].bind(params.subarray(bo, be), grad?.subarray(bo, be));
		}
		this.boundParams = params;
		if (grad !== null) this.boundGrad = grad;
	}
}
