/**
 * Booth's function.
 *   f(x, y) = (x + 2y - 7)^2 + (2x + y - 5)^2
 * As listed in M. Jamil and X.-S. Yang (2013), "A literature survey of benchmark functions for global
 * optimization problems", Int. J. Mathematical Modelling and Numerical Optimisation 4(2), 150-194, and in
 * S. Surjanovic and D. Bingham, Virtual Library of Simulation Experiments (www.sfu.ca/~ssurjano).
 * A convex quadratic with a tilted elliptical bowl (Hessian [[10, 8], [8, 10]], eigenvalues 2 and 18,
 * condition number 9): the baseline where every method should succeed; Newton's method lands on the
 * minimum (1, 3) in one step.
 */
import type { TestFunction } from './types';

export const booth: TestFunction = {
	id: 'booth',
	name: 'Booth',
	formula: '(x + 2 * y - 7)^2 + (2 * x + y - 5)^2',
	description: 'A tilted convex quadratic bowl (condition number 9): Newton solves it in one step.',
	view: { xMin: -10, xMax: 10, yMin: -10, yMax: 10 },
	minima: [{ x: 1, y: 3, f: 0, kind: 'global' }],
	fMin: 0,

	f(x, y) {
		const a = x + 2 * y - 7;
		const b = 2 * x + y - 5;
		return a * a + b * b;
	},

	grad(x, y, out) {
		const a = x + 2 * y - 7;
		const b = 2 * x + y - 5;
		out[0] = 2 * a + 4 * b;
		out[1] = 4 * a + 2 * b;
	},

	hessian(_x, _y, out) {
		out[0] = 10;
		out[1] = 8;
		out[2] = 8;
		out[3] = 10;
	}
};
