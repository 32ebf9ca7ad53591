/**
 * Filled contour polygons of a row-major grid by marching squares, for many thresholds in one pass. Same
 * conventions and output as d3-contour's contours() (which the tests use as the reference): value (i, j) sits
 * at (i + 0.5, j + 0.5); the grid is padded with values below every threshold, so polygons close along the
 * border [0, nx] x [0, ny]; saddle cells keep their high corners apart; crossings are placed by linear
 * interpolation; exterior rings have positive shoelace area, holes negative. Unlike d3-contour, rings of zero
 * area (from values tied with a threshold) are dropped, and a hole goes to the innermost ring around it.
 * Written for speed (d3-contour spends most of its time stitching through sparse arrays): levels are computed
 * once per value, each threshold visits only the cells it crosses, and rings are traced through a typed
 * successor table.
 */

/** One threshold's region value >= threshold, as GeoJSON MultiPolygon coordinates in grid units. */
export interface ContourPolygons {
	readonly value: number;
	readonly coordinates: number[][][][];
}

// Cell-local geometry in half units around the cell centre: edge midpoints T, R, B, L and corners.
const EDGE_DX = [0, 1, 0, -1];
const EDGE_DY = [-1, 0, 1, 0];
// Corners: bit 0 bottom-left, bit 1 bottom-right, bit 2 top-right, bit 3 top-left.
const CORNER_DX = [-1, 1, 1, -1];
const CORNER_DY = [1, 1, -1, -1];
// The two edges meeting at each corner.
const CORNER_EDGES = [
	[3, 2],
	[2, 1],
	[1, 0],
	[0, 3]
];

/**
 * SEGMENTS[case] lists [startEdge, endEdge] pairs, oriented so that the corners at or above the threshold lie
 * on the negative side of the cross product (which makes exterior rings positive under the shoelace sum used
 * below). Built once from the rule rather than typed out, so the table cannot disagree with itself.
 */
const SEGMENTS: readonly (readonly [number, number])[][] = buildSegmentTable();

function buildSegmentTable(): [number, number][][] {
	const table: [number, number][][] = [];
	for (let c = 0; c < 16; c++) {
		const high = [0, 1, 2, 3].filter((k) => (c >> k) & 1);
		const pairs: [number, number][] = [];
		if (high.length === 2 && (c === 5 || c === 10)) {
			// Saddle: cut each high corner off on its own, so the cell's centre counts as low.
			for (const k of high) pairs.push([CORNER_EDGES[k][0], CORNER_EDGES[k][1]]);
		} else if (high.length > 0 && high.length < 4) {
			const crossed = [0, 1, 2, 3].filter((e) => {
				// Edge e joins corners (e + 2) % 4 ... expressed through CORNER_EDGES: the corners touching e.
				const touching = [0, 1, 2, 3].filter((k) => CORNER_EDGES[k].includes(e));
				return ((c >> touching[0]) & 1) !== ((c >> touching[1]) & 1);
			});
			pairs.push([crossed[0], crossed[1]]);
		}
		table.push(
			pairs.map(([a, b]) => {
				const k = high.find((h) => pairs.length === 1 || CORNER_EDGES[h].includes(a)) as number;
				const ex = EDGE_DX[b] - EDGE_DX[a];
				const ey = EDGE_DY[b] - EDGE_DY[a];
				const cx = CORNER_DX[k] - EDGE_DX[a];
				const cy = CORNER_DY[k] - EDGE_DY[a];
				return ex * cy - ey * cx < 0 ? [a, b] : [b, a];
			})
		);
	}
	return table;
}

