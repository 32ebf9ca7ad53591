/**
 * Elementwise nonlinearities on the tape; each backward rule reuses the stored output where it can:
 *   tanh:    y = tanh x,          dx += dy (1 - y^2)
 *   relu:    y = max(x, 0),       dx += dy [x > 0]   (0 at x = 0, as torch)
 *   sigmoid: y = 1 / (1 + e^-x),  dx += dy y (1 - y)  (evaluated without overflow for either sign)
 *   exp:     y = e^x,             dx += dy y
 *   log:     y = ln x,            dx += dy / x
 */
import { outputFor, type TapeNode } from './node';
import type { Tensor } from './tensor';

abstract class ElementwiseNode implements TapeNode {
	readonly out: Tensor;
	constructor(readonly a: Tensor) {
		this.out = outputFor(a.rows, a.cols, a);
	}
	abstract forward(): void;
	abstract backward(): void;
}

export class TanhNode extends ElementwiseNode {
	forward(): void {
		const X = this.a.data;
		const Y = this.out.data;
		for (let i = 0; i < Y.length; i++) Y[i] = Math.tanh(X[i]);
	}

	backward(): void {
		const dX = this.a.grad;
		if (dX === null) return;
		const G = this.out.grad!;
		const Y = this.out.data;
		for (let i = 0; i < G.length; i++) dX[i] += G[i] * (1 - Y[i] * Y[i]);
	}
}

export class ReluNode extends ElementwiseNode {
	forward(): void {
		const X = this.a.data;
		const Y = this.out.data;
		for (let i = 0; i < Y.length; i++) Y[i] = X[i] > 0 ? X[i] : 0;
	}

	backward(): void {
		const dX = this.a.grad;
		if (dX === null) return;
		const G = this.out.grad!;
		const X = this.a.data;
		for (let i = 0; i < G.length; i++) if (X[i] > 0) dX[i] += G[i];
	}
}

/** The logistic function, written so that neither branch exponentiates a large positive number. */
export function sigmoid(x: number): number {
	if (x >= 0) return 1 / (1 + Math.exp(-x));
	const e = Math.exp(x);
	return e / (1 + e);
}

export class SigmoidNode extends ElementwiseNode {
	forward(): void {
		const X = this.a.data;
		const Y = this.out.data;
		for (let i = 0; i < Y.length; i++) Y[i] = sigmoid(X[i]);
	}

	backward(): void {
		const dX = this.a.grad;
		if (dX === null) return;
		const G = this.out.grad!;
		const Y = this.out.data;
		for (let i = 0; i < G.length; i++) dX[i] += G[i] * Y[i] * (1 - Y[i]);
	}
}

export class ExpNode extends ElementwiseNode {
	forward(): void {
		const X = this.a.data;
		const Y = this.out.data;
		for (let i = 0; i < Y.length; i++) Y[i] = Math.exp(X[i]);
	}

	backward(): void {
		const dX = this.a.grad;
		if (dX === null) return;
		const G = this.out.grad!;
		const Y = this.out.data;
		for (let i = 0; i < G.length; i++) dX[i] += G[i] * Y[i];
	}
}

export class LogNode extends ElementwiseNode {
	forward(): void {
		const X = this.a.data;
		const Y = this.out.data;
		for (let i = 0; i < Y.length; i++) Y[i] = Math.log(X[i]);
	}

	backward(): void {
		const dX = this.a.grad;
		if (dX === null) return;
		const G = this.out.grad!;
		const X = this.a.data;
		for (let i = 0; i < G.length; i++) dX[i] += G[i] / X[i];
	}
}
