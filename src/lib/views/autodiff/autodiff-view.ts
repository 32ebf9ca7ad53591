/**
 * The autodiff view: an imperative d3 drawing of an expression's computational graph, left (x, y) to right
 * (f), showing the forward values and adjoints known at one step of the tape. Svelte-free: a component
 * creates it on a node, feeds it { graph, evaluation, step } and disposes it.
 */
import { select } from 'd3-selection';
import type { Selection } from 'd3-selection';
import { curveBumpX, line } from 'd3-shape';
import { zoom, zoomIdentity } from 'd3-zoom';
import type { D3ZoomEvent, ZoomTransform } from 'd3-zoom';
import { tapeState } from '../../core/autodiff/expression-graph';
import type {
	ExpressionGraph,
	GraphBuildResult,
	GraphEvaluation,
	GraphNode,
	TapeState
} from '../../core/autodiff/expression-graph';
import { formatNumber } from '../../core/autodiff/format';
import { layoutGraph } from './layout';
import type { GraphLayout } from './layout';

export interface AutodiffViewData {
	/** The graph, or the result of building it (a failure is shown as its message). */
	readonly graph: ExpressionGraph | GraphBuildResult;
	/** Values, adjoints and tape at a point; null draws the bare graph. */
	readonly evaluation: GraphEvaluation | null;
	/** Completed tape steps, 0..evaluation.tape.length (see tapeState). */
	readonly step: number;
	readonly theme?: 'light' | 'dark';
}

export interface AutodiffViewCallbacks {
	/** The node under the pointer, or null when the pointer leaves it. */
	onHoverNode?(id: number | null): void;
	/**
	 * false: no step caption above the graph and no line of non-finite values below it (the host shows
	 * both itself). Default true.
	 */
	caption?: boolean;
}

export interface AutodiffView {
	update(data: AutodiffViewData): void;
	dispose(): void;
}

/** Fallbacks for the page's CSS variables (used when the view is shown outside the app's layout). */
const PALETTES = {
	light: {
		panel: '#ffffff',
		text: '#1b1f24',
		muted: '#57606a',
		border: '#d0d7de',
		accent: '#0b62c4',
		accentBg: '#e8f1fc',
		danger: '#c62828'
	},
	dark: {
		panel: '#161b22',
		text: '#e6edf3',
		muted: '#9da7b3',
		border: '#30363d',
		accent: '#4d9ef7',
		accentBg: '#132338',
		danger: '#ff6b6b'
	}
} as const;

type Palette = Record<keyof (typeof PALETTES)['light'], string>;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const LABEL_FONT = 17;
const NAME_FONT = 12.5;
const VALUE_FONT = 14;
const EDGE_FONT = 12.5;
/** Room left for the arrowhead between an edge label and its target. */
const EDGE_LABEL_INSET = 9;
const PAD_X = 9;
const BOX_HEIGHT = 66;
const CONST_HEIGHT = 32;
const MIN_BOX_WIDTH = 58;
const WIDTH_STEP = 8;
const MARGIN = 24;
/** Below this the text is too small to read: the graph is panned instead of shrunk further. */
const MIN_SCALE = 0.8;
const MAX_SCALE = 1.3;

let instances = 0;

interface NodeBox {
	readonly node: GraphNode;
	readonly width: number;
	readonly height: number;
}

