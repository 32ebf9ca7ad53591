/**
 * Linear least squares min ||A x - b|| by Householder QR (Golub & Van Loan, Matrix Computations, 5.3). Unlike
 * the normal equation, whose error grows with cond(A)^2, QR's grows with cond(A): it matters for the
 * polynomial features of the regression panel, whose columns x, x^2, ..., x^15 are nearly dependent.
 */

/**
 * Solves min ||A x - b||_2 for row-major m x p A (m >= p). A and b are overwritten. Returns null when A is
 * rank deficient to working precision (a diagonal entry of R below `rankTol` times the largest).
 */
export function leastSquaresQR(
	a: Float64Array,
	b: Float64Array,
	m: number,
	p: number,
	rankTol = 1e-13
): Float64Array | null {
	if (m < p) return null;
	const diag = new Float64Array(p);
	for (let k = 0; k < p; k++) {
		// Householder vector for column k below the diagonal, kept in place.
		let norm = 0;
		for (let i = k; i < m; i++) norm = Math.hypot(norm, a[i * p + k]);
		if (norm === 0) {
			diag[k] = 0;
			continue;
		}
		const akk = a[k * p + k];
		const alpha = akk > 0 ? -norm : norm;
		a[k * p + k] = akk - alpha;
		// v = column k from row k; v'v = 2 norm (norm - |akk|) ... computed directly for robustness.
		let vv = 0;
		for (let i = k; i < m; i++) vv += a[i * p + k] * a[i * p + k];
		diag[k] = alpha;
		if (vv === 0) continue;
		for (let j = k + 1; j < p; j++) {
			let s = 0;
			for (let i = k; i < m; i++) s += a[i * p + k] * a[i * p + j];
			const f = (2 * s) / vv;
			for (let i = k; i < m; i++) a[i * p + j] -= f * a[i * p + k];
		}
		let s = 0;
		for (let i = k; i < m; i++) s += a[i * p + k] * b[i];
		const f = (2 * s) / vv;
		for (let i = k; i < m; i++) b[i] -= f * a[i * p + k];
	}
	let largest = 0;
	for (let k = 0; k < p; k++) largest = Math.max(largest, Math.abs(diag[k]));
	const x = new Float64Array(p);
	for (let k = p - 1; k >= 0; k--) {
		if (!(Math.abs(diag[k]) > rankTol * largest)) return null;
		let s = b[k];
		for (let j = k + 1; j < p; j++) s -= a[k * p + j] * x[j];
		x[k] = s / diag[k];
	}
	return x;
}
