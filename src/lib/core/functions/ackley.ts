/**
 * Ackley's function in two dimensions.
 *   f(x, y) = -20 exp(-0.2 sqrt(0.5 (x^2 + y^2))) - exp(0.5 (cos 2 pi x + cos 2 pi y)) + e + 20
 * D. H. Ackley (1987), A Connectionist Machine for Genetic Hillclimbing, Kluwer; in this form from
 * M. Jamil and X.-S. Yang (2013), "A literature survey of benchmark functions for global optimization
 * problems", Int. J. Mathematical Modelling and Numerical Optimisation 4(2), 150-194.
 * A nearly flat outer plateau pitted with local minima, around a deep funnel at (0, 0) whose tip is
 * a cone: the function is not differentiable at the minimum itself.
 *
 * Derivatives at the tip. Write s = sqrt(0.5 (x^2 + y^2)) and E = exp(-0.2 s). The cone term
 * -20 E has gradient 2E (x, y) / s, of length 2 sqrt(2) E (about 2.83) near the tip and pointing along the
 * ray, so it has no limit at the origin; there grad returns 0, the subgradient of least norm, which
 * makes the origin a stationary point. The cone's Hessian has radial curvature -0.4 E and tangential
 * curvature 2E / s, which diverges as s -> 0. At the origin hessian returns the finite value
 *   (2 pi^2 e - 0.4) I  (about 53.27 I),
 * the smooth cosine term's Hessian plus the cone's radial curvature (the same along every ray), with
 * the divergent tangential part left out. Near the origin (0 < s < 1e-300) the 1/s factor is capped
 * at 1e300 so that the Hessian stays finite.
 */
import type { TestFunction } from './types';

const TWO_PI = 2 * Math.PI;
const PI_SQ = Math.PI * Math.PI;
const HESSIAN_AT_ORIGIN = 2 * PI_SQ * Math.E - 0.4;

/** s = sqrt(0.5 (x^2 + y^2)), without underflow when x^2 + y^2 is below the smallest double. */
function radius(x: number, y: number): number {
	const s = Math.sqrt(0.5 * (x * x + y * y));
	return s < 1e-150 ? Math.SQRT1_2 * Math.hypot(x, y) : s;
}

export const ackley: TestFunction = {
	id: 'ackley',
	name: 'Ackley',
	formula:
		'-20 * exp(-0.2 * sqrt(0.5 * (x^2 + y^2))) - exp(0.5 * (cos(2 * pi * x) + cos(2 * pi * y))) + e + 20',
	description: 'A flat plateau pitted with local minima around one deep, cone-tipped funnel at the origin.',
	view: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
	minima: [{ x: 0, y: 0, f: 0, kind: 'global' }],
	fMin: 0,

	f(x, y) {
		const s = Math.sqrt(0.5 * (x * x + y * y));
		const c = Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y)));
		return -20 * Math.exp(-0.2 * s) - c + Math.E + 20;
	},

	grad(x, y, out) {
		const s = radius(x, y);
		if (s === 0) {
			// The smooth term's gradient pi C (sin 2 pi x, sin 2 pi y) vanishes here too.
			out[0] = 0;
			out[1] = 0;
			return;
		}
		const ax = TWO_PI * x;
		const ay = TWO_PI * y;
		const pc = Math.PI * Math.exp(0.5 * (Math.cos(ax) + Math.cos(ay)));
		// x / s and y / s are at most sqrt(2); 1 / s alone would overflow for subnormal s.
		const k = 2 * Math.exp(-0.2 * s);
		out[0] = k * (x / s) + pc * Math.sin(ax);
		out[1] = k * (y / s) + pc * Math.sin(ay);
	},

	hessian(x, y, out) {
		const s = radius(x, y);
		if (s === 0) {
			out[0] = HESSIAN_AT_ORIGIN;
			out[1] = 0;
			out[2] = 0;
			out[3] = HESSIAN_AT_ORIGIN;
			return;
		}
		const ax = TWO_PI * x;
		const ay = TWO_PI * y;
		const cx = Math.cos(ax);
		const cy = Math.cos(ay);
		const sx = Math.sin(ax);
		const sy = Math.sin(ay);
		// Smooth term -C with C = exp(0.5 (cos 2 pi x + cos 2 pi y)).
		const pc = PI_SQ * Math.exp(0.5 * (cx + cy));
		// Cone term -20 E, in terms of p = x / s and q = y / s (p^2 + q^2 = 2, so 2 - p^2 = q^2).
		const e = Math.exp(-0.2 * s);
		const inv = s > 1e-300 ? 1 / s : 1e300;
		const p = x / s;
		const q = y / s;
		out[0] = e * (q * q * inv - 0.2 * p * p) + pc * (2 * cx - sx * sx);
		const fxy = -e * p * q * (0.2 + inv) - pc * sx * sy;
		out[1] = fxy;
		out[2] = fxy;
		out[3] = e * (p * p * inv - 0.2 * q * q) + pc * (2 * cy - sy * sy);
	}
};
