/**
 * The computational graph of a typed expression for teaching reverse-mode automatic differentiation:
 * elementary operations as nodes, forward values, local partial derivatives on edges, adjoints, and a tape
 * of forward then backward steps to walk through one at a time.
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
import type { ExpressionError } from '../expression/types';
import { formatNumber } from './format';
import { isParsedExpression, parseExpressionTree } from './parse';
import type { ParsedExpression, SourceSpan } from './parse';
import { UNARY_RULES, hasUnaryRule, minMax, powConstant, powVariable } from './rules';

/** Most nodes a graph may have by default: beyond this it is not drawn (see GraphOptions.maxNodes). */
export const MAX_GRAPH_NODES = 150;

/**
 * Elementary operations. 'powc' is a power with a constant exponent (x^2, kept in the node as `constant`),
 * 'pow' one whose exponent is computed (x^y); 'fn' is a one-argument function named by `fn`.
 */
export type GraphOp =
	'x' | 'y' | 'const' | 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'powc' | 'pow' | 'fn' | 'min' | 'max';

export interface GraphNode {
	/** Index in graph.nodes; inputs always have smaller ids, so id order is a topological order. */
	readonly id: number;
	readonly op: GraphOp;
	/** Short text for display: 'x', '3', 'π', '+', '−', '×', '÷', '^', '^2', 'neg', 'sin', 'max'. */
	readonly label: string;
	/** Name in step descriptions: 'x', 'y', or v1, v2, ... in evaluation order. */
	readonly name: string;
	/** Operand node ids in argument order (the same id twice for x·x when subexpressions are not shared). */
	readonly inputs: readonly number[];
	/** Ids of the edges from the operands, parallel to inputs. */
	readonly inEdges: readonly number[];
	/** Ids of the edges to the nodes using this one. */
	readonly outEdges: readonly number[];
	/** The value of a 'const' node, the exponent of a 'powc' node, else 0. */
	readonly constant: number;
	/** The function name of an 'fn' node, else ''. */
	readonly fn: string;
	/** Where the subexpression stands in the typed text, when known. */
	readonly span: SourceSpan | undefined;
	/** Whether the node depends on x or y (false for constants and subexpressions of constants only). */
	readonly variable: boolean;
}

export interface GraphEdge {
	readonly id: number;
	/** The operand. */
	readonly from: number;
	/** The operation using it. */
	readonly to: number;
	/** Argument position at `to`: 0 for the first operand (the left one of − ÷ ^). */
	readonly index: number;
	/** The local partial derivative ∂to/∂from as a formula in operand names, e.g. 'cos(v2)' or '−v1/v3²'. */
	readonly rule: string;
}

export interface ExpressionGraph {
	/** The expression as typed. */
	readonly text: string;
	/** In topological order: nodes[i].id === i. */
	readonly nodes: readonly GraphNode[];
	readonly edges: readonly GraphEdge[];
	/** The node whose value is f(x, y) (the last one). */
	readonly output: number;
	/** Ids of the input nodes, -1 when the expression does not use that variable. */
	readonly inputs: { readonly x: number; readonly y: number };
	/** Whether identical subexpressions were merged into one node (constants never are). */
	readonly shared: boolean;
}

export interface GraphOptions {
	/** Merge identical operations on the same operands into one node (default false: one node per occurrence). */
	share?: boolean;
	/** Refuse graphs with more nodes than this (default MAX_GRAPH_NODES). */
	maxNodes?: number;
}

export type GraphBuildResult =
	| { ok: true; graph: ExpressionGraph }
	| { ok: false; reason: 'invalid'; error: ExpressionError; message: string }
	| { ok: false; reason: 'too-large'; nodes: number; limit: number; message: string };

/**
 * Builds the graph of a typed (or already validated) expression. x and y are one node each, used by every
 * occurrence; constants are one node per occurrence, with constant subexpressions like -2 or pi folded
 * into one constant node; parentheses and unary plus make no node; a + b + c is two binary additions.
 * Never throws.
 */
