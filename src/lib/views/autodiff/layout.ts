/**
 * Layered left-to-right drawing of a small DAG (the autodiff view's computational graph): longest-path
 * layers, dummy points on long edges, barycentre ordering against crossings, then straightened coordinates.
 * Pure and DOM-free, so it can be tested in Node.
 */

export interface LayoutNodeInput {
	/** 0..n-1, equal to the node's index in the input array. */
	readonly id: number;
	readonly width: number;
	readonly height: number;
	/** Put in the first layer (the variables). Without any pinned node, every source is pinned. */
	readonly pinned?: boolean;
}

export interface LayoutEdgeInput {
	readonly id: number;
	readonly from: number;
	readonly to: number;
	/** Argument position at the target: ports are stacked top to bottom on its left side. */
	readonly port: number;
}

export interface LayoutOptions {
	/** Horizontal space between columns. */
	readonly layerGap?: number;
	/** Vertical space between two nodes of a column. */
	readonly nodeGap?: number;
	/** Vertical space reserved for an edge passing through a column. */
	readonly edgeGap?: number;
	/** Vertical distance between the ports of a node with several operands. */
	readonly portGap?: number;
}

export interface PlacedNode {
	readonly id: number;
	readonly layer: number;
	/** Position in its layer, from the top. */
	readonly order: number;
	/** Centre. */
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
}

export interface RoutedEdge {
	readonly id: number;
	readonly from: number;
	readonly to: number;
	/** From the source's right side, through one point per layer crossed, to the target's port. */
	readonly points: readonly (readonly [number, number])[];
}

export interface GraphLayout {
	/** In input order: nodes[i].id === i. */
	readonly nodes: readonly PlacedNode[];
	/** In input order. */
	readonly edges: readonly RoutedEdge[];
	readonly layers: number;
	readonly width: number;
	readonly height: number;
	/** Edge crossings between adjacent layers after ordering (ports counted). */
	readonly crossings: number;
}

/** An item of a layer: a real node or a dummy point of a long edge. */
interface Item {
	readonly node: number;
	readonly edge: number;
	layer: number;
	height: number;
	width: number;
	order: number;
	y: number;
	/** Segments from the previous layer and to the next one. */
	readonly inSegs: Segment[];
	readonly outSegs: Segment[];
}

interface Segment {
	readonly from: Item;
	readonly to: Item;
	/** Port offset at `to` (0 unless `to` is the real target). */
	offset: number;
	/** Port index at `to`, for ordering ties. */
	port: number;
}

const SWEEPS = 12;
const STRAIGHTEN = 40;

