/**
 * Rosenbrock's banana function.
 *   f(x, y) = (1 - x)^2 + 100 (y - x^2)^2
 * H. H. Rosenbrock (1960), "An automatic method for finding the greatest or least value of a function",
 * The Computer Journal 3(3), 175-184.
 * A long, narrow, curved valley along y = x^2: finding the valley is easy, following its floor to the
 * minimum at (1, 1) is slow for gradient descent, which zig-zags across it. The Hessian's condition
 * number at the minimum is about 2500.
 */
import type { TestFunction } from './types';

export const rosenbrock: TestFunction = {
	id: 'rosenbrock',
	name: 'Rosenbrock',
	formula: '(1 - x)^2 + 100 * (y - x^2)^2',
	description: 'A narrow curved valley: easy to reach, slow to follow to the minimum at (1, 1).',
	view: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
	minima: [{ x: 1, y: 1, f: 0, kind: 'global' }],
	fMin: 0,

	f(x, y) {
		const a = 1 - x;
		const b = y - x * x;
		return a * a + 100 * b * b;
	},

	grad(x, y, out) {
		const b = y - x * x;
		out[0] = -2 * (1 - x) - 400 * x * b;
		out[1] = 200 * b;
	},

	hessian(x, y, out) {
		const fxy = -400 * x;
		out[0] = 2 - 400 * y + 1200 * x * x;
		out[1] = fxy;
		out[2] = fxy;
		out[3] = 200;
	}
};