export function createAutodiffView(node: HTMLElement, callbacks: AutodiffViewCallbacks = {}): AutodiffView {
	const uid = `autodiff-${++instances}`;
	const showCaption = callbacks.caption !== false;
	const root = select(node)
		.append('div')
		.style('display', 'flex')
		.style('flex-direction', 'column')
		.style('width', '100%')
		.style('height', '100%')
		.style('min-height', '220px')
		.style('font-family', FONT);
	const caption = root
		.append('div')
		.attr('aria-live', 'polite')
		.style('flex', 'none')
		.style('padding', '8px 12px')
		.style('font-size', '15px')
		.style('line-height', '1.4')
		.style('min-height', '2.8em')
		.style('overflow-wrap', 'anywhere')
		.style('display', showCaption ? 'block' : 'none');
	const captionStep = caption.append('strong').style('margin-right', '0.6em');
	const captionText = caption.append('span').style('font-variant-numeric', 'tabular-nums');
	const stage = root
		.append('div')
		.style('position', 'relative')
		.style('flex', '1 1 auto')
		.style('min-height', '0');
	const svg = stage
		.append('svg')
		.attr('role', 'img')
		.style('position', 'absolute')
		.style('inset', '0')
		.style('width', '100%')
		.style('height', '100%')
		.style('display', 'block')
		.style('cursor', 'grab')
		.style('touch-action', 'none');
	const defs = svg.append('defs');
	const scene = svg.append('g');
	const edgeLayer = scene.append('g').attr('fill', 'none');
	const labelLayer = scene.append('g');
	const nodeLayer = scene.append('g');
	const message = stage
		.append('div')
		.style('position', 'absolute')
		.style('inset', '0')
		.style('display', 'none')
		.style('align-items', 'center')
		.style('justify-content', 'center')
		.style('padding', '16px')
		.style('text-align', 'center')
		.style('font-size', '16px');
	const issues = stage
		.append('div')
		.style('position', 'absolute')
		.style('left', '10px')
		.style('bottom', '8px')
		.style('right', '10px')
		.style('font-size', '14px')
		.style('pointer-events', 'none')
		.style('display', showCaption ? 'block' : 'none');

	let data: AutodiffViewData | null = null;
	let shownFailure: string | null = null;
	let graph: ExpressionGraph | null = null;
	let evaluation: GraphEvaluation | null = null;
	let layout: GraphLayout | null = null;
	let boxes: NodeBox[] = [];
	let hovered: number | null = null;
	let transform: ZoomTransform = zoomIdentity;
	/** The user zoomed or panned: keep their view instead of fitting again. */
	let userMoved = false;
	let programmatic = false;
	let width = 0;
	let height = 0;

	const palette = (): Palette => PALETTES[data?.theme ?? 'light'];
	const color = (name: keyof Palette, variable: string): string => `var(--${variable}, ${palette()[name]})`;
	const TEXT = (): string => color('text', 'text');
	const MUTED = (): string => color('muted', 'muted');
	const BORDER = (): string => color('border', 'border');
	const ACCENT = (): string => color('accent', 'accent');
	const ACCENT_BG = (): string => color('accentBg', 'accent-bg');
	const PANEL = (): string => color('panel', 'panel');
	const DANGER = (): string => color('danger', 'danger');

	// Arrowheads: plain, and accent at either end (backward steps point against the edge).
	const marker = (id: string, start: boolean): Selection<SVGPathElement, unknown, null, undefined> =>
		defs
			.append('marker')
			.attr('id', `${uid}-${id}`)
			.attr('viewBox', '0 0 10 10')
			.attr('refX', start ? 1 : 9)
			.attr('refY', 5)
			.attr('markerWidth', 7)
			.attr('markerHeight', 7)
			.attr('markerUnits', 'userSpaceOnUse')
			.attr('orient', 'auto-start-reverse')
			.append('path')
			.attr('d', 'M0,0 L10,5 L0,10 z');
	const arrowPlain = marker('arrow', false);
	const arrowAccent = marker('arrow-accent', false);
	const arrowBack = marker('arrow-back', true);

	const zoomBehaviour = zoom<SVGSVGElement, unknown>()
		.scaleExtent([0.15, 3])
		.on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
			transform = event.transform;
			scene.attr('transform', transform.toString());
			if (!programmatic && event.sourceEvent) userMoved = true;
		});
	svg.call(zoomBehaviour).on('dblclick.zoom', null);
	svg.on('dblclick', () => {
		userMoved = false;
		fit();
	});

	const measure = createMeasurer();
	const pathOf = line<readonly [number, number]>()
		.x((p) => p[0])
		.y((p) => p[1])
		.curve(curveBumpX);

	function setTransform(t: ZoomTransform): void {
		programmatic = true;
		svg.call(zoomBehaviour.transform, t);
		programmatic = false;
	}

	function resize(): boolean {
		const w = Math.floor((stage.node() as HTMLDivElement).clientWidth);
		const h = Math.floor((stage.node() as HTMLDivElement).clientHeight);
		const changed = w !== width || h !== height;
		width = w;
		height = h;
		return changed;
	}

	/** Scales the graph to the stage (not below MIN_SCALE, then the current node is kept in view). */
	function fit(): void {
		if (!layout || width <= 0 || height <= 0) return;
		const lw = Math.max(1, layout.width);
		const lh = Math.max(1, layout.height);
		const bottomRoom = showCaption && evaluation && evaluation.issues.length > 0 ? 28 : 0;
		const s = Math.max(
			MIN_SCALE,
			Math.min(MAX_SCALE, (width - 2 * MARGIN) / lw, (height - 2 * MARGIN - bottomRoom) / lh)
		);
		const tx = lw * s <= width - 2 * MARGIN ? (width - lw * s) / 2 : MARGIN;
		const ty = lh * s <= height - 2 * MARGIN - bottomRoom ? (height - bottomRoom - lh * s) / 2 : MARGIN;
		setTransform(zoomIdentity.translate(tx, ty).scale(s));
		keepCurrentInView();
	}

	/** Pans as little as possible so that the current step's node is on screen. */
	function keepCurrentInView(): void {
		if (!layout || !evaluation || !data) return;
		const state = tapeState(evaluation, data.step);
		const id = state.current?.node ?? evaluation.graph.output;
		const p = layout.nodes[id];
		if (p === undefined) return;
		const k = transform.k;
		const left = transform.applyX(p.x - p.width / 2) - MARGIN;
		const right = transform.applyX(p.x + p.width / 2) + MARGIN;
		const top = transform.applyY(p.y - p.height / 2) - MARGIN;
		const bottom = transform.applyY(p.y + p.height / 2) + MARGIN;
		let dx = 0;
		let dy = 0;
		if (left < 0) dx = -left;
		else if (right > width) dx = Math.max(width - right, -left);
		if (top < 0) dy = -top;
		else if (bottom > height) dy = Math.max(height - bottom, -top);
		if (dx !== 0 || dy !== 0)
			setTransform(zoomIdentity.translate(transform.x + dx, transform.y + dy).scale(k));
	}

	/** Box sizes wide enough for every text the node shows at any step, then the layout. */
	function rebuild(): void {
		if (!graph) {
			clearDrawing();
			return;
		}
		const g = graph;
		const widest = widestTexts(g, evaluation);
		const sameGraph = boxes.length > 0 && boxes[0].node === g.nodes[0];
		const next = g.nodes.map((n, i) => {
			const isConst = n.op === 'const';
			const labelWidth = measure(n.label, `600 ${LABEL_FONT}px ${FONT}`);
			const nameWidth = showsName(n) ? measure(nameText(g, n), `${NAME_FONT}px ${FONT}`) + 10 : 0;
			const valueWidth = isConst ? 0 : measure(widest.value[n.id], `${VALUE_FONT}px ${FONT}`);
			const adjointWidth = isConst ? 0 : measure(widest.adjoint[n.id], `${VALUE_FONT}px ${FONT}`);
			const content = Math.max(labelWidth + nameWidth, valueWidth, adjointWidth);
			// Widths only grow while the graph stays the same, in steps of WIDTH_STEP: moving the point
			// rarely moves the drawing.
			const width =
				Math.ceil(Math.max(isConst ? 34 : MIN_BOX_WIDTH, content + 2 * PAD_X) / WIDTH_STEP) * WIDTH_STEP;
			return {
				node: n,
				width: sameGraph ? Math.max(width, boxes[i].width) : width,
				height: isConst ? CONST_HEIGHT : BOX_HEIGHT
			};
		});
		if (sameGraph && layout && next.every((b, i) => b.width === boxes[i].width)) return;
		clearDrawing();
		boxes = next;
		layout = layoutGraph(
			boxes.map((b) => ({
				id: b.node.id,
				width: b.width,
				height: b.height,
				pinned: b.node.op === 'x' || b.node.op === 'y'
			})),
			g.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, port: e.index })),
			{ layerGap: 86, nodeGap: 20, edgeGap: 12, portGap: 17 }
		);
		const L = layout;

		edgeLayer
			.selectAll('path')
			.data(g.edges)
			.join('path')
			.attr('d', (e) => pathOf(L.edges[e.id].points) ?? '')
			.attr('stroke-linecap', 'round');
		labelLayer
			.selectAll('text')
			.data(g.edges)
			.join('text')
			.attr('x', (e) => edgeLabelPoint(L, e.id)[0])
			.attr('y', (e) => edgeLabelPoint(L, e.id)[1])
			.attr('text-anchor', 'end')
			.attr('font-size', EDGE_FONT)
			.attr('paint-order', 'stroke')
			.attr('stroke-width', 7)
			.attr('stroke-linejoin', 'round')
			.style('font-variant-numeric', 'tabular-nums');

		const groups = nodeLayer
			.selectAll<SVGGElement, NodeBox>('g')
			.data(boxes)
			.join('g')
			.attr('transform', (b) => {
				const p = L.nodes[b.node.id];
				return `translate(${p.x - b.width / 2},${p.y - b.height / 2})`;
			})
			.style('cursor', 'default')
			.on('pointerenter', (_event, b) => setHover(b.node.id))
			.on('pointerleave', () => setHover(null));
		groups.append('title');
		groups
			.append('rect')
			.attr('class', 'box')
			.attr('width', (b) => b.width)
			.attr('height', (b) => b.height)
			.attr('rx', (b) => (b.node.op === 'const' ? b.height / 2 : 7));
		groups
			.append('text')
			.attr('class', 'label')
			.attr('x', (b) => (b.node.op === 'const' ? b.width / 2 : PAD_X))
			.attr('y', (b) => (b.node.op === 'const' ? b.height / 2 + 1 : 21))
			.attr('text-anchor', (b) => (b.node.op === 'const' ? 'middle' : 'start'))
			.attr('dominant-baseline', (b) => (b.node.op === 'const' ? 'central' : 'auto'))
			.attr('font-size', LABEL_FONT)
			.attr('font-weight', 600)
			.text((b) => b.node.label);
		const notConst = groups.filter((b) => b.node.op !== 'const');
		notConst
			.filter((b) => showsName(b.node))
			.append('text')
			.attr('class', 'name')
			.attr('x', (b) => b.width - PAD_X)
			.attr('y', 20)
			.attr('text-anchor', 'end')
			.attr('font-size', NAME_FONT)
			.text((b) => nameText(g, b.node));
		for (const [cls, y] of [
			['value', 41],
			['adjoint', 59]
		] as const) {
			notConst
				.append('text')
				.attr('class', cls)
				.attr('x', PAD_X)
				.attr('y', y)
				.attr('font-size', VALUE_FONT)
				.style('font-variant-numeric', 'tabular-nums');
		}
	}

	function clearDrawing(): void {
		edgeLayer.selectAll('*').remove();
		labelLayer.selectAll('*').remove();
		nodeLayer.selectAll('*').remove();
		layout = null;
		boxes = [];
		hovered = null;
	}

	function setHover(id: number | null): void {
		if (hovered === id) return;
		hovered = id;
		callbacks.onHoverNode?.(id);
		restyle();
	}

	/** Texts and colours for the current step. */
	function restyle(): void {
		if (!data) return;
		const g = graph;
		root.style('color', TEXT());
		message.style('color', MUTED());
		issues.style('color', DANGER());
		arrowPlain.style('fill', MUTED());
		arrowAccent.style('fill', ACCENT());
		arrowBack.style('fill', ACCENT());
		if (!g || !layout) return;
		const e = evaluation;
		const state: TapeState | null = e ? tapeState(e, data.step) : null;
		const current = state?.current;
		const backward = current?.phase === 'backward';
		const currentEdges = new Set(current?.edges ?? []);
		const hoverEdges = new Set<number>();
		if (hovered !== null && g.nodes[hovered]) {
			for (const id of g.nodes[hovered].inEdges) hoverEdges.add(id);
			for (const id of g.nodes[hovered].outEdges) hoverEdges.add(id);
		}

		if (!e || !state) {
			captionStep.text('');
			captionText.text(`${g.nodes.length} nodes: choose a point to evaluate`);
		} else {
			const phase =
				state.phase === 'start' ? 'Ready' : state.phase === 'forward' ? 'Forward pass' : 'Backward pass';
			captionStep.text(`Step ${state.step} of ${state.total} · ${phase}`);
			captionText.text(
				current?.text ??
					`f at (x, y) = (${formatNumber(e.x)}, ${formatNumber(e.y)}): values flow right, then adjoints flow back left`
			);
		}
		svg.attr(
			'aria-label',
			`Computational graph of f(x, y) = ${g.text}: ${g.nodes.length} nodes` +
				(state ? `, step ${state.step} of ${state.total}` : '')
		);

		edgeLayer
			.selectAll<SVGPathElement, (typeof g.edges)[number]>('path')
			.style('stroke', (d) =>
				currentEdges.has(d.id) || hoverEdges.has(d.id)
					? ACCENT()
					: (state?.edgeStatus[d.id] ?? 0) > 0
						? MUTED()
						: BORDER()
			)
			.attr('stroke-width', (d) => (currentEdges.has(d.id) ? 3 : hoverEdges.has(d.id) ? 2.5 : 1.6))
			.attr('marker-end', (d) =>
				backward && currentEdges.has(d.id)
					? null
					: `url(#${uid}-${currentEdges.has(d.id) || hoverEdges.has(d.id) ? 'arrow-accent' : 'arrow'})`
			)
			.attr('marker-start', (d) => (backward && currentEdges.has(d.id) ? `url(#${uid}-arrow-back)` : null))
			.attr('opacity', (d) => (state && state.edgeStatus[d.id] === 0 && !hoverEdges.has(d.id) ? 0.7 : 1));

		labelLayer
			.selectAll<SVGTextElement, (typeof g.edges)[number]>('text')
			.text((d) =>
				e && state && (state.edgeStatus[d.id] === 2 || (backward && currentEdges.has(d.id)))
					? `∂ ${formatNumber(e.partials[d.id])}`
					: hovered !== null && hoverEdges.has(d.id)
						? `∂ = ${d.rule}`
						: ''
			)
			.style('fill', (d) => (currentEdges.has(d.id) || hoverEdges.has(d.id) ? ACCENT() : MUTED()))
			.style('stroke', PANEL())
			.attr('font-weight', (d) => (currentEdges.has(d.id) ? 600 : 400));

		const groups = nodeLayer.selectAll<SVGGElement, NodeBox>('g');
		const known = (id: number): boolean => !state || state.valueKnown[id] === 1;
		const isCurrent = (id: number): boolean => current?.node === id;
		groups
			.select<SVGRectElement>('rect.box')
			.style('fill', (b) => (isCurrent(b.node.id) ? ACCENT_BG() : PANEL()))
			.style('stroke', (b) =>
				isCurrent(b.node.id) || hovered === b.node.id
					? ACCENT()
					: e && !Number.isFinite(e.values[b.node.id]) && known(b.node.id)
						? DANGER()
						: known(b.node.id) && state
							? TEXT()
							: MUTED()
			)
			.attr('stroke-width', (b) =>
				isCurrent(b.node.id) ? 3 : b.node.id === g.output || hovered === b.node.id ? 2.2 : 1.3
			)
			.attr('stroke-dasharray', (b) => (state && !known(b.node.id) ? '5 4' : null));
		groups
			.select<SVGTextElement>('text.label')
			.style('fill', (b) => (known(b.node.id) || !state ? TEXT() : MUTED()));
		groups.select<SVGTextElement>('text.name').style('fill', MUTED());
		groups
			.select<SVGTextElement>('text.value')
			.text((b) =>
				!e || !state ? '' : known(b.node.id) ? `v = ${formatNumber(e.values[b.node.id])}` : 'v = ?'
			)
			.style('fill', (b) =>
				e && known(b.node.id) && !Number.isFinite(e.values[b.node.id])
					? DANGER()
					: known(b.node.id)
						? TEXT()
						: MUTED()
			);
		groups
			.select<SVGTextElement>('text.adjoint')
			.text((b) => {
				if (!state || state.phase !== 'backward') return '';
				const status = state.adjointStatus[b.node.id];
				if (status === 0) return 'v̄ = ?';
				const v = `v̄ = ${formatNumber(state.adjoint[b.node.id])}`;
				return status === 2 ? v : `${v} + …`;
			})
			.style('fill', (b) => {
				const status = state?.adjointStatus[b.node.id] ?? 0;
				if (status === 2) return Number.isFinite(state!.adjoint[b.node.id]) ? ACCENT() : DANGER();
				return MUTED();
			})
			.attr('font-weight', (b) => ((state?.adjointStatus[b.node.id] ?? 0) === 2 ? 600 : 400))
			.attr('font-style', (b) => ((state?.adjointStatus[b.node.id] ?? 0) === 1 ? 'italic' : 'normal'));
		groups.select('title').text((b) => tooltip(g, b.node, e));

		const list = e?.issues ?? [];
		issues.text(
			list.length === 0
				? ''
				: `Not finite: ${list
						.slice(0, 3)
						.map((i) => i.message)
						.join('; ')}${list.length > 3 ? ` (+${list.length - 3} more)` : ''}`
		);
	}

	function showMessage(text: string | null): void {
		message.style('display', text === null ? 'none' : 'flex').text(text ?? '');
		svg.style('display', text === null ? 'block' : 'none');
	}

	const observer = new ResizeObserver(() => {
		if (!resize()) return;
		if (userMoved) keepCurrentInView();
		else fit();
	});
	observer.observe(stage.node() as HTMLDivElement);
	resize();

	return {
		update(next: AutodiffViewData): void {
			const prev = data;
			data = next;
			const built = 'ok' in next.graph ? next.graph : ({ ok: true, graph: next.graph } as const);
			const nextGraph = built.ok ? built.graph : null;
			const nextEvaluation = next.evaluation && next.evaluation.graph === nextGraph ? next.evaluation : null;
			const failure = built.ok ? null : built.message;
			if (failure !== shownFailure) {
				shownFailure = failure;
				showMessage(failure);
				if (failure !== null) {
					captionStep.text('');
					captionText.text('');
					issues.text('');
				}
			}
			if (nextGraph !== graph || nextEvaluation !== evaluation) {
				const sameGraph = nextGraph === graph;
				graph = nextGraph;
				evaluation = nextEvaluation;
				rebuild();
				if (!sameGraph) userMoved = false;
				resize();
				restyle();
				if (!userMoved) fit();
				else keepCurrentInView();
				return;
			}
			restyle();
			if (prev?.step !== next.step) keepCurrentInView();
		},

		dispose(): void {
			observer.disconnect();
			svg.on('.zoom', null).on('dblclick', null);
			root.remove();
			data = null;
			graph = null;
			evaluation = null;
		}
	};
}

