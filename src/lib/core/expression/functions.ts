/**
 * Real-valued implementations of every function the compiler accepts: the user whitelist plus all that
 * mathjs's derivative can emit. Where mathjs would return a complex number these return NaN.
 */

/** Numeric integer powers up to this exponent (in absolute value) use repeated squaring. */
export const MAX_SQUARING_EXPONENT = 64;

/** v^n for an integer 0 <= n by repeated squaring. */
export function powInt(v: number, n: number): number {
	let result = 1;
	let base = v;
	let k = n;
	while (k > 0) {
		if (k & 1) result *= base;
		k >>= 1;
		if (k > 0) base *= base;
	}
	return result;
}

/** Whether an exponent is computed by multiplications rather than Math.pow. */
export function isSmallInteger(n: number): boolean {
	return Number.isInteger(n) && Math.abs(n) <= MAX_SQUARING_EXPONENT;
}

/**
 * a^b as the compiled code computes it: small integer exponents by multiplication (negative ones as
 * 1/...), others with Math.pow, so a negative base with a fractional exponent gives NaN.
 */
export function powReal(a: number, b: number): number {
	if (isSmallInteger(b)) return b >= 0 ? powInt(a, b) : 1 / powInt(a, -b);
	if (b === 0.5) return Math.sqrt(a);
	return Math.pow(a, b);
}

/** n-th root, real-valued: odd roots of negative numbers are negative (as in mathjs). */
export function nthRoot(a: number, n: number): number {
	if (n === 2) return Math.sqrt(a);
	if (n === 3) return Math.cbrt(a);
	if (a < 0 && Number.isInteger(n) && Math.abs(n) % 2 === 1) return -Math.pow(-a, 1 / n);
	return Math.pow(a, 1 / n);
}

/** One-argument functions. */
export const UNARY_FUNCTIONS: Readonly<Record<string, (v: number) => number>> = {
	sin: (v) => Math.sin(v),
	cos: (v) => Math.cos(v),
	tan: (v) => Math.tan(v),
	sec: (v) => 1 / Math.cos(v),
	csc: (v) => 1 / Math.sin(v),
	cot: (v) => 1 / Math.tan(v),
	asin: (v) => Math.asin(v),
	acos: (v) => Math.acos(v),
	atan: (v) => Math.atan(v),
	asec: (v) => Math.acos(1 / v),
	acsc: (v) => Math.asin(1 / v),
	acot: (v) => Math.atan(1 / v),
	sinh: (v) => Math.sinh(v),
	cosh: (v) => Math.cosh(v),
	tanh: (v) => Math.tanh(v),
	sech: (v) => 1 / Math.cosh(v),
	csch: (v) => 1 / Math.sinh(v),
	coth: (v) => 1 / Math.tanh(v),
	asinh: (v) => Math.asinh(v),
	acosh: (v) => Math.acosh(v),
	atanh: (v) => Math.atanh(v),
	asech: (v) => Math.acosh(1 / v),
	acsch: (v) => Math.asinh(1 / v),
	acoth: (v) => Math.atanh(1 / v),
	exp: (v) => Math.exp(v),
	expm1: (v) => Math.expm1(v),
	log: (v) => Math.log(v),
	log10: (v) => Math.log10(v),
	log2: (v) => Math.log2(v),
	log1p: (v) => Math.log1p(v),
	sqrt: (v) => Math.sqrt(v),
	cbrt: (v) => Math.cbrt(v),
	square: (v) => v * v,
	cube: (v) => v * v * v,
	abs: (v) => Math.abs(v),
	sign: (v) => Math.sign(v)
};

/** Functions of two arguments. */
export const BINARY_FUNCTIONS: Readonly<Record<string, (a: number, b: number) => number>> = {
	pow: powReal,
	nthRoot,
	log: (a, b) => Math.log(a) / Math.log(b)
};

/** Functions of two or more arguments. */
export const VARIADIC_FUNCTIONS: Readonly<Record<string, (a: number, b: number) => number>> = {
	min: (a, b) => Math.min(a, b),
	max: (a, b) => Math.max(a, b)
};

/** Whether the compiler can evaluate name with this many arguments. */
export function isCompilable(name: string, argCount: number): boolean {
	if (argCount === 1 && Object.hasOwn(UNARY_FUNCTIONS, name)) return true;
	if (argCount === 2 && Object.hasOwn(BINARY_FUNCTIONS, name)) return true;
	if (argCount === 1 && name === 'nthRoot') return true;
	return argCount >= 2 && Object.hasOwn(VARIADIC_FUNCTIONS, name);
}

/** Evaluates a compilable function on numbers (used for constant folding). */
export function applyFunction(name: string, args: readonly number[]): number {
	if (args.length === 1) {
		if (name === 'nthRoot') return Math.sqrt(args[0]);
		return UNARY_FUNCTIONS[name](args[0]);
	}
	if (args.length === 2 && Object.hasOwn(BINARY_FUNCTIONS, name)) {
		return BINARY_FUNCTIONS[name](args[0], args[1]);
	}
	const pair = VARIADIC_FUNCTIONS[name];
	let acc = pair(args[0], args[1]);
	for (let i = 2; i < args.length; i++) acc = pair(acc, args[i]);
	return acc;
}
