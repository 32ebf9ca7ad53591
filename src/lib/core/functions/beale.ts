/**
 * Beale's function.
 *   f(x, y) = (1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2
 * E. M. L. Beale (1958), "On an iterative method for finding a local minimum of a function of more than
 * one variable", Technical Report 25, Statistical Techniques Research Group, Princeton University;
 * as listed in M. Jamil and X.-S. Yang (2013), "A literature survey of benchmark functions for global
 * optimization problems", Int. J. Mathematical Modelling and Numerical Optimisation 4(2), 150-194.
 * A sum of three squared residuals: flat plateaus near the axes, steep ridges at the corners of the
 * box (values up to about 2e5), and a thin curved valley that leads to the minimum at (3, 0.5).
 */
import type { TestFunction } from './types';

export const beale: TestFunction = {
	id: 'beale',
	name: 'Beale',
	formula: '(1.5 - x + x * y)^2 + (2.25 - x + x * y^2)^2 + (2.625 - x + x * y^3)^2',
	description: 'Flat plateaus and steep corner ridges around a narrow valley to the minimum at (3, 0.5).',
	view: { xMin: -4.5, xMax: 4.5, yMin: -4.5, yMax: 4.5 },
	minima: [{ x: 3, y: 0.5, f: 0, kind: 'global' }],
	fMin: 0,

	f(x, y) {
		const y2 = y * y;
		const t1 = 1.5 - x + x * y;
		const t2 = 2.25 - x + x * y2;
		const t3 = 2.625 - x + x * y2 * y;
		return t1 * t1 + t2 * t2 + t3 * t3;
	},

	grad(x, y, out) {
		const y2 = y * y;
		const y3 = y2 * y;
		const t1 = 1.5 - x + x * y;
		const t2 = 2.25 - x + x * y2;
		const t3 = 2.625 - x + x * y3;
		// Each residual is t_i = c_i + x (y^i - 1), so dt_i/dx = y^i - 1 and dt_i/dy = i x y^(i-1).
		out[0] = 2 * (t1 * (y - 1) + t2 * (y2 - 1) + t3 * (y3 - 1));
		out[1] = 2 * x * (t1 + 2 * y * t2 + 3 * y2 * t3);
	},

	hessian(x, y, out) {
		const y2 = y * y;
		const y3 = y2 * y;
		const a1 = y - 1;
		const a2 = y2 - 1;
		const a3 = y3 - 1;
		const t1 = 1.5 - x + x * y;
		const t2 = 2.25 - x + x * y2;
		const t3 = 2.625 - x + x * y3;
		const x2 = x * x;
		// The residuals are linear in x, so f_xx is just the Gauss-Newton term.
		out[0] = 2 * (a1 * a1 + a2 * a2 + a3 * a3);
		const fxy = 2 * (x * (a1 + 2 * y * a2 + 3 * y2 * a3) + t1 + 2 * y * t2 + 3 * y2 * t3);
		out[1] = fxy;
		out[2] = fxy;
		out[3] = 2 * (x2 * (1 + 4 * y2 + 9 * y2 * y2) + 2 * x * t2 + 6 * x * y * t3);
	}
};