function showsName(n: GraphNode): boolean {
	return n.op !== 'x' && n.op !== 'y' && n.op !== 'const';
}

function nameText(g: ExpressionGraph, n: GraphNode): string {
	return n.id === g.output ? `${n.name} = f` : n.name;
}

/**
 * Where an edge's partial derivative is written: right-aligned just before the arrowhead, above the edge.
 * Operands enter a node at ports portGap apart, so the labels of one node's edges stack without overlapping.
 */
function edgeLabelPoint(layout: GraphLayout, id: number): [number, number] {
	const pts = layout.edges[id].points;
	const [x, y] = pts[pts.length - 1];
	return [x - EDGE_LABEL_INSET, y - 3];
}

/** The longest value and adjoint texts each node shows over the whole tape (box widths stay put). */
function widestTexts(g: ExpressionGraph, e: GraphEvaluation | null): { value: string[]; adjoint: string[] } {
	const value = g.nodes.map(() => 'v = ?');
	const adjoint = g.nodes.map(() => 'v̄ = ?');
	if (!e) return { value, adjoint };
	const longer = (a: string, b: string): string => (b.length > a.length ? b : a);
	for (const n of g.nodes) value[n.id] = longer(value[n.id], `v = ${formatNumber(e.values[n.id])}`);
	// The reverse pass again, recording each partial sum as tapeState will show it (same order of additions).
	const sums = new Float64Array(g.nodes.length);
	for (let k = g.nodes.length - 1; k >= 0; k--) {
		const node = g.nodes[k];
		if (node.id === g.output) sums[node.id] = 1;
		adjoint[node.id] = longer(adjoint[node.id], `v̄ = ${formatNumber(sums[node.id])}`);
		for (const id of node.inEdges) {
			const from = g.edges[id].from;
			sums[from] += e.contributions[id];
			adjoint[from] = longer(adjoint[from], `v̄ = ${formatNumber(sums[from])} + …`);
		}
	}
	return { value, adjoint };
}

