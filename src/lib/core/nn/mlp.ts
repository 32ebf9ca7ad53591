/**
 * The multilayer perceptron's description and parameter layout: a spec (widths, activations, task,
 * regularization, initialization) is checked once into an Mlp, a plain object (it can cross a worker
 * boundary) that says where each layer's weights live in the single flat parameter vector.
 *
 * Flat layout, layer after layer (hidden layers first, output layer last):
 *   W_l  row-major [inputs_l x outputs_l]: W_l[i * outputs_l + j] is the weight from unit i of the
 *        layer below to unit j of this layer (torch.nn.Linear stores the transpose, [out x in])
 *   b_l  [outputs_l]
 * Layer l computes a_l = act_l(a_(l-1) W_l + b_l); the output layer has no activation of its own: its
 * link (sigmoid, softmax, identity) is part of the loss.
 *
 * Initialization, drawn from createRng(seed) in flat order (W then b, layer after layer):
 *   xavier  W ~ U(-a, a), a = sqrt(6 / (fan_in + fan_out)), b = 0   Glorot & Bengio (2010), "Understanding
 *           the difficulty of training deep feedforward neural networks"
 *   he      W ~ N(0, 2 / fan_in), b = 0                             He et al. (2015), "Delving deep into
 *           rectifiers" (Kaiming normal)
 *   torch   W ~ U(-k, k), b ~ U(-k, k), k = 1 / sqrt(fan_in)        torch.nn.Linear's reset_parameters:
 *           kaiming_uniform_(a = sqrt(5)) gives the bound gain * sqrt(3 / fan_in) with gain = sqrt(2 / (1 + 5)),
 *           which is 1 / sqrt(fan_in); the bias bound is the same. (Same distribution, not torch's numbers.)
 */
import { createRng, type Rng } from '../random/rng';

export type Activation = 'tanh' | 'relu' | 'sigmoid' | 'linear';
export const activations: readonly Activation[] = ['tanh', 'relu', 'sigmoid', 'linear'];

/**
 * binary:     1 output, P(class 1) = sigmoid(z), loss binary cross-entropy; labels 0 or 1
 * multiclass: k outputs, P = softmax(z), loss cross-entropy; labels 0..k-1
 * regression: 1 output, prediction z, loss mean squared error
 */
export type Task = 'binary' | 'multiclass' | 'regression';
export const tasks: readonly Task[] = ['binary', 'multiclass', 'regression'];

export type InitScheme = 'xavier' | 'he' | 'torch';
export const initSchemes: readonly InitScheme[] = ['xavier', 'he', 'torch'];
/** Labels for menus and help text. */
export const initLabels: Readonly<Record<InitScheme, string>> = {
	xavier: 'Xavier (Glorot uniform), biases 0',
	he: 'He (Kaiming normal), biases 0',
	torch: 'PyTorch default (uniform ±1/√fan_in)'
};

export const MAX_WIDTH = 32;

export interface MlpSpec {
	/** Number of input features. */
	inputs: number;
	/** Width of each hidden layer, 1..32; empty for a linear / logistic model. */
	hidden: readonly number[];
	/** One activation for every hidden layer, or one per hidden layer. Default tanh. */
	activation?: Activation | readonly Activation[];
	task: Task;
	/** Number of classes, >= 2; multiclass only. */
	classes?: number;
	/**
	 * Regularization added to the mean data loss, over the weights W of every layer (never the biases):
	 *   loss = data loss + l1 * sum |W| + (l2 / 2) * sum W^2
	 * With the 1/2, l2 contributes l2 * W to the gradient: torch's weight_decay = l2 for plain SGD.
	 */
	l1?: number;
	l2?: number;
	/** Default xavier. */
	init?: InitScheme;
}

export interface MlpLayer {
	readonly inputs: number;
	readonly outputs: number;
	/** 'linear' for the output layer (its link lives in the loss). */
	readonly activation: Activation;
	/** Start of W in the flat vector; W has inputs * outputs entries. */
	readonly weightOffset: number;
	/** Start of b in the flat vector; b has outputs entries. */
	readonly biasOffset: number;
}

/** A checked spec with its layout. Plain data: structured-clone safe. */
export interface Mlp {
	readonly inputs: number;
	readonly outputs: number;
	readonly task: Task;
	readonly l1: number;
	readonly l2: number;
	readonly init: InitScheme;
	readonly layers: readonly MlpLayer[];
	/** Length of the flat parameter (and gradient) vector. */
	readonly paramCount: number;
}

/** Raised for an invalid network spec, data that does not fit it, or an unusable training setup. */
export class NnError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'NnError';
	}
}

