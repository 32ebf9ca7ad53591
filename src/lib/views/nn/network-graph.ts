/**
 * The network as a graph: a column of units per layer (inputs, each hidden layer, output), every weight an
 * edge whose width and opacity grow with |w| (relative to the network's largest |w|) and whose colour is its
 * sign (blue positive, orange negative, the boundary plot's scale), every unit filled with its bias on the
 * same scale. Edges are drawn on a canvas in a few batches (weights quantised into width/opacity levels), so
 * a [2, 32, 32, 32, 1] network (2,144 edges) redraws cheaply every frame; units and titles are SVG, rebuilt
 * only when the shape, theme or size change. Hovering a unit or an edge shows its bias or weight.
 * Imperative d3; plain data in; text set with .text() only.
 */
import {
	appendCanvasLayer,
	appendPanel,
	appendSvgLayer,
	mountView,
	paintPanel,
	sizeCanvas
} from '../charts/chart-dom';
import { CHART_FONT, CHART_THEMES } from '../charts/chart-theme';
import {
	columnTitle,
	edgeLabel,
	edgeOpacity,
	edgeWidth,
	layoutNetwork,
	magnitude,
	maxAbs,
	nearestSegment,
	nodeLabel,
	type NetworkLayout
} from './graph-layout';
import { divergingColor, NN_STOPS } from './nn-colors';

export interface NetworkGraphLayer {
	readonly inputs: number;
	readonly outputs: number;
	readonly activation: string;
	/** Row-major inputs × outputs: weights[i * outputs + j] is the weight from unit i to unit j. */
	readonly weights: Float64Array;
	readonly biases: Float64Array;
}

export interface NetworkGraphData {
	readonly inputNames: readonly string[];
	readonly layers: readonly NetworkGraphLayer[];
	/** Shown beside the output unit, e.g. 'P(class 1)'. */
	readonly outputLabel: string;
	/** With several output units (one per class): the label beside each, in order. */
	readonly outputNames?: readonly string[];
	readonly theme: 'light' | 'dark';
}

export interface NetworkGraphCallbacks {
	/** Text of the unit or edge under the pointer, or null when there is none. */
	onHover?(info: string | null): void;
}

export interface NetworkGraph {
	update(data: NetworkGraphData): void;
	dispose(): void;
}

/** Weights are drawn in this many magnitude levels per sign (one canvas stroke each). */
const LEVELS = 24;
const TITLE_HEIGHT = 36;
const MIN_SIZE = 80;

type Hover = { kind: 'edge'; edge: number } | { kind: 'node'; column: number; unit: number } | null;

interface NodeDatum {
	key: string;
	column: number;
	unit: number;
	x: number;
	y: number;
	r: number;
}

