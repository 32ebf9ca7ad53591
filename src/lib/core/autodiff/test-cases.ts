/**
 * Expressions and reference derivatives shared by the autodiff tests: the built-in test functions' formulas
 * and hand-picked expressions, seeded random points, the compiled symbolic gradient and finite differences.
 */
import { compileExpression } from '../expression/index';
import { testFunctions } from '../functions/index';
import { createRng } from '../random/rng';

type Box = [number, number, number, number];

export interface AutodiffCase {
	text: string;
	/** Where to sample (default [-2, 2]²). */
	box?: Box;
	/** Points too close to a kink or a tie to compare by finite differences. */
	avoid?: (x: number, y: number) => boolean;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.02;

export const HAND_CASES: readonly AutodiffCase[] = [
	{ text: 'x' },
	{ text: 'y' },
	{ text: '3' },
	{ text: 'x + y - 1' },
	{ text: 'x * y' },
	{ text: 'x * x * x + y * x' },
	{ text: 'x / y', box: [0.5, 2, 0.5, 2] },
	{ text: 'sin(x) + cos(y)' },
	{ text: 'tan(x) * y', box: [-1.2, 1.2, -2, 2] },
	{ text: 'asin(x) - acos(y / 2)', box: [-0.9, 0.9, -1.8, 1.8] },
	{ text: 'atan(x * y)' },
	{ text: 'sinh(x) + cosh(y) - tanh(x - y)' },
	{ text: 'exp(x / 2) * y' },
	{ text: 'log(x) + log10(y)', box: [0.1, 3, 0.1, 3] },
	{ text: 'sqrt(x) * y', box: [0.1, 3, -2, 2] },
	{ text: 'abs(x - 0.5) * y', avoid: (x) => near(x, 0.5) },
	{ text: 'min(x, y)', avoid: (x, y) => near(x, y) },
	{ text: 'max(x, y)', avoid: (x, y) => near(x, y) },
	{ text: 'min(x, y, x * y)', avoid: (x, y) => near(x, y) || near(x, x * y) || near(y, x * y) },
	{ text: 'max(x^2, y, 1 - x)', avoid: (x, y) => near(x * x, y) || near(x * x, 1 - x) || near(y, 1 - x) },
	{ text: 'max(sin(x), cos(y))', avoid: (x, y) => near(Math.sin(x), Math.cos(y)) },
	{ text: 'sin(cos(x * y)) * exp(sin(y))' },
	{ text: 'log(1 + exp(sqrt(x^2 + y^2 + 1)))' },
	{ text: '2x + 3(x + 1) y' },
	{ text: '2x^2y - x y y' },
	{ text: 'pi * x + e^y' },
	{ text: '-x^2 + +y - -x' },
	{ text: '-(x - y)^2' },
	{ text: 'x^0.5 + y^1.5', box: [0.1, 3, 0.1, 3] },
	{ text: 'x^-2 + y^-1', box: [0.5, 3, 0.5, 3] },
	{ text: 'x^(1/2) * y^(2 - 1)', box: [0.1, 3, 0.1, 3] },
	{ text: '(x + y)^3' },
	{ text: 'x^y', box: [0.2, 3, -2, 2] },
	{ text: '(x^2 + 1)^(y / 2)' },
	{ text: '2^x * y^4' },
	{ text: 'x^10 - y^7 + x^15 / 1e5' },
	{ text: '1e-3 * x^2 + 1.5E2 * y + .5' },
	{ text: 'x / y + y / x', box: [0.5, 2, 0.5, 2] },
	{ text: 'sin(x)^2 + cos(x)^2 + y' },
	{ text: 'abs(sin(x)) + abs(y)', avoid: (x, y) => Math.abs(Math.sin(x)) < 0.02 || Math.abs(y) < 0.02 },
	{ text: 'sqrt(abs(x) + 1)', avoid: (x) => Math.abs(x) < 0.02 },
	{ text: 'exp(-(x^2 + y^2)) * (x - y)^3' },
	{ text: 'log10(x^2 + 1) * atan(y)' },
	{ text: 'tanh(x) * sinh(y) / cosh(x)' },
	{ text: 'sin(sin(sin(x * y + 1))) * cos(exp(y / 3))' },
	{ text: '(x - 1) * (x - 1) + (x + y) * (x - 1) + sin(x + y) * sin(x + y)' },
	{
		text: '(1+(x+y+1)^2*(19-14*x+3*x^2-14*y+6*x*y+3*y^2))*(30+(2*x-3*y)^2*(18-32*x+12*x^2+48*y-36*x*y+27*y^2))'
	}
];

/** Every built-in test function's formula as typed text (Ackley's cone tip avoided). */
export const BUILT_IN_CASES: readonly AutodiffCase[] = testFunctions.map((fn) => ({
	text: fn.formula,
	box: [fn.view.xMin, fn.view.xMax, fn.view.yMin, fn.view.yMax] as Box,
	avoid: fn.id === 'ackley' ? (x: number, y: number) => Math.hypot(x, y) < 0.05 : undefined
}));

export const ALL_CASES: readonly AutodiffCase[] = [...BUILT_IN_CASES, ...HAND_CASES];

/** count seeded random points in the case's box, away from its kinks. */
export function samplePoints(c: AutodiffCase, seed: number, count: number): [number, number][] {
	const rng = createRng(seed);
	const [x0, x1, y0, y1] = c.box ?? [-2, 2, -2, 2];
	const out: [number, number][] = [];
	while (out.length < count) {
		const x = rng.range(x0, x1);
		const y = rng.range(y0, y1);
		if (!c.avoid?.(x, y)) out.push([x, y]);
	}
	return out;
}

/** The optimizers' objective for text: compiled f and symbolic gradient. Throws if text is rejected. */
export function symbolic(text: string): {
	f(x: number, y: number): number;
	grad(x: number, y: number): [number, number];
} {
	const r = compileExpression(text);
	if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
	const out = new Float64Array(2);
	return {
		f: (x, y) => r.value.f(x, y),
		grad: (x, y) => {
			r.value.grad(x, y, out);
			return [out[0], out[1]];
		}
	};
}

/** Central difference refined by one Richardson step (error O(h^4)). */
export function slope(fn: (t: number) => number, t: number): number {
	const h = 1e-3 * Math.max(1, Math.abs(t));
	const d = (k: number): number => (fn(t + k) - fn(t - k)) / (2 * k);
	return (4 * d(h / 2) - d(h)) / 3;
}

/** Finite-difference gradient of f at (x, y). */
export function finiteDifferenceGradient(
	f: (x: number, y: number) => number,
	x: number,
	y: number
): [number, number] {
	return [slope((t) => f(t, y), x), slope((t) => f(x, t), y)];
}

/** Throws unless actual === expected (infinities included) or |actual - expected| <= tol * max(1, scale). */
export function expectClose(
	actual: number,
	expected: number,
	tol: number,
	scale: number,
	what: string
): void {
	if (actual === expected) return;
	const err = Math.abs(actual - expected);
	if (!(err <= tol * Math.max(1, scale))) {
		throw new Error(`${what}: got ${actual}, expected ${expected} (error ${err}, scale ${scale})`);
	}
}
