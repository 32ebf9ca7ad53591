import type { KnownMinimum, Objective2D, ViewBox } from '../objective';

/**
 * A built-in test function: the objective with its analytic gradient and Hessian,
 * plus what the page needs to present it.
 */
export interface TestFunction extends Objective2D {
	/** Stable id used by the CLI and the URL, e.g. 'rosenbrock'. */
	readonly id: string;
	/** Human name, e.g. 'Rosenbrock'. */
	readonly name: string;
	/** The formula as plain text in mathjs syntax, e.g. '(1 - x)^2 + 100 (y - x^2)^2'. */
	readonly formula: string;
	/** One line for a tooltip or a menu. */
	readonly description: string;
	/** The box shown when the function is first opened. */
	readonly view: ViewBox;
	/** Known minima (every global one; local ones where they teach something). Empty if unbounded below. */
	readonly minima: readonly KnownMinimum[];
	/** The global minimum value f*, or undefined when the function is unbounded below. */
	readonly fMin: number | undefined;
}