/** Lays out a DAG. Throws if the edges form a cycle or name unknown nodes. */
export function layoutGraph(
	inputNodes: readonly LayoutNodeInput[],
	inputEdges: readonly LayoutEdgeInput[],
	options: LayoutOptions = {}
): GraphLayout {
	const layerGap = options.layerGap ?? 80;
	const nodeGap = options.nodeGap ?? 18;
	const edgeGap = options.edgeGap ?? 10;
	const portGap = options.portGap ?? 14;
	const n = inputNodes.length;
	inputNodes.forEach((node, i) => {
		if (node.id !== i) throw new Error(`Node ${i} has id ${node.id}`);
	});
	for (const e of inputEdges) {
		if (!(e.from >= 0 && e.from < n && e.to >= 0 && e.to < n)) throw new Error(`Edge ${e.id} is dangling`);
	}
	const ins: number[][] = inputNodes.map(() => []);
	const outs: number[][] = inputNodes.map(() => []);
	inputEdges.forEach((e, k) => {
		ins[e.to].push(k);
		outs[e.from].push(k);
	});

	const order = topologicalOrder(n, inputEdges, ins, outs);
	const layer = assignLayers(inputNodes, inputEdges, ins, outs, order);
	const layerCount = n === 0 ? 0 : Math.max(...layer) + 1;

	// Items: the nodes, then dummies on edges spanning several layers.
	const items: Item[] = inputNodes.map((node, i) => ({
		node: i,
		edge: -1,
		layer: layer[i],
		height: node.height,
		width: node.width,
		order: 0,
		y: 0,
		inSegs: [],
		outSegs: []
	}));
	const chains: Item[][] = [];
	/** Each edge's last segment, into its target (it carries the port offset). */
	const lastSegs: Segment[] = [];
	inputEdges.forEach((e, k) => {
		const chain: Item[] = [items[e.from]];
		for (let l = layer[e.from] + 1; l < layer[e.to]; l++) {
			const dummy: Item = {
				node: -1,
				edge: k,
				layer: l,
				height: 0,
				width: 0,
				order: 0,
				y: 0,
				inSegs: [],
				outSegs: []
			};
			items.push(dummy);
			chain.push(dummy);
		}
		chain.push(items[e.to]);
		for (let s = 0; s + 1 < chain.length; s++) {
			const isLast = s + 2 === chain.length;
			const seg: Segment = { from: chain[s], to: chain[s + 1], offset: 0, port: isLast ? e.port : 0 };
			chain[s].outSegs.push(seg);
			chain[s + 1].inSegs.push(seg);
			if (isLast) lastSegs.push(seg);
		}
		chains.push(chain);
	});
	// Port offsets: a node's operands enter top to bottom in port order.
	for (let i = 0; i < n; i++) {
		const segs = items[i].inSegs.slice().sort((a, b) => a.port - b.port);
		segs.forEach((seg, k) => (seg.offset = (k - (segs.length - 1) / 2) * portGap));
	}

	const layers: Item[][] = Array.from({ length: layerCount }, () => []);
	initialOrder(items, n, outs, ins, inputEdges, chains, layers);
	const crossings = reduceCrossings(layers);

	const gapBetween = (a: Item, b: Item): number =>
		(a.height + b.height) / 2 + (a.node >= 0 && b.node >= 0 ? nodeGap : edgeGap);
	straighten(layers, gapBetween);

	// Columns: each as wide as its widest node.
	const columnWidth = layers.map((l) => Math.max(0, ...l.map((it) => it.width)));
	const columnX: number[] = [];
	let x = 0;
	for (let l = 0; l < layerCount; l++) {
		columnX.push(x + columnWidth[l] / 2);
		x += columnWidth[l] + (l + 1 < layerCount ? layerGap : 0);
	}
	let top = Infinity;
	let bottom = -Infinity;
	for (const it of items) {
		top = Math.min(top, it.y - it.height / 2);
		bottom = Math.max(bottom, it.y + it.height / 2);
	}
	if (!Number.isFinite(top)) top = bottom = 0;
	const placed: PlacedNode[] = inputNodes.map((node, i) => ({
		id: i,
		layer: layer[i],
		order: items[i].order,
		x: columnX[layer[i]],
		y: items[i].y - top,
		width: node.width,
		height: node.height
	}));
	const edges: RoutedEdge[] = inputEdges.map((e, k) => {
		const chain = chains[k];
		const source = placed[e.from];
		const target = placed[e.to];
		const lastSeg = lastSegs[k];
		const points: [number, number][] = [[source.x + source.width / 2, source.y]];
		for (const dummy of chain.slice(1, -1)) points.push([columnX[dummy.layer], dummy.y - top]);
		points.push([target.x - target.width / 2, target.y + lastSeg.offset]);
		return { id: e.id, from: e.from, to: e.to, points };
	});
	return { nodes: placed, edges, layers: layerCount, width: x, height: bottom - top, crossings };
}

function topologicalOrder(
	n: number,
	edges: readonly LayoutEdgeInput[],
	ins: number[][],
	outs: number[][]
): number[] {
	const pending = ins.map((list) => list.length);
	const queue: number[] = [];
	for (let i = 0; i < n; i++) if (pending[i] === 0) queue.push(i);
	const order: number[] = [];
	while (queue.length > 0) {
		const v = queue.shift() as number;
		order.push(v);
		for (const k of outs[v]) if (--pending[edges[k].to] === 0) queue.push(edges[k].to);
	}
	if (order.length !== n) throw new Error('The graph has a cycle');
	return order;
}