function tooltip(g: ExpressionGraph, n: GraphNode, e: GraphEvaluation | null): string {
	const lines: string[] = [];
	const source = n.span ? g.text.slice(n.span.start, n.span.end) : '';
	lines.push(
		n.op === 'x' || n.op === 'y' ? `input ${n.name}` : `${n.name}: ${n.label}${source ? ` — ${source}` : ''}`
	);
	for (const id of n.inEdges) {
		const edge = g.edges[id];
		lines.push(
			`∂${n.name}/∂${g.nodes[edge.from].name} = ${edge.rule}${e ? ` = ${formatNumber(e.partials[id])}` : ''}`
		);
	}
	if (e) {
		lines.push(`value ${formatNumber(e.values[n.id])}`);
		if (n.variable) lines.push(`adjoint ∂f/∂${n.name} = ${formatNumber(e.adjoints[n.id])}`);
	}
	return lines.join('\n');
}

/** Text width in pixels: a canvas measures it; an estimate when there is no canvas (tests, old engines). */
function createMeasurer(): (text: string, font: string) => number {
	let context: CanvasRenderingContext2D | null = null;
	try {
		context = document.createElement('canvas').getContext('2d');
	} catch {
		context = null;
	}
	return (text, font) => {
		if (context) {
			context.font = font;
			return context.measureText(text).width;
		}
		const size = Number(/(\d+(\.\d+)?)px/.exec(font)?.[1] ?? 14);
		return text.length * size * 0.62;
	};
}