export function buildExpressionGraph(
	expression: ParsedExpression | string,
	options: GraphOptions = {}
): GraphBuildResult {
	let parsed: ParsedExpression;
	if (isParsedExpression(expression)) {
		parsed = expression;
	} else {
		const result = parseExpressionTree(expression);
		if (!result.ok)
			return { ok: false, reason: 'invalid', error: result.error, message: result.error.message };
		parsed = result.value;
	}
	const limit = Math.max(1, Math.floor(options.maxNodes ?? MAX_GRAPH_NODES));
	let graph: ExpressionGraph;
	try {
		graph = new GraphBuilder(parsed, options.share === true).build();
	} catch (e) {
		const message = `Could not build the graph: ${e instanceof Error ? e.message : 'unknown failure'}`;
		return { ok: false, reason: 'invalid', error: wholeText(parsed.text, message), message };
	}
	if (graph.nodes.length > limit) {
		const nodes = graph.nodes.length;
		return {
			ok: false,
			reason: 'too-large',
			nodes,
			limit,
			message: `Expression too large to draw: ${nodes} nodes (limit ${limit})`
		};
	}
	return { ok: true, graph };
}

function wholeText(text: string, message: string): ExpressionError {
	return { message, token: text, start: 0, end: text.length };
}

const OP_SYMBOL: Partial<Record<GraphOp, string>> = { add: '+', sub: '−', mul: '×', div: '÷', pow: '^' };

interface MutableNode {
	id: number;
	op: GraphOp;
	label: string;
	name: string;
	inputs: number[];
	inEdges: number[];
	outEdges: number[];
	constant: number;
	fn: string;
	span: SourceSpan | undefined;
	variable: boolean;
}

class GraphBuilder {
	private readonly nodes: MutableNode[] = [];
	private readonly inputIds = { x: -1, y: -1 };
	/** Structural key id of each operation node built so far -> node id (sharing only). */
	private readonly byKey = new Map<number, number>();
	private readonly keyIds = new Map<string, number>();
	private readonly keyOf = new Map<MathNode, number>();

	constructor(
		private readonly parsed: ParsedExpression,
		private readonly share: boolean
	) {}

	build(): ExpressionGraph {
		if (this.share) this.key(this.parsed.root);
		const output = this.visit(this.parsed.root);
		// Names in evaluation order: inputs keep their own names.
		let k = 0;
		for (const n of this.nodes) n.name = n.op === 'x' || n.op === 'y' ? n.op : `v${++k}`;
		const edges: GraphEdge[] = [];
		for (const n of this.nodes) {
			n.inputs.forEach((from, index) => {
				const id = edges.length;
				edges.push({ id, from, to: n.id, index, rule: '' });
				n.inEdges.push(id);
				this.nodes[from].outEdges.push(id);
			});
		}
		const withRules = edges.map((e) => ({ ...e, rule: edgeRule(this.nodes, this.nodes[e.to], e.index) }));
		return {
			text: this.parsed.text,
			nodes: this.nodes,
			edges: withRules,
			output,
			inputs: { ...this.inputIds },
			shared: this.share
		};
	}

	/** Interned structural key of a subtree: equal keys, equal subexpressions (as the graph sees them). */
	private key(node: MathNode): number {
		const known = this.keyOf.get(node);
		if (known !== undefined) return known;
		const c = constValue(node);
		let text: string;
		if (c !== undefined) {
			text = `c|${Object.is(c, -0) ? '-0' : c}`;
		} else if (isParenthesisNode(node)) {
			return this.remember(node, this.key(node.content));
		} else if (isSymbolNode(node)) {
			text = `s|${node.name}`;
		} else if (isOperatorNode(node)) {
			if (node.fn === 'unaryPlus') return this.remember(node, this.key(node.args[0]));
			text = `o|${node.fn}|${node.args.map((a) => this.key(a)).join(',')}`;
		} else if (isFunctionNode(node)) {
			text = `f|${functionName(node) ?? ''}|${node.args.map((a) => this.key(a)).join(',')}`;
		} else {
			text = `?|${node.type}`;
		}
		let id = this.keyIds.get(text);
		if (id === undefined) {
			id = this.keyIds.size;
			this.keyIds.set(text, id);
		}
		return this.remember(node, id);
	}

	private remember(node: MathNode, id: number): number {
		this.keyOf.set(node, id);
		return id;
	}

	private visit(node: MathNode): number {
		const span = this.parsed.spans.get(node);
		const c = constValue(node);
		if (c !== undefined)
			return this.make('const', [], { constant: c, label: constantLabel(c, span, this.parsed.text), span });
		if (isParenthesisNode(node)) return this.visit(node.content);
		if (isSymbolNode(node) && (node.name === 'x' || node.name === 'y')) {
			const name = node.name;
			if (this.inputIds[name] < 0) this.inputIds[name] = this.make(name, [], { label: name, span });
			return this.inputIds[name];
		}
		const sharedKey = this.share ? this.keyOf.get(node) : undefined;
		if (sharedKey !== undefined) {
			const existing = this.byKey.get(sharedKey);
			if (existing !== undefined) return existing;
		}
		const id = this.operation(node, span);
		const op = this.nodes[id].op;
		if (sharedKey !== undefined && op !== 'x' && op !== 'y' && op !== 'const') this.byKey.set(sharedKey, id);
		return id;
	}