function isPositiveInteger(n: unknown): n is number {
	return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

function checkStrength(name: string, v: number): number {
	if (!Number.isFinite(v) || v < 0) throw new NnError(`${name} must be a finite number >= 0, got ${v}`);
	return v;
}

/** Checks a spec and lays out its parameters. */
export function createMlp(spec: MlpSpec): Mlp {
	if (!isPositiveInteger(spec.inputs))
		throw new NnError(`inputs must be a whole number >= 1, got ${spec.inputs}`);
	if (!tasks.includes(spec.task))
		throw new NnError(`task must be one of ${tasks.join(', ')}, got "${spec.task}"`);
	for (const w of spec.hidden)
		if (!isPositiveInteger(w) || w > MAX_WIDTH)
			throw new NnError(`hidden layer widths must be whole numbers from 1 to ${MAX_WIDTH}, got ${w}`);
	const given = spec.activation ?? 'tanh';
	const acts: readonly Activation[] = typeof given === 'string' ? spec.hidden.map(() => given) : given;
	if (acts.length !== spec.hidden.length)
		throw new NnError(`${acts.length} activations given for ${spec.hidden.length} hidden layers`);
	for (const a of acts)
		if (!activations.includes(a))
			throw new NnError(`activation must be one of ${activations.join(', ')}, got "${a}"`);
	let outputs = 1;
	if (spec.task === 'multiclass') {
		if (!isPositiveInteger(spec.classes) || spec.classes < 2)
			throw new NnError(`multiclass needs classes >= 2, got ${spec.classes}`);
		outputs = spec.classes;
	} else if (spec.classes !== undefined && spec.classes !== (spec.task === 'binary' ? 2 : undefined)) {
		throw new NnError(`classes applies to multiclass, not ${spec.task}`);
	}
	const init = spec.init ?? 'xavier';
	if (!initSchemes.includes(init))
		throw new NnError(`init must be one of ${initSchemes.join(', ')}, got "${init}"`);

	const widths = [spec.inputs, ...spec.hidden, outputs];
	const layers: MlpLayer[] = [];
	let offset = 0;
	for (let l = 0; l + 1 < widths.length; l++) {
		const inputs = widths[l];
		const out = widths[l + 1];
		layers.push({
			inputs,
			outputs: out,
			activation: l < acts.length ? acts[l] : 'linear',
			weightOffset: offset,
			biasOffset: offset + inputs * out
		});
		offset += inputs * out + out;
	}
	return {
		inputs: spec.inputs,
		outputs,
		task: spec.task,
		l1: checkStrength('l1', spec.l1 ?? 0),
		l2: checkStrength('l2', spec.l2 ?? 0),
		init,
		layers,
		paramCount: offset
	};
}

/** Fills a fresh parameter vector from an existing stream (the trainer continues the stream to shuffle). */
export function initParamsFrom(mlp: Mlp, rng: Rng): Float64Array {
	const params = new Float64Array(mlp.paramCount);
	for (const layer of mlp.layers) {
		const { inputs, outputs, weightOffset, biasOffset } = layer;
		const count = inputs * outputs;
		if (mlp.init === 'xavier') {
			const a = Math.sqrt(6 / (inputs + outputs));
			for (let i = 0; i < count; i++) params[weightOffset + i] = rng.range(-a, a);
		} else if (mlp.init === 'torch') {
			const k = 1 / Math.sqrt(inputs);
			for (let i = 0; i < count; i++) params[weightOffset + i] = rng.range(-k, k);
			for (let j = 0; j < outputs; j++) params[biasOffset + j] = rng.range(-k, k);
		} else {
			const std = Math.sqrt(2 / inputs);
			for (let i = 0; i < count; i++) params[weightOffset + i] = std * rng.normal();
		}
	}
	return params;
}

/** Initial parameters: same mlp and seed, same numbers. */
export function initParams(mlp: Mlp, seed: number): Float64Array {
	return initParamsFrom(mlp, createRng(seed));
}

/**
 * Views (no copy) of one layer's weights and biases in a flat vector, e.g. to draw the network graph:
 * the edge from unit i of the layer below to unit j of this one has weight weights[i * outputs + j].
 */
export function layerWeights(
	mlp: Mlp,
	params: Float64Array,
	layer: number
): { weights: Float64Array; biases: Float64Array } {
	const l = mlp.layers[layer];
	if (l === undefined)
		throw new NnError(`layer ${layer} does not exist (the network has ${mlp.layers.length})`);
	if (params.length !== mlp.paramCount)
		throw new NnError(`expected ${mlp.paramCount} parameters, got ${params.length}`);
	return {
		weights: params.subarray(l.weightOffset, l.weightOffset + l.inputs * l.outputs),
		biases: params.subarray(l.biasOffset, l.biasOffset + l.outputs)
	};
}
