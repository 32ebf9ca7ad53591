/**
 * Pure geometry of the 3D surface view: how (x, y, f) maps to scene units, the sampled height field with its
 * normals and triangles, trajectory positions on that field, and the value colour ramp. No three.js, no DOM.
 */
import type { ViewBox } from '../../core/objective';
import { createLogScale, finiteRange, type LogScale } from '../../core/grid/log-scale';

/** Scene length of the box's longer side. */
export const SURFACE_SPAN = 2;
/** Height of t = 1 (the scale's `hi`) relative to SURFACE_SPAN. */
export const HEIGHT_FACTOR = 0.42;
/** The shorter side of the box is drawn at least this fraction of the longer one, so thin boxes stay visible. */
export const MIN_ASPECT = 1 / 3;
/** How far trajectories float above the surface, relative to SURFACE_SPAN (keeps them out of the facets). */
export const LIFT_FACTOR = 0.006;
/**
 * Trajectory points are kept within this many scene units of the centre (a diverging run reaches 1e300,
 * beyond float32): a far point is pulled back along its segment, which keeps the segment's direction.
 */
export const FAR_LIMIT = 20;

/**
 * The map from data to scene ("frame") coordinates: u along x, v along y, w up; all centred on the box.
 * The renderer turns (u, v, w) into its own axes; everything here stays in (u, v, w).
 */
export interface SurfaceFrame {
	readonly box: ViewBox;
	readonly scale: LogScale;
	/** Scene extents: u in [-width/2, width/2], v in [-depth/2, depth/2], w in [0, height]. */
	readonly width: number;
	readonly depth: number;
	readonly height: number;
	/** Scene units per data unit along x and y. */
	readonly unitX: number;
	readonly unitY: number;
	/** Vertical offset of trajectories and markers above the surface. */
	readonly lift: number;
}

export function createFrame(box: ViewBox, scale: LogScale): SurfaceFrame {
	const w = Math.abs(box.xMax - box.xMin) || 1;
	const h = Math.abs(box.yMax - box.yMin) || 1;
	const longer = Math.max(w, h);
	const width = Math.max(MIN_ASPECT, w / longer) * SURFACE_SPAN;
	const depth = Math.max(MIN_ASPECT, h / longer) * SURFACE_SPAN;
	return {
		box,
		scale,
		width,
		depth,
		height: HEIGHT_FACTOR * SURFACE_SPAN,
		unitX: width / (box.xMax - box.xMin || 1),
		unitY: depth / (box.yMax - box.yMin || 1),
		lift: LIFT_FACTOR * SURFACE_SPAN
	};
}

export function toU(frame: SurfaceFrame, x: number): number {
	return (x - frame.box.xMin) * frame.unitX - frame.width / 2;
}

export function toV(frame: SurfaceFrame, y: number): number {
	return (y - frame.box.yMin) * frame.unitY - frame.depth / 2;
}

export function fromU(frame: SurfaceFrame, u: number): number {
	return frame.box.xMin + (u + frame.width / 2) / frame.unitX;
}

export function fromV(frame: SurfaceFrame, v: number): number {
	return frame.box.yMin + (v + frame.depth / 2) / frame.unitY;
}

/** Scene height of a value: the contour view's normalised t, times the frame's height. NaN for NaN. */
export function heightOf(frame: SurfaceFrame, f: number): number {
	return frame.scale.toUnit(f) * frame.height;
}

export function insideBox(box: ViewBox, x: number, y: number): boolean {
	return x >= box.xMin && x <= box.xMax && y >= box.yMin && y <= box.yMax;
}

/** The caller's scale (shared with the contour view) or, without one, the range of the samples. */
export function resolveScale(scale: { lo: number; hi: number } | null, values: ArrayLike<number>): LogScale {
	if (scale) return createLogScale(scale.lo, scale.hi);
	const [lo, hi] = finiteRange(values);
	return createLogScale(lo, hi);
}

