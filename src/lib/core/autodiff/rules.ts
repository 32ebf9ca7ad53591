/**
 * The elementary derivative rules shared by forward mode (dual numbers) and reverse mode (the graph):
 * one local derivative per whitelisted function, chosen to agree with the symbolic gradient at kinks.
 */
import { UNARY_FUNCTIONS, powReal } from '../expression/functions';

/** A one-argument function: its value and its derivative v = f(u) -> dv/du. */
export interface UnaryRule {
	/** f(u), exactly as the compiled objective computes it. */
	readonly value: (u: number) => number;
	/** f'(u); v = f(u) is passed in for rules that reuse it (exp). */
	readonly derivative: (u: number, v: number) => number;
	/** The rule for people, in terms of u: d f(u) / du. */
	readonly formula: string;
}

const LN10 = Math.LN10;

function rule(name: string, derivative: UnaryRule['derivative'], formula: string): UnaryRule {
	return { value: UNARY_FUNCTIONS[name], derivative, formula };
}

/**
 * Every one-argument function the expression whitelist allows. Where a derivative is not defined, these
 * return what the symbolic gradient the optimizers use returns: abs'(0) = 0 (the mean of the one-sided
 * slopes), sqrt'(0) = ∞, log'(0) = ∞; outside a function's domain the value (and derivative) is NaN.
 */
export const UNARY_RULES: Readonly<Record<string, UnaryRule>> = {
	// d sin u = cos u du
	sin: rule('sin', (u) => Math.cos(u), 'cos(u)'),
	// d cos u = -sin u du
	cos: rule('cos', (u) => -Math.sin(u), '−sin(u)'),
	// d tan u = sec² u du = du / cos² u
	tan: rule(
		'tan',
		(u) => {
			const c = Math.cos(u);
			return 1 / (c * c);
		},
		'1/cos²(u)'
	),
	// d asin u = du / sqrt(1 - u²), |u| < 1
	asin: rule('asin', (u) => 1 / Math.sqrt(1 - u * u), '1/√(1−u²)'),
	// d acos u = -du / sqrt(1 - u²), |u| < 1
	acos: rule('acos', (u) => -1 / Math.sqrt(1 - u * u), '−1/√(1−u²)'),
	// d atan u = du / (1 + u²)
	atan: rule('atan', (u) => 1 / (1 + u * u), '1/(1+u²)'),
	// d sinh u = cosh u du
	sinh: rule('sinh', (u) => Math.cosh(u), 'cosh(u)'),
	// d cosh u = sinh u du
	cosh: rule('cosh', (u) => Math.sinh(u), 'sinh(u)'),
	// d tanh u = sech² u du = du / cosh² u (not 1 - tanh² u, which rounds to 0 for |u| > 19)
	tanh: rule(
		'tanh',
		(u) => {
			const c = Math.cosh(u);
			return 1 / (c * c);
		},
		'1/cosh²(u)'
	),
	// d exp u = exp u du: the derivative is the value itself
	exp: rule('exp', (_u, v) => v, 'exp(u)'),
	// d log u = du / u (natural logarithm), u > 0
	log: rule('log', (u) => 1 / u, '1/u'),
	// d log10 u = du / (u ln 10), u > 0
	log10: rule('log10', (u) => 1 / (u * LN10), '1/(u·ln 10)'),
	// d sqrt u = du / (2 sqrt u), u > 0 (∞ at 0)
	sqrt: rule('sqrt', (_u, v) => 1 / (2 * v), '1/(2√u)'),
	// d |u| = sign(u) du, with sign(0) = 0
	abs: rule('abs', (u) => (u > 0 ? 1 : u < 0 ? -1 : u === 0 ? 0 : NaN), 'sign(u)')
};

/** Whether name is a one-argument function with a rule. */
export function hasUnaryRule(name: string): boolean {
	return Object.hasOwn(UNARY_RULES, name);
}

/**
 * a^c for a constant exponent c, as the compiled objective computes it (small integer exponents by
 * multiplication), and its derivative c a^(c-1) (0 when c = 0, even at a = 0).
 */
export function powConstant(a: number, c: number): { value: number; derivative: number } {
	return { value: powReal(a, c), derivative: c === 0 ? 0 : c * powReal(a, c - 1) };
}

/**
 * a^b with both varying: value, ∂/∂a = b a^(b-1) and ∂/∂b = a^b ln a (NaN for a < 0: the real power is
 * only defined there for integer b, where it does not vary with b).
 */
export function powVariable(a: number, b: number): { value: number; da: number; db: number } {
	const value = powReal(a, b);
	return { value, da: b === 0 ? 0 : b * powReal(a, b - 1), db: value * Math.log(a) };
}

/**
 * min(a, b) and max(a, b) with their partial derivatives: 1 for the chosen argument and 0 for the
 * other, and 1/2 each at a tie, which is what the symbolic gradient gives (it differentiates
 * max(a, b) = (a + b + |a - b|) / 2 with |u|'(0) = 0). NaN arguments give NaN partials.
 */
export function minMax(kind: 'min' | 'max', a: number, b: number): { value: number; da: number; db: number } {
	const value = kind === 'min' ? Math.min(a, b) : Math.max(a, b);
	if (Number.isNaN(a) || Number.isNaN(b)) return { value, da: NaN, db: NaN };
	if (a === b) return { value, da: 0.5, db: 0.5 };
	const first = kind === 'min' ? a < b : a > b;
	return { value, da: first ? 1 : 0, db: first ? 0 : 1 };
}
