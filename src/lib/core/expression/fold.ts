/**
 * Cheap algebraic clean-up of derivative trees, used instead of mathjs's simplify (far too slow to run
 * per keystroke): constant folding, x*1, x+0, x^1, merged constant factors and signs, flat products.
 */
import { applyFunction, isCompilable, powReal } from './functions';
import {
	call,
	functionName,
	isConstantNode,
	isFunctionNode,
	isOperatorNode,
	isParenthesisNode,
	isSymbolNode,
	num,
	op
} from './math';
import type { AnyOperatorNode, MathNode } from './math';

export interface FoldOptions {
	/**
	 * Rewrite abs(u)/u, what mathjs's derivative emits for abs, as sign(u): equal wherever u != 0, and 0
	 * (the mean of the one-sided slopes) instead of 0/0 = NaN at u = 0.
	 */
	absToSign?: boolean;
}

/** The numeric value of a constant subtree (number, pi, e, or a negated one), else undefined. */
export function constValue(node: MathNode): number | undefined {
	if (isConstantNode(node)) return typeof node.value === 'number' ? node.value : undefined;
	if (isSymbolNode(node)) return node.name === 'pi' ? Math.PI : node.name === 'e' ? Math.E : undefined;
	if (isParenthesisNode(node)) return constValue(node.content);
	if (isOperatorNode(node) && node.fn === 'unaryMinus' && node.args.length === 1) {
		const v = constValue(node.args[0]);
		return v === undefined ? undefined : -v;
	}
	return undefined;
}

/**
 * Folds a tree (which may share subtrees: each shared node is folded once). Rules like 0*u = 0 and
 * 0/u = 0 assume u finite, as computer algebra simplifiers do; they are only used on derivatives, never
 * on f itself, which is compiled as typed so that it matches mathjs.
 */
export function fold(node: MathNode, options: FoldOptions = {}): MathNode {
	const memo = new Map<MathNode, MathNode>();
	const visit = (n: MathNode): MathNode => {
		let out = memo.get(n);
		if (out === undefined) {
			out = foldNode(n, visit, options);
			memo.set(n, out);
		}
		return out;
	};
	return visit(node);
}

function foldNode(node: MathNode, visit: (n: MathNode) => MathNode, options: FoldOptions): MathNode {
	if (isParenthesisNode(node)) return visit(node.content);
	if (isFunctionNode(node)) {
		const name = functionName(node);
		if (name === undefined) return node;
		const args = node.args.map(visit);
		const values = args.map(constValue);
		if (isCompilable(name, args.length) && values.every((v) => v !== undefined)) {
			return num(applyFunction(name, values as number[]));
		}
		return call(name, args);
	}
	if (!isOperatorNode(node)) return node;
	if (node.fn === 'add' || node.fn === 'subtract' || node.fn === 'multiply') return foldChain(node, visit);
	const args = node.args.map(visit);
	switch (node.fn) {
		case 'unaryPlus':
			return args.length === 1 ? args[0] : node;
		case 'unaryMinus':
			return args.length === 1 ? negate(args[0]) : node;
		case 'divide':
			return args.length === 2 ? quotient(args[0], args[1], options) : node;
		case 'pow':
			return args.length === 2 ? power(args[0], args[1]) : node;
		default:
			return node;
	}
}

interface Term {
	sign: number;
	node: MathNode;
}

/** Folds a sum, difference or product together with the chain of them below it. */
function foldChain(node: AnyOperatorNode, visit: (n: MathNode) => MathNode): MathNode {
	if (node.fn === 'multiply') {
		const factors: MathNode[] = [];
		gatherFactors(node, visit, factors);
		return product(factors);
	}
	if (node.fn === 'subtract' && node.args.length !== 2) return node;
	// The whole chain at once: folding each level separately would re-flatten the folded chain below it,
	// quadratic in its length.
	const terms: Term[] = [];
	gatherTerms(node, 1, visit, terms);
	return sum(terms);
}

function gatherTerms(node: MathNode, sign: number, visit: (n: MathNode) => MathNode, out: Term[]): void {
	if (isParenthesisNode(node)) return gatherTerms(node.content, sign, visit, out);
	if (isOperatorNode(node)) {
		if (node.fn === 'add') {
			for (const arg of node.args) gatherTerms(arg, sign, visit, out);
			return;
		}
		if (node.fn === 'subtract' && node.args.length === 2) {
			gatherTerms(node.args[0], sign, visit, out);
			gatherTerms(node.args[1], -sign, visit, out);
			return;
		}
		if (node.fn === 'unaryMinus' && node.args.length === 1) {
			return gatherTerms(node.args[0], -sign, visit, out);
		}
	}
	out.push({ sign, node: visit(node) });
}

function gatherFactors(node: MathNode, visit: (n: MathNode) => MathNode, out: MathNode[]): void {
	if (isParenthesisNode(node)) return gatherFactors(node.content, visit, out);
	if (isOperatorNode(node) && node.fn === 'multiply') {
		for (const arg of node.args) gatherFactors(arg, visit, out);
		return;
	}
	out.push(visit(node));
}

