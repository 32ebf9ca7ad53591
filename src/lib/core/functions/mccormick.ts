/**
 * McCormick's function.
 *   f(x, y) = sin(x + y) + (x - y)^2 - 1.5x + 2.5y + 1
 * As listed in M. Jamil and X.-S. Yang (2013), "A literature survey of benchmark functions for global
 * optimization problems", Int. J. Mathematical Modelling and Numerical Optimisation 4(2), 150-194, and in
 * S. Surjanovic and D. Bingham, Virtual Library of Simulation Experiments (www.sfu.ca/~ssurjano), on the
 * domain x in [-1.5, 4], y in [-3, 4].
 * In u = x + y, v = x - y it separates: f = (sin u + u/2) + (v - 1)^2. Across the valley (v) it is a
 * parabola, along it (u) a wavy downhill slope: the minimum at u = -2 pi/3, v = 1 is only a local one
 * on the whole plane, where f -> -infinity as u -> -infinity, with a further local minimum every 2 pi
 * in u, each pi lower than the last.
 * fMin and the 'global' minimum below are those of the standard domain, which is the view box; an
 * optimizer that leaves it across x + y = -4.5 can go below fMin.
 */
import type { TestFunction } from './types';

// Exact: grad f = 0 gives cos(x + y) = -1/2 and x - y = 1; the minimum has x + y = -2 pi/3.
const X_MIN = 0.5 - Math.PI / 3;
const Y_MIN = -0.5 - Math.PI / 3;
const F_MIN = -Math.sqrt(3) / 2 - Math.PI / 3;

export const mccormick: TestFunction = {
	id: 'mccormick',
	name: 'McCormick',
	formula: 'sin(x + y) + (x - y)^2 - 1.5 * x + 2.5 * y + 1',
	description: 'A parabolic trough along a wavy downhill slope: its minimum is global only within the box.',
	view: { xMin: -1.5, xMax: 4, yMin: -3, yMax: 4 },
	minima: [
		{ x: X_MIN, y: Y_MIN, f: F_MIN, kind: 'global' },
		// The next minimum up the slope, at x + y = 4 pi/3, x - y = 1.
		{ x: 0.5 + (2 * Math.PI) / 3, y: -0.5 + (2 * Math.PI) / 3, f: F_MIN + Math.PI, kind: 'local' }
	],
	fMin: F_MIN,

	f(x, y) {
		const v = x - y;
		return Math.sin(x + y) + v * v - 1.5 * x + 2.5 * y + 1;
	},

	grad(x, y, out) {
		const c = Math.cos(x + y);
		const v2 = 2 * (x - y);
		out[0] = c + v2 - 1.5;
		out[1] = c - v2 + 2.5;
	},

	hessian(x, y, out) {
		const sn = Math.sin(x + y);
		out[0] = 2 - sn;
		out[1] = -2 - sn;
		out[2] = -2 - sn;
		out[3] = 2 - sn;
	}
};
