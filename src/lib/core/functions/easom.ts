/**
 * Easom's function.
 *   f(x, y) = -cos(x) cos(y) exp(-((x - pi)^2 + (y - pi)^2))
 * E. E. Easom (1990), "A survey of global optimization techniques", M.Eng. thesis, University of
 * Louisville; as listed in M. Jamil and X.-S. Yang (2013), "A literature survey of benchmark functions
 * for global optimization problems", Int. J. Mathematical Modelling and Numerical Optimisation 4(2),
 * 150-194.
 * A single narrow hole of depth -1 at (pi, pi) in an almost perfectly flat plane: away from the hole the
 * gradient is practically zero (it carries a factor exp(-r^2), about 1e-11 at distance 5), so gradient
 * methods have nothing to follow. The standard domain
 * [-100, 100]^2 makes the hole invisible; the default view is zoomed in on it.
 */
import type { TestFunction } from './types';

export const easom: TestFunction = {
	id: 'easom',
	name: 'Easom',
	formula: '-cos(x) * cos(y) * exp(-((x - pi)^2 + (y - pi)^2))',
	description: 'One narrow hole in a flat plane: far from it the gradient vanishes and there is no slope.',
	view: { xMin: -1, xMax: 7, yMin: -1, yMax: 7 },
	minima: [{ x: Math.PI, y: Math.PI, f: -1, kind: 'global' }],
	fMin: -1,

	f(x, y) {
		const p = x - Math.PI;
		const q = y - Math.PI;
		return -Math.cos(x) * Math.cos(y) * Math.exp(-(p * p + q * q));
	},

	grad(x, y, out) {
		const p = x - Math.PI;
		const q = y - Math.PI;
		const cx = Math.cos(x);
		const cy = Math.cos(y);
		const e = Math.exp(-(p * p + q * q));
		out[0] = cy * e * (Math.sin(x) + 2 * p * cx);
		out[1] = cx * e * (Math.sin(y) + 2 * q * cy);
	},

	hessian(x, y, out) {
		const p = x - Math.PI;
		const q = y - Math.PI;
		const cx = Math.cos(x);
		const cy = Math.cos(y);
		const sx = Math.sin(x);
		const sy = Math.sin(y);
		const e = Math.exp(-(p * p + q * q));
		out[0] = cy * e * ((3 - 4 * p * p) * cx - 4 * p * sx);
		const fxy = -e * (sx + 2 * p * cx) * (sy + 2 * q * cy);
		out[1] = fxy;
		out[2] = fxy;
		out[3] = cx * e * ((3 - 4 * q * q) * cy - 4 * q * sy);
	}
};
