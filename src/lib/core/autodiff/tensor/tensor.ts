/**
 * A two-dimensional Float64Array-backed tensor for the tape: shape [rows, cols], row-major data, and a
 * gradient buffer of the same size when something needs d(loss)/d(this tensor).
 */

/** Raised for shape mismatches and bad arguments to tape operations; the message names the operation. */
export class TensorError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TensorError';
	}
}

export class Tensor {
	readonly rows: number;
	readonly cols: number;
	/** rows * cols. */
	readonly size: number;
	/**
	 * Row-major values. Replaceable (same length) so a recorded tape can be re-run on new inputs or on a
	 * view into a flat parameter vector without copying: operations read it afresh on every replay.
	 */
	data: Float64Array;
	/** d(loss)/d(data), or null when no gradient flows here (inputs, targets, constants). */
	grad: Float64Array | null;

	constructor(rows: number, cols: number, data?: Float64Array, withGrad = false) {
		if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1)
			throw new TensorError(`tensor shape must be positive integers, got [${rows}, ${cols}]`);
		this.rows = rows;
		this.cols = cols;
		this.size = rows * cols;
		if (data !== undefined && data.length !== this.size)
			throw new TensorError(`[${rows}, ${cols}] tensor needs ${this.size} values, got ${data.length}`);
		this.data = data ?? new Float64Array(this.size);
		this.grad = withGrad ? new Float64Array(this.size) : null;
	}

	/** Points the tensor at other storage of the same size (grad only for tensors that have one). */
	bind(data: Float64Array, grad?: Float64Array): void {
		if (data.length !== this.size)
			throw new TensorError(`cannot bind ${data.length} values to a [${this.rows}, ${this.cols}] tensor`);
		this.data = data;
		if (grad !== undefined) {
			if (this.grad === null) throw new TensorError('cannot bind a gradient to a tensor without one');
			if (grad.length !== this.size)
				throw new TensorError(`cannot bind a gradient of ${grad.length} values to ${this.size}`);
			this.grad = grad;
		}
	}
}