function shorten(s: string, max: number): string {
	return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function createNetworkGraph(node: HTMLElement, callbacks: NetworkGraphCallbacks = {}): NetworkGraph {
	const view = mountView(node, () => render(true), 'nn-network-graph');
	const root = view.root.style('overflow', 'hidden');
	const canvas = appendCanvasLayer(root);
	const svg = appendSvgLayer(root).style('pointer-events', 'none').style('font-family', CHART_FONT);
	const titlesG = svg.append('g');
	const nodesG = svg.append('g');
	const labelsG = svg.append('g');
	const tooltip = appendPanel(root, '3px 7px', '5px')
		.style('display', 'none')
		.style('white-space', 'nowrap')
		.style('font-variant-numeric', 'tabular-nums');

	let data: NetworkGraphData | null = null;
	let shapeKey = '';
	let sizes: number[] = [];
	let net: NetworkLayout | null = null;
	/** Per edge: ax, ay, bx, by (pixels). */
	let segments = new Float32Array(0);
	/** Per edge: layer, i, j. */
	let edgeOf = new Int32Array(0);
	let levelOf = new Uint8Array(0);
	let order = new Int32Array(0);
	let hover: Hover = null;
	let pointer: [number, number] | null = null;
	let lastInfo: string | null = null;
	let maxW = 0;

	function sizesOf(d: NetworkGraphData): number[] {
		if (d.layers.length === 0) return [d.inputNames.length];
		return [d.layers[0].inputs, ...d.layers.map((l) => l.outputs)];
	}

	function weightAt(d: NetworkGraphData, k: number): number {
		const l = edgeOf[3 * k];
		const layer = d.layers[l];
		return layer.weights[edgeOf[3 * k + 1] * layer.outputs + edgeOf[3 * k + 2]];
	}

	function rebuild(d: NetworkGraphData): void {
		const { width, height } = view;
		const t = CHART_THEMES[d.theme];
		sizes = sizesOf(d);
		const labelFont = 11;
		const charW = labelFont * 0.62;
		const maxChars = Math.max(3, Math.min(14, Math.floor((width * 0.16) / charW)));
		const inLabels = d.inputNames.map((s) => shorten(s, maxChars));
		const outLabels =
			sizes[sizes.length - 1] === 1
				? [shorten(d.outputLabel, maxChars + 2)]
				: (d.outputNames ?? []).map((s) => shorten(s, maxChars + 2));
		const leftLabel = Math.max(0, ...inLabels.map((s) => s.length)) * charW;
		const rightLabel = Math.max(0, ...outLabels.map((s) => s.length)) * charW;
		const margin = {
			top: TITLE_HEIGHT + 8,
			bottom: 10,
			left: Math.max(34, leftLabel + 24),
			right: Math.max(34, rightLabel + 24)
		};
		const lay = layoutNetwork(sizes, width, height, margin);
		net = lay;

		svg.attr('width', width).attr('height', height);
		sizeCanvas(canvas.node()!, width, height);

		// Edge geometry.
		let count = 0;
		for (let c = 0; c + 1 < sizes.length; c++) count += sizes[c] * sizes[c + 1];
		segments = new Float32Array(4 * count);
		edgeOf = new Int32Array(3 * count);
		levelOf = new Uint8Array(count);
		order = new Int32Array(count);
		let k = 0;
		for (let c = 0; c + 1 < sizes.length; c++) {
			const a = lay.columns[c];
			const b = lay.columns[c + 1];
			for (let i = 0; i < sizes[c]; i++)
				for (let j = 0; j < sizes[c + 1]; j++, k++) {
					segments[4 * k] = a.x + a.radius;
					segments[4 * k + 1] = a.ys[i];
					segments[4 * k + 2] = b.x - b.radius;
					segments[4 * k + 3] = b.ys[j];
					edgeOf[3 * k] = c;
					edgeOf[3 * k + 1] = i;
					edgeOf[3 * k + 2] = j;
				}
		}

		// Column titles.
		const gap = sizes.length > 1 ? lay.columns[1].x - lay.columns[0].x : width;
		const compact = gap < 80;
		const titleData = sizes.map((_, c) => ({
			c,
			lines: columnTitle(c, sizes, c === 0 ? null : (d.layers[c - 1]?.activation ?? null), compact)
		}));
		const titles = titlesG
			.selectAll<SVGTextElement, (typeof titleData)[number]>('text')
			.data(titleData)
			.join((enter) => {
				const text = enter.append('text');
				text.append('tspan').attr('class', 'l1');
				text.append('tspan').attr('class', 'l2');
				return text;
			})
			.attr('text-anchor', 'middle')
			.attr('font-size', compact ? 10 : 11);
		titles
			.select('tspan.l1')
			.attr('x', (e) => lay.columns[e.c].x)
			.attr('y', 14)
			.attr('fill', t.text)
			.attr('font-weight', 600)
			.text((e) => e.lines[0]);
		titles
			.select('tspan.l2')
			.attr('x', (e) => lay.columns[e.c].x)
			.attr('y', 29)
			.attr('fill', t.muted)
			.text((e) => e.lines[1]);

		// Units.
		const nodes: NodeDatum[] = [];
		sizes.forEach((n, c) => {
			for (let j = 0; j < n; j++)
				nodes.push({
					key: `${c}:${j}`,
					column: c,
					unit: j,
					x: lay.columns[c].x,
					y: lay.columns[c].ys[j],
					r: lay.columns[c].radius
				});
		});
		nodesG
			.selectAll<SVGCircleElement, NodeDatum>('circle')
			.data(nodes, (n) => n.key)
			.join('circle')
			.attr('cx', (n) => n.x)
			.attr('cy', (n) => n.y)
			.attr('r', (n) => n.r)
			.attr('stroke', t.axis)
			.attr('stroke-width', (n) => (n.r > 5 ? 1.2 : 0.8));

		// Input and output labels (skipped when the units are too close for text).
		const labels: { key: string; x: number; y: number; anchor: string; text: string; size: number }[] = [];
		const c0 = lay.columns[0];
		if (c0.spacing >= 9)
			inLabels.forEach((s, i) => {
				if (i < c0.ys.length)
					labels.push({
						key: `in${i}`,
						x: c0.x - c0.radius - 6,
						y: c0.ys[i],
						anchor: 'end',
						text: s,
						size: Math.min(labelFont, c0.spacing * 0.8)
					});
			});
		const cl = lay.columns[lay.columns.length - 1];
		if (sizes.length > 1 && (cl.ys.length === 1 || cl.spacing >= 9))
			outLabels.forEach((s, j) => {
				if (j < cl.ys.length)
					labels.push({
						key: `out${j}`,
						x: cl.x + cl.radius + 6,
						y: cl.ys[j],
						anchor: 'start',
						text: s,
						size: cl.ys.length === 1 ? labelFont : Math.min(labelFont, cl.spacing * 0.8)
					});
			});
		labelsG
			.selectAll<SVGTextElement, (typeof labels)[number]>('text')
			.data(labels, (l) => l.key)
			.join('text')
			.attr('x', (l) => l.x)
			.attr('y', (l) => l.y)
			.attr('dy', '0.35em')
			.attr('text-anchor', (l) => l.anchor)
			.attr('font-size', (l) => l.size)
			.attr('fill', t.text)
			.text((l) => l.text);

		paintPanel(tooltip, t);
	}

	/** Node fills from the biases (inputs: the neutral). */
	function paintNodes(d: NetworkGraphData, scale: number): void {
		const t = CHART_THEMES[d.theme];
		nodesG
			.selectAll<SVGCircleElement, NodeDatum>('circle')
			.attr('fill', (n) => {
				if (n.column === 0) return t.background;
				const b = d.layers[n.column - 1]?.biases[n.unit] ?? 0;
				return divergingColor(scale > 0 ? b / scale : 0, d.theme);
			})
			.attr('stroke', (n) =>
				hover?.kind === 'node' && hover.column === n.column && hover.unit === n.unit ? t.text : t.axis
			);
	}

	function drawEdges(d: NetworkGraphData): void {
		const { width, height } = view;
		const el = canvas.node()!;
		const ctx = el.getContext('2d');
		if (!ctx || !net) return;
		const dpr = el.width / Math.max(1, width);
		ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
		ctx.clearRect(0, 0, width, height);
		ctx.lineCap = 'round';
		const n = levelOf.length;
		const stops = NN_STOPS[d.theme];
		const maxWidth = net.maxEdgeWidth;
		// Bucket: level * 2 + sign (0 negative, 1 positive); counting sort so light edges are drawn first.
		const buckets = 2 * LEVELS;
		const counts = new Int32Array(buckets + 1);
		for (let k = 0; k < n; k++) {
			const w = weightAt(d, k);
			const level = Math.round(magnitude(w, maxW) * (LEVELS - 1));
			const b = level * 2 + (w >= 0 ? 1 : 0);
			levelOf[k] = b;
			counts[b + 1]++;
		}
		for (let b = 0; b < buckets; b++) counts[b + 1] += counts[b];
		const fill = counts.slice();
		for (let k = 0; k < n; k++) order[fill[levelOf[k]]++] = k;
		for (let b = 0; b < buckets; b++) {
			const from = counts[b];
			const to = counts[b + 1];
			if (from === to) continue;
			const level = b >> 1;
			const mag = level / (LEVELS - 1);
			ctx.beginPath();
			for (let q = from; q < to; q++) {
				const o = 4 * order[q];
				ctx.moveTo(segments[o], segments[o + 1]);
				ctx.lineTo(segments[o + 2], segments[o + 3]);
			}
			ctx.globalAlpha = edgeOpacity(mag, 1) * (hover?.kind === 'node' ? 0.2 : 1);
			ctx.strokeStyle = b & 1 ? stops.positive : stops.negative;
			ctx.lineWidth = edgeWidth(mag, 1, maxWidth);
			ctx.stroke();
		}
		ctx.globalAlpha = 1;
		// The hovered edge, or the hovered unit's edges (the others dimmed), on top.
		const t = CHART_THEMES[d.theme];
		const highlight: number[] = [];
		if (hover?.kind === 'edge') highlight.push(hover.edge);
		else if (hover?.kind === 'node')
			for (let k = 0; k < n; k++) {
				const c = edgeOf[3 * k];
				if (
					(c === hover.column && edgeOf[3 * k + 1] === hover.unit) ||
					(c + 1 === hover.column && edgeOf[3 * k + 2] === hover.unit)
				)
					highlight.push(k);
			}
		for (const k of highlight) {
			const w = weightAt(d, k);
			const o = 4 * k;
			const lw = edgeWidth(w, maxW, maxWidth);
			ctx.beginPath();
			ctx.moveTo(segments[o], segments[o + 1]);
			ctx.lineTo(segments[o + 2], segments[o + 3]);
			if (hover?.kind === 'edge') {
				ctx.strokeStyle = t.text;
				ctx.lineWidth = lw + 3;
				ctx.stroke();
			}
			ctx.strokeStyle = w >= 0 ? stops.positive : stops.negative;
			ctx.lineWidth = Math.max(1.2, lw);
			ctx.stroke();
		}
	}

	function hoverInfo(d: NetworkGraphData): string | null {
		if (!hover) return null;
		if (hover.kind === 'edge') {
			const k = hover.edge;
			return edgeLabel(
				edgeOf[3 * k],
				edgeOf[3 * k + 1],
				edgeOf[3 * k + 2],
				weightAt(d, k),
				sizes,
				d.inputNames
			);
		}
		const bias = hover.column === 0 ? null : (d.layers[hover.column - 1]?.biases[hover.unit] ?? null);
		return nodeLabel(hover.column, hover.unit, bias, sizes, d.inputNames);
	}

	function showInfo(d: NetworkGraphData): void {
		const { width, height } = view;
		const info = hoverInfo(d);
		if (info !== null && pointer) {
			tooltip.style('display', null).text(info);
			const tw = (tooltip.node() as HTMLElement).offsetWidth;
			const x = Math.min(pointer[0] + 14, Math.max(0, width - tw - 4));
			const y = pointer[1] + 16 > height - 28 ? pointer[1] - 30 : pointer[1] + 16;
			tooltip.style('left', `${x}px`).style('top', `${y}px`);
		} else tooltip.style('display', 'none');
		if (info !== lastInfo) {
			lastInfo = info;
			callbacks.onHover?.(info);
		}
	}

	function render(force = false): void {
		const d = data;
		if (!d || view.width < MIN_SIZE || view.height < MIN_SIZE) return;
		const key = [
			d.theme,
			view.width,
			view.height,
			d.outputLabel,
			(d.outputNames ?? []).join('\u0000'),
			d.inputNames.join('\u0000'),
			d.layers.map((l) => `${l.inputs}x${l.outputs}:${l.activation}`).join(',')
		].join('|');
		if (force || key !== shapeKey) {
			shapeKey = key;
			hover = null;
			rebuild(d);
		}
		maxW = maxAbs(d.layers.map((l) => l.weights));
		const scale = Math.max(maxW, maxAbs(d.layers.map((l) => l.biases)));
		paintNodes(d, scale);
		drawEdges(d);
		showInfo(d);
	}

	function pick(x: number, y: number): Hover {
		if (!net) return null;
		let best: Hover = null;
		let bestD = Infinity;
		for (let c = 0; c < net.columns.length; c++) {
			const col = net.columns[c];
			const reach = col.radius + 3;
			if (Math.abs(x - col.x) > reach) continue;
			for (let j = 0; j < col.ys.length; j++) {
				const d2 = (x - col.x) ** 2 + (y - col.ys[j]) ** 2;
				if (d2 <= reach * reach && d2 < bestD) {
					bestD = d2;
					best = { kind: 'node', column: c, unit: j };
				}
			}
		}
		if (best || !data) return best;
		const d = data;
		const maxWidth = net.maxEdgeWidth;
		const k = nearestSegment(segments, x, y, (e) => edgeWidth(weightAt(d, e), maxW, maxWidth) / 2 + 3);
		return k >= 0 ? { kind: 'edge', edge: k } : null;
	}

	function sameHover(a: Hover, b: Hover): boolean {
		if (a === null || b === null) return a === b;
		if (a.kind === 'edge') return b.kind === 'edge' && a.edge === b.edge;
		return b.kind === 'node' && a.column === b.column && a.unit === b.unit;
	}

	function onMove(event: PointerEvent): void {
		const box = (root.node() as HTMLElement).getBoundingClientRect();
		pointer = [event.clientX - box.left, event.clientY - box.top];
		const next = pick(pointer[0], pointer[1]);
		const changed = !sameHover(next, hover);
		hover = next;
		if (!data) return;
		if (changed) {
			paintNodes(data, Math.max(maxW, maxAbs(data.layers.map((l) => l.biases))));
			drawEdges(data);
		}
		showInfo(data);
	}

	function onLeave(): void {
		pointer = null;
		if (hover === null) return;
		hover = null;
		if (!data) return;
		paintNodes(data, Math.max(maxW, maxAbs(data.layers.map((l) => l.biases))));
		drawEdges(data);
		showInfo(data);
	}

	const rootEl = root.node() as HTMLElement;
	rootEl.addEventListener('pointermove', onMove);
	rootEl.addEventListener('pointerleave', onLeave);
	return {
		update(next) {
			data = next;
			render();
		},
		dispose() {
			rootEl.removeEventListener('pointermove', onMove);
			rootEl.removeEventListener('pointerleave', onLeave);
			view.remove();
		}
	};
}
