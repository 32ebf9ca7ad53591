/**
 * The layered layout, pure: every node placed once, edges pointing right across layers, no overlaps within
 * a column, routes from side to side, no crossings for trees, and the ordered least-squares fit.
 */
import { describe, expect, it } from 'vitest';
import { buildExpressionGraph } from '../../core/autodiff/expression-graph';
import { testFunctions } from '../../core/functions/index';
import { createRng } from '../../core/random/rng';
import { fitInOrder, layoutGraph } from './layout';
import type { GraphLayout, LayoutEdgeInput, LayoutNodeInput } from './layout';

function checkLayout(
	nodes: LayoutNodeInput[],
	edges: LayoutEdgeInput[],
	layout: GraphLayout,
	nodeGap: number
): void {
	expect(layout.nodes).toHaveLength(nodes.length);
	expect(new Set(layout.nodes.map((p) => p.id)).size).toBe(nodes.length);
	layout.nodes.forEach((p, i) => {
		expect(p.id).toBe(i);
		expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
		expect(p.layer).toBeGreaterThanOrEqual(0);
		expect(p.layer).toBeLessThan(layout.layers);
		if (nodes[i].pinned) expect(p.layer).toBe(0);
		// Inside the drawing.
		expect(p.x - p.width / 2).toBeGreaterThanOrEqual(-1e-9);
		expect(p.x + p.width / 2).toBeLessThanOrEqual(layout.width + 1e-9);
		expect(p.y - p.height / 2).toBeGreaterThanOrEqual(-1e-9);
		expect(p.y + p.height / 2).toBeLessThanOrEqual(layout.height + 1e-9);
	});
	for (const e of edges) {
		const from = layout.nodes[e.from];
		const to = layout.nodes[e.to];
		expect(from.layer).toBeLessThan(to.layer);
		const route = layout.edges[e.id];
		expect(route.points).toHaveLength(to.layer - from.layer + 1);
		expect(route.points[0]).toEqual([from.x + from.width / 2, from.y]);
		expect(route.points[route.points.length - 1][0]).toBe(to.x - to.width / 2);
		for (let k = 1; k < route.points.length; k++) {
			expect(route.points[k][0]).toBeGreaterThan(route.points[k - 1][0]);
		}
	}
	// No two nodes of a column overlap, and their order matches their heights.
	for (let l = 0; l < layout.layers; l++) {
		const column = layout.nodes.filter((p) => p.layer === l).sort((a, b) => a.order - b.order);
		for (let k = 1; k < column.length; k++) {
			const gap = column[k].y - column[k].height / 2 - (column[k - 1].y + column[k - 1].height / 2);
			expect(gap).toBeGreaterThanOrEqual(nodeGap - 1e-6);
		}
	}
}

/** Crossings counted independently: pairs of straight segments between adjacent columns whose ends swap. */
function crossingsOf(layout: GraphLayout): number {
	const segs: [number, number, number, number][] = [];
	for (const e of layout.edges) {
		for (let k = 1; k < e.points.length; k++) {
			segs.push([e.points[k - 1][0], e.points[k - 1][1], e.points[k][0], e.points[k][1]]);
		}
	}
	let count = 0;
	for (let i = 0; i < segs.length; i++) {
		for (let j = i + 1; j < segs.length; j++) {
			const [a, b] = [segs[i], segs[j]];
			if (Math.abs(a[0] - b[0]) > 1e-6 && Math.abs(a[2] - b[2]) > 1e-6) continue;
			if (a[1] === b[1] || a[3] === b[3]) continue;
			if ((a[1] - b[1]) * (a[3] - b[3]) < 0) count++;
		}
	}
	return count;
}

