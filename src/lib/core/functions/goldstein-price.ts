/**
 * The Goldstein-Price function.
 *   f(x, y) = [1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)]
 *           * [30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)]
 * A. A. Goldstein and J. F. Price (1971), "On descent from local minima", Mathematics of Computation
 * 25(115), 569-574.
 * Values span six orders of magnitude over [-2, 2]^2 (from 3 to about 1e6), so fixed learning rates
 * either crawl or explode; the global minimum f(0, -1) = 3 shares the box with local minima of value
 * 30, 84 and 840.
 *
 * Both brackets depend on one linear combination each: with s = x + y + 1 and d = 2x - 3y,
 *   A(s) = 1 + s^2 (3s^2 - 20s + 36),   B(d) = 30 + d^2 (3d^2 - 16d + 18),   f = A(s) B(d),
 * where A >= 1 and B >= 3. The code uses this factored form. A' = 12 s (s - 2)(s - 3) and
 * B' = 12 d (d - 1)(d - 3), so the minima are the pairs of minimizers s in {0, 3}, d in {0, 3}, all
 * with rational coordinates.
 */
import type { TestFunction } from './types';

export const goldsteinPrice: TestFunction = {
	id: 'goldstein-price',
	name: 'Goldstein-Price',
	formula:
		'(1 + (x + y + 1)^2 * (19 - 14 * x + 3 * x^2 - 14 * y + 6 * x * y + 3 * y^2)) * ' +
		'(30 + (2 * x - 3 * y)^2 * (18 - 32 * x + 12 * x^2 + 48 * y - 36 * x * y + 27 * y^2))',
	description: 'Values spanning six orders of magnitude, and local minima at f = 30, 84 and 840.',
	view: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
	minima: [
		{ x: 0, y: -1, f: 3, kind: 'global' }, // s = 0, d = 3
		{ x: -0.6, y: -0.4, f: 30, kind: 'local' }, // s = 0, d = 0
		{ x: 1.8, y: 0.2, f: 84, kind: 'local' }, // s = 3, d = 3
		{ x: 1.2, y: 0.8, f: 840, kind: 'local' } // s = 3, d = 0
	],
	fMin: 3,

	f(x, y) {
		const s = x + y + 1;
		const d = 2 * x - 3 * y;
		const s2 = s * s;
		const d2 = d * d;
		return (1 + s2 * (3 * s2 - 20 * s + 36)) * (30 + d2 * (3 * d2 - 16 * d + 18));
	},

	grad(x, y, out) {
		const s = x + y + 1;
		const d = 2 * x - 3 * y;
		const s2 = s * s;
		const d2 = d * d;
		const a = 1 + s2 * (3 * s2 - 20 * s + 36);
		const b = 30 + d2 * (3 * d2 - 16 * d + 18);
		const a1 = 12 * s * (s2 - 5 * s + 6); // dA/ds
		const b1 = 12 * d * (d2 - 4 * d + 3); // dB/dd
		// ds/dx = ds/dy = 1, dd/dx = 2, dd/dy = -3.
		const a1b = a1 * b;
		const ab1 = a * b1;
		out[0] = a1b + 2 * ab1;
		out[1] = a1b - 3 * ab1;
	},

	hessian(x, y, out) {
		const s = x + y + 1;
		const d = 2 * x - 3 * y;
		const s2 = s * s;
		const d2 = d * d;
		const a = 1 + s2 * (3 * s2 - 20 * s + 36);
		const b = 30 + d2 * (3 * d2 - 16 * d + 18);
		const a1 = 12 * s * (s2 - 5 * s + 6);
		const b1 = 12 * d * (d2 - 4 * d + 3);
		const a2 = 36 * s2 - 120 * s + 72; // d2A/ds2
		const b2 = 36 * d2 - 96 * d + 36; // d2B/dd2
		const a2b = a2 * b;
		const a1b1 = a1 * b1;
		const ab2 = a * b2;
		out[0] = a2b + 4 * a1b1 + 4 * ab2;
		const fxy = a2b - a1b1 - 6 * ab2;
		out[1] = fxy;
		out[2] = fxy;
		out[3] = a2b - 6 * a1b1 + 9 * ab2;
	}
};
