/**
 * Reverse-mode automatic differentiation over whole tensors (Wengert list / "tape"): each operation
 * computes its value when recorded and appends one node; backward() walks the nodes in reverse, adding
 * each node's vector-Jacobian product into its inputs' gradients. A recorded tape is also a static graph:
 * rebind the input tensors' data (Tensor.bind) and call forward() to recompute every node in place, so a
 * training loop over batches of one shape allocates nothing per step.
 * Reference: Griewank & Walther (2008), "Evaluating Derivatives", ch. 3 (reverse mode).
 */
import { ExpNode, LogNode, ReluNode, SigmoidNode, TanhNode } from './activation-ops';
import { AddBiasNode, AddNode, MatmulNode, MulNode, ScaleNode } from './linear-ops';
import { BceWithLogitsNode, MseNode, SoftmaxCrossEntropyNode } from './loss-ops';
import type { TapeNode } from './node';
import { L1PenaltyNode, L2PenaltyNode, MeanNode, SumNode } from './reduction-ops';
import { Tensor, TensorError } from './tensor';

export class Tape {
	private readonly nodes: TapeNode[] = [];
	/** Position of each recorded output in `nodes`, to replay up to a given tensor. */
	private readonly position = new Map<Tensor, number>();

	/** Number of recorded operations. */
	get length(): number {
		return this.nodes.length;
	}

	/** A tensor with no gradient: inputs, targets, labels. */
	constant(rows: number, cols: number, data?: Float64Array): Tensor {
		return new Tensor(rows, cols, data, false);
	}

	/** A leaf with a gradient buffer (a parameter); backward() accumulates into it, never clears it. */
	variable(rows: number, cols: number, data?: Float64Array): Tensor {
		return new Tensor(rows, cols, data, true);
	}

	private record(node: TapeNode): Tensor {
		node.forward();
		this.position.set(node.out, this.nodes.length);
		this.nodes.push(node);
		return node.out;
	}

	/** [m, k] x [k, n] -> [m, n]. */
	matmul(a: Tensor, b: Tensor): Tensor {
		return this.record(new MatmulNode(a, b));
	}

	/** Elementwise a + b (same shape). */
	add(a: Tensor, b: Tensor): Tensor {
		return this.record(new AddNode(a, b));
	}

	/** a [m, n] plus the row b [1, n] on every row. */
	addBias(a: Tensor, b: Tensor): Tensor {
		return this.record(new AddBiasNode(a, b));
	}

	/** Elementwise a * b (same shape). */
	mul(a: Tensor, b: Tensor): Tensor {
		return this.record(new MulNode(a, b));
	}

	/** c * a for a fixed number c. */
	scale(a: Tensor, c: number): Tensor {
		return this.record(new ScaleNode(a, c));
	}

	tanh(a: Tensor): Tensor {
		return this.record(new TanhNode(a));
	}

	relu(a: Tensor): Tensor {
		return this.record(new ReluNode(a));
	}

	sigmoid(a: Tensor): Tensor {
		return this.record(new SigmoidNode(a));
	}

	exp(a: Tensor): Tensor {
		return this.record(new ExpNode(a));
	}

	log(a: Tensor): Tensor {
		return this.record(new LogNode(a));
	}

	/** Sum of all elements, [1, 1]. */
	sum(a: Tensor): Tensor {
		return this.record(new SumNode(a));
	}

	/** Mean of all elements, [1, 1]. */
	mean(a: Tensor): Tensor {
		return this.record(new MeanNode(a));
	}

	/** lambda * sum |a|, [1, 1]. */
	l1Penalty(a: Tensor, lambda: number): Tensor {
		return this.record(new L1PenaltyNode(a, lambda));
	}

	/** (lambda / 2) * sum a^2, [1, 1]. */
	l2Penalty(a: Tensor, lambda: number): Tensor {
		return this.record(new L2PenaltyNode(a, lambda));
	}

	/** Mean cross-entropy of softmax(logits) against integer labels [m, 1], [1, 1]. */
	softmaxCrossEntropy(logits: Tensor, labels: Tensor): Tensor {
		return this.record(new SoftmaxCrossEntropyNode(logits, labels));
	}

	/** Mean binary cross-entropy of sigmoid(logits) against targets in [0, 1], [1, 1]. */
	bceWithLogits(logits: Tensor, targets: Tensor): Tensor {
		return this.record(new BceWithLogitsNode(logits, targets));
	}

	/** Mean squared error, [1, 1]. */
	mse(pred: Tensor, target: Tensor): Tensor {
		return this.record(new MseNode(pred, target));
	}

	private indexOf(t: Tensor, what: string): number {
		const i = this.position.get(t);
		if (i === undefined) throw new TensorError(`${what}: the tensor was not produced by this tape`);
		return i;
	}

	/**
	 * Recomputes every node in recorded order from the current data of its inputs, or only the nodes up
	 * to and including the one that produced `until` (e.g. the logits, skipping the loss).
	 */
	forward(until?: Tensor): void {
		const end = until === undefined ? this.nodes.length : this.indexOf(until, 'forward') + 1;
		const nodes = this.nodes;
		for (let i = 0; i < end; i++) nodes[i].forward();
	}

	/**
	 * Adds d(loss)/d(leaf) into every variable's .grad (clear them first for a fresh gradient), using the
	 * values of the last forward pass. Intermediate gradients are cleared here; `loss` must be [1, 1].
	 */
	backward(loss: Tensor): void {
		if (loss.size !== 1)
			throw new TensorError(`backward: loss must be [1, 1], got [${loss.rows}, ${loss.cols}]`);
		const last = this.indexOf(loss, 'backward');
		if (loss.grad === null) return;
		const nodes = this.nodes;
		for (let i = 0; i <= last; i++) {
			const g = nodes[i].out.grad;
			if (g !== null) g.fill(0);
		}
		loss.grad[0] = 1;
		for (let i = last; i >= 0; i--) {
			const node = nodes[i];
			if (node.out.grad !== null) node.backward();
		}
	}
}