/**
 * f sampled on an nx x ny lattice spanning the box corner to corner: index j * nx + i is
 * (x_i, y_j) with x_0 = xMin, x_{nx-1} = xMax, y_0 = yMin, y_{ny-1} = yMax.
 */
export function sampleValues(
	f: (x: number, y: number) => number,
	box: ViewBox,
	nx: number,
	ny: number,
	out: Float64Array = new Float64Array(nx * ny)
): Float64Array {
	const dx = (box.xMax - box.xMin) / (nx - 1);
	const dy = (box.yMax - box.yMin) / (ny - 1);
	for (let j = 0; j < ny; j++) {
		const y = j === ny - 1 ? box.yMax : box.yMin + j * dy;
		const row = j * nx;
		for (let i = 0; i < nx; i++) {
			const x = i === nx - 1 ? box.xMax : box.xMin + i * dx;
			let v: number;
			try {
				v = f(x, y);
			} catch {
				v = Number.NaN;
			}
			out[row + i] = v;
		}
	}
	return out;
}

/** The surface as the view draws it: per-vertex normalised heights, validity, and the frame they live in. */
export interface HeightField {
	readonly frame: SurfaceFrame;
	readonly nx: number;
	readonly ny: number;
	/** Normalised value t in [0, 1] per lattice point; NaN where f was not finite. */
	readonly t: Float32Array;
	/** 1 where f was finite. */
	readonly valid: Uint8Array;
	/** Number of lattice points where f was not finite. */
	readonly invalidCount: number;
}

/**
 * Turns samples into a height field. Non-finite samples (NaN, +-Infinity: undefined or overflowing) are
 * flagged invalid; the triangles that touch them are dropped by fillTriangles.
 */
export function createHeightField(
	frame: SurfaceFrame,
	values: ArrayLike<number>,
	nx: number,
	ny: number,
	reuse?: HeightField
): HeightField {
	const n = nx * ny;
	const t = reuse && reuse.t.length === n ? reuse.t : new Float32Array(n);
	const valid = reuse && reuse.valid.length === n ? reuse.valid : new Uint8Array(n);
	let invalidCount = 0;
	for (let k = 0; k < n; k++) {
		const f = values[k];
		if (Number.isFinite(f)) {
			t[k] = frame.scale.toUnit(f);
			valid[k] = 1;
		} else {
			t[k] = Number.NaN;
			valid[k] = 0;
			invalidCount++;
		}
	}
	return { frame, nx, ny, t, valid, invalidCount };
}

/**
 * Writes vertex positions (u, v, w) and unit normals of the field. Invalid points get w = frame.height so
 * that bounding volumes stay finite (their triangles are not drawn).
 */
export function fillSurfaceVertices(
	field: HeightField,
	positions: Float32Array,
	normals: Float32Array
): void {
	const { frame, nx, ny, t, valid } = field;
	const du = frame.width / (nx - 1);
	const dv = frame.depth / (ny - 1);
	const H = frame.height;
	for (let j = 0; j < ny; j++) {
		const v = j * dv - frame.depth / 2;
		for (let i = 0; i < nx; i++) {
			const k = j * nx + i;
			const o = 3 * k;
			positions[o] = i * du - frame.width / 2;
			positions[o + 1] = v;
			positions[o + 2] = valid[k] ? t[k] * H : H;
			// Central differences where both neighbours are valid, one-sided otherwise, flat if isolated.
			const gx = slope(field, k, i > 0 ? k - 1 : -1, i < nx - 1 ? k + 1 : -1) * (H / du);
			const gy = slope(field, k, j > 0 ? k - nx : -1, j < ny - 1 ? k + nx : -1) * (H / dv);
			const len = Math.sqrt(gx * gx + gy * gy + 1);
			normals[o] = -gx / len;
			normals[o + 1] = -gy / len;
			normals[o + 2] = 1 / len;
		}
	}
}

