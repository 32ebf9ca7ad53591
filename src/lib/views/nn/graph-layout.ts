/**
 * Geometry and text of the network graph, DOM-free so it can be tested in Node: column and node positions
 * for layer widths from [2, 4, 2, 1] to [2, 32, 32, 32, 1], the weight → edge width and opacity mapping,
 * unit names and hover texts, and the nearest edge to the pointer.
 */

export interface Margins {
	readonly top: number;
	readonly right: number;
	readonly bottom: number;
	readonly left: number;
}

export interface NetworkColumn {
	readonly x: number;
	/** Centre y of each unit, top to bottom. */
	readonly ys: readonly number[];
	/** Vertical distance between the centres of two neighbouring units of this column. */
	readonly spacing: number;
	/** Node radius in this column. */
	readonly radius: number;
}

export interface NetworkLayout {
	readonly columns: readonly NetworkColumn[];
	/** Smallest node radius of the network. */
	readonly radius: number;
	/** Smallest unit spacing of the network (that of the widest layer). */
	readonly spacing: number;
	/** Width of the heaviest edge. */
	readonly maxEdgeWidth: number;
}

export const MIN_EDGE_WIDTH = 0.3;
export const MAX_EDGE_WIDTH = 6;
const MAX_SPACING = 46;
const MIN_RADIUS = 2.5;
const MAX_RADIUS = 13;

/**
 * Columns spread evenly between the margins; each column's units centred vertically and spread as far as
 * MAX_SPACING allows, so that narrow layers (the inputs, the output) keep large nodes while wide ones pack
 * small nodes. Edge width shrinks with the tightest spacing so that a 32 × 32 layer stays a mesh of thin
 * lines.
 */
export function layoutNetwork(
	sizes: readonly number[],
	width: number,
	height: number,
	margin: Margins
): NetworkLayout {
	const left = margin.left;
	const right = Math.max(left + 1, width - margin.right);
	const top = margin.top;
	const bottom = Math.max(top + 1, height - margin.bottom);
	const gap = sizes.length > 1 ? (right - left) / (sizes.length - 1) : 0;
	const maxRadius = Math.min(MAX_RADIUS, gap > 0 ? gap * 0.12 : Infinity);
	const midY = (top + bottom) / 2;
	const columns = sizes.map((n, c) => {
		const x = sizes.length > 1 ? left + c * gap : (left + right) / 2;
		const spacing = Math.min(MAX_SPACING, (bottom - top) / Math.max(1, n));
		const radius = clamp(Math.min(spacing * 0.36, maxRadius), MIN_RADIUS, MAX_RADIUS);
		const ys = Array.from({ length: n }, (_, j) => midY + (j - (n - 1) / 2) * spacing);
		return { x, ys, spacing, radius };
	});
	const spacing = Math.min(MAX_SPACING, ...columns.map((c) => c.spacing));
	const radius = Math.min(MAX_RADIUS, ...columns.map((c) => c.radius));
	const maxEdgeWidth = clamp(spacing * 0.22, 1.2, MAX_EDGE_WIDTH);
	return { columns, radius, spacing, maxEdgeWidth };
}

/** Stroke width of an edge of weight w: linear in |w| / maxAbs from MIN_EDGE_WIDTH to maxWidth. */
export function edgeWidth(w: number, maxAbs: number, maxWidth = MAX_EDGE_WIDTH): number {
	const t = magnitude(w, maxAbs);
	return MIN_EDGE_WIDTH + (Math.max(MIN_EDGE_WIDTH, maxWidth) - MIN_EDGE_WIDTH) * t;
}

/** Opacity of an edge: faint for small weights, opaque for the heaviest. */
export function edgeOpacity(w: number, maxAbs: number): number {
	return 0.12 + 0.88 * Math.sqrt(magnitude(w, maxAbs));
}

/** |w| / maxAbs in [0, 1]; 0 when there is no scale or w is not finite. */
export function magnitude(w: number, maxAbs: number): number {
	if (!(maxAbs > 0) || !Number.isFinite(w) || !Number.isFinite(maxAbs)) return 0;
	return Math.min(1, Math.abs(w) / maxAbs);
}

