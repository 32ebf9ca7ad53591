/**
 * Linear operations on the tape: matrix product, sums, row-broadcast bias, elementwise product, scaling.
 *   C = A B:         dA += dC B^T,  dB += A^T dC
 *   C = A + b (row): dA += dC,      db_j += sum_i dC_ij
 *   C = A * B (elementwise): dA += dC * B, dB += dC * A
 */
import { outputFor, sameShape, type TapeNode } from './node';
import { Tensor, TensorError } from './tensor';

export class MatmulNode implements TapeNode {
	readonly out: Tensor;
	constructor(
		readonly a: Tensor,
		readonly b: Tensor
	) {
		if (a.cols !== b.rows)
			throw new TensorError(`matmul: [${a.rows}, ${a.cols}] times [${b.rows}, ${b.cols}] do not chain`);
		this.out = outputFor(a.rows, b.cols, a, b);
	}

	// All three products work on four outputs at a time: four independent sums hide the latency of
	// floating-point addition, which a single running sum waits on at every term (about twice as fast
	// for the 16-wide layers here). Leftover outputs take the plain loop.

	forward(): void {
		const A = this.a.data;
		const B = this.b.data;
		const C = this.out.data;
		const m = this.a.rows;
		const inner = this.a.cols;
		const n = this.b.cols;
		for (let i = 0; i < m; i++) {
			const ai = i * inner;
			const ci = i * n;
			let j = 0;
			for (; j + 4 <= n; j += 4) {
				let s0 = 0;
				let s1 = 0;
				let s2 = 0;
				let s3 = 0;
				for (let k = 0, bk = j; k < inner; k++, bk += n) {
					const a = A[ai + k];
					s0 += a * B[bk];
					s1 += a * B[bk + 1];
					s2 += a * B[bk + 2];
					s3 += a * B[bk + 3];
				}
				C[ci + j] = s0;
				C[ci + j + 1] = s1;
				C[ci + j + 2] = s2;
				C[ci + j + 3] = s3;
			}
			for (; j < n; j++) {
				let s = 0;
				for (let k = 0, bk = j; k < inner; k++, bk += n) s += A[ai + k] * B[bk];
				C[ci + j] = s;
			}
		}
	}

	backward(): void {
		const G = this.out.grad!;
		const A = this.a.data;
		const B = this.b.data;
		const m = this.a.rows;
		const inner = this.a.cols;
		const n = this.b.cols;
		const dA = this.a.grad;
		if (dA !== null) {
			// dA[i, k] += sum_j G[i, j] B[k, j]
			for (let i = 0; i < m; i++) {
				const gi = i * n;
				const ai = i * inner;
				let k = 0;
				for (; k + 4 <= inner; k += 4) {
					const b0 = k * n;
					const b1 = b0 + n;
					const b2 = b1 + n;
					const b3 = b2 + n;
					let s0 = 0;
					let s1 = 0;
					let s2 = 0;
					let s3 = 0;
					for (let j = 0; j < n; j++) {
						const g = G[gi + j];
						s0 += g * B[b0 + j];
						s1 += g * B[b1 + j];
						s2 += g * B[b2 + j];
						s3 += g * B[b3 + j];
					}
					dA[ai + k] += s0;
					dA[ai + k + 1] += s1;
					dA[ai + k + 2] += s2;
					dA[ai + k + 3] += s3;
				}
				for (; k < inner; k++) {
					const bk = k * n;
					let s = 0;
					for (let j = 0; j < n; j++) s += G[gi + j] * B[bk + j];
					dA[ai + k] += s;
				}
			}
		}
		const dB = this.b.grad;
		if (dB !== null) {
			// dB[k, j] += sum_i A[i, k] G[i, j]
			for (let k = 0; k < inner; k++) {
				const bk = k * n;
				let j = 0;
				for (; j + 4 <= n; j += 4) {
					let s0 = 0;
					let s1 = 0;
					let s2 = 0;
					let s3 = 0;
					for (let i = 0, ai = k, gi = j; i < m; i++, ai += inner, gi += n) {
						const a = A[ai];
						s0 += a * G[gi];
						s1 += a * G[gi + 1];
						s2 += a * G[gi + 2];
						s3 += a * G[gi + 3];
					}
					dB[bk + j] += s0;
					dB[bk + j + 1] += s1;
					dB[bk + j + 2] += s2;
					dB[bk + j + 3] += s3;
				}
				for (; j < n; j++) {
					let s = 0;
					for (let i = 0, ai = k, gi = j; i < m; i++, ai += inner, gi += n) s += A[ai] * G[gi];
					dB[bk + j] += s;
				}
			}
		}
	}
}

