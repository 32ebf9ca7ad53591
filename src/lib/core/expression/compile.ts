/**
 * Compiles f, its gradient and its Hessian into trees of plain closures over a Float64Array of slots:
 * no eval, no new Function, no mathjs at evaluation time.
 */
import { UNARY_FUNCTIONS, nthRoot, powInt } from './functions';
import { CompileError, IrBuilder } from './ir';
import type { IrNode } from './ir';
import type { MathNode } from './math';
import type { Objective2D } from '../objective';

export { CompileError };

/** A subexpression used more than once gets a slot when inlining it would cost this many closures. */
const SHARE_THRESHOLD = 2;

/** Sharing is used when it divides the closure calls of f + gradient by at least this factor. */
const SHARING_ADVANTAGE = 1.5;

/** A closure over the slots: the value of one subexpression at the current point. */
type Thunk = () => number;

/** An operand: a constant, a slot (x and y are slots 0 and 1), or a closure computing it. */
type Operand = { kind: 'const'; value: number } | { kind: 'slot'; index: number } | { kind: 'fn'; fn: Thunk };

export interface ObjectiveTrees {
	f: MathNode;
	gx: MathNode;
	gy: MathNode;
	hxx: MathNode;
	hxy: MathNode;
	hyy: MathNode;
}

/** Statistics for tests and tuning. */
export interface CompiledStats {
	/** Distinct graph nodes (after sharing equal subexpressions and folding constants). */
	nodes: number;
	/** Whether shared subexpressions are computed once per point (else plain closure trees). */
	sharing: boolean;
	/** Closure calls to evaluate each stage (f, gradient, Hessian) at a new point. */
	calls: [number, number, number];
}

/**
 * Compiles the six trees into an Objective2D that allocates nothing per call (beyond what the engine
 * does for non-inlined returns). Throws CompileError if unsupported.
 *
 * Two forms: plain closure trees per output, or, when equal subexpressions are frequent (products
 * differentiated by the product rule repeat their factors), shared values computed once per point into
 * slots, in three stages (f, gradient, Hessian) so that grad and hessian at the point f was just
 * evaluated at reuse its work, as the trajectory runner does at every step. sharing: 'auto' picks the
 * form with fewer closure calls; 'always' and 'never' force one (for tests).
 */
export function compileObjective(
	trees: ObjectiveTrees,
	sharing: 'auto' | 'always' | 'never' = 'auto'
): Objective2D & { stats: CompiledStats } {
	const builder = new IrBuilder();
	const stageRoots: IrNode[][] = [
		[builder.add(trees.f)],
		[builder.add(trees.gx), builder.add(trees.gy)],
		[builder.add(trees.hxx), builder.add(trees.hxy), builder.add(trees.hyy)]
	];
	const graph = analyse(builder.nodes, stageRoots);
	const shared = planSlots(graph, true);
	const direct = planSlots(graph, false);
	// Sharing costs a slot write and an indirect call per shared value: only worth it when it saves a lot.
	const hotCalls = (plan: SlotPlan): number => plan.calls[0] + plan.calls[1];
	const useSharing =
		sharing === 'auto' ? hotCalls(shared) * SHARING_ADVANTAGE < hotCalls(direct) : sharing === 'always';
	const stats: CompiledStats = {
		nodes: builder.nodes.length,
		sharing: useSharing,
		calls: useSharing ? shared.calls : direct.calls
	};
	const objective = useSharing ? staged(graph, shared, stageRoots) : straight(direct, stageRoots);
	return { ...objective, stats };
}

/** How the graph is used by the three stages (f, gradient, Hessian). */
interface Graph {
	nodes: readonly IrNode[];
	/** The first stage needing each node, or -1. */
	stageOf: Int32Array;
	/** How many times each node is an argument of a needed node. */
	uses: Int32Array;
	isRoot: Uint8Array;
}