/** Largest finite |v| over the arrays (0 for none). */
export function maxAbs(arrays: Iterable<ArrayLike<number>>): number {
	let m = 0;
	for (const a of arrays)
		for (let i = 0; i < a.length; i++) {
			const v = Math.abs(a[i]);
			if (v > m && Number.isFinite(v)) m = v;
		}
	return m;
}

/**
 * Name of unit j of column c (0 = inputs, last = output): the input's name, "hidden k #j" (1-based), and
 * "output" (or "output #j" when there are several).
 */
export function unitName(
	column: number,
	unit: number,
	sizes: readonly number[],
	inputNames: readonly string[]
): string {
	if (column === 0) return inputNames[unit] ?? `x${unit + 1}`;
	if (column === sizes.length - 1) return sizes[column] > 1 ? `output #${unit + 1}` : 'output';
	return `hidden ${column} #${unit + 1}`;
}

/**
 * The two lines of a column's title: e.g. ["hidden 1", "tanh · 8"]; compact (for narrow columns) gives
 * ["h1", "tanh·8"].
 */
export function columnTitle(
	column: number,
	sizes: readonly number[],
	activation: string | null,
	compact = false
): [string, string] {
	const n = sizes[column];
	if (column === 0) return compact ? ['in', String(n)] : ['input', `${n} feature${n === 1 ? '' : 's'}`];
	const last = column === sizes.length - 1;
	const name = last ? (compact ? 'out' : 'output') : compact ? `h${column}` : `hidden ${column}`;
	if (!activation) return [name, String(n)];
	return [name, compact ? `${activation}·${n}` : `${activation} · ${n}`];
}

/** A signed number with a typographic minus: 3 decimals, exponent form beyond 1e4 or below 1e-3. */
export function formatSigned(v: number): string {
	if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
	const a = Math.abs(v);
	const s = a !== 0 && (a >= 1e4 || a < 1e-3) ? a.toExponential(2) : a.toFixed(3);
	return v < 0 ? `−${s}` : s;
}

/** Hover text of the edge from unit i of column c to unit j of column c + 1. */
export function edgeLabel(
	column: number,
	i: number,
	j: number,
	w: number,
	sizes: readonly number[],
	inputNames: readonly string[]
): string {
	return `w(${unitName(column, i, sizes, inputNames)} → ${unitName(column + 1, j, sizes, inputNames)}) = ${formatSigned(w)}`;
}

/** Hover text of unit j of column c: its bias, or its name for an input. */
export function nodeLabel(
	column: number,
	j: number,
	bias: number | null,
	sizes: readonly number[],
	inputNames: readonly string[]
): string {
	const name = unitName(column, j, sizes, inputNames);
	if (column === 0 || bias === null) return `input ${name}`;
	return `b(${name}) = ${formatSigned(bias)}`;
}

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
export function segmentDistance2(
	px: number,
	py: number,
	ax: number,
	ay: number,
	bx: number,
	by: number
): number {
	const dx = bx - ax;
	const dy = by - ay;
	const len2 = dx * dx + dy * dy;
	let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
	t = clamp(t, 0, 1);
	const ex = ax + t * dx - px;
	const ey = ay + t * dy - py;
	return ex * ex + ey * ey;
}

/**
 * Index of the segment nearest (px, py) within its tolerance, or -1. Segments are flat (ax, ay, bx, by per
 * segment); tolerance(k) is the pick distance of segment k (e.g. half its width plus a few pixels).
 */
export function nearestSegment(
	segments: ArrayLike<number>,
	px: number,
	py: number,
	tolerance: (k: number) => number
): number {
	let best = -1;
	let bestD = Infinity;
	const n = Math.floor(segments.length / 4);
	for (let k = 0; k < n; k++) {
		const o = 4 * k;
		const ax = segments[o];
		const bx = segments[o + 2];
		if (px < Math.min(ax, bx) - 8 || px > Math.max(ax, bx) + 8) continue;
		const d2 = segmentDistance2(px, py, ax, segments[o + 1], bx, segments[o + 3]);
		const tol = tolerance(k);
		if (d2 <= tol * tol && d2 < bestD) {
			bestD = d2;
			best = k;
		}
	}
	return best;
}

function clamp(v: number, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, v));
}
