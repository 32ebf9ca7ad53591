/**
 * Lévi's function N.13.
 *   f(x, y) = sin^2(3 pi x) + (x - 1)^2 (1 + sin^2(3 pi y)) + (y - 1)^2 (1 + sin^2(2 pi y))
 * As listed (as "Levi N. 13") in M. Jamil and X.-S. Yang (2013), "A literature survey of benchmark
 * functions for global optimization problems", Int. J. Mathematical Modelling and Numerical
 * Optimisation 4(2), 150-194, and in S. Surjanovic and D. Bingham, Virtual Library of Simulation
 * Experiments (www.sfu.ca/~ssurjano).
 * A quadratic bowl around (1, 1) multiplied and overlaid by sine ripples of different frequencies in x
 * and y: a dense, irregular grid of local minima with the global one at (1, 1).
 */
import type { TestFunction } from './types';

const THREE_PI = 3 * Math.PI;
const TWO_PI = 2 * Math.PI;
const SIX_PI = 6 * Math.PI;
const FOUR_PI = 4 * Math.PI;
const TWELVE_PI = 12 * Math.PI;
const SIXTEEN_PI = 16 * Math.PI;
const EIGHTEEN_PI_SQ = 18 * Math.PI * Math.PI;
const EIGHT_PI_SQ = 8 * Math.PI * Math.PI;

export const levi: TestFunction = {
	id: 'levi',
	name: 'Lévi N.13',
	formula: 'sin(3 * pi * x)^2 + (x - 1)^2 * (1 + sin(3 * pi * y)^2) + (y - 1)^2 * (1 + sin(2 * pi * y)^2)',
	description: 'A bowl under ripples of different frequencies in x and y: an irregular grid of local minima.',
	view: { xMin: -3, xMax: 5, yMin: -3, yMax: 5 },
	minima: [{ x: 1, y: 1, f: 0, kind: 'global' }],
	fMin: 0,

	f(x, y) {
		const sa = Math.sin(THREE_PI * x);
		const sb = Math.sin(THREE_PI * y);
		const sc = Math.sin(TWO_PI * y);
		const u = x - 1;
		const v = y - 1;
		return sa * sa + u * u * (1 + sb * sb) + v * v * (1 + sc * sc);
	},

	grad(x, y, out) {
		const a = THREE_PI * x;
		const b = THREE_PI * y;
		const c = TWO_PI * y;
		const sb = Math.sin(b);
		const sc = Math.sin(c);
		const u = x - 1;
		const v = y - 1;
		out[0] = SIX_PI * Math.sin(a) * Math.cos(a) + 2 * u * (1 + sb * sb);
		out[1] = SIX_PI * u * u * sb * Math.cos(b) + 2 * v * (1 + sc * sc) + FOUR_PI * v * v * sc * Math.cos(c);
	},

	hessian(x, y, out) {
		const a = THREE_PI * x;
		const b = THREE_PI * y;
		const c = TWO_PI * y;
		const sa = Math.sin(a);
		const ca = Math.cos(a);
		const sb = Math.sin(b);
		const cb = Math.cos(b);
		const sc = Math.sin(c);
		const cc = Math.cos(c);
		const u = x - 1;
		const v = y - 1;
		out[0] = EIGHTEEN_PI_SQ * (ca * ca - sa * sa) + 2 * (1 + sb * sb);
		const fxy = TWELVE_PI * u * sb * cb;
		out[1] = fxy;
		out[2] = fxy;
		out[3] =
			EIGHTEEN_PI_SQ * u * u * (cb * cb - sb * sb) +
			2 * (1 + sc * sc) +
			SIXTEEN_PI * v * sc * cc +
			EIGHT_PI_SQ * v * v * (cc * cc - sc * sc);
	}
};