function analyse(nodes: readonly IrNode[], stageRoots: IrNode[][]): Graph {
	const stageOf = new Int32Array(nodes.length).fill(-1);
	const uses = new Int32Array(nodes.length);
	const isRoot = new Uint8Array(nodes.length);
	stageRoots.forEach((roots, stage) => {
		const stack = [...roots];
		for (const r of roots) isRoot[r.id] = 1;
		while (stack.length > 0) {
			const node = stack.pop() as IrNode;
			if (stageOf[node.id] >= 0) continue;
			stageOf[node.id] = stage;
			for (const arg of node.args) {
				uses[arg.id]++;
				stack.push(arg);
			}
		}
	});
	return { nodes, stageOf, uses, isRoot };
}

interface SlotPlan {
	/** The slot of each node, or -1 when it is inlined. */
	slotOf: Int32Array;
	slotCount: number;
	/** Slots holding constant roots (sharing only), with their values. */
	constants: [number, number][];
	/** Closure calls per stage to evaluate it at a new point. */
	calls: [number, number, number];
}

/**
 * Slots for x and y and, when sharing, for every root and every node used more than once whose inlined
 * evaluation costs at least SHARE_THRESHOLD closure calls. Without sharing, roots are plain trees.
 */
function planSlots(graph: Graph, sharing: boolean): SlotPlan {
	const { nodes, stageOf, uses, isRoot } = graph;
	const slotOf = new Int32Array(nodes.length).fill(-1);
	slotOf[0] = 0;
	slotOf[1] = 1;
	let slotCount = 2;
	const calls: [number, number, number] = [0, 0, 0];
	const constants: [number, number][] = [];
	// Closures a node costs when inlined, down to operands that are slots or constants.
	const cost = new Float64Array(nodes.length);
	for (const node of nodes) {
		const stage = stageOf[node.id];
		if (stage < 0 || node.op === 'x' || node.op === 'y') continue;
		if (node.op === 'const') {
			if (sharing && isRoot[node.id]) {
				slotOf[node.id] = slotCount++;
				constants.push([slotOf[node.id], node.value]);
			}
			continue;
		}
		let c = 1;
		for (const arg of node.args) if (slotOf[arg.id] < 0) c += cost[arg.id];
		cost[node.id] = c;
		if (sharing && (isRoot[node.id] || (uses[node.id] > 1 && c >= SHARE_THRESHOLD))) {
			slotOf[node.id] = slotCount++;
			calls[stage] += c;
		} else if (isRoot[node.id]) {
			calls[stage] += c;
		}
	}
	return { slotOf, slotCount, constants, calls };
}

/** The closure of a root; constants and x, y included. */
function rootThunk(compiler: ThunkCompiler, node: IrNode): Thunk {
	return thunkOf(compiler.slots, compiler.operand(node));
}

/** No sharing: f, grad and hessian call plain closure trees (the fastest form for small expressions). */
function straight(plan: SlotPlan, stageRoots: IrNode[][]): Objective2D {
	const slots = new Float64Array(plan.slotCount);
	const compiler = new ThunkCompiler(slots, plan.slotOf);
	const [F] = stageRoots[0].map((r) => rootThunk(compiler, r));
	const [GX, GY] = stageRoots[1].map((r) => rootThunk(compiler, r));
	const [HXX, HXY, HYY] = stageRoots[2].map((r) => rootThunk(compiler, r));
	return {
		f: (x: number, y: number): number => {
			slots[0] = x;
			slots[1] = y;
			return F();
		},
		grad: (x: number, y: number, out: Float64Array): void => {
			slots[0] = x;
			slots[1] = y;
			out[0] = GX();
			out[1] = GY();
		},
		hessian: (x: number, y: number, out: Float64Array): void => {
			slots[0] = x;
			slots[1] = y;
			const cross = HXY();
			out[0] = HXX();
			out[1] = cross;
			out[2] = cross;
			out[3] = HYY();
		}
	};
}

/**
 * Sharing: shared values are computed once per point into slots, stage by stage; grad and hessian at the
 * point f (or grad) was just evaluated at only run the stages not yet done.
 */
