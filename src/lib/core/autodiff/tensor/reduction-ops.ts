/**
 * Reductions to a [1, 1] tensor: sum, mean, and the weight penalties used for regularization.
 *   sum:  s = sum_i x_i,               dx_i += ds
 *   mean: s = (1/N) sum_i x_i,         dx_i += ds / N
 *   L1:   s = lambda sum_i |x_i|,      dx_i += ds lambda sign(x_i)   (sign(0) = 0, as torch's abs)
 *   L2:   s = (lambda/2) sum_i x_i^2,  dx_i += ds lambda x_i         (so its gradient is torch's weight_decay)
 */
import { outputFor, type TapeNode } from './node';
import { Tensor, TensorError } from './tensor';

abstract class ReductionNode implements TapeNode {
	readonly out: Tensor;
	constructor(readonly a: Tensor) {
		this.out = outputFor(1, 1, a);
	}
	abstract forward(): void;
	abstract backward(): void;
}

export class SumNode extends ReductionNode {
	forward(): void {
		const X = this.a.data;
		let s = 0;
		for (let i = 0; i < X.length; i++) s += X[i];
		this.out.data[0] = s;
	}

	backward(): void {
		const dX = this.a.grad;
		if (dX === null) return;
		const g = this.out.grad![0];
		for (let i = 0; i < dX.length; i++) dX[i] += g;
	}
}

export class MeanNode extends ReductionNode {
	forward(): void {
		const X = this.a.data;
		let s = 0;
		for (let i = 0; i < X.length; i++) s += X[i];
		this.out.data[0] = s / X.length;
	}

	backward(): void {
		const dX = this.a.grad;
		if (dX === null) return;
		const g = this.out.grad![0] / dX.length;
		for (let i = 0; i < dX.length; i++) dX[i] += g;
	}
}

function checkStrength(op: string, lambda: number): void {
	if (!Number.isFinite(lambda) || lambda < 0)
		throw new TensorError(`${op}: strength must be finite and >= 0, got ${lambda}`);
}

export class L1PenaltyNode extends ReductionNode {
	constructor(
		a: Tensor,
		readonly lambda: number
	) {
		super(a);
		checkStrength('l1Penalty', lambda);
	}

	forward(): void {
		const X = this.a.data;
		let s = 0;
		for (let i = 0; i < X.length; i++) s += Math.abs(X[i]);
		this.out.data[0] = this.lambda * s;
	}

	backward(): void {
		const dX = this.a.grad;
		if (dX === null) return;
		const X = this.a.data;
		const g = this.out.grad![0] * this.lambda;
		for (let i = 0; i < dX.length; i++) {
			const x = X[i];
			if (x > 0) dX[i] += g;
			else if (x < 0) dX[i] -= g;
		}
	}
}

export class L2PenaltyNode extends ReductionNode {
	constructor(
		a: Tensor,
		readonly lambda: number
	) {
		super(a);
		checkStrength('l2Penalty', lambda);
	}

	forward(): void {
		const X = this.a.data;
		let s = 0;
		for (let i = 0; i < X.length; i++) s += X[i] * X[i];
		this.out.data[0] = 0.5 * this.lambda * s;
	}

	backward(): void {
		const dX = this.a.grad;
		if (dX === null) return;
		const X = this.a.data;
		const g = this.out.grad![0] * this.lambda;
		for (let i = 0; i < dX.length; i++) dX[i] += g * X[i];
	}
}