/**
 * Longest-path layers from the pinned sources. Nodes not reachable from them (constants and constant
 * subexpressions) float right, to one layer before their first user, so that they sit next to it.
 */
function assignLayers(
	nodes: readonly LayoutNodeInput[],
	edges: readonly LayoutEdgeInput[],
	ins: number[][],
	outs: number[][],
	order: readonly number[]
): number[] {
	const n = nodes.length;
	const anyPinned = nodes.some((node) => node.pinned === true);
	const pinned = nodes.map((node, i) => (anyPinned ? node.pinned === true : ins[i].length === 0));
	const anchored = new Array<boolean>(n).fill(false);
	const depth = new Array<number>(n).fill(0);
	const layer = new Array<number>(n).fill(0);
	for (const v of order) {
		anchored[v] = pinned[v] || ins[v].some((k) => anchored[edges[k].from]);
		let d = 0;
		let l = 0;
		for (const k of ins[v]) {
			const u = edges[k].from;
			d = Math.max(d, depth[u] + 1);
			l = Math.max(l, (anchored[u] ? layer[u] : depth[u]) + 1);
		}
		depth[v] = d;
		if (anchored[v]) layer[v] = l;
	}
	for (let k = order.length - 1; k >= 0; k--) {
		const v = order[k];
		if (anchored[v]) continue;
		layer[v] = outs[v].length === 0 ? depth[v] : Math.min(...outs[v].map((e) => layer[edges[e].to])) - 1;
	}
	return layer;
}

/**
 * Order from a depth-first walk from the sinks through operands in argument order: each operation's
 * operands come out above one another in argument order, like the expression reads.
 */
function initialOrder(
	items: Item[],
	n: number,
	outs: number[][],
	ins: number[][],
	edges: readonly LayoutEdgeInput[],
	chains: Item[][],
	layers: Item[][]
): void {
	const key = new Array<number>(items.length).fill(-1);
	let counter = 0;
	const index = new Map<Item, number>(items.map((it, i) => [it, i]));
	const visit = (v: number): void => {
		const stack: number[] = [v];
		while (stack.length > 0) {
			const u = stack.pop() as number;
			if (key[u] >= 0) continue;
			key[u] = counter++;
			const operands = ins[u].slice().sort((a, b) => edges[a].port - edges[b].port);
			for (const k of operands) {
				const chain = chains[k];
				for (let c = chain.length - 2; c >= 1; c--) {
					const d = index.get(chain[c]) as number;
					if (key[d] < 0) key[d] = counter++;
				}
			}
			// Reverse so that the first operand is visited first.
			for (let j = operands.length - 1; j >= 0; j--) stack.push(edges[operands[j]].from);
		}
	};
	for (let v = n - 1; v >= 0; v--) if (outs[v].length === 0) visit(v);
	for (let v = 0; v < n; v++) if (key[v] < 0) visit(v);
	items.forEach((it, i) => layers[it.layer].push(Object.assign(it, { order: key[i] })));
	for (const l of layers) {
		l.sort((a, b) => a.order - b.order);
		l.forEach((it, k) => (it.order = k));
	}
}

/** Barycentre sweeps left to right and back; keeps the order with the fewest crossings. */
function reduceCrossings(layers: Item[][]): number {
	let best = countCrossings(layers);
	let bestOrder = layers.map((l) => l.slice());
	for (let sweep = 0; sweep < SWEEPS && best > 0; sweep++) {
		const down = sweep % 2 === 0;
		const range = down
			? Array.from({ length: layers.length - 1 }, (_, k) => k + 1)
			: Array.from({ length: layers.length - 1 }, (_, k) => layers.length - 2 - k);
		for (const l of range) {
			const layer = layers[l];
			const weight = new Map<Item, number>();
			for (const it of layer) {
				const segs = down ? it.inSegs : it.outSegs;
				if (segs.length === 0) {
					weight.set(it, it.order);
					continue;
				}
				let sum = 0;
				for (const s of segs) sum += down ? s.from.order + s.port * 1e-3 : s.to.order + s.port * 1e-3;
				weight.set(it, sum / segs.length);
			}
			layer.sort((a, b) => (weight.get(a) as number) - (weight.get(b) as number) || a.order - b.order);
			layer.forEach((it, k) => (it.order = k));
		}
		const c = countCrossings(layers);
		if (c < best) {
			best = c;
			bestOrder = layers.map((l) => l.slice());
		}
	}
	bestOrder.forEach((l, i) => {
		layers[i] = l;
		l.forEach((it, k) => (it.order = k));
	});
	return best;
}