	private operation(node: MathNode, span: SourceSpan | undefined): number {
		if (isOperatorNode(node)) {
			const fn = node.fn;
			if (fn === 'unaryPlus' && node.args.length === 1) return this.visit(node.args[0]);
			if (fn === 'unaryMinus' && node.args.length === 1) {
				return this.make('neg', [this.visit(node.args[0])], { label: 'neg', span });
			}
			if (fn === 'pow' && node.args.length === 2) {
				const exponent = constValue(node.args[1]);
				const base = this.visit(node.args[0]);
				if (exponent !== undefined) {
					const label = `^${constantLabel(exponent, this.parsed.spans.get(node.args[1]), this.parsed.text)}`;
					return this.make('powc', [base], { constant: exponent, label, span });
				}
				return this.make('pow', [base, this.visit(node.args[1])], { label: '^', span });
			}
			const binary: Record<string, GraphOp> = { add: 'add', subtract: 'sub', multiply: 'mul', divide: 'div' };
			const op = binary[fn];
			if (
				op !== undefined &&
				node.args.length >= 2 &&
				(node.args.length === 2 || op === 'add' || op === 'mul')
			) {
				return this.chain(op, node.args, span);
			}
		} else if (isFunctionNode(node)) {
			const name = functionName(node) ?? '';
			if ((name === 'min' || name === 'max') && node.args.length >= 2)
				return this.chain(name, node.args, span);
			if (node.args.length === 1 && hasUnaryRule(name)) {
				return this.make('fn', [this.visit(node.args[0])], { fn: name, label: name, span });
			}
		}
		throw new Error(`unsupported ${node.type} ${node.toString()}`);
	}

	/** a op b op c ... as ((a op b) op c) ...: binary nodes, the last one spanning the whole call. */
	private chain(op: GraphOp, args: readonly MathNode[], span: SourceSpan | undefined): number {
		let acc = this.visit(args[0]);
		const first = this.parsed.spans.get(args[0]);
		// Between the operands of min(a, b, c) there is no source text of its own for min(a, b).
		const isCall = op === 'min' || op === 'max';
		for (let k = 1; k < args.length; k++) {
			const arg = this.visit(args[k]);
			const end = this.parsed.spans.get(args[k]);
			const partial =
				k === args.length - 1
					? span
					: isCall || first === undefined || end === undefined
						? undefined
						: { start: first.start, end: end.end };
			acc = this.make(op, [acc, arg], { label: OP_SYMBOL[op] ?? op, span: partial });
		}
		return acc;
	}

	private make(
		op: GraphOp,
		inputs: number[],
		extra: { label: string; span: SourceSpan | undefined; constant?: number; fn?: string }
	): number {
		const id = this.nodes.length;
		const variable = op === 'x' || op === 'y' || inputs.some((i) => this.nodes[i].variable);
		this.nodes.push({
			id,
			op,
			label: extra.label,
			name: '',
			inputs,
			inEdges: [],
			outEdges: [],
			constant: extra.constant ?? 0,
			fn: extra.fn ?? '',
			span: extra.span,
			variable
		});
		return id;
	}
}

/** The label of a constant: its source text when short ('2.625', '1e-3', '-2'), π and e, else 4 digits. */
function constantLabel(value: number, span: SourceSpan | undefined, text: string): string {
	const source = span === undefined ? '' : text.slice(span.start, span.end).replace(/[\s()]/g, '');
	if (source === 'pi') return 'π';
	if (source === '-pi') return '−π';
	if (source === 'e' || source === '-e') return source.replace('-', '−');
	if (/^[-+]?[0-9.]+([eE][-+]?[0-9]+)?$/.test(source) && source.length <= 7) {
		return source.replace(/^\+/, '').replace(/-/g, '−');
	}
	return formatNumber(value);
}

/** How an operand appears in formulas: constants by their label, others by name. */
function ref(nodes: readonly Pick<GraphNode, 'op' | 'label' | 'name'>[], id: number): string {
	const n = nodes[id];
	return n.op === 'const' ? n.label : n.name;
}

