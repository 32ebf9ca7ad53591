/**
 * Forward-mode automatic differentiation with dual numbers a + bε (ε² = 0): arithmetic, every function
 * the expression whitelist allows, and the gradient of a typed expression by two forward passes.
 */
import { constValue } from '../expression/fold';
import {
	functionName,
	isFunctionNode,
	isOperatorNode,
	isParenthesisNode,
	isSymbolNode
} from '../expression/math';
import type { MathNode } from '../expression/math';
import { isParsedExpression, parseExpressionTree } from './parse';
import type { ParsedExpression } from './parse';
import { UNARY_RULES, hasUnaryRule, minMax, powConstant, powVariable } from './rules';

/**
 * value + tangent·ε. Since ε² = 0, f(a + bε) = f(a) + f'(a)·b·ε for any smooth f (Taylor's formula stops
 * after the linear term), so carrying the tangent through a computation carries the derivative along.
 */
export interface Dual {
	readonly value: number;
	readonly tangent: number;
}

export function dual(value: number, tangent = 0): Dual {
	return { value, tangent };
}

/**
 * coefficient·tangent, where a zero tangent contributes exactly 0 even if the coefficient is ∞ or NaN:
 * a zero tangent means "does not depend on the seeded variable", as in the symbolic derivative, which
 * never evaluates the chain factor of a constant subexpression (e.g. d/dy of sqrt(x) at x = 0 is 0).
 */
function chain(coefficient: number, tangent: number): number {
	return tangent === 0 ? 0 : coefficient * tangent;
}

/** (a + bε) + (c + dε) = (a + c) + (b + d)ε */
export function dAdd(p: Dual, q: Dual): Dual {
	return dual(p.value + q.value, p.tangent + q.tangent);
}

/** (a + bε) - (c + dε) = (a - c) + (b - d)ε */
export function dSub(p: Dual, q: Dual): Dual {
	return dual(p.value - q.value, p.tangent - q.tangent);
}

/** -(a + bε) = -a - bε */
export function dNeg(p: Dual): Dual {
	return dual(-p.value, -p.tangent);
}

/** (a + bε)(c + dε) = ac + (ad + bc)ε + bdε² = ac + (ad + bc)ε: the product rule. */
export function dMul(p: Dual, q: Dual): Dual {
	return dual(p.value * q.value, chain(q.value, p.tangent) + chain(p.value, q.tangent));
}

/** (a + bε) / (c + dε) = a/c + (b/c - a·d/c²)ε: the quotient rule (multiply by (c - dε)/(c - dε)). */
export function dDiv(p: Dual, q: Dual): Dual {
	const v = p.value / q.value;
	return dual(v, chain(1 / q.value, p.tangent) - chain(v / q.value, q.tangent));
}

/**
 * (a + bε)^(c + dε) = a^c + (c·a^(c-1)·b + a^c·ln a·d)ε. A constant exponent (d = 0) leaves the power
 * rule c·a^(c-1)·b, defined for negative a too; a constant base (b = 0) leaves a^c·ln a·d.
 */
export function dPow(p: Dual, q: Dual): Dual {
	if (q.tangent === 0) {
		const r = powConstant(p.value, q.value);
		return dual(r.value, chain(r.derivative, p.tangent));
	}
	const r = powVariable(p.value, q.value);
	return dual(r.value, chain(r.da, p.tangent) + chain(r.db, q.tangent));
}

/**
 * min and max follow the smaller (larger) argument's tangent; at a tie, where they have no derivative,
 * the mean of both tangents (what the optimizers' symbolic gradient gives).
 */
export function dMin(p: Dual, q: Dual): Dual {
	const r = minMax('min', p.value, q.value);
	return dual(r.value, chain(r.da, p.tangent) + chain(r.db, q.tangent));
}

export function dMax(p: Dual, q: Dual): Dual {
	const r = minMax('max', p.value, q.value);
	return dual(r.value, chain(r.da, p.tangent) + chain(r.db, q.tangent));
}

/**
 * f(a + bε) = f(a) + f'(a)·b·ε for a whitelisted one-argument function f (see UNARY_RULES for each f').
 * Throws for an unknown name (never for validated expressions).
 */
export function dApply(name: string, p: Dual): Dual {
	if (!hasUnaryRule(name)) throw new Error(`No derivative rule for ${name}`);
	const rule = UNARY_RULES[name];
	const v = rule.value(p.value);
	return dual(v, p.tangent === 0 ? 0 : chain(rule.derivative(p.value, v), p.tangent));
}

/** Evaluates a validated expression on dual numbers: x and y are replaced by the given duals. */
export function evaluateDual(expression: ParsedExpression, x: Dual, y: Dual): Dual {
	const visit = (node: MathNode): Dual => {
		const c = constValue(node);
		if (c !== undefined) return dual(c);
		if (isSymbolNode(node)) {
			if (node.name === 'x') return x;
			if (node.name === 'y') return y;
		} else if (isParenthesisNode(node)) {
			return visit(node.content);
		} else if (isOperatorNode(node)) {
			const args = node.args.map(visit);
			switch (node.fn) {
				case 'add':
					return args.reduce(dAdd);
				case 'multiply':
					return args.reduce(dMul);
				case 'subtract':
					return dSub(args[0], args[1]);
				case 'divide':
					return dDiv(args[0], args[1]);
				case 'pow':
					return dPow(args[0], args[1]);
				case 'unaryMinus':
					return dNeg(args[0]);
				case 'unaryPlus':
					return args[0];
			}
		} else if (isFunctionNode(node)) {
			const name = functionName(node) ?? '';
			const args = node.args.map(visit);
			if (name === 'min') return args.reduce(dMin);
			if (name === 'max') return args.reduce(dMax);
			if (args.length === 1) return dApply(name, args[0]);
		}
		throw new Error(`Not a validated expression node: ${node.type}`);
	};
	return visit(expression.root);
}

/**
 * [df/dx, df/dy] at (x, y) by two forward passes: seeding ε on x (x + 1ε, y + 0ε) gives df/dx as the
 * output's tangent, then seeding it on y gives df/dy. Text is validated first; invalid text throws an
 * Error with the validation message (use parseExpressionTree to get the error without exceptions).
 */
export function dualGradient(expression: ParsedExpression | string, x: number, y: number): [number, number] {
	const parsed = toParsed(expression);
	const dx = evaluateDual(parsed, dual(x, 1), dual(y, 0));
	const dy = evaluateDual(parsed, dual(x, 0), dual(y, 1));
	return [dx.tangent, dy.tangent];
}

/** f(x, y) and its gradient by forward mode (the value comes with either pass). */
export function dualValueAndGradient(
	expression: ParsedExpression | string,
	x: number,
	y: number
): { value: number; gradient: [number, number] } {
	const parsed = toParsed(expression);
	const dx = evaluateDual(parsed, dual(x, 1), dual(y, 0));
	const dy = evaluateDual(parsed, dual(x, 0), dual(y, 1));
	return { value: dx.value, gradient: [dx.tangent, dy.tangent] };
}

function toParsed(expression: ParsedExpression | string): ParsedExpression {
	if (isParsedExpression(expression)) return expression;
	const result = parseExpressionTree(expression);
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}
