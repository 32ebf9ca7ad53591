/**
 * Small dense linear solves for second-order steps. A system whose matrix is exactly singular
 * (zero determinant for 2 x 2, a zero pivot otherwise) is reported rather than solved into infinities.
 */

/**
 * Solves A x = b for row-major 2 x 2 A, writing x into out. Returns false when det(A) is exactly 0.
 * Cramer's rule: exact enough for the well-scaled 2 x 2 Hessians of the test functions.
 */
export function solve2x2(a: Float64Array, b: Float64Array, out: Float64Array): boolean {
	const det = a[0] * a[3] - a[1] * a[2];
	if (det === 0) return false;
	const x0 = (a[3] * b[0] - a[1] * b[1]) / det;
	const x1 = (a[0] * b[1] - a[2] * b[0]) / det;
	out[0] = x0;
	out[1] = x1;
	return true;
}

/**
 * Solves A x = b for row-major n x n A by Gaussian elimination with partial pivoting.
 * A and b are overwritten (scratch); x is written into out. Returns false on an exactly zero pivot.
 */
export function solveInPlace(n: number, a: Float64Array, b: Float64Array, out: Float64Array): boolean {
	for (let col = 0; col < n; col++) {
		let pivot = col;
		let best = Math.abs(a[col * n + col]);
		for (let r = col + 1; r < n; r++) {
			const v = Math.abs(a[r * n + col]);
			if (v > best) {
				best = v;
				pivot = r;
			}
		}
		if (best === 0) return false;
		if (pivot !== col) {
			for (let c = 0; c < n; c++) {
				const tmp = a[col * n + c];
				a[col * n + c] = a[pivot * n + c];
				a[pivot * n + c] = tmp;
			}
			const tb = b[col];
			b[col] = b[pivot];
			b[pivot] = tb;
		}
		const d = a[col * n + col];
		for (let r = col + 1; r < n; r++) {
			const factor = a[r * n + col] / d;
			if (factor === 0) continue;
			for (let c = col; c < n; c++) a[r * n + c] -= factor * a[col * n + c];
			b[r] -= factor * b[col];
		}
	}
	for (let r = n - 1; r >= 0; r--) {
		let s = b[r];
		for (let c = r + 1; c < n; c++) s -= a[r * n + c] * out[c];
		out[r] = s / a[r * n + r];
	}
	return true;
}