describe('layoutGraph', () => {
	it('lays out every built-in test function', () => {
		for (const fn of testFunctions) {
			const r = buildExpressionGraph(fn.formula);
			if (!r.ok) throw new Error(r.message);
			const g = r.graph;
			const nodes = g.nodes.map((n) => ({
				id: n.id,
				width: 40 + 7 * n.label.length,
				height: n.op === 'const' ? 30 : 60,
				pinned: n.op === 'x' || n.op === 'y'
			}));
			const edges = g.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, port: e.index }));
			const layout = layoutGraph(nodes, edges, { nodeGap: 20 });
			checkLayout(nodes, edges, layout, 20);
			// The variables on the left, f alone on the right.
			expect(layout.nodes[g.output].layer).toBe(layout.layers - 1);
			expect(layout.nodes.filter((p) => p.layer === layout.layers - 1)).toHaveLength(1);
			// Constants sit one column before their user.
			for (const n of g.nodes.filter((n) => n.op === 'const')) {
				const user = g.edges[n.outEdges[0]].to;
				expect(layout.nodes[n.id].layer).toBe(layout.nodes[user].layer - 1);
			}
		}
	});

	it('lays out random DAGs', () => {
		const rng = createRng(3);
		for (let trial = 0; trial < 40; trial++) {
			const n = 2 + rng.int(30);
			const edges: LayoutEdgeInput[] = [];
			for (let to = 1; to < n; to++) {
				const count = rng.int(3);
				for (let k = 0; k < count; k++) edges.push({ id: edges.length, from: rng.int(to), to, port: k });
			}
			// Some sources pinned to the first layer (or none: then all sources are).
			const nodes: LayoutNodeInput[] = Array.from({ length: n }, (_, id) => ({
				id,
				width: 20 + rng.int(60),
				height: 20 + rng.int(40),
				pinned: !edges.some((e) => e.to === id) && rng.uniform() < 0.5
			}));
			const layout = layoutGraph(nodes, edges, { nodeGap: 15 });
			checkLayout(nodes, edges, layout, 15);
		}
	});

	it('draws a tree without crossings, operands in argument order', () => {
		// ((a + b) * (c - d)) / e, with its operands given in scrambled id order.
		const nodes: LayoutNodeInput[] = Array.from({ length: 9 }, (_, id) => ({ id, width: 30, height: 30 }));
		const edges: LayoutEdgeInput[] = [
			{ id: 0, from: 4, to: 5, port: 0 }, // a -> +
			{ id: 1, from: 0, to: 5, port: 1 }, // b -> +
			{ id: 2, from: 3, to: 6, port: 0 }, // c -> -
			{ id: 3, from: 1, to: 6, port: 1 }, // d -> -
			{ id: 4, from: 5, to: 7, port: 0 },
			{ id: 5, from: 6, to: 7, port: 1 },
			{ id: 6, from: 7, to: 8, port: 0 },
			{ id: 7, from: 2, to: 8, port: 1 } // e
		];
		const layout = layoutGraph(nodes, edges);
		checkLayout(nodes, edges, layout, 18);
		expect(layout.crossings).toBe(0);
		expect(crossingsOf(layout)).toBe(0);
		const y = (id: number): number => layout.nodes[id].y;
		expect(y(4)).toBeLessThan(y(0));
		expect(y(3)).toBeLessThan(y(1));
		expect(y(5)).toBeLessThan(y(6));
	});

	it('keeps parallel edges apart (x * x)', () => {
		const nodes: LayoutNodeInput[] = [
			{ id: 0, width: 30, height: 30, pinned: true },
			{ id: 1, width: 30, height: 30 }
		];
		const edges: LayoutEdgeInput[] = [
			{ id: 0, from: 0, to: 1, port: 0 },
			{ id: 1, from: 0, to: 1, port: 1 }
		];
		const layout = layoutGraph(nodes, edges, { portGap: 12 });
		const ends = layout.edges.map((e) => e.points[e.points.length - 1][1]);
		expect(ends[1] - ends[0]).toBeCloseTo(12, 9);
	});

	it('refuses cycles and dangling edges', () => {
		const nodes: LayoutNodeInput[] = [
			{ id: 0, width: 10, height: 10 },
			{ id: 1, width: 10, height: 10 }
		];
		expect(() =>
			layoutGraph(nodes, [
				{ id: 0, from: 0, to: 1, port: 0 },
				{ id: 1, from: 1, to: 0, port: 0 }
			])
		).toThrow('cycle');
		expect(() => layoutGraph(nodes, [{ id: 0, from: 0, to: 5, port: 0 }])).toThrow();
		expect(layoutGraph([], [])).toMatchObject({ nodes: [], layers: 0 });
	});
});

describe('fitInOrder', () => {
	it('respects the gaps and beats every feasible nudge of its solution', () => {
		const rng = createRng(8);
		for (let trial = 0; trial < 50; trial++) {
			const n = 1 + rng.int(8);
			const desired = Array.from({ length: n }, () => rng.range(-50, 50));
			const gaps = Array.from({ length: n }, (_, k) => (k === 0 ? 0 : rng.range(5, 30)));
			const y = fitInOrder(desired, gaps);
			for (let k = 1; k < n; k++) expect(y[k] - y[k - 1]).toBeGreaterThanOrEqual(gaps[k] - 1e-9);
			const cost = (v: number[]): number => v.reduce((s, vk, k) => s + (vk - desired[k]) ** 2, 0);
			for (let t = 0; t < 30; t++) {
				const moved = y.map((v) => v + rng.range(-1, 1));
				const feasible = moved.every((v, k) => k === 0 || v - moved[k - 1] >= gaps[k]);
				if (feasible) expect(cost(moved)).toBeGreaterThanOrEqual(cost(y) - 1e-9);
			}
		}
	});
});