/** Splits off a leading minus: -u, (-c) * u, and negative constants. */
function splitSign(node: MathNode): Term {
	const c = constValue(node);
	if (c !== undefined) return c < 0 ? { sign: -1, node: num(-c) } : { sign: 1, node };
	if (isOperatorNode(node) && node.fn === 'unaryMinus' && node.args.length === 1) {
		const inner = splitSign(node.args[0]);
		return { sign: -inner.sign, node: inner.node };
	}
	if (isOperatorNode(node) && node.fn === 'multiply') {
		const lead = constValue(node.args[0]);
		if (lead !== undefined && lead < 0) {
			const rest = node.args.slice(1);
			const magnitude = -lead === 1 ? rest : [num(-lead), ...rest];
			return { sign: -1, node: magnitude.length === 1 ? magnitude[0] : op('multiply', magnitude) };
		}
	}
	return { sign: 1, node };
}

export function negate(node: MathNode): MathNode {
	const c = constValue(node);
	if (c !== undefined) return num(-c);
	const { sign, node: magnitude } = splitSign(node);
	if (sign < 0) return magnitude;
	if (isOperatorNode(magnitude) && magnitude.fn === 'multiply') {
		const lead = constValue(magnitude.args[0]);
		if (lead !== undefined) return op('multiply', [num(-lead), ...magnitude.args.slice(1)]);
	}
	return op('unaryMinus', [magnitude]);
}

/** Flattens nested sums and differences into signed terms. */
function collectTerms(term: Term, out: Term[]): void {
	const node = term.node;
	if (isOperatorNode(node) && node.fn === 'add') {
		for (const arg of node.args) collectTerms({ sign: term.sign, node: arg }, out);
		return;
	}
	if (isOperatorNode(node) && node.fn === 'subtract' && node.args.length === 2) {
		collectTerms({ sign: term.sign, node: node.args[0] }, out);
		collectTerms({ sign: -term.sign, node: node.args[1] }, out);
		return;
	}
	const split = splitSign(node);
	out.push({ sign: term.sign * split.sign, node: split.node });
}

function sum(input: Term[]): MathNode {
	const terms: Term[] = [];
	for (const t of input) collectTerms(t, terms);
	// Constants are added together and the total put where the first of them stood.
	let constant = 0;
	let constantAt = -1;
	const rest: Term[] = [];
	for (const t of terms) {
		const c = constValue(t.node);
		if (c === undefined) {
			rest.push(t);
		} else {
			constant += t.sign * c;
			if (constantAt < 0) constantAt = rest.length;
		}
	}
	if (constant !== 0 && constantAt >= 0) {
		const term = constant < 0 ? { sign: -1, node: num(-constant) } : { sign: 1, node: num(constant) };
		rest.splice(constantAt, 0, term);
	}
	if (rest.length === 0) return num(constant === 0 ? 0 : constant);
	let acc = rest[0].sign < 0 ? negate(rest[0].node) : rest[0].node;
	for (let i = 1; i < rest.length; i++) {
		acc = op(rest[i].sign < 0 ? 'subtract' : 'add', [acc, rest[i].node]);
	}
	return acc;
}

/** Flattens nested products, multiplies constants together and pulls signs out. */
function product(args: MathNode[]): MathNode {
	let constant = 1;
	const factors: MathNode[] = [];
	const collect = (node: MathNode): void => {
		const c = constValue(node);
		if (c !== undefined) {
			constant *= c;
			return;
		}
		if (isOperatorNode(node) && node.fn === 'multiply') {
			for (const arg of node.args) collect(arg);
			return;
		}
		const split = splitSign(node);
		if (split.sign < 0) {
			constant = -constant;
			collect(split.node);
			return;
		}
		factors.push(node);
	};
	for (const arg of args) collect(arg);
	if (constant === 0) return num(0);
	if (factors.length === 0) return num(constant);
	const body = factors.length === 1 ? factors[0] : op('multiply', factors);
	if (constant === 1) return body;
	if (constant === -1) return negate(body);
	return op('multiply', [num(constant), ...factors]);
}

function quotient(a: MathNode, b: MathNode, options: FoldOptions): MathNode {
	const ca = constValue(a);
	const cb = constValue(b);
	if (ca !== undefined && cb !== undefined) return num(ca / cb);
	if (cb === 1) return a;
	if (cb === -1) return negate(a);
	if (ca === 0) return num(0);
	if (options.absToSign && isFunctionNode(a) && functionName(a) === 'abs' && a.args.length === 1) {
		if (a.args[0].equals(b)) return call('sign', [b]);
	}
	return op('divide', [a, b]);
}

function power(a: MathNode, b: MathNode): MathNode {
	const ca = constValue(a);
	const cb = constValue(b);
	if (ca !== undefined && cb !== undefined) return num(powReal(ca, cb));
	if (cb === 0 || ca === 1) return num(1);
	if (cb === 1) return a;
	if (ca === 0 && cb !== undefined && cb > 0) return num(0);
	return op('pow', [a, b]);
}
