/**
 * The Lagrange picture of ridge and lasso on two weights: the penalised problem min L(w) + alpha P(w) has the
 * same solution w* as the constrained problem min L(w) subject to P(w) <= P(w*), so w* is where the smallest
 * level set of the data loss L that reaches the region {P <= P(w*)} touches it. For a quadratic L the level
 * sets are ellipses (w - c)' H (w - c) = const around the least-squares point c; the region is a disk
 * (||w||_2 <= t, ridge) or a diamond (||w||_1 <= t, lasso), whose corners on the axes are why the lasso
 * lands on exact zeros.
 */

export type Point = readonly [number, number];

/** The boundary of {||w||_2 <= radius} (kind 'l2') or {||w||_1 <= radius} ('l1'), as a closed polygon. */
export function normBall(kind: 'l1' | 'l2', radius: number, segments = 128): Point[] {
	if (!(radius >= 0) || !Number.isFinite(radius)) return [];
	if (kind === 'l1')
		return [
			[radius, 0],
			[0, radius],
			[-radius, 0],
			[0, -radius]
		];
	const out: Point[] = [];
	for (let i = 0; i < segments; i++) {
		const t = (2 * Math.PI * i) / segments;
		out.push([radius * Math.cos(t), radius * Math.sin(t)]);
	}
	return out;
}

/**
 * The level set {w : (w - c)' H (w - c) = (p - c)' H (p - c)} of a quadratic with positive definite H
 * (row-major 2 x 2, symmetric) through the point p, as a closed polygon; [] when H is not positive definite.
 */
export function levelEllipse(h: ArrayLike<number>, c: Point, p: Point, segments = 160): Point[] {
	const a = h[0];
	const b = h[1];
	const d = h[3];
	if (!(a > 0) || !(a * d - b * b > 0)) return [];
	const dx = p[0] - c[0];
	const dy = p[1] - c[1];
	const level = a * dx * dx + 2 * b * dx * dy + d * dy * dy;
	if (!(level > 0) || !Number.isFinite(level)) return [];
	// H = L L' (Cholesky); w = c + sqrt(level) L'^{-1} u with |u| = 1 gives (w-c)' H (w-c) = level.
	const l11 = Math.sqrt(a);
	const l21 = b / l11;
	const l22 = Math.sqrt(d - l21 * l21);
	const r = Math.sqrt(level);
	const out: Point[] = [];
	for (let i = 0; i < segments; i++) {
		const t = (2 * Math.PI * i) / segments;
		const u0 = Math.cos(t);
		const u1 = Math.sin(t);
		// Solve L' v = u: [l11 l21; 0 l22] v = u.
		const v1 = u1 / l22;
		const v0 = (u0 - l21 * v1) / l11;
		out.push([c[0] + r * v0, c[1] + r * v1]);
	}
	return out;
}

/** The stationary point of a quadratic with Hessian H and gradient g at the origin: c = -H^{-1} g. */
export function quadraticCentre(h: ArrayLike<number>, g: ArrayLike<number>): Point | null {
	const det = h[0] * h[3] - h[1] * h[2];
	if (!(Math.abs(det) > 0) || !Number.isFinite(det)) return null;
	return [-(h[3] * g[0] - h[1] * g[1]) / det, -(h[0] * g[1] - h[2] * g[0]) / det];
}