function staged(graph: Graph, plan: SlotPlan, stageRoots: IrNode[][]): Objective2D {
	const { nodes, stageOf } = graph;
	const slots = new Float64Array(plan.slotCount);
	for (const [index, value] of plan.constants) slots[index] = value;
	const compiler = new ThunkCompiler(slots, plan.slotOf);
	const stageThunks: Thunk[][] = [[], [], []];
	const stageTargets: number[][] = [[], [], []];
	for (const node of nodes) {
		const stage = stageOf[node.id];
		if (stage < 0 || plan.slotOf[node.id] < 2 || node.op === 'const') continue;
		stageThunks[stage].push(compiler.body(node));
		stageTargets[stage].push(plan.slotOf[node.id]);
	}
	const [t0, t1, t2] = stageThunks;
	const [s0, s1, s2] = stageTargets.map((t) => Int32Array.from(t));
	// Every root has a slot here.
	const [f] = stageRoots[0].map((r) => plan.slotOf[r.id]);
	const [gx, gy] = stageRoots[1].map((r) => plan.slotOf[r.id]);
	const [hxx, hxy, hyy] = stageRoots[2].map((r) => plan.slotOf[r.id]);

	const last = new Float64Array([NaN, NaN]);
	/** Stages already computed at the point in last. */
	let done = 0;
	const runStage = (thunks: Thunk[], targets: Int32Array): void => {
		for (let i = 0; i < thunks.length; i++) slots[targets[i]] = thunks[i]();
	};
	/** Brings stages [0, upTo) up to date at (x, y). */
	const prepare = (x: number, y: number, upTo: number): void => {
		// A new point unless equal, sign of zero included (1/x tells 0 from -0).
		const px = last[0];
		const py = last[1];
		if (x !== px || y !== py || (x === 0 && 1 / x !== 1 / px) || (y === 0 && 1 / y !== 1 / py)) {
			slots[0] = x;
			slots[1] = y;
			last[0] = x;
			last[1] = y;
			done = 0;
		}
		if (done < 1 && upTo >= 1) runStage(t0, s0);
		if (done < 2 && upTo >= 2) runStage(t1, s1);
		if (done < 3 && upTo >= 3) runStage(t2, s2);
		if (upTo > done) done = upTo;
	};
	return {
		f: (x: number, y: number): number => {
			prepare(x, y, 1);
			return slots[f];
		},
		grad: (x: number, y: number, out: Float64Array): void => {
			prepare(x, y, 2);
			out[0] = slots[gx];
			out[1] = slots[gy];
		},
		hessian: (x: number, y: number, out: Float64Array): void => {
			prepare(x, y, 3);
			const cross = slots[hxy];
			out[0] = slots[hxx];
			out[1] = cross;
			out[2] = cross;
			out[3] = slots[hyy];
		}
	};
}

/** Turns graph nodes into closures over the slot array. */
class ThunkCompiler {
	private readonly bodies = new Map<number, Thunk>();

	constructor(
		readonly slots: Float64Array,
		private readonly slotOf: Int32Array
	) {}

	/** The operand for a node used inside another: its slot if it has one, else its inlined closure. */
	operand(node: IrNode): Operand {
		if (node.op === 'const') return { kind: 'const', value: node.value };
		const slot = this.slotOf[node.id];
		if (slot >= 0) return { kind: 'slot', index: slot };
		return { kind: 'fn', fn: this.body(node) };
	}

	/** A closure computing node from its operands (one per node: closures are pure and reusable). */
	body(node: IrNode): Thunk {
		let thunk = this.bodies.get(node.id);
		if (thunk === undefined) {
			thunk = this.build(node);
			this.bodies.set(node.id, thunk);
		}
		return thunk;
	}

