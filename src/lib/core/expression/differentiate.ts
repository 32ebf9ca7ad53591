/**
 * Symbolic gradient and Hessian with mathjs's derivative, after rewriting what it cannot differentiate
 * (min, max, and the sign that differentiating abs brings in), with a size bound that keeps it fast.
 */
import { ExpressionFailure, wholeTextError } from './errors';
import { fold } from './fold';
import { MAX_GRADIENT_SIZE, MAX_HESSIAN_SIZE } from './limits';
import {
	call,
	childrenOf,
	differentiateNode,
	functionName,
	isFunctionNode,
	isOperatorNode,
	isSymbolNode,
	mapTree,
	num,
	op,
	sym
} from './math';
import type { MathNode } from './math';

export interface SymbolicDerivatives {
	gx: MathNode;
	gy: MathNode;
	hxx: MathNode;
	/** d2f/dxdy, used for both off-diagonal entries. */
	hxy: MathNode;
	hyy: MathNode;
}

/**
 * Gradient and Hessian of f. Throws ExpressionFailure (covering the whole text) when the derivatives
 * would be too large to build quickly (see derivativeSizeBound).
 */
export function symbolicDerivatives(f: MathNode, text: string): SymbolicDerivatives {
	const smooth = rewriteMinMax(f);
	ensureAffordable(
		derivativeSizeBound(smooth, 'x') + derivativeSizeBound(smooth, 'y'),
		MAX_GRADIENT_SIZE,
		text
	);
	const base = fold(smooth);
	const gx = derive(base, 'x');
	const gy = derive(base, 'y');
	ensureAffordable(
		derivativeSizeBound(gx, 'x') + derivativeSizeBound(gx, 'y') + derivativeSizeBound(gy, 'y'),
		MAX_HESSIAN_SIZE,
		text
	);
	return { gx, gy, hxx: derive(gx, 'x'), hxy: derive(gx, 'y'), hyy: derive(gy, 'y') };
}

function ensureAffordable(size: number, limit: number, text: string): void {
	if (!(size <= limit)) {
		throw new ExpressionFailure(wholeTextError(text, 'Expression is too complex to differentiate quickly'));
	}
}

/**
 * An upper bound of the node count of mathjs's derivative of root (before folding), following its rules:
 * sums differentiate term by term, products copy the other factors, quotients and powers copy their
 * operands two or three times, functions copy their argument up to twice. Shared subtrees count as copies.
 */
export function derivativeSizeBound(root: MathNode, variable: 'x' | 'y'): number {
	const sizes = new Map<MathNode, number>();
	const size = (node: MathNode): number => {
		let s = sizes.get(node);
		if (s === undefined) {
			s = 1;
			for (const child of childrenOf(node)) s += size(child);
			sizes.set(node, s);
		}
		return s;
	};
	const depends = new Map<MathNode, boolean>();
	const dependsOn = (node: MathNode): boolean => {
		let d = depends.get(node);
		if (d === undefined) {
			d = isSymbolNode(node) ? node.name === variable : childrenOf(node).some(dependsOn);
			depends.set(node, d);
		}
		return d;
	};
	const bounds = new Map<MathNode, number>();
	const bound = (node: MathNode): number => {
		let b = bounds.get(node);
		if (b !== undefined) return b;
		const args = childrenOf(node);
		if (!dependsOn(node) || args.length === 0) {
			b = 1;
		} else {
			let sumD = 0;
			let sumSize = 0;
			for (const arg of args) {
				sumD += bound(arg);
				sumSize += size(arg);
			}
			const fn = isOperatorNode(node) ? node.fn : '';
			if (isFunctionNode(node)) {
				// Chain rule: the derivative of the argument times a formula copying it at most twice.
				b = sumD + 2 * sumSize + 10;
			} else if (fn === 'multiply') {
				b = sumD + (args.length - 1) * sumSize + 2 * args.length + 2;
			} else if (fn === 'divide' || fn === 'pow') {
				b = sumD + 3 * sumSize + 10;
			} else {
				// Sums, differences, signs, parentheses.
				b = sumD + 1;
			}
		}
		bounds.set(node, b);
		return b;
	};
	return bound(root);
}

/**
 * max(a, b) = (a + b + abs(a - b)) / 2 and min(a, b) = (a + b - abs(a - b)) / 2, nested pairwise
 * (balanced) for more arguments. Away from ties the gradient is exactly that of the larger (smaller)
 * argument; at a tie it is the mean of both. The arguments are shared, not copied.
 */
export function rewriteMinMax(node: MathNode): MathNode {
	return mapTree(node, (n) => {
		if (!isFunctionNode(n)) return undefined;
		const name = functionName(n);
		if ((name !== 'min' && name !== 'max') || n.args.length < 2) return undefined;
		const args = n.args.map(rewriteMinMax);
		return reducePairs(args, (a, b) => {
			const spread = call('abs', [op('subtract', [a, b])]);
			const total = op(name === 'max' ? 'add' : 'subtract', [op('add', [a, b]), spread]);
			return op('divide', [total, num(2)]);
		});
	});
}

function reducePairs(items: MathNode[], pair: (a: MathNode, b: MathNode) => MathNode): MathNode {
	let level = items;
	while (level.length > 1) {
		const next: MathNode[] = [];
		for (let i = 0; i + 1 < level.length; i += 2) next.push(pair(level[i], level[i + 1]));
		if (level.length % 2 === 1) next.push(level[level.length - 1]);
		level = next;
	}
	return level[0];
}

const PLACEHOLDER = '_sign';

/**
 * d node / d variable, folded. mathjs differentiates abs(u) as abs(u)/u, which is 0/0 = NaN at u = 0;
 * it is rewritten as sign(u): equal wherever u != 0, and 0 (the mean of the one-sided slopes) at u = 0,
 * so gradients stay finite at kinks. mathjs cannot differentiate sign, so each sign(u) is hidden behind
 * a placeholder symbol (a constant to mathjs: the derivative of sign is 0 wherever it exists).
 */
export function derive(node: MathNode, variable: 'x' | 'y'): MathNode {
	const signs: MathNode[] = [];
	const hidden = mapTree(node, (n) => {
		if (!isFunctionNode(n) || functionName(n) !== 'sign') return undefined;
		signs.push(n);
		return sym(`${PLACEHOLDER}${signs.length - 1}`);
	});
	const derivative = fold(differentiateNode(hidden, variable), { absToSign: true });
	if (signs.length === 0) return derivative;
	return mapTree(derivative, (n) => {
		if (!isSymbolNode(n) || !n.name.startsWith(PLACEHOLDER)) return undefined;
		return signs[Number(n.name.slice(PLACEHOLDER.length))];
	});
}