/** dt per lattice step at k from its previous/next neighbours (-1 = none); 0 when nothing valid is near. */
function slope(field: HeightField, k: number, prev: number, next: number): number {
	const { t, valid } = field;
	if (!valid[k]) return 0;
	const hasPrev = prev >= 0 && valid[prev] === 1;
	const hasNext = next >= 0 && valid[next] === 1;
	if (hasPrev && hasNext) return (t[next] - t[prev]) / 2;
	if (hasNext) return t[next] - t[k];
	if (hasPrev) return t[k] - t[prev];
	return 0;
}

/**
 * Writes the triangle list: two per lattice cell, split along the (i, j)-(i+1, j+1) diagonal, counter-clockwise
 * seen from above, leaving out any triangle with an invalid corner. Returns the number of indices written.
 */
export function fillTriangles(field: HeightField, index: Uint32Array | Uint16Array): number {
	const { nx, ny, valid } = field;
	let n = 0;
	for (let j = 0; j < ny - 1; j++) {
		for (let i = 0; i < nx - 1; i++) {
			const a = j * nx + i;
			const b = a + 1;
			const c = a + nx;
			const d = c + 1;
			if (valid[a] && valid[b] && valid[d]) {
				index[n++] = a;
				index[n++] = b;
				index[n++] = d;
			}
			if (valid[a] && valid[d] && valid[c]) {
				index[n++] = a;
				index[n++] = d;
				index[n++] = c;
			}
		}
	}
	return n;
}

/** Number of indices fillTriangles may write for an nx x ny lattice. */
export function triangleIndexCount(nx: number, ny: number): number {
	return 6 * (nx - 1) * (ny - 1);
}

/**
 * Height of the drawn surface at (x, y): linear on the same triangles as fillTriangles, so a point placed
 * with it sits exactly on the facets (the exact f can lie below them where the function is convex).
 * NaN outside the box or on a dropped triangle.
 */
export function surfaceHeightAt(field: HeightField, x: number, y: number): number {
	const { frame, nx, ny, t, valid } = field;
	const { box } = frame;
	if (!insideBox(box, x, y)) return Number.NaN;
	const gx = ((x - box.xMin) / (box.xMax - box.xMin)) * (nx - 1);
	const gy = ((y - box.yMin) / (box.yMax - box.yMin)) * (ny - 1);
	const i = Math.min(nx - 2, Math.max(0, Math.floor(gx)));
	const j = Math.min(ny - 2, Math.max(0, Math.floor(gy)));
	const s = gx - i;
	const r = gy - j;
	const a = j * nx + i;
	const b = a + 1;
	const c = a + nx;
	const d = c + 1;
	let tv: number;
	if (s >= r) {
		if (!(valid[a] && valid[b] && valid[d])) return Number.NaN;
		tv = t[a] + s * (t[b] - t[a]) + r * (t[d] - t[b]);
	} else {
		if (!(valid[a] && valid[d] && valid[c])) return Number.NaN;
		tv = t[a] + r * (t[c] - t[a]) + s * (t[d] - t[c]);
	}
	return tv * frame.height;
}

/**
 * Height of a point of a trajectory: on the drawn surface inside the box, else (or on a dropped triangle)
 * the height of its recorded value; NaN only when f itself is NaN.
 */
export function pointHeight(field: HeightField, x: number, y: number, f: number): number {
	const h = surfaceHeightAt(field, x, y);
	return Number.isNaN(h) ? heightOf(field.frame, f) : h;
}

/**
 * Scene positions (u, v, w + lift) of points 0..count-1 of an interleaved [x, y, f, ...] trajectory.
 * Points beyond FAR_LIMIT are pulled back towards the previous point along their segment; non-finite points
 * (none in a runner's output) repeat the previous position, so lines never hold NaN or Infinity.
 */
