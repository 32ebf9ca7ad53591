/**
 * Himmelblau's function.
 *   f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2
 * D. M. Himmelblau (1972), Applied Nonlinear Programming, McGraw-Hill.
 * Four global minima of equal depth (f = 0), one per quadrant, separated by a local maximum near
 * (-0.27, -0.92) and four saddles: which one an optimizer reaches depends only on where it starts.
 */
import type { TestFunction } from './types';

export const himmelblau: TestFunction = {
	id: 'himmelblau',
	name: 'Himmelblau',
	formula: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
	description: 'Four equally deep minima: the starting point alone decides which one is found.',
	view: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
	// (3, 2) is exact. The other three have no closed form: they were computed once by Newton's method
	// on the gradient in 60-digit arithmetic (mpmath) and rounded to the nearest double.
	minima: [
		{ x: 3, y: 2, f: 0, kind: 'global' },
		{ x: -2.805118086952745, y: 3.131312518250573, f: 0, kind: 'global' },
		{ x: -3.779310253377747, y: -3.2831859912861696, f: 0, kind: 'global' },
		{ x: 3.5844283403304917, y: -1.8481265269644036, f: 0, kind: 'global' }
	],
	fMin: 0,

	f(x, y) {
		const u = x * x + y - 11;
		const v = x + y * y - 7;
		return u * u + v * v;
	},

	grad(x, y, out) {
		const u = x * x + y - 11;
		const v = x + y * y - 7;
		out[0] = 4 * x * u + 2 * v;
		out[1] = 2 * u + 4 * y * v;
	},

	hessian(x, y, out) {
		const fxy = 4 * (x + y);
		out[0] = 12 * x * x + 4 * y - 42;
		out[1] = fxy;
		out[2] = fxy;
		out[3] = 12 * y * y + 4 * x - 26;
	}
};
