/**
 * Matyas' function.
 *   f(x, y) = 0.26 (x^2 + y^2) - 0.48 x y
 * As listed in M. Jamil and X.-S. Yang (2013), "A literature survey of benchmark functions for global
 * optimization problems", Int. J. Mathematical Modelling and Numerical Optimisation 4(2), 150-194, and in
 * S. Surjanovic and D. Bingham, Virtual Library of Simulation Experiments (www.sfu.ca/~ssurjano).
 * A convex quadratic whose Hessian [[0.52, -0.48], [-0.48, 0.52]] has eigenvalues 0.04 (along y = x)
 * and 1 (across it): an almost flat valley floor where gradient steps become tiny long before the
 * minimum at (0, 0) is reached.
 */
import type { TestFunction } from './types';

export const matyas: TestFunction = {
	id: 'matyas',
	name: 'Matyas',
	formula: '0.26 * (x^2 + y^2) - 0.48 * x * y',
	description: 'A nearly flat valley along y = x (condition number 25): gradient steps crawl along it.',
	view: { xMin: -10, xMax: 10, yMin: -10, yMax: 10 },
	minima: [{ x: 0, y: 0, f: 0, kind: 'global' }],
	fMin: 0,

	f(x, y) {
		return 0.26 * (x * x + y * y) - 0.48 * x * y;
	},

	grad(x, y, out) {
		out[0] = 0.52 * x - 0.48 * y;
		out[1] = 0.52 * y - 0.48 * x;
	},

	hessian(_x, _y, out) {
		out[0] = 0.52;
		out[1] = -0.48;
		out[2] = -0.48;
		out[3] = 0.52;
	}
};