export function trajectoryPositions(
	field: HeightField,
	points: ArrayLike<number>,
	count: number,
	out: Float32Array = new Float32Array(3 * count)
): Float32Array {
	const { frame } = field;
	let pu = 0;
	let pv = 0;
	let pw = frame.height;
	for (let k = 0; k < count; k++) {
		const x = points[3 * k];
		const y = points[3 * k + 1];
		const h = pointHeight(field, x, y, points[3 * k + 2]);
		let u = toU(frame, x);
		let v = toV(frame, y);
		if (Number.isFinite(u) && Number.isFinite(v) && Number.isFinite(h)) {
			let w = h + frame.lift;
			const m = Math.max(Math.abs(u), Math.abs(v));
			if (m > FAR_LIMIT) {
				if (k === 0) {
					u = (u / m) * FAR_LIMIT;
					v = (v / m) * FAR_LIMIT;
				} else {
					// The largest s in [0, 1] with max(|pu + s du|, |pv + s dv|) <= FAR_LIMIT.
					const s = Math.min(reach(pu, u - pu), reach(pv, v - pv));
					u = pu + s * (u - pu);
					v = pv + s * (v - pv);
					w = pw + s * (w - pw);
				}
			}
			pu = u;
			pv = v;
			pw = w;
		}
		out[3 * k] = pu;
		out[3 * k + 1] = pv;
		out[3 * k + 2] = pw;
	}
	return out;
}

/**
 * A cheap fingerprint of points 0..count-1: the runner may refill the same array in place (while the start
 * is dragged), so identity alone does not tell that a run changed. Microseconds for thousands of points.
 */
export function trajectoryChecksum(points: ArrayLike<number>, count: number): number {
	let sum = count;
	for (let i = 0; i < 3 * count; i++) sum = (sum * 1.000001 + points[i] * ((i % 7) + 1)) % 1e12;
	return sum;
}

/** Largest s in [0, 1] with |a + s d| <= FAR_LIMIT, given |a| <= FAR_LIMIT. */
function reach(a: number, d: number): number {
	if (d > 0) return Math.min(1, (FAR_LIMIT - a) / d);
	if (d < 0) return Math.min(1, (-FAR_LIMIT - a) / d);
	return 1;
}

/**
 * Where the drawn line of points 0..last ends inside the box: the last point if it is inside, else the
 * point where the line last left the box (the line is clipped at the box's sides). Null if it never was
 * inside. `positions` are trajectoryPositions' output.
 */
export function visibleEnd(
	field: HeightField,
	positions: Float32Array,
	last: number
): [number, number, number] | null {
	const hw = field.frame.width / 2;
	const hd = field.frame.depth / 2;
	const inside = (k: number): boolean =>
		Math.abs(positions[3 * k]) <= hw + 1e-6 && Math.abs(positions[3 * k + 1]) <= hd + 1e-6;
	let k = last;
	while (k >= 0 && !inside(k)) k--;
	if (k < 0) return null;
	const a = 3 * k;
	if (k === last) return [positions[a], positions[a + 1], positions[a + 2]];
	const b = a + 3;
	const du = positions[b] - positions[a];
	const dv = positions[b + 1] - positions[a + 1];
	let s = 1;
	if (du > 0) s = Math.min(s, (hw - positions[a]) / du);
	if (du < 0) s = Math.min(s, (-hw - positions[a]) / du);
	if (dv > 0) s = Math.min(s, (hd - positions[a + 1]) / dv);
	if (dv < 0) s = Math.min(s, (-hd - positions[a + 1]) / dv);
	s = Math.max(0, s);
	return [
		positions[a] + s * du,
		positions[a + 1] + s * dv,
		positions[a + 2] + s * (positions[b + 2] - positions[a + 2])
	];
}

/** An sRGB colour ramp sampled from a CSS colour function of t in [0, 1]: `size` rgb triples in [0, 1]. */
export function createColorRamp(colorOf: (t: number) => string, size = 256): Float32Array {
	const ramp = new Float32Array(3 * size);
	for (let k = 0; k < size; k++) {
		const [r, g, b] = parseCssColor(colorOf(k / (size - 1)));
		ramp[3 * k] = r;
		ramp[3 * k + 1] = g;
		ramp[3 * k + 2] = b;
	}
	return ramp;
}