/** Pairs of segments between adjacent layers that cross (segments into one node cross if their ports do). */
function countCrossings(layers: readonly (readonly Item[])[]): number {
	let total = 0;
	for (let l = 0; l + 1 < layers.length; l++) {
		const segs: [number, number, number][] = [];
		for (const it of layers[l]) for (const s of it.outSegs) segs.push([s.from.order, s.to.order, s.port]);
		for (let i = 0; i < segs.length; i++) {
			for (let j = i + 1; j < segs.length; j++) {
				const [a0, a1, ap] = segs[i];
				const [b0, b1, bp] = segs[j];
				if (a0 === b0) continue;
				const second = a1 === b1 ? ap - bp : a1 - b1;
				if ((a0 - b0) * second < 0) total++;
			}
		}
	}
	return total;
}

/**
 * Vertical positions: each item moves towards the mean height of its neighbours (port offsets included),
 * in order and at least the gap from the next one: a least-squares fit under ordering constraints, solved
 * exactly per layer by pooling adjacent violators.
 */
function straighten(layers: Item[][], gap: (a: Item, b: Item) => number): void {
	for (const layer of layers) {
		let y = 0;
		layer.forEach((it, k) => {
			if (k > 0) y += gap(layer[k - 1], it);
			it.y = y;
		});
		const shift = y / 2;
		for (const it of layer) it.y -= shift;
	}
	for (let round = 0; round < STRAIGHTEN; round++) {
		const forward = round % 2 === 0;
		for (let i = 0; i < layers.length; i++) {
			const layer = layers[forward ? i : layers.length - 1 - i];
			const desired = layer.map((it) => {
				let sum = 0;
				let count = 0;
				for (const s of it.inSegs) {
					sum += s.from.y - s.offset;
					count++;
				}
				for (const s of it.outSegs) {
					sum += s.to.y + s.offset;
					count++;
				}
				return count === 0 ? it.y : sum / count;
			});
			const ys = fitInOrder(
				desired,
				layer.map((it, k) => (k === 0 ? 0 : gap(layer[k - 1], it)))
			);
			layer.forEach((it, k) => (it.y = ys[k]));
		}
	}
}

/**
 * Minimises Σ (y_k - desired_k)² subject to y_k - y_(k-1) >= gaps_k: with offsets o_k = Σ gaps up to k,
 * z_k = y_k - o_k must be non-decreasing, which is isotonic regression (pool adjacent violators).
 */
export function fitInOrder(desired: readonly number[], gaps: readonly number[]): number[] {
	const offsets: number[] = [];
	let o = 0;
	for (let k = 0; k < desired.length; k++) {
		o += k === 0 ? 0 : gaps[k];
		offsets.push(o);
	}
	const blocks: { sum: number; count: number }[] = [];
	for (let k = 0; k < desired.length; k++) {
		blocks.push({ sum: desired[k] - offsets[k], count: 1 });
		while (blocks.length > 1) {
			const b = blocks[blocks.length - 1];
			const a = blocks[blocks.length - 2];
			if (a.sum / a.count <= b.sum / b.count) break;
			a.sum += b.sum;
			a.count += b.count;
			blocks.pop();
		}
	}
	const out: number[] = [];
	for (const b of blocks) for (let c = 0; c < b.count; c++) out.push(b.sum / b.count + offsets[out.length]);
	return out;
}