export class AddNode implements TapeNode {
	readonly out: Tensor;
	constructor(
		readonly a: Tensor,
		readonly b: Tensor
	) {
		sameShape('add', a, b);
		this.out = outputFor(a.rows, a.cols, a, b);
	}

	forward(): void {
		const A = this.a.data;
		const B = this.b.data;
		const C = this.out.data;
		for (let i = 0; i < C.length; i++) C[i] = A[i] + B[i];
	}

	backward(): void {
		const G = this.out.grad!;
		const dA = this.a.grad;
		const dB = this.b.grad;
		if (dA !== null) for (let i = 0; i < G.length; i++) dA[i] += G[i];
		if (dB !== null) for (let i = 0; i < G.length; i++) dB[i] += G[i];
	}
}

/** A [rows, cols] plus a bias row b [1, cols] added to every row. */
export class AddBiasNode implements TapeNode {
	readonly out: Tensor;
	constructor(
		readonly a: Tensor,
		readonly b: Tensor
	) {
		if (b.rows !== 1 || b.cols !== a.cols)
			throw new TensorError(`addBias: bias must be [1, ${a.cols}], got [${b.rows}, ${b.cols}]`);
		this.out = outputFor(a.rows, a.cols, a, b);
	}

	forward(): void {
		const A = this.a.data;
		const B = this.b.data;
		const C = this.out.data;
		const n = this.a.cols;
		const m = this.a.rows;
		for (let i = 0; i < m; i++) {
			const ci = i * n;
			for (let j = 0; j < n; j++) C[ci + j] = A[ci + j] + B[j];
		}
	}

	backward(): void {
		const G = this.out.grad!;
		const n = this.a.cols;
		const m = this.a.rows;
		const dA = this.a.grad;
		const dB = this.b.grad;
		if (dA !== null) for (let i = 0; i < G.length; i++) dA[i] += G[i];
		if (dB !== null) {
			for (let i = 0; i < m; i++) {
				const gi = i * n;
				for (let j = 0; j < n; j++) dB[j] += G[gi + j];
			}
		}
	}
}

export class MulNode implements TapeNode {
	readonly out: Tensor;
	constructor(
		readonly a: Tensor,
		readonly b: Tensor
	) {
		sameShape('mul', a, b);
		this.out = outputFor(a.rows, a.cols, a, b);
	}

	forward(): void {
		const A = this.a.data;
		const B = this.b.data;
		const C = this.out.data;
		for (let i = 0; i < C.length; i++) C[i] = A[i] * B[i];
	}

	backward(): void {
		const G = this.out.grad!;
		const A = this.a.data;
		const B = this.b.data;
		const dA = this.a.grad;
		const dB = this.b.grad;
		if (dA !== null) for (let i = 0; i < G.length; i++) dA[i] += G[i] * B[i];
		if (dB !== null) for (let i = 0; i < G.length; i++) dB[i] += G[i] * A[i];
	}
}

/** c * A for a constant number c. */
export class ScaleNode implements TapeNode {
	readonly out: Tensor;
	constructor(
		readonly a: Tensor,
		readonly c: number
	) {
		if (!Number.isFinite(c)) throw new TensorError(`scale: factor must be finite, got ${c}`);
		this.out = outputFor(a.rows, a.cols, a);
	}

	forward(): void {
		const A = this.a.data;
		const C = this.out.data;
		const c = this.c;
		for (let i = 0; i < C.length; i++) C[i] = c * A[i];
	}

	backward(): void {
		const G = this.out.grad!;
		const dA = this.a.grad;
		const c = this.c;
		if (dA !== null) for (let i = 0; i < G.length; i++) dA[i] += c * G[i];
	}
}
