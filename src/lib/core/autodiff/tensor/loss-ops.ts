/**
 * Losses, each the mean over rows (torch's reduction='mean') as a [1, 1] tensor.
 *   softmax cross-entropy, logits z [m, k], integer labels c [m, 1] (torch.nn.functional.cross_entropy):
 *     L = (1/m) sum_i (lse(z_i) - z_i,c_i),  lse(z) = max(z) + ln sum_j e^(z_j - max(z))  (no overflow)
 *     dz_ij += dL (softmax(z_i)_j - [j = c_i]) / m
 *   binary cross-entropy with logits, z and targets y in [0, 1] of one shape, N elements
 *   (torch.nn.functional.binary_cross_entropy_with_logits):
 *     L = (1/N) sum (max(z, 0) - z y + ln(1 + e^-|z|)),  dz += dL (sigmoid(z) - y) / N
 *   mean squared error (torch.nn.functional.mse_loss): L = (1/N) sum (p - t)^2, dp += dL 2 (p - t) / N
 *   (and dt -= the same when the target carries a gradient).
 * Labels and binary targets are data: they may not carry a gradient.
 */
import { sigmoid } from './activation-ops';
import { outputFor, sameShape, type TapeNode } from './node';
import { Tensor, TensorError } from './tensor';

function checkTarget(op: string, t: Tensor): void {
	if (t.grad !== null) throw new TensorError(`${op}: the targets are data and cannot carry a gradient`);
}

export class SoftmaxCrossEntropyNode implements TapeNode {
	readonly out: Tensor;
	/** Softmax of each row, kept from the forward pass for the backward rule. */
	private readonly probs: Float64Array;

	constructor(
		readonly logits: Tensor,
		readonly labels: Tensor
	) {
		if (labels.rows !== logits.rows || labels.cols !== 1)
			throw new TensorError(
				`softmaxCrossEntropy: labels must be [${logits.rows}, 1], got [${labels.rows}, ${labels.cols}]`
			);
		checkTarget('softmaxCrossEntropy', labels);
		this.out = outputFor(1, 1, logits);
		this.probs = new Float64Array(logits.size);
	}

	forward(): void {
		const Z = this.logits.data;
		const C = this.labels.data;
		const P = this.probs;
		const m = this.logits.rows;
		const k = this.logits.cols;
		let total = 0;
		for (let i = 0; i < m; i++) {
			const c = C[i];
			if (!(c >= 0 && c < k && Number.isInteger(c)))
				throw new TensorError(`softmaxCrossEntropy: label ${c} in row ${i} is not a class in 0..${k - 1}`);
			const zi = i * k;
			let max = -Infinity;
			for (let j = 0; j < k; j++) if (Z[zi + j] > max) max = Z[zi + j];
			// All logits -Infinity (or NaN) leaves nothing finite to normalise: let the NaN show.
			if (max === -Infinity) max = 0;
			let s = 0;
			for (let j = 0; j < k; j++) {
				const e = Math.exp(Z[zi + j] - max);
				P[zi + j] = e;
				s += e;
			}
			for (let j = 0; j < k; j++) P[zi + j] /= s;
			total += max + Math.log(s) - Z[zi + c];
		}
		this.out.data[0] = total / m;
	}

	backward(): void {
		const dZ = this.logits.grad;
		if (dZ === null) return;
		const C = this.labels.data;
		const P = this.probs;
		const m = this.logits.rows;
		const k = this.logits.cols;
		const g = this.out.grad![0] / m;
		for (let i = 0; i < m; i++) {
			const zi = i * k;
			for (let j = 0; j < k; j++) dZ[zi + j] += g * P[zi + j];
			dZ[zi + C[i]] -= g;
		}
	}
}

export class BceWithLogitsNode implements TapeNode {
	readonly out: Tensor;
	constructor(
		readonly logits: Tensor,
		readonly targets: Tensor
	) {
		sameShape('bceWithLogits', logits, targets);
		checkTarget('bceWithLogits', targets);
		this.out = outputFor(1, 1, logits);
	}

	forward(): void {
		const Z = this.logits.data;
		const Y = this.targets.data;
		let total = 0;
		for (let i = 0; i < Z.length; i++) {
			const z = Z[i];
			total += (z > 0 ? z : 0) - z * Y[i] + Math.log1p(Math.exp(-Math.abs(z)));
		}
		this.out.data[0] = total / Z.length;
	}

	backward(): void {
		const dZ = this.logits.grad;
		if (dZ === null) return;
		const Z = this.logits.data;
		const Y = this.targets.data;
		const g = this.out.grad![0] / Z.length;
		for (let i = 0; i < Z.length; i++) dZ[i] += g * (sigmoid(Z[i]) - Y[i]);
	}
}

export class MseNode implements TapeNode {
	readonly out: Tensor;
	constructor(
		readonly pred: Tensor,
		readonly target: Tensor
	) {
		sameShape('mse', pred, target);
		this.out = outputFor(1, 1, pred, target);
	}

	forward(): void {
		const P = this.pred.data;
		const T = this.target.data;
		let total = 0;
		for (let i = 0; i < P.length; i++) {
			const d = P[i] - T[i];
			total += d * d;
		}
		this.out.data[0] = total / P.length;
	}

	backward(): void {
		const P = this.pred.data;
		const T = this.target.data;
		const g = (2 * this.out.grad![0]) / P.length;
		const dP = this.pred.grad;
		const dT = this.target.grad;
		if (dP !== null) for (let i = 0; i < P.length; i++) dP[i] += g * (P[i] - T[i]);
		if (dT !== null) for (let i = 0; i < P.length; i++) dT[i] -= g * (P[i] - T[i]);
	}
}
