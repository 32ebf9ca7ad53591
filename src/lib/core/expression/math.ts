/**
 * A private mathjs instance (parse and derivative only, so nobody else's configuration leaks in) and
 * small typed helpers to read and build its expression nodes.
 */
import { create, derivativeDependencies, parseDependencies } from 'mathjs';
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, ParenthesisNode, SymbolNode } from 'mathjs';

const math = create({ parseDependencies, derivativeDependencies }, {});

export type { MathNode };

/** mathjs parse: text to tree. Throws SyntaxError with a 1-based `char` on bad syntax. */
export function parseText(text: string): MathNode {
	return math.parse(text);
}

/** d node / d variable without mathjs's simplify (far too slow to run per keystroke). */
export function differentiateNode(node: MathNode, variable: 'x' | 'y'): MathNode {
	return math.derivative(node, variable, { simplify: false });
}

/** The arithmetic operators the pipeline works with, by mathjs function name. */
export type ArithmeticFn = 'add' | 'subtract' | 'multiply' | 'divide' | 'pow' | 'unaryMinus' | 'unaryPlus';

const OPERATOR_SYMBOL: Record<ArithmeticFn, string> = {
	add: '+',
	subtract: '-',
	multiply: '*',
	divide: '/',
	pow: '^',
	unaryMinus: '-',
	unaryPlus: '+'
};

/** An operator node with its function name and arguments, loosely typed. */
export type AnyOperatorNode = Omit<OperatorNode<never, never, MathNode[]>, 'fn' | 'op'> & {
	fn: string;
	op: string;
};

export function isConstantNode(node: MathNode): node is ConstantNode<unknown & number> {
	return node.type === 'ConstantNode';
}
export function isSymbolNode(node: MathNode): node is SymbolNode {
	return node.type === 'SymbolNode';
}
export function isOperatorNode(node: MathNode): node is AnyOperatorNode {
	return node.type === 'OperatorNode';
}
export function isFunctionNode(node: MathNode): node is FunctionNode<MathNode> {
	return node.type === 'FunctionNode';
}
export function isParenthesisNode(node: MathNode): node is ParenthesisNode {
	return node.type === 'ParenthesisNode';
}

/** The name of a called function when it is a plain name (sin(x)), else undefined. */
export function functionName(node: FunctionNode<MathNode>): string | undefined {
	return isSymbolNode(node.fn) ? node.fn.name : undefined;
}

/** A numeric constant; negative values (and -0) become unary minus of a positive constant, so that
 * printing (-2)^x keeps its parentheses. */
export function num(value: number): MathNode {
	if (value < 0 || Object.is(value, -0)) return op('unaryMinus', [new math.ConstantNode(-value)]);
	return new math.ConstantNode(value);
}

export function sym(name: string): MathNode {
	return new math.SymbolNode(name);
}

const LooseOperatorNode = math.OperatorNode as unknown as new (
	op: string,
	fn: string,
	args: MathNode[],
	implicit?: boolean
) => MathNode;

export function op(fn: ArithmeticFn, args: MathNode[], implicit = false): MathNode {
	return new LooseOperatorNode(OPERATOR_SYMBOL[fn], fn, args, implicit);
}

export function call(name: string, args: MathNode[]): MathNode {
	return new math.FunctionNode(new math.SymbolNode(name), args);
}

/** Direct children of a node, for the node kinds the pipeline accepts (others have none here). */
export function childrenOf(node: MathNode): readonly MathNode[] {
	if (isOperatorNode(node) || isFunctionNode(node)) return node.args;
	if (isParenthesisNode(node)) return [node.content];
	return [];
}

/**
 * Rebuilds a tree bottom-up, replacing each node for which replace returns a node (its subtree is then
 * not visited). Shared subtrees are visited once; unchanged subtrees are kept as they are.
 */
export function mapTree(root: MathNode, replace: (node: MathNode) => MathNode | undefined): MathNode {
	const memo = new Map<MathNode, MathNode>();
	const visit = (node: MathNode): MathNode => {
		const cached = memo.get(node);
		if (cached !== undefined) return cached;
		let out = replace(node);
		if (out === undefined) {
			const children = childrenOf(node);
			const mapped = children.map(visit);
			out = mapped.every((c, i) => c === children[i]) ? node : withChildren(node, mapped);
		}
		memo.set(node, out);
		return out;
	};
	return visit(root);
}

function withChildren(node: MathNode, children: MathNode[]): MathNode {
	if (isOperatorNode(node)) return new LooseOperatorNode(node.op, node.fn, children, node.implicit);
	if (isFunctionNode(node)) return new math.FunctionNode(node.fn, children);
	if (isParenthesisNode(node)) return new math.ParenthesisNode(children[0]);
	return node;
}
