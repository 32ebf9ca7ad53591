/**
 * The sphere function.
 *   f(x, y) = x^2 + y^2
 * K. A. De Jong (1975), "An analysis of the behavior of a class of genetic adaptive systems", PhD
 * thesis, University of Michigan (test function F1).
 * The perfectly conditioned convex bowl: every gradient points straight at the minimum (0, 0), so it
 * is the baseline against which the harder functions are judged.
 */
import type { TestFunction } from './types';

export const sphere: TestFunction = {
	id: 'sphere',
	name: 'Sphere',
	formula: 'x^2 + y^2',
	description: 'The round convex bowl: every gradient points straight at the minimum, the easy baseline.',
	view: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
	minima: [{ x: 0, y: 0, f: 0, kind: 'global' }],
	fMin: 0,

	f(x, y) {
		return x * x + y * y;
	},

	grad(x, y, out) {
		out[0] = 2 * x;
		out[1] = 2 * y;
	},

	hessian(_x, _y, out) {
		out[0] = 2;
		out[1] = 0;
		out[2] = 0;
		out[3] = 2;
	}
};
