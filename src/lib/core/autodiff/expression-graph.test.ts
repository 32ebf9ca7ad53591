/**
 * The computational graph against independent references: adjoints against the compiled symbolic gradient
 * and finite differences, node values against mathjs evaluating each node's source text, plus the tape.
 */
import { evaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../expression/index';
import { buildExpressionGraph, evaluateGraph, MAX_GRAPH_NODES, tapeState } from './expression-graph';
import type { ExpressionGraph, GraphEvaluation, GraphOptions } from './expression-graph';
import { ALL_CASES, expectClose, finiteDifferenceGradient, samplePoints, symbolic } from './test-cases';

function graphOf(text: string, options?: GraphOptions): ExpressionGraph {
	const r = buildExpressionGraph(text, options);
	if (!r.ok) throw new Error(`${text}: ${r.message}`);
	return r.graph;
}

describe('reverse mode against the symbolic gradient and finite differences', () => {
	for (const [index, c] of ALL_CASES.entries()) {
		it(c.text, () => {
			const reference = symbolic(c.text);
			const plain = graphOf(c.text);
			const shared = graphOf(c.text, { share: true });
			expect(shared.nodes.length).toBeLessThanOrEqual(plain.nodes.length);
			for (const [x, y] of samplePoints(c, 9000 + index, 8)) {
				const f = reference.f(x, y);
				const [gx, gy] = reference.grad(x, y);
				const scale = Math.max(Math.abs(gx), Math.abs(gy));
				const [fx, fy] = finiteDifferenceGradient(reference.f, x, y);
				for (const graph of [plain, shared]) {
					const e = evaluateGraph(graph, x, y);
					expect(e.issues).toEqual([]);
					expectClose(e.value, f, 1e-12, Math.abs(f), `f at ${x}, ${y}`);
					expectClose(e.gradient[0], gx, 1e-10, scale, `x̄ at ${x}, ${y}`);
					expectClose(e.gradient[1], gy, 1e-10, scale, `ȳ at ${x}, ${y}`);
					expectClose(e.gradient[0], fx, 1e-7, Math.max(Math.abs(f), scale), `x̄ vs differences`);
					expectClose(e.gradient[1], fy, 1e-7, Math.max(Math.abs(f), scale), `ȳ vs differences`);
				}
			}
		});
	}
});

describe('graph structure', () => {
	it('is topologically ordered with consistent edges, for every case', () => {
		for (const c of ALL_CASES) {
			const g = graphOf(c.text);
			expect(g.output).toBe(g.nodes.length - 1);
			g.nodes.forEach((n, i) => {
				expect(n.id).toBe(i);
				expect(n.inEdges.length).toBe(n.inputs.length);
				n.inEdges.forEach((e, k) => {
					expect(g.edges[e]).toMatchObject({ from: n.inputs[k], to: n.id, index: k });
					expect(n.inputs[k]).toBeLessThan(n.id);
				});
				for (const e of n.outEdges) expect(g.edges[e].from).toBe(n.id);
				// Every node but the output feeds something.
				if (i !== g.output) expect(n.outEdges.length).toBeGreaterThan(0);
				expect(n.label.length).toBeGreaterThan(0);
			});
			expect(g.edges.reduce((s, e) => s + (g.nodes[e.to].inEdges.includes(e.id) ? 1 : 0), 0)).toBe(
				g.edges.length
			);
		}
	});

	it('has one node per variable, however often it is used', () => {
		const g = graphOf('x * x * x + y * x');
		expect(g.nodes.filter((n) => n.op === 'x')).toHaveLength(1);
		expect(g.nodes[g.inputs.x].outEdges).toHaveLength(4);
		expect(g.nodes[g.inputs.y].outEdges).toHaveLength(1);
	});

	it('labels operations and constants for display', () => {
		const g = graphOf('2.625 * x^2 - sin(y) / -3 + pi^x + x^-2 + e');
		const labels = g.nodes.map((n) => n.label);
		for (const label of ['2.625', 'x', '^2', '×', '−', 'sin', 'y', '÷', '−3', 'π', '^', '^−2', 'e', '+']) {
			expect(labels).toContain(label);
		}
		// -3, pi and e are constants, each one node; x^2 keeps its exponent in the node.
		expect(g.nodes.filter((n) => n.op === 'const').map((n) => n.constant)).toEqual([
			2.625,
			-3,
			Math.PI,
			Math.E
		]);
		expect(g.nodes.find((n) => n.label === '^2')).toMatchObject({ op: 'powc', constant: 2 });
	});

	it('marks constant subexpressions as not variable', () => {
		const g = graphOf('x^(1/2) + 2 * 3');
		for (const n of g.nodes) {
			const usesVariable = n.op === 'x' || n.label === '^' || (n.label === '+' && n.id === g.output);
			expect(n.variable).toBe(usesVariable);
		}
	});

	it('gives each node the source text of its subexpression (checked by evaluating it with mathjs)', () => {
		const cases = ALL_CASES.map((c) => c.text).concat(['((x)) + (-(2)) * y', 'max(x, y, 1) - 2x^2y']);
		for (const text of cases) {
			const g = graphOf(text);
			const e = evaluateGraph(g, 0.7, 1.3);
			for (const n of g.nodes) {
				if (n.span === undefined) {
					// Only the inner pairs of min(a, b, c) and max(a, b, c) have no text of their own.
					expect(['min', 'max'], `${text}: node ${n.name}`).toContain(n.op);
					expect(n.outEdges.map((id) => g.nodes[g.edges[id].to].op)).toEqual([n.op]);
					continue;
				}
				const source = text.slice(n.span!.start, n.span!.end);
				const value = evaluate(source, { x: 0.7, y: 1.3 }) as number;
				expectClose(e.values[n.id], value, 1e-12, Math.abs(value), `${text}: ${n.name} = ${source}`);
			}
		}
	});

	it('shares identical subexpressions only when asked', () => {
		const text = '(x + y) * (x + y) + sin(x + y) + 2 * 2';
		const plain = graphOf(text);
		const shared = graphOf(text, { share: true });
		expect(plain.nodes.filter((n) => n.label === '+' && n.inputs.every((i) => i < 3))).toHaveLength(3);
		const sums = shared.nodes.filter((n) => n.op === 'add' && n.inputs.includes(shared.inputs.x));
		expect(sums).toHaveLength(1);
		expect(sums[0].outEdges).toHaveLength(3);
		// Constants are never merged.
		expect(shared.nodes.filter((n) => n.op === 'const')).toHaveLength(2);
		const [gx, gy] = symbolic(text).grad(0.3, -0.4);
		for (const g of [plain, shared]) {
			const e = evaluateGraph(g, 0.3, -0.4);
			expectClose(e.gradient[0], gx, 1e-12, Math.abs(gx), 'x̄');
			expectClose(e.gradient[1], gy, 1e-12, Math.abs(gy), 'ȳ');
		}
	});
});

describe('adjoint accumulation', () => {
	it('sums the contributions of every use of a variable', () => {
		const g = graphOf('x * x * x + y * x');
		const [x, y] = [1.3, -0.7];
		const e = evaluateGraph(g, x, y);
		const uses = g.nodes[g.inputs.x].outEdges.map((id) => e.contributions[id]);
		expect(uses).toHaveLength(4);
		expect(uses.every((c) => c !== 0)).toBe(true);
		expectClose(
			uses.reduce((a, b) => a + b, 0),
			e.adjoints[g.inputs.x],
			1e-15,
			1,
			'sum'
		);
		expectClose(e.gradient[0], 3 * x * x + y, 1e-14, 10, 'd/dx');
		expectClose(e.gradient[1], x, 1e-14, 1, 'd/dy');
	});

	it('gives 0 for a variable the expression does not use', () => {
		const g = graphOf('y^2 + 1');
		expect(g.inputs.x).toBe(-1);
		expect(evaluateGraph(g, 5, 3).gradient).toEqual([0, 6]);
		const constant = graphOf('3');
		expect(constant.nodes).toHaveLength(1);
		expect(evaluateGraph(constant, 1, 2)).toMatchObject({ value: 3, gradient: [0, 0] });
	});

	it('stores each local partial derivative on its edge (checked by finite differences of the node)', () => {
		const g = graphOf('sin(x * y) / (1 + x^2) + max(x, y) - log(y) * exp(x)');
		const [x, y] = [0.4, 1.7];
		const e = evaluateGraph(g, x, y);
		for (const edge of g.edges) {
			// Re-evaluate the graph with the operand's value nudged: only its user sees the change.
			const nudge = (h: number): number => {
				const values = Float64Array.from(e.values);
				values[edge.from] += h;
				return localValue(g, edge.to, values);
			};
			const h = 1e-6 * Math.max(1, Math.abs(e.values[edge.from]));
			const slope = (nudge(h) - nudge(-h)) / (2 * h);
			expectClose(e.partials[edge.id], slope, 1e-6, Math.abs(slope), `edge ${edge.id} (${edge.rule})`);
		}
	});

	it('matches the symbolic gradient at kinks and where a zero factor hides an infinite slope', () => {
		for (const [text, x, y] of [
			['abs(x - 0.5) * y', 0.5, 2],
			['max(x, y) + min(x, 2 y)', 1, 0.5],
			['x + 0 * sqrt(y)', 1, 0],
			['(x - 3)^3 + (y + 1)^2', 1, -4]
		] as [string, number, number][]) {
			const e = evaluateGraph(graphOf(text), x, y);
			expect([...e.gradient]).toEqual(symbolic(text).grad(x, y));
		}
	});
});

describe('non-finite values', () => {
	it('reports, never throws', () => {
		const log = evaluateGraph(graphOf('log(x) + y'), -1, 2);
		expect(Number.isNaN(log.value)).toBe(true);
		expect(log.issues.some((i) => i.kind === 'value' && Number.isNaN(i.value))).toBe(true);
		expect(log.issues[0].message).toContain('NaN');

		const sqrt = evaluateGraph(graphOf('sqrt(x) * y'), 0, 3);
		expect(sqrt.value).toBe(0);
		expect(sqrt.gradient[0]).toBe(Infinity);
		expect(sqrt.issues).toEqual([expect.objectContaining({ kind: 'adjoint', node: sqrt.graph.inputs.x })]);

		const div = evaluateGraph(graphOf('1 / x'), 0, 0);
		expect(div.value).toBe(Infinity);
		expect(div.issues.length).toBeGreaterThan(0);
		expect(() => tapeState(div, 3)).not.toThrow();
		expect(() => evaluateGraph(graphOf('x * y'), NaN, Infinity)).not.toThrow();
	});
});

describe('build failures', () => {
	it('refuses graphs above the node limit with a clear message', () => {
		const r = buildExpressionGraph('(x^2 + y - 11)^2 + (x + y^2 - 7)^2', { maxNodes: 5 });
		expect(r).toMatchObject({ ok: false, reason: 'too-large', nodes: 13, limit: 5 });
		if (!r.ok) expect(r.message).toBe('Expression too large to draw: 13 nodes (limit 5)');
		const long = Array.from({ length: 100 }, (_, k) => `${k} * x`).join(' + ');
		const big = buildExpressionGraph(long);
		expect(big).toMatchObject({ ok: false, reason: 'too-large', limit: MAX_GRAPH_NODES });
		expect(buildExpressionGraph(long, { maxNodes: 1000 }).ok).toBe(true);
	});

	it('returns the validation error for invalid text', () => {
		for (const text of ['sin(', 'foo(x)', '', 'x = 1']) {
			const r = buildExpressionGraph(text);
			const c = compileExpression(text);
			expect(r.ok).toBe(false);
			if (!r.ok && !c.ok)
				expect(r).toMatchObject({ reason: 'invalid', error: c.error, message: c.error.message });
		}
	});
});

describe('the tape', () => {
	const text = '(x^2 + y - 11)^2 + (x + y^2 - 7)^2 + x * x';

	function check(e: GraphEvaluation): void {
		const { graph, tape } = e;
		const n = graph.nodes.length;
		expect(tape).toHaveLength(2 * n);
		tape.forEach((s, k) => {
			expect(s.index).toBe(k);
			expect(s.phase).toBe(k < n ? 'forward' : 'backward');
			expect(s.node).toBe(k < n ? k : 2 * n - 1 - k);
			expect(s.text.length).toBeGreaterThan(0);
		});
		let previous = tapeState(e, 0);
		expect(previous.phase).toBe('start');
		expect(previous.current).toBeUndefined();
		for (let step = 1; step <= tape.length; step++) {
			const s = tapeState(e, step);
			expect(s.current).toBe(tape[step - 1]);
			const node = graph.nodes[s.current!.node];
			if (s.phase === 'forward') {
				// Values become known in order, and only after their operands.
				for (const i of node.inputs) expect(previous.valueKnown[i]).toBe(1);
				expect([...s.valueKnown].filter((v) => v === 1)).toHaveLength(step);
			} else {
				expect([...s.valueKnown].every((v) => v === 1)).toBe(true);
				// A node's adjoint is complete at its step: every node using it has already passed it on.
				for (const id of node.outEdges) expect(previous.adjointStatus[graph.edges[id].to]).toBe(2);
				expect(s.adjoint[node.id]).toBe(e.adjoints[node.id]);
				expect(s.adjointStatus[node.id]).toBe(2);
				for (const id of node.inEdges) {
					const from = graph.edges[id].from;
					expect(s.edgeStatus[id]).toBe(2);
					// Contributions add in edge order (twice for x * x).
					let expected = previous.adjoint[from];
					for (const other of node.inEdges)
						if (graph.edges[other].from === from) expected += e.contributions[other];
					expect(s.adjoint[from]).toBe(expected);
				}
			}
			previous = s;
		}
		const end = tapeState(e, tape.length);
		expect([...end.adjoint]).toEqual([...e.adjoints]);
		expect([...end.adjointStatus].every((v) => v === 2)).toBe(true);
		expect(tapeState(e, 1e9).step).toBe(tape.length);
		expect(tapeState(e, -3).step).toBe(0);
		expect(tapeState(e, NaN).step).toBe(0);
	}

	it('steps forward node by node, then backward in reverse order', () => {
		check(evaluateGraph(graphOf(text), 1.5, -0.5));
		check(evaluateGraph(graphOf(text, { share: true }), -2, 0.25));
	});

	it('describes each step with its numbers', () => {
		const g = graphOf('sin(x) * y');
		const e = evaluateGraph(g, 0, 2);
		expect(e.tape.map((s) => s.text)).toEqual([
			'x = 0 (input)',
			'v1 = sin(x) = sin(0) = 0',
			'y = 2 (input)',
			'v2 = v1 × y = 0 × 2 = 0',
			'v̄2 = 1 (seed: ∂f/∂f); v̄1 += 1 × 2 = 2; ȳ += 1 × 0 = 0',
			'ȳ = 0 = ∂f/∂y, complete',
			'v̄1 = 2, complete; x̄ += 2 × 1 = 2',
			'x̄ = 2 = ∂f/∂x, complete'
		]);
	});
});

/** The value of node `id` from its operands' values (an independent re-implementation for the edge test). */
function localValue(g: ExpressionGraph, id: number, values: Float64Array): number {
	const n = g.nodes[id];
	const [a, b] = n.inputs.map((i) => values[i]);
	const table: Record<string, () => number> = {
		add: () => a + b,
		sub: () => a - b,
		mul: () => a * b,
		div: () => a / b,
		neg: () => -a,
		powc: () => Math.pow(a, n.constant),
		pow: () => Math.pow(a, b),
		min: () => Math.min(a, b),
		max: () => Math.max(a, b),
		fn: () => (Math as unknown as Record<string, (v: number) => number>)[n.fn](a)
	};
	return table[n.op]();
}