	private build(node: IrNode): Thunk {
		const a = node.args.length > 0 ? this.operand(node.args[0]) : undefined;
		const b = node.args.length > 1 ? this.operand(node.args[1]) : undefined;
		const S = this.slots;
		switch (node.op) {
			case 'add':
				return add(S, a as Operand, b as Operand);
			case 'sub':
				return subtract(S, a as Operand, b as Operand);
			case 'mul':
				return multiply(S, a as Operand, b as Operand);
			case 'div':
				return divide(S, a as Operand, b as Operand);
			case 'neg':
				return negate(S, a as Operand);
			case 'powi':
				return integerPower(S, a as Operand, node.value);
			case 'powc': {
				const f = thunkOf(S, a as Operand);
				const n = node.value;
				return () => Math.pow(f(), n);
			}
			case 'pow': {
				const f = thunkOf(S, a as Operand);
				const g = thunkOf(S, b as Operand);
				return () => Math.pow(f(), g());
			}
			case 'min': {
				const f = thunkOf(S, a as Operand);
				const g = thunkOf(S, b as Operand);
				return () => Math.min(f(), g());
			}
			case 'max': {
				const f = thunkOf(S, a as Operand);
				const g = thunkOf(S, b as Operand);
				return () => Math.max(f(), g());
			}
			case 'logb': {
				const f = thunkOf(S, a as Operand);
				const g = thunkOf(S, b as Operand);
				return () => Math.log(f()) / Math.log(g());
			}
			case 'nthroot': {
				const f = thunkOf(S, a as Operand);
				const g = thunkOf(S, b as Operand);
				return () => nthRoot(f(), g());
			}
			case 'fn':
				return unary(S, node.name, a as Operand);
			case 'const': {
				const v = node.value;
				return () => v;
			}
			case 'x':
				return () => S[0];
			case 'y':
				return () => S[1];
		}
	}
}

function thunkOf(S: Float64Array, a: Operand): Thunk {
	switch (a.kind) {
		case 'const': {
			const v = a.value;
			return () => v;
		}
		case 'slot': {
			const i = a.index;
			return () => S[i];
		}
		case 'fn':
			return a.fn;
	}
}

/** Operand kinds in the order commutative operators put them: constant, slot, closure. */
const RANK = { const: 0, slot: 1, fn: 2 } as const;

function add(S: Float64Array, p: Operand, q: Operand): Thunk {
	const [a, b] = RANK[p.kind] <= RANK[q.kind] ? [p, q] : [q, p];
	if (a.kind === 'const') {
		const c = a.value;
		if (b.kind === 'slot') {
			const j = b.index;
			return () => c + S[j];
		}
		const g = (b as { fn: Thunk }).fn;
		return () => c + g();
	}
	if (a.kind === 'slot') {
		const i = a.index;
		if (b.kind === 'slot') {
			const j = b.index;
			return () => S[i] + S[j];
		}
		const g = (b as { fn: Thunk }).fn;
		return () => S[i] + g();
	}
	const f = a.fn;
	const g = (b as { fn: Thunk }).fn;
	return () => f() + g();
}

function multiply(S: Float64Array, p: Operand, q: Operand): Thunk {
	const [a, b] = RANK[p.kind] <= RANK[q.kind] ? [p, q] : [q, p];
	if (a.kind === 'const') {
		const c = a.value;
		if (b.kind === 'slot') {
			const j = b.index;
			return () => c * S[j];
		}
		const g = (b as { fn: Thunk }).fn;
		return () => c * g();
	}
	if (a.kind === 'slot') {
		const i = a.index;
		if (b.kind === 'slot') {
			const j = b.index;
			return () => S[i] * S[j];
		}
		const g = (b as { fn: Thunk }).fn;
		return () => S[i] * g();
	}
	const f = a.fn;
	const g = (b as { fn: Thunk }).fn;
	return () => f() * g();
}

function subtract(S: Float64Array, a: Operand, b: Operand): Thunk {
	if (a.kind === 'const') {
		const c = a.value;
		if (b.kind === 'slot') {
			const j = b.index;
			return () => c - S[j];
		}
		const g = (b as { fn: Thunk }).fn;
		return () => c - g();
	}
	if (a.kind === 'slot') {
		const i = a.index;
		switch (b.kind) {
			case 'const': {
				const d = b.value;
				return () => S[i] - d;
			}
			case 'slot': {
				const j = b.index;
				return () => S[i] - S[j];
			}
			case 'fn': {
				const g = b.fn;
				return () => S[i] - g();
			}
		}
	}
	const f = (a as { fn: Thunk }).fn;
	switch (b.kind) {
		case 'const': {
			const d = b.value;
			return () => f() - d;
		}
		case 'slot': {
			const j = b.index;
			return () => f() - S[j];
		}
		case 'fn': {
			const g = b.fn;
			return () => f() - g();
		}
	}
}