/** Writes the ramp's colour at t (clamped; NaN reads as 0) into out[offset..offset+2], linearly interpolated. */
export function rampColor(ramp: Float32Array, t: number, out: Float32Array, offset: number): void {
	const size = ramp.length / 3;
	const s = (Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0) * (size - 1);
	const k = Math.min(size - 2, Math.floor(s));
	const a = s - k;
	const o = 3 * k;
	out[offset] = ramp[o] + a * (ramp[o + 3] - ramp[o]);
	out[offset + 1] = ramp[o + 1] + a * (ramp[o + 4] - ramp[o + 1]);
	out[offset + 2] = ramp[o + 2] + a * (ramp[o + 5] - ramp[o + 2]);
}

/** rampColor for every value of `t`, into consecutive rgb triples of `out`. */
export function fillRampColors(ramp: Float32Array, t: ArrayLike<number>, out: Float32Array): void {
	const last = ramp.length / 3 - 1;
	for (let k = 0; k < t.length; k++) {
		const v = t[k];
		const s = (v > 0 ? (v < 1 ? v : 1) : 0) * last;
		const i = s < last ? Math.floor(s) : last - 1;
		const a = s - i;
		const o = 3 * i;
		const q = 3 * k;
		out[q] = ramp[o] + a * (ramp[o + 3] - ramp[o]);
		out[q + 1] = ramp[o + 1] + a * (ramp[o + 4] - ramp[o + 1]);
		out[q + 2] = ramp[o + 2] + a * (ramp[o + 5] - ramp[o + 2]);
	}
}

/** '#rgb', '#rrggbb' or 'rgb(r, g, b)' as [r, g, b] in [0, 1]; black for anything else. */
export function parseCssColor(css: string): [number, number, number] {
	const s = css.trim();
	if (s[0] === '#') {
		const hex = s.length === 4 ? s[1] + s[1] + s[2] + s[2] + s[3] + s[3] : s.slice(1, 7);
		const n = Number.parseInt(hex, 16);
		if (hex.length === 6 && Number.isFinite(n))
			return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
		return [0, 0, 0];
	}
	const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(s);
	if (m) return [Number(m[1]) / 255, Number(m[2]) / 255, Number(m[3]) / 255];
	return [0, 0, 0];
}

/**
 * Which points of a trajectory the 3D line needs: the first, the last, and each point at least `minStep`
 * (scene units) from the previous kept one. Long runs creeping along a valley collapse to a few hundred
 * vertices, which keeps the fat-line pass cheap on slow (software) WebGL; visible steps are all kept.
 * Writes the kept point indices into `out` (ascending) and returns how many there are.
 */
export function thinTrajectory(
	positions: Float32Array,
	count: number,
	minStep: number,
	out: Int32Array
): number {
	if (count === 0) return 0;
	let n = 0;
	out[n++] = 0;
	let lu = positions[0];
	let lv = positions[1];
	let lw = positions[2];
	const min2 = minStep * minStep;
	for (let k = 1; k < count - 1; k++) {
		const du = positions[3 * k] - lu;
		const dv = positions[3 * k + 1] - lv;
		const dw = positions[3 * k + 2] - lw;
		if (du * du + dv * dv + dw * dw >= min2) {
			out[n++] = k;
			lu = positions[3 * k];
			lv = positions[3 * k + 1];
			lw = positions[3 * k + 2];
		}
	}
	if (count > 1) out[n++] = count - 1;
	return n;
}

/** How many kept points have an index <= k (binary search over the ascending kept indices). */
export function keptUpTo(kept: Int32Array, n: number, k: number): number {
	let lo = 0;
	let hi = n;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (kept[mid] <= k) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
