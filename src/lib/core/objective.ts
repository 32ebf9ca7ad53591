/**
 * What the trajectory runner and the optimizers need from a function of two variables.
 * Allocation-free by design: gradients and Hessians are written into caller-owned arrays,
 * because one drag in the page recomputes tens of thousands of steps.
 */
export interface Objective2D {
	/** f(x, y). */
	f(x: number, y: number): number;
	/** Writes the gradient into out: out[0] = df/dx, out[1] = df/dy. */
	grad(x: number, y: number, out: Float64Array): void;
	/**
	 * Writes the Hessian into out, row-major 2 x 2:
	 * out[0] = d2f/dx2, out[1] = d2f/dxdy, out[2] = d2f/dydx, out[3] = d2f/dy2.
	 */
	hessian(x: number, y: number, out: Float64Array): void;
	/**
	 * Optional: f and its gradient in one pass (returns f, writes the gradient into out), for objectives where
	 * computing them together is much cheaper than apart (a sum over data rows).
	 */
	valueAndGrad?(x: number, y: number, out: Float64Array): number;
	/**
	 * Optional: the gradient an optimizer sees at step k when it differs from the exact one (a mini-batch
	 * estimate). Must be a pure function of (k, x, y) so that replays and scrubbing are exact.
	 */
	stochasticGrad?(step: number, x: number, y: number, out: Float64Array): void;
}

/** An axis-aligned box in the (x, y) plane. */
export interface ViewBox {
	xMin: number;
	xMax: number;
	yMin: number;
	yMax: number;
}

/** A known minimum of a function; `global` minima have the function's least value. */
export interface KnownMinimum {
	x: number;
	y: number;
	f: number;
	kind: 'global' | 'local';
}