function divide(S: Float64Array, a: Operand, b: Operand): Thunk {
	if (a.kind === 'const') {
		const c = a.value;
		if (b.kind === 'slot') {
			const j = b.index;
			return () => c / S[j];
		}
		const g = (b as { fn: Thunk }).fn;
		return () => c / g();
	}
	if (a.kind === 'slot') {
		const i = a.index;
		switch (b.kind) {
			case 'const': {
				const d = b.value;
				return () => S[i] / d;
			}
			case 'slot': {
				const j = b.index;
				return () => S[i] / S[j];
			}
			case 'fn': {
				const g = b.fn;
				return () => S[i] / g();
			}
		}
	}
	const f = (a as { fn: Thunk }).fn;
	switch (b.kind) {
		case 'const': {
			const d = b.value;
			return () => f() / d;
		}
		case 'slot': {
			const j = b.index;
			return () => f() / S[j];
		}
		case 'fn': {
			const g = b.fn;
			return () => f() / g();
		}
	}
}

function negate(S: Float64Array, a: Operand): Thunk {
	if (a.kind === 'slot') {
		const i = a.index;
		return () => -S[i];
	}
	const f = thunkOf(S, a);
	return () => -f();
}

/** v^n for a small integer n: multiplications, and 1/... for negative n. */
function integerPower(S: Float64Array, a: Operand, n: number): Thunk {
	if (a.kind === 'slot') {
		const i = a.index;
		switch (n) {
			case 2:
				return () => S[i] * S[i];
			case 3:
				return () => S[i] * S[i] * S[i];
			case -1:
				return () => 1 / S[i];
			case -2:
				return () => 1 / (S[i] * S[i]);
		}
	}
	const f = thunkOf(S, a);
	switch (n) {
		case 2:
			return () => {
				const v = f();
				return v * v;
			};
		case 3:
			return () => {
				const v = f();
				return v * v * v;
			};
		case 4:
			return () => {
				const v = f();
				const s = v * v;
				return s * s;
			};
		case -1:
			return () => 1 / f();
		case -2:
			return () => {
				const v = f();
				return 1 / (v * v);
			};
	}
	if (n > 0) return () => powInt(f(), n);
	const m = -n;
	return () => 1 / powInt(f(), m);
}

/** One-argument functions; the common ones call Math.* directly. */
function unary(S: Float64Array, name: string, a: Operand): Thunk {
	if (a.kind === 'slot') {
		const i = a.index;
		switch (name) {
			case 'sin':
				return () => Math.sin(S[i]);
			case 'cos':
				return () => Math.cos(S[i]);
			case 'exp':
				return () => Math.exp(S[i]);
			case 'log':
				return () => Math.log(S[i]);
			case 'sqrt':
				return () => Math.sqrt(S[i]);
			case 'abs':
				return () => Math.abs(S[i]);
			case 'sign':
				return () => Math.sign(S[i]);
		}
	}
	const f = thunkOf(S, a);
	switch (name) {
		case 'sin':
			return () => Math.sin(f());
		case 'cos':
			return () => Math.cos(f());
		case 'tan':
			return () => Math.tan(f());
		case 'sec':
			return () => 1 / Math.cos(f());
		case 'exp':
			return () => Math.exp(f());
		case 'log':
			return () => Math.log(f());
		case 'sqrt':
			return () => Math.sqrt(f());
		case 'abs':
			return () => Math.abs(f());
		case 'sign':
			return () => Math.sign(f());
		case 'sinh':
			return () => Math.sinh(f());
		case 'cosh':
			return () => Math.cosh(f());
		case 'tanh':
			return () => Math.tanh(f());
		case 'sech':
			return () => 1 / Math.cosh(f());
		default: {
			const impl = UNARY_FUNCTIONS[name];
			if (impl === undefined) throw new CompileError(`Unsupported function ${name}`);
			return () => impl(f());
		}
	}
}