function edgeRule(nodes: readonly MutableNode[], node: MutableNode, index: number): string {
	const a = ref(nodes, node.inputs[0]);
	const b = node.inputs.length > 1 ? ref(nodes, node.inputs[1]) : '';
	const first = index === 0;
	switch (node.op) {
		case 'add':
			return '1';
		case 'sub':
			return first ? '1' : '−1';
		case 'mul':
			return first ? b : a;
		case 'div':
			return first ? `1/${b}` : `−${a}/${b}²`;
		case 'neg':
			return '−1';
		case 'powc': {
			const c = node.constant;
			if (c === 0) return '0';
			if (c === 1) return '1';
			const power = c - 1 === 1 ? a : `${a}^${formatNumber(c - 1)}`;
			return `${formatNumber(c)}·${power}`;
		}
		case 'pow':
			return first ? `${b}·${a}^(${b}−1)` : `${a}^${b}·ln ${a}`;
		case 'fn':
			return UNARY_RULES[node.fn].formula.replace(/u/g, a);
		case 'min':
		case 'max': {
			const cmp = node.op === 'min' ? '<' : '>';
			return first ? `1 if ${a} ${cmp} ${b}, else 0` : `1 if ${b} ${cmp} ${a}, else 0`;
		}
		default:
			return '';
	}
}

export interface TapeStep {
	/** Position in the tape, 0-based. */
	readonly index: number;
	readonly phase: 'forward' | 'backward';
	readonly node: number;
	/**
	 * The node's incoming edges. Forward: the operand values it reads (and the local partials computed
	 * with them). Backward: the edges along which its now complete adjoint is pushed to its operands.
	 */
	readonly edges: readonly number[];
	/** What the step does, with numbers, e.g. 'v3 = v1 × v2 = 2 × 1.5 = 3'. */
	readonly text: string;
}

export interface EvaluationIssue {
	readonly kind: 'value' | 'adjoint';
	readonly node: number;
	readonly value: number;
	readonly message: string;
}

export interface GraphEvaluation {
	readonly graph: ExpressionGraph;
	readonly x: number;
	readonly y: number;
	/** Forward value of each node. */
	readonly values: Float64Array;
	/** Local partial derivative ∂v_to/∂v_from of each edge, at this point. */
	readonly partials: Float64Array;
	/** What each edge adds to its operand's adjoint: v̄_to · ∂v_to/∂v_from (0 when v̄_to = 0). */
	readonly contributions: Float64Array;
	/** Final adjoint v̄ = ∂f/∂v of each node. */
	readonly adjoints: Float64Array;
	/** f(x, y). */
	readonly value: number;
	/** [x̄, ȳ] = [∂f/∂x, ∂f/∂y]: 0 for a variable the expression does not use. */
	readonly gradient: readonly [number, number];
	/** The forward steps (one per node, in id order) then the backward steps (one per node, reverse order). */
	readonly tape: readonly TapeStep[];
	/** Non-finite forward values (any node) and adjoints (nodes depending on x or y); empty if all finite. */
	readonly issues: readonly EvaluationIssue[];
}

/**
 * Forward pass (values and local partials, node by node in id order), then reverse pass: the output's
 * adjoint is seeded with 1, and each node in reverse order, whose adjoint is then complete since every
 * node using it comes later, adds v̄_node · ∂v_node/∂v_i to the adjoint of each operand i. A zero adjoint
 * adds exactly 0 (even through an infinite partial), as the symbolic gradient does for terms that vanish.
 * Non-finite numbers are carried along and listed in `issues`; never throws.
 */
export function evaluateGraph(graph: ExpressionGraph, x: number, y: number): GraphEvaluation {
	const { nodes, edges } = graph;
	const values = new Float64Array(nodes.length);
	const partials = new Float64Array(edges.length);
	for (const node of nodes) forward(node, values, partials, x, y);
	const replay = replayBackward(graph, partials, nodes.length);
	const adjoints = replay.adjoint;
	const gx = graph.inputs.x >= 0 ? adjoints[graph.inputs.x] : 0;
	const gy = graph.inputs.y >= 0 ? adjoints[graph.inputs.y] : 0;
	const partial: Omit<GraphEvaluation, 'tape' | 'issues'> = {
		graph,
		x,
		y,
		values,
		partials,
		contributions: replay.contributions,
		adjoints,
		value: values[graph.output],
		gradient: [gx, gy]
	};
	return { ...partial, tape: buildTape(partial), issues: findIssues(partial) };
}

