/**
 * The Styblinski-Tang function in two dimensions.
 *   f(x, y) = ((x^4 - 16x^2 + 5x) + (y^4 - 16y^2 + 5y)) / 2
 * M. A. Styblinski and T.-S. Tang (1990), "Experiments in nonconvex optimization: stochastic
 * approximation with function smoothing and simulated annealing", Neural Networks 3(4), 467-483.
 * A sum of two tilted double wells, hence four minima of different depths, one per quadrant: descent
 * finds the one whose basin it starts in, and only the one near (-2.9, -2.9) is global.
 */
import type { TestFunction } from './types';

// The minima are at x, y in {T1, T2}, the two minimizing roots of 4t^3 - 32t + 5 = 0. Computed once by
// Newton's method in 60-digit arithmetic (mpmath) and rounded to the nearest double, as are the values.
// The per-coordinate minimum is -39.16616570377141, not the -39.16599 found in many references.
const T1 = -2.903534027771177;
const T2 = 2.746802770990837;

export const styblinskiTang: TestFunction = {
	id: 'styblinski-tang',
	name: 'Styblinski-Tang',
	formula: '((x^4 - 16 * x^2 + 5 * x) + (y^4 - 16 * y^2 + 5 * y)) / 2',
	description:
		'Four minima of different depths, one per quadrant: descent keeps whichever basin it starts in.',
	view: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
	minima: [
		{ x: T1, y: T1, f: -78.33233140754282, kind: 'global' },
		{ x: T1, y: T2, f: -64.19561235905536, kind: 'local' },
		{ x: T2, y: T1, f: -64.19561235905536, kind: 'local' },
		{ x: T2, y: T2, f: -50.05889331056788, kind: 'local' }
	],
	fMin: -78.33233140754282,

	f(x, y) {
		const x2 = x * x;
		const y2 = y * y;
		return (x2 * x2 - 16 * x2 + 5 * x + (y2 * y2 - 16 * y2 + 5 * y)) / 2;
	},

	grad(x, y, out) {
		out[0] = x * (2 * x * x - 16) + 2.5;
		out[1] = y * (2 * y * y - 16) + 2.5;
	},

	hessian(x, y, out) {
		out[0] = 6 * x * x - 16;
		out[1] = 0;
		out[2] = 0;
		out[3] = 6 * y * y - 16;
	}
};
