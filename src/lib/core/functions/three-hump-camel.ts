/**
 * The three-hump camel function.
 *   f(x, y) = 2x^2 - 1.05x^4 + x^6/6 + xy + y^2
 * As listed in M. Jamil and X.-S. Yang (2013), "A literature survey of benchmark functions for global
 * optimization problems", Int. J. Mathematical Modelling and Numerical Optimisation 4(2), 150-194, and in
 * S. Surjanovic and D. Bingham, Virtual Library of Simulation Experiments (www.sfu.ca/~ssurjano).
 * A global minimum at the origin flanked by two shallower local minima, each behind a saddle: a local
 * method started on the outer humps settles in a local minimum with f ~ 0.2986.
 */
import type { TestFunction } from './types';

// Stationary points lie on y = -x/2 with x (x^4 - 4.2x^2 + 3.5) = 0; the local minima are at
// x^2 = 2.1 + sqrt(0.91) (x^2 = 2.1 - sqrt(0.91) gives the saddles). Closed form, evaluated in 60-digit
// arithmetic (mpmath) and rounded to the nearest double.
const X_LOCAL = 1.7475523458302888;
const Y_LOCAL = -0.8737761729151444;
const F_LOCAL = 0.2986384422368598;

export const threeHumpCamel: TestFunction = {
	id: 'three-hump-camel',
	name: 'Three-hump camel',
	formula: '2 * x^2 - 1.05 * x^4 + x^6 / 6 + x * y + y^2',
	description: 'A global minimum at the origin between two shallower local minima behind saddles.',
	view: { xMin: -2.5, xMax: 2.5, yMin: -2.5, yMax: 2.5 },
	minima: [
		{ x: 0, y: 0, f: 0, kind: 'global' },
		{ x: X_LOCAL, y: Y_LOCAL, f: F_LOCAL, kind: 'local' },
		{ x: -X_LOCAL, y: -Y_LOCAL, f: F_LOCAL, kind: 'local' }
	],
	fMin: 0,

	f(x, y) {
		const x2 = x * x;
		const x4 = x2 * x2;
		return 2 * x2 - 1.05 * x4 + (x4 * x2) / 6 + x * y + y * y;
	},

	grad(x, y, out) {
		const x2 = x * x;
		out[0] = x * (4 - 4.2 * x2 + x2 * x2) + y;
		out[1] = x + 2 * y;
	},

	hessian(x, _y, out) {
		const x2 = x * x;
		out[0] = 4 - 12.6 * x2 + 5 * x2 * x2;
		out[1] = 1;
		out[2] = 1;
		out[3] = 2;
	}
};