/** Number of thresholds <= v (thresholds ascending); NaN counts as below all of them. */
function levelOf(v: number, thresholds: readonly number[]): number {
	let lo = 0;
	let hi = thresholds.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (thresholds[mid] <= v) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Where between two value centres (at x - 0.5 and x + 0.5) the threshold is crossed; NaN counts as -Inf. */
function interpolate(x: number, v0: number, v1: number, value: number): number {
	const a = value - (v0 === v0 ? v0 : -Infinity);
	const b = (v1 === v1 ? v1 : -Infinity) - (v0 === v0 ? v0 : -Infinity);
	const d = Number.isFinite(a) || Number.isFinite(b) ? a / b : Math.sign(a) / Math.sign(b);
	return Number.isNaN(d) ? x : x + d - 0.5;
}

function ringArea(ring: number[][]): number {
	const n = ring.length;
	let area = ring[n - 1][1] * ring[0][0] - ring[n - 1][0] * ring[0][1];
	for (let i = 1; i < n; i++) area += ring[i - 1][1] * ring[i][0] - ring[i - 1][0] * ring[i][1];
	return area;
}

/** Even-odd ray test; contour rings never cross or touch, so one point of a ring decides for all of it. */
function ringContains(ring: number[][], x: number, y: number): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const xi = ring[i][0];
		const yi = ring[i][1];
		const xj = ring[j][0];
		const yj = ring[j][1];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

interface Ring {
	points: number[][];
	area: number;
	x0: number;
	x1: number;
	y0: number;
	y1: number;
}

/**
 * The polygons where values >= t, for each threshold t (sorted ascending in the output). values has nx * ny
 * entries, row-major, row 0 first.
 */
export function contourPolygons(
	values: ArrayLike<number>,
	nx: number,
	ny: number,
	thresholds: readonly number[]
): ContourPolygons[] {
	const sorted = thresholds.slice().sort((a, b) => a - b);
	const count = sorted.length;
	if (count === 0) return [];
	if (nx < 1 || ny < 1) return sorted.map((value) => ({ value, coordinates: [] }));

	// Levels on a grid padded by one cell of "below everything" on each side.
	const pw = nx + 2;
	const level = count < 65535 ? new Uint16Array(pw * (ny + 2)) : new Uint32Array(pw * (ny + 2));
	for (let j = 0; j < ny; j++) {
		const row = (j + 1) * pw + 1;
		for (let i = 0; i < nx; i++) level[row + i] = levelOf(values[j * nx + i], sorted);
	}

	// Cells are indexed on the padded lattice: cell (cx, cy), cx in 0..nx, cy in 0..ny, has its top-left
	// corner at padded (cx, cy). A cell is crossed by threshold m when min level <= m < max level. Bucket
	// the cells by threshold (counting sort) so each threshold visits only its own cells.
	const starts = new Int32Array(count + 1);
	for (let cy = 0; cy <= ny; cy++) {
		for (let cx = 0; cx <= nx; cx++) {
			const p = cy * pw + cx;
			const a = level[p];
			const b = level[p + 1];
			const c = level[p + pw];
			const d = level[p + pw + 1];
			const mn = Math.min(a, b, c, d);
			const mx = Math.max(a, b, c, d);
			for (let m = mn; m < mx; m++) starts[m + 1]++;
		}
	}
	for (let m = 0; m < count; m++) starts[m + 1] += starts[m];
	const cells = new Int32Array(starts[count]);
	const fill = starts.slice(0, count);
	for (let cy = 0; cy <= ny; cy++) {
		for (let cx = 0; cx <= nx; cx++) {
			const p = cy * pw + cx;
			const a = level[p];
			const b = level[p + 1];
			const c = level[p + pw];
			const d = level[p + pw + 1];
			const mn = Math.min(a, b, c, d);
			const mx = Math.max(a, b, c, d);
			for (let m = mn; m < mx; m++) cells[fill[m]++] = p;
		}
	}

	// Crossing points live on the half-unit lattice X2 in 0..2nx, Y2 in 0..2ny: id = Y2 * (2nx + 1) + X2.
	const sw = 2 * nx + 1;
	const next = new Int32Array(sw * (2 * ny + 1)).fill(-1);
	let segmentStarts = new Int32Array(64);
	const out: ContourPolygons[] = [];

	for (let m = 0; m < count; m++) {
		const value = sorted[m];
		let nStarts = 0;
		for (let k = starts[m]; k < starts[m + 1]; k++) {
			const p = cells[k];
			const cx = p % pw;
			const cy = (p - cx) / pw;
			const code =
				(level[p + pw] > m ? 1 : 0) |
				(level[p + pw + 1] > m ? 2 : 0) |
				(level[p + 1] > m ? 4 : 0) |
				(level[p] > m ? 8 : 0);
			const segs = SEGMENTS[code];
			for (let s = 0; s < segs.length; s++) {
				const [ea, eb] = segs[s];
				const from = (2 * cy + EDGE_DY[ea]) * sw + 2 * cx + EDGE_DX[ea];
				next[from] = (2 * cy + EDGE_DY[eb]) * sw + 2 * cx + EDGE_DX[eb];
				if (nStarts === segmentStarts.length) {
					const grown = new Int32Array(nStarts * 2);
					grown.set(segmentStarts);
					segmentStarts = grown;
				}
				segmentStarts[nStarts++] = from;
			}
		}

		const exteriors: Ring[] = [];
		const holes: Ring[] = [];
		for (let k = 0; k < nStarts; k++) {
			const first = segmentStarts[k];
			if (next[first] < 0) continue;
			const points: number[][] = [];
			let x0 = Infinity;
			let x1 = -Infinity;
			let y0 = Infinity;
			let y1 = -Infinity;
			let id = first;
			do {
				const X2 = id % sw;
				const Y2 = (id - X2) / sw;
				let x = X2 / 2;
				let y = Y2 / 2;
				if ((X2 & 1) === 0) {
					// On a horizontal link between values (x - 1, row) and (x, row).
					if (x > 0 && x < nx) {
						const r = (Y2 - 1) >> 1;
						x = interpolate(x, values[r * nx + x - 1], values[r * nx + x], value);
					}
				} else if (y > 0 && y < ny) {
					// On a vertical link between values (column, y - 1) and (column, y).
					const col = (X2 - 1) >> 1;
					y = interpolate(y, values[(y - 1) * nx + col], values[y * nx + col], value);
				}
				points.push([x, y]);
				if (x < x0) x0 = x;
				if (x > x1) x1 = x;
				if (y < y0) y0 = y;
				if (y > y1) y1 = y;
				const to = next[id];
				next[id] = -1;
				id = to;
			} while (id !== first && id >= 0);
			points.push([points[0][0], points[0][1]]);
			const ring: Ring = { points, area: ringArea(points), x0, x1, y0, y1 };
			// A ring of zero area (values tied with the threshold along a line) encloses nothing: dropped.
			if (ring.area > 0) exteriors.push(ring);
			else if (ring.area < 0) holes.push(ring);
		}

		const polygons: number[][][][] = exteriors.map((r) => [r.points]);
		for (const hole of holes) {
			// The innermost exterior around the hole: the smallest one that contains it.
			const [hx, hy] = hole.points[0];
			let best = -1;
			for (let e = 0; e < exteriors.length; e++) {
				const r = exteriors[e];
				if (hole.x0 < r.x0 || hole.x1 > r.x1 || hole.y0 < r.y0 || hole.y1 > r.y1) continue;
				if (best >= 0 && r.area >= exteriors[best].area) continue;
				if (ringContains(r.points, hx, hy)) best = e;
			}
			if (best >= 0) polygons[best].push(hole.points);
		}
		out.push({ value, coordinates: polygons });
	}
	return out;
}