function forward(node: GraphNode, values: Float64Array, partials: Float64Array, x: number, y: number): void {
	const a = node.inputs.length > 0 ? values[node.inputs[0]] : NaN;
	const b = node.inputs.length > 1 ? values[node.inputs[1]] : NaN;
	const [e0, e1] = node.inEdges;
	let v: number;
	switch (node.op) {
		case 'x':
			v = x;
			break;
		case 'y':
			v = y;
			break;
		case 'const':
			v = node.constant;
			break;
		case 'add':
			v = a + b;
			partials[e0] = 1;
			partials[e1] = 1;
			break;
		case 'sub':
			v = a - b;
			partials[e0] = 1;
			partials[e1] = -1;
			break;
		case 'mul':
			v = a * b;
			partials[e0] = b;
			partials[e1] = a;
			break;
		case 'div':
			v = a / b;
			partials[e0] = 1 / b;
			partials[e1] = -v / b;
			break;
		case 'neg':
			v = -a;
			partials[e0] = -1;
			break;
		case 'powc': {
			const r = powConstant(a, node.constant);
			v = r.value;
			partials[e0] = r.derivative;
			break;
		}
		case 'pow': {
			const r = powVariable(a, b);
			v = r.value;
			partials[e0] = r.da;
			partials[e1] = r.db;
			break;
		}
		case 'fn': {
			const rule = UNARY_RULES[node.fn];
			v = rule.value(a);
			partials[e0] = rule.derivative(a, v);
			break;
		}
		case 'min':
		case 'max': {
			const r = minMax(node.op, a, b);
			v = r.value;
			partials[e0] = r.da;
			partials[e1] = r.db;
			break;
		}
	}
	values[node.id] = v;
}

/**
 * The reverse pass after its first `count` backward steps: adjoints so far and the contribution of each
 * edge whose step has run. The one routine both evaluateGraph and tapeState use, so they agree exactly.
 */
function replayBackward(
	graph: ExpressionGraph,
	partials: Float64Array,
	count: number
): { adjoint: Float64Array; contributions: Float64Array } {
	const adjoint = new Float64Array(graph.nodes.length);
	const contributions = new Float64Array(graph.edges.length);
	const n = graph.nodes.length;
	for (let k = 0; k < Math.min(count, n); k++) {
		const node = graph.nodes[n - 1 - k];
		if (node.id === graph.output) adjoint[node.id] = 1;
		const bar = adjoint[node.id];
		for (const e of node.inEdges) {
			const c = bar === 0 ? 0 : bar * partials[e];
			contributions[e] = c;
			adjoint[graph.edges[e].from] += c;
		}
	}
	return { adjoint, contributions };
}

function bar(node: GraphNode): string {
	return node.op === 'x' ? 'x̄' : node.op === 'y' ? 'ȳ' : `v̄${node.name.slice(1)}`;
}

function buildTape(e: Omit<GraphEvaluation, 'tape' | 'issues'>): TapeStep[] {
	const { graph, values, partials, contributions, adjoints } = e;
	const { nodes, edges } = graph;
	const f = formatNumber;
	const paren = (v: number): string => (v < 0 || Object.is(v, -0) ? `(${f(v)})` : f(v));
	const tape: TapeStep[] = [];
	for (const node of nodes) {
		const names = node.inputs.map((i) => ref(nodes, i));
		const nums = node.inputs.map((i) => values[i]);
		const v = f(values[node.id]);
		let text: string;
		switch (node.op) {
			case 'x':
			case 'y':
				text = `${node.name} = ${v} (input)`;
				break;
			case 'const':
				text = `${node.name} = ${node.label} (constant)`;
				break;
			case 'neg':
				text = `${node.name} = −${names[0]} = ${v}`;
				break;
			case 'powc':
				text = `${node.name} = ${names[0]}${node.label} = ${paren(nums[0])}${node.label} = ${v}`;
				break;
			case 'fn':
			case 'min':
			case 'max': {
				const name = node.op === 'fn' ? node.fn : node.op;
				text = `${node.name} = ${name}(${names.join(', ')}) = ${name}(${nums.map((v) => f(v)).join(', ')}) = ${v}`;
				break;
			}
			default: {
				const s = OP_SYMBOL[node.op] ?? node.op;
				text = `${node.name} = ${names[0]} ${s} ${names[1]} = ${paren(nums[0])} ${s} ${paren(nums[1])} = ${v}`;
			}
		}
		tape.push({ index: tape.length, phase: 'forward', node: node.id, edges: node.inEdges, text });
	}
	for (let k = nodes.length - 1; k >= 0; k--) {
		const node = nodes[k];
		const own = `${bar(node)} = ${f(adjoints[node.id])}`;
		let text: string;
		if (node.id === graph.output) {
			text = `${bar(node)} = 1 (seed: ∂f/∂f)`;
		} else if (node.op === 'x' || node.op === 'y') {
			text = `${own} = ∂f/∂${node.op}, complete`;
		} else if (node.op === 'const') {
			text = `${own}: a constant, nothing to pass on`;
		} else {
			text = `${own}, complete`;
		}
		const pushes = node.inEdges.map((id) => {
			const edge = edges[id];
			return `${bar(nodes[edge.from])} += ${f(adjoints[node.id])} × ${paren(partials[id])} = ${f(contributions[id])}`;
		});
		if (pushes.length > 0) text += `; ${pushes.join('; ')}`;
		tape.push({ index: tape.length, phase: 'backward', node: node.id, edges: node.inEdges, text });
	}
	return tape;
}

