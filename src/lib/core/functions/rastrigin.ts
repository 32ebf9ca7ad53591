/**
 * Rastrigin's function in two dimensions.
 *   f(x, y) = 20 + x^2 - 10 cos(2 pi x) + y^2 - 10 cos(2 pi y)
 * L. A. Rastrigin (1974), Systems of Extremal Control, Nauka, Moscow; in this n-dimensional form from
 * H. Mühlenbein, M. Schomisch and J. Born (1991), "The parallel genetic algorithm as function
 * optimizer", Parallel Computing 17(6-7), 619-632.
 * A parabola covered by a regular egg-crate of cosine ripples: a local minimum near every integer
 * point, so gradient methods stop in the first dimple they meet; only the global trend points to (0, 0).
 */
import type { TestFunction } from './types';

const TWO_PI = 2 * Math.PI;
const TWENTY_PI = 20 * Math.PI;
const FORTY_PI_SQ = 40 * Math.PI * Math.PI;

export const rastrigin: TestFunction = {
	id: 'rastrigin',
	name: 'Rastrigin',
	formula: '20 + x^2 - 10 * cos(2 * pi * x) + y^2 - 10 * cos(2 * pi * y)',
	description: 'A bowl covered in regular ripples: a local minimum near every integer point.',
	view: { xMin: -5.12, xMax: 5.12, yMin: -5.12, yMax: 5.12 },
	minima: [{ x: 0, y: 0, f: 0, kind: 'global' }],
	fMin: 0,

	f(x, y) {
		return 20 + x * x - 10 * Math.cos(TWO_PI * x) + y * y - 10 * Math.cos(TWO_PI * y);
	},

	grad(x, y, out) {
		out[0] = 2 * x + TWENTY_PI * Math.sin(TWO_PI * x);
		out[1] = 2 * y + TWENTY_PI * Math.sin(TWO_PI * y);
	},

	hessian(x, y, out) {
		out[0] = 2 + FORTY_PI_SQ * Math.cos(TWO_PI * x);
		out[1] = 0;
		out[2] = 0;
		out[3] = 2 + FORTY_PI_SQ * Math.cos(TWO_PI * y);
	}
};
