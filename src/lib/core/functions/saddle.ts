/**
 * The saddle (hyperbolic paraboloid).
 *   f(x, y) = x^2 - y^2
 * The standard example of a non-degenerate saddle point, in any calculus or optimization text.
 * Unbounded below, with a stationary point at (0, 0) that is not a minimum: gradient methods started
 * exactly on y = 0 converge to it, any other start escapes along y, and Newton's method jumps straight
 * to the saddle, because it seeks stationary points rather than minima.
 */
import type { TestFunction } from './types';

export const saddle: TestFunction = {
	id: 'saddle',
	name: 'Saddle',
	formula: 'x^2 - y^2',
	description: 'Unbounded below with a saddle at the origin, which attracts Newton and repels descent.',
	view: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
	minima: [],
	fMin: undefined,

	f(x, y) {
		return x * x - y * y;
	},

	grad(x, y, out) {
		out[0] = 2 * x;
		out[1] = -2 * y;
	},

	hessian(_x, _y, out) {
		out[0] = 2;
		out[1] = 0;
		out[2] = 0;
		out[3] = -2;
	}
};
