/**
 * What the tape records for each operation: the output tensor, a forward rule that (re)computes it from
 * the inputs' current data, and a backward rule that adds this operation's share of the gradient into
 * the inputs' .grad (accumulating, so a tensor used twice receives both contributions).
 */
import { Tensor, TensorError } from './tensor';

export interface TapeNode {
	readonly out: Tensor;
	forward(): void;
	/** Called with out.grad holding d(loss)/d(out); only when out.grad is not null. */
	backward(): void;
}

/** The output of an operation: it needs a gradient exactly when one of its inputs has one. */
export function outputFor(rows: number, cols: number, ...inputs: Tensor[]): Tensor {
	return new Tensor(
		rows,
		cols,
		undefined,
		inputs.some((t) => t.grad !== null)
	);
}

export function sameShape(op: string, a: Tensor, b: Tensor): void {
	if (a.rows !== b.rows || a.cols !== b.cols)
		throw new TensorError(`${op}: shapes [${a.rows}, ${a.cols}] and [${b.rows}, ${b.cols}] differ`);
}
