/**
 * What users may type: the allowed names, functions (with their argument counts) and operators, plus the
 * short explanations given when something else is typed.
 */

/** Variables of the objective. */
export const VARIABLES: ReadonlySet<string> = new Set(['x', 'y']);

/** Named constants (mathjs values: Math.PI and Math.E). */
export const CONSTANTS: ReadonlySet<string> = new Set(['pi', 'e']);

/** Allowed functions and how many arguments each takes. */
export const FUNCTIONS: ReadonlyMap<string, { min: number; max: number }> = new Map(
	[
		...['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh'],
		...['exp', 'log', 'log10', 'sqrt', 'abs']
	]
		.map((name): [string, { min: number; max: number }] => [name, { min: 1, max: 1 }])
		.concat([
			['min', { min: 2, max: Infinity }],
			['max', { min: 2, max: Infinity }]
		])
);

/** mathjs operator functions users may write: + - * / ^, unary minus and plus. */
export const OPERATOR_FNS: ReadonlySet<string> = new Set([
	'add',
	'subtract',
	'multiply',
	'divide',
	'pow',
	'unaryMinus',
	'unaryPlus'
]);

/** mathjs's word operators, with why each is refused. */
const WORD_OPERATORS: ReadonlyMap<string, string> = new Map([
	['and', 'logical operators are not supported'],
	['or', 'logical operators are not supported'],
	['xor', 'logical operators are not supported'],
	['not', 'logical operators are not supported'],
	['mod', 'modulo is not supported'],
	['to', 'units are not supported'],
	['in', 'units are not supported']
]);

/** Why a forbidden delimiter is refused. */
const DELIMITER_REASONS: ReadonlyMap<string, string> = new Map([
	['=', 'type only the expression, without "f ="'],
	[';', 'type a single expression'],
	['#', 'comments are not supported'],
	['"', 'text strings are not supported'],
	["'", 'text strings and transpose are not supported'],
	['[', 'matrices are not supported'],
	[']', 'matrices are not supported'],
	['{', 'objects are not supported'],
	['}', 'objects are not supported'],
	['!', 'factorial is not supported'],
	['%', 'modulo is not supported'],
	['?', 'conditionals are not supported'],
	['??', 'conditionals are not supported'],
	['?.', 'property access is not supported'],
	[':', 'ranges and conditionals are not supported'],
	['.', 'a dot is only allowed inside a number'],
	['.*', 'element-wise operators are not supported'],
	['./', 'element-wise operators are not supported'],
	['.^', 'element-wise operators are not supported'],
	['&', 'bitwise operators are not supported'],
	['|', 'bitwise operators are not supported'],
	['^|', 'bitwise operators are not supported'],
	['~', 'bitwise operators are not supported'],
	['<<', 'bitwise operators are not supported'],
	['>>', 'bitwise operators are not supported'],
	['>>>', 'bitwise operators are not supported']
]);

const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '>', '<=', '>=']);

/** Common names for allowed functions, with what to type instead. */
const FUNCTION_ALIASES: ReadonlyMap<string, string> = new Map([
	['ln', 'log'],
	['arcsin', 'asin'],
	['arccos', 'acos'],
	['arctan', 'atan'],
	['pow', 'the ^ operator'],
	['sqr', 'x^2'],
	['square', 'x^2'],
	['exp10', '10^x']
]);

/** Why a word operator is refused, or undefined when the name is not one. */
export function wordOperatorReason(name: string): string | undefined {
	return WORD_OPERATORS.get(name);
}

/** Why a forbidden delimiter or character is refused (a generic reason for unknown characters). */
export function delimiterReason(text: string): string {
	if (COMPARISONS.has(text)) return 'comparisons are not supported';
	return DELIMITER_REASONS.get(text) ?? 'only numbers, x, y, pi, e, + - * / ^, parentheses and functions';
}

/** A suggestion for an unknown name used as a value ("did you mean ..."), or undefined. */
export function symbolHint(name: string): string | undefined {
	const lower = name.toLowerCase();
	if (VARIABLES.has(lower) || CONSTANTS.has(lower)) return `did you mean "${lower}"?`;
	if (name === 'π') return 'use pi';
	return undefined;
}

/** A suggestion for an unknown function name, or undefined. */
export function functionHint(name: string): string | undefined {
	const lower = name.toLowerCase();
	if (lower !== name && FUNCTIONS.has(lower)) return `did you mean "${lower}"?`;
	const alias = FUNCTION_ALIASES.get(lower);
	return alias === undefined ? undefined : `use ${alias}`;
}

/** The arity complaint for a call, or undefined when the count is right. */
export function arityProblem(name: string, count: number): string | undefined {
	const arity = FUNCTIONS.get(name);
	if (arity === undefined || (count >= arity.min && count <= arity.max)) return undefined;
	const plural = (k: number): string => `${k} argument${k === 1 ? '' : 's'}`;
	if (arity.max === Infinity) return `"${name}" takes at least ${plural(arity.min)}, got ${count}`;
	return `"${name}" takes ${plural(arity.min)}, got ${count}`;
}