function findIssues(e: Omit<GraphEvaluation, 'tape' | 'issues'>): EvaluationIssue[] {
	const issues: EvaluationIssue[] = [];
	const where = `at (${formatNumber(e.x)}, ${formatNumber(e.y)})`;
	for (const node of e.graph.nodes) {
		const v = e.values[node.id];
		if (!Number.isFinite(v)) {
			issues.push({
				kind: 'value',
				node: node.id,
				value: v,
				message: `${node.name} = ${formatNumber(v)} ${where}`
			});
		}
	}
	for (const node of e.graph.nodes) {
		const a = e.adjoints[node.id];
		if (node.variable && !Number.isFinite(a)) {
			issues.push({
				kind: 'adjoint',
				node: node.id,
				value: a,
				message: `${bar(node)} = ${formatNumber(a)} ${where}`
			});
		}
	}
	return issues;
}

/** What is known after the first `step` steps of the tape (0 = nothing yet, tape.length = everything). */
export interface TapeState {
	/** Completed steps, clamped to [0, total]. */
	readonly step: number;
	readonly total: number;
	/** The phase of the step just completed; 'start' before the first. */
	readonly phase: 'start' | 'forward' | 'backward';
	/** The step just completed (the one to highlight), undefined at step 0. */
	readonly current: TapeStep | undefined;
	/** 1 where the node's forward value has been computed. */
	readonly valueKnown: Uint8Array;
	/** Adjoints accumulated so far (0 where nothing has arrived). */
	readonly adjoint: Float64Array;
	/** 0: nothing received yet, 1: some contributions received, 2: complete (its backward step has run). */
	readonly adjointStatus: Uint8Array;
	/** 0: unused, 1: its value has flowed forward, 2: its contribution has flowed backward. */
	readonly edgeStatus: Uint8Array;
}

/** Replays the tape up to `step` (rounded down and clamped): cheap enough to call on every step change. */
export function tapeState(evaluation: GraphEvaluation, step: number): TapeState {
	const { graph, tape } = evaluation;
	const n = graph.nodes.length;
	const total = tape.length;
	const s = Number.isFinite(step) ? Math.max(0, Math.min(total, Math.floor(step))) : 0;
	const valueKnown = new Uint8Array(n);
	const edgeStatus = new Uint8Array(graph.edges.length);
	const adjointStatus = new Uint8Array(n);
	const forwardDone = Math.min(s, n);
	for (let k = 0; k < forwardDone; k++) {
		valueKnown[k] = 1;
		for (const e of graph.nodes[k].inEdges) edgeStatus[e] = 1;
	}
	const backwardDone = Math.max(0, s - n);
	const { adjoint } = replayBackward(graph, evaluation.partials, backwardDone);
	for (let k = 0; k < backwardDone; k++) {
		const node = graph.nodes[n - 1 - k];
		adjointStatus[node.id] = 2;
		for (const e of node.inEdges) {
			edgeStatus[e] = 2;
			const from = graph.edges[e].from;
			if (adjointStatus[from] === 0) adjointStatus[from] = 1;
		}
	}
	const current = s > 0 ? tape[s - 1] : undefined;
	return {
		step: s,
		total,
		phase: current === undefined ? 'start' : current.phase,
		current,
		valueKnown,
		adjoint,
		adjointStatus,
		edgeStatus
	};
}
