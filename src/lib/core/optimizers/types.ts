/**
 * The shape every optimizer shares: hyperparameters declared as data (which drive sliders, CLI flags and
 * URL state), and a pure-ish `init`/`step` pair over Float64Array parameters of any length, so the same
 * optimizers train 2D test functions, regression models and neural networks.
 */

/** One hyperparameter value: a number, a flag, or a pair such as Adam's betas. */
export type HyperValue = number | boolean | readonly [number, number];
export type HyperValues = Readonly<Record<string, HyperValue>>;

interface HyperBase {
	/** PyTorch's name for it (torch.optim keyword argument), e.g. 'lr', 'betas', 'weight_decay'. */
	readonly key: string;
	/** Short label for a control, e.g. 'learning rate'. */
	readonly label: string;
	/** One sentence on what it does. */
	readonly help: string;
}

/** The values that are accepted at all (PyTorch's own checks), as opposed to the slider range. */
export interface Domain {
	readonly lower: number;
	readonly upper: number;
	/** True when `upper` itself is excluded, as for betas in [0, 1). */
	readonly upperOpen?: boolean;
}

export interface NumberHyper extends HyperBase {
	readonly kind: 'number';
	readonly default: number;
	/** Slider range; numeric entry may go beyond it, within `domain`. */
	readonly min: number;
	readonly max: number;
	/** Slider moves on a logarithmic scale. */
	readonly log: boolean;
	readonly integer?: boolean;
	readonly domain: Domain;
}

export interface BooleanHyper extends HyperBase {
	readonly kind: 'boolean';
	readonly default: boolean;
}

export interface PairHyper extends HyperBase {
	readonly kind: 'pair';
	readonly default: readonly [number, number];
	/** Labels of the two components, e.g. ['beta1', 'beta2']. */
	readonly labels: readonly [string, string];
	readonly min: number;
	readonly max: number;
	readonly log: false;
	readonly domain: Domain;
}

export type HyperSpec = NumberHyper | BooleanHyper | PairHyper;

/** What a step may need besides the gradient (Newton asks for the Hessian). */
export interface StepContext {
	/** Writes the Hessian at p into out, row-major n x n. */
	hessian(p: Float64Array, out: Float64Array): void;
}

/** 'singular': the step could not be taken (Newton with a singular Hessian); the run ends there. */
export type StepStatus = 'ok' | 'singular';

export interface Optimizer<H extends HyperValues = HyperValues, S = unknown> {
	/** Stable id used by the CLI and the URL, e.g. 'adam'. */
	readonly id: string;
	/** Display name, e.g. 'Adam'. */
	readonly label: string;
	/** The torch.optim class it mirrors, or a note when there is none. */
	readonly torch: string;
	/** Paper or book the rule comes from. */
	readonly reference: string;
	/** The update rule in plain text, one step per line. */
	readonly rule: string;
	/** 'hessian' optimizers can only run on objectives that provide one. */
	readonly needs: 'grad' | 'hessian';
	readonly hyper: readonly HyperSpec[];
	/** Checks across hyperparameters (single values are checked against their domains already). */
	validate?(h: H): string | null;
	/** Fresh state for n parameters. */
	init(n: number, h: H): S;
	/**
	 * One update of p in place from the gradient g at p. g is scratch: the step may overwrite it.
	 * State is updated in place.
	 */
	step(p: Float64Array, g: Float64Array, state: S, h: H, ctx: StepContext): StepStatus;
}

/** An optimizer with its types erased, as stored in the registry. */
export type AnyOptimizer = Optimizer<HyperValues, unknown>;

/** Erases an optimizer's own hyper and state types for the registry. */
export function defineOptimizer<H extends HyperValues, S>(o: Optimizer<H, S>): AnyOptimizer {
	return o as unknown as AnyOptimizer;
}
