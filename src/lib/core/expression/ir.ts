/**
 * A hash-consed graph of the arithmetic in f, its gradient and its Hessian: equal subexpressions become
 * one node (so they are computed once per point), constants are folded, and powers are classified.
 */
import {
	BINARY_FUNCTIONS,
	UNARY_FUNCTIONS,
	isCompilable,
	isSmallInteger,
	nthRoot,
	powReal
} from './functions';
import {
	functionName,
	isConstantNode,
	isFunctionNode,
	isOperatorNode,
	isParenthesisNode,
	isSymbolNode
} from './math';
import type { MathNode } from './math';

export type IrOp =
	| 'const'
	| 'x'
	| 'y'
	| 'add'
	| 'sub'
	| 'mul'
	| 'div'
	| 'neg'
	/** args[0] ^ value for a small integer value (multiplications). */
	| 'powi'
	/** args[0] ^ value for another constant value (Math.pow). */
	| 'powc'
	/** args[0] ^ args[1] (Math.pow). */
	| 'pow'
	| 'min'
	| 'max'
	/** log(args[0]) / log(args[1]). */
	| 'logb'
	/** nthRoot(args[0], args[1]). */
	| 'nthroot'
	/** A one-argument function, by name (see UNARY_FUNCTIONS). */
	| 'fn';

export interface IrNode {
	/** Creation index: children always have smaller ids than their parents. */
	readonly id: number;
	readonly op: IrOp;
	readonly args: readonly IrNode[];
	/** The constant for 'const', the exponent for 'powi' and 'powc', else 0. */
	readonly value: number;
	/** The function name for 'fn', else ''. */
	readonly name: string;
}

/** Thrown for a node outside what the compiler supports (never for validated input or its derivatives). */
export class CompileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CompileError';
	}
}

const COMMUTATIVE: ReadonlySet<IrOp> = new Set(['add', 'mul', 'min', 'max']);

/** Builds one graph from several mathjs trees; equal subexpressions across all of them are shared. */
export class IrBuilder {
	/** Every node, in creation order (a topological order). */
	readonly nodes: IrNode[] = [];
	private readonly table = new Map<string, IrNode>();
	private readonly memo = new Map<MathNode, IrNode>();

	constructor() {
		this.make('x', [], 0, '');
		this.make('y', [], 0, '');
	}

	/** The graph node of a mathjs tree (which may share subtrees). Throws CompileError when unsupported. */
	add(node: MathNode): IrNode {
		let out = this.memo.get(node);
		if (out === undefined) {
			out = this.translate(node);
			this.memo.set(node, out);
		}
		return out;
	}

	constant(value: number): IrNode {
		return this.make('const', [], value, '');
	}

	private translate(node: MathNode): IrNode {
		if (isConstantNode(node)) {
			if (typeof node.value !== 'number') {
				throw new CompileError(`Unsupported constant ${String(node.value)}`);
			}
			return this.constant(node.value);
		}
		if (isSymbolNode(node)) {
			switch (node.name) {
				case 'x':
					return this.nodes[0];
				case 'y':
					return this.nodes[1];
				case 'pi':
					return this.constant(Math.PI);
				case 'e':
					return this.constant(Math.E);
			}
			throw new CompileError(`Unknown symbol ${node.name}`);
		}
		if (isParenthesisNode(node)) return this.add(node.content);
		if (isOperatorNode(node)) {
			const args = node.args.map((a) => this.add(a));
			const n = args.length;
			if (node.fn === 'unaryPlus' && n === 1) return args[0];
			if (node.fn === 'unaryMinus' && n === 1) return this.op('neg', args);
			if (node.fn === 'add' && n >= 2) return args.reduce((a, b) => this.op('add', [a, b]));
			if (node.fn === 'multiply' && n >= 2) return args.reduce((a, b) => this.op('mul', [a, b]));
			if (node.fn === 'subtract' && n === 2) return this.op('sub', args);
			if (node.fn === 'divide' && n === 2) return this.op('div', args);
			if (node.fn === 'pow' && n === 2) return this.power(args[0], args[1]);
			throw new CompileError(`Unsupported operator ${node.op} with ${n} operands`);
		}
		if (isFunctionNode(node)) {
			const name = functionName(node);
			const args = node.args.map((a) => this.add(a));
			if (name === undefined || !isCompilable(name, args.length)) {
				throw new CompileError(`Unsupported function ${name ?? '?'} with ${args.length} arguments`);
			}
			if (name === 'min' || name === 'max') return args.reduce((a, b) => this.op(name, [a, b]));
			if (args.length === 1) return this.fn(name === 'nthRoot' ? 'sqrt' : name, args[0]);
			if (name === 'pow') return this.power(args[0], args[1]);
			if (name === 'log') return this.op('logb', args);
			return this.op('nthroot', args);
		}
		throw new CompileError(`Unsupported node ${node.type}`);
	}

	/**
	 * a^b: small integer exponents multiply, 0.5 is sqrt, other exponents use Math.pow. A negative base
	 * with a fractional exponent then gives NaN where mathjs gives a complex number; the trajectory runner
	 * reports NaN as divergence.
	 */
	private power(base: IrNode, exponent: IrNode): IrNode {
		if (base.op === 'const' && exponent.op === 'const') {
			return this.constant(powReal(base.value, exponent.value));
		}
		if (exponent.op !== 'const') return this.op('pow', [base, exponent]);
		const n = exponent.value;
		if (n === 0) return this.constant(1);
		if (n === 1) return base;
		if (n === 0.5) return this.fn('sqrt', base);
		return this.make(isSmallInteger(n) ? 'powi' : 'powc', [base], n, '');
	}

	private fn(name: string, arg: IrNode): IrNode {
		if (arg.op === 'const') return this.constant(UNARY_FUNCTIONS[name](arg.value));
		return this.make('fn', [arg], 0, name);
	}

	private op(op: IrOp, args: IrNode[]): IrNode {
		if (args.every((a) => a.op === 'const')) {
			return this.constant(foldConstant(op, args[0].value, args[1]?.value));
		}
		const ordered = COMMUTATIVE.has(op) && args[0].id > args[1].id ? [args[1], args[0]] : args;
		return this.make(op, ordered, 0, '');
	}

	private make(op: IrOp, args: IrNode[], value: number, name: string): IrNode {
		const key = `${op}|${name}|${Object.is(value, -0) ? '-0' : value}|${args.map((a) => a.id).join(',')}`;
		let node = this.table.get(key);
		if (node === undefined) {
			node = { id: this.nodes.length, op, args, value, name };
			this.nodes.push(node);
			this.table.set(key, node);
		}
		return node;
	}
}

function foldConstant(op: IrOp, a: number, b: number): number {
	switch (op) {
		case 'add':
			return a + b;
		case 'sub':
			return a - b;
		case 'mul':
			return a * b;
		case 'div':
			return a / b;
		case 'neg':
			return -a;
		case 'min':
			return Math.min(a, b);
		case 'max':
			return Math.max(a, b);
		case 'logb':
			return BINARY_FUNCTIONS.log(a, b);
		case 'nthroot':
			return nthRoot(a, b);
		default:
			throw new CompileError(`Cannot fold ${op}`);
	}
}
