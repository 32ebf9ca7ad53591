/**
 * Geometry of the contour view's optional overlays, as pixel-space SVG paths: the field of negative-gradient
 * arrows, and the level curves of a run's local quadratic (Newton) model.
 */
import { contourPolygons } from '../../core/grid/contour';
import type { Objective2D } from '../../core/objective';
import { fromPx, fromPy, toPx, toPy, type Frame } from './geometry';
import { isolinesPath, QUANTUM } from './paths';

/**
 * Arrows of -grad f / |grad f| on a lattice of about `target` points over the frame, centred on the lattice
 * points. Length encodes log |grad f| across the arrows shown (shortest 30 % of the spacing, longest 85 %),
 * so steep and flat regions differ without the steepest arrows drowning the rest. Zero or non-finite
 * gradients get no arrow.
 */
export function gradientArrowsPath(objective: Objective2D, f: Frame, target = 300): string {
	const spacing = Math.sqrt((f.width * f.height) / target);
	if (!(spacing > 0)) return '';
	const cols = Math.max(1, Math.round(f.width / spacing));
	const rows = Math.max(1, Math.round(f.height / spacing));
	const cw = f.width / cols;
	const ch = f.height / rows;
	const g = new Float64Array(2);
	const n = cols * rows;
	const ux = new Float64Array(n);
	const uy = new Float64Array(n);
	const logs = new Float64Array(n).fill(Number.NaN);
	let lmin = Infinity;
	let lmax = -Infinity;
	for (let j = 0; j < rows; j++) {
		for (let i = 0; i < cols; i++) {
			const k = j * cols + i;
			objective.grad(fromPx(f, (i + 0.5) * cw), fromPy(f, (j + 0.5) * ch), g);
			// In pixels, with y downward: the descent direction (-gx, -gy) becomes (-gx kx, +gy ky).
			const px = -g[0] * f.kx;
			const py = g[1] * f.ky;
			const norm = Math.hypot(px, py);
			if (!(norm > 0) || !Number.isFinite(norm)) continue;
			ux[k] = px / norm;
			uy[k] = py / norm;
			const l = Math.log(Math.hypot(g[0], g[1]));
			if (!Number.isFinite(l)) continue;
			logs[k] = l;
			if (l < lmin) lmin = l;
			if (l > lmax) lmax = l;
		}
	}
	const span = lmax - lmin;
	const size = Math.min(cw, ch);
	let d = '';
	for (let j = 0; j < rows; j++) {
		for (let i = 0; i < cols; i++) {
			const k = j * cols + i;
			const l = logs[k];
			if (Number.isNaN(l)) continue;
			const u = span > 1e-9 ? (l - lmin) / span : 1;
			const len = size * (0.3 + 0.55 * u);
			const cx = (i + 0.5) * cw;
			const cy = (j + 0.5) * ch;
			const dx = ux[k] * len;
			const dy = uy[k] * len;
			const hx = cx + dx / 2;
			const hy = cy + dy / 2;
			// Head: two strokes back from the tip at +-28 degrees, a third of the arrow long (at least 4 px).
			const hl = Math.max(4, Math.min(9, len / 3));
			const c = Math.cos(0.49);
			const s = Math.sin(0.49);
			const bx = -ux[k] * hl;
			const by = -uy[k] * hl;
			d +=
				`M${r1(cx - dx / 2)},${r1(cy - dy / 2)}L${r1(hx)},${r1(hy)}` +
				`M${r1(hx + bx * c - by * s)},${r1(hy + bx * s + by * c)}L${r1(hx)},${r1(hy)}` +
				`L${r1(hx + bx * c + by * s)},${r1(hy - bx * s + by * c)}`;
		}
	}
	return d;
}

function r1(v: number): number {
	return Math.round(v * 10) / 10;
}

export type ModelKind = 'minimum' | 'maximum' | 'saddle' | 'degenerate';

export interface NewtonModelGeometry {
	/** The level curves, in pixels, unless `transform` is set (an SVG transform from the path's units). */
	readonly path: string;
	readonly transform: string | null;
	/** The model's stationary point x + d* (d* = -H^-1 g) in data coordinates, when H is invertible. */
	readonly stationary: readonly [number, number] | null;
	readonly kind: ModelKind;
}

/**
 * Level curves of m(d) = f + g.d + 1/2 d'Hd around (x, y). For invertible H they are drawn exactly, from the
 * eigen-decomposition of H, at levels m* + (f - m*) s: ellipses with s = (r / 4)^2 (r = 1..4, 6: the fourth
 * passes through the iterate, the others at 1/4, 1/2, 3/4, 3/2 of its size), or for a saddle hyperbolas with
 * s = +-1, +-4 and the asymptotes (s = 0). A singular H (parabolic or flat model) is sampled on a coarse grid
 * and contoured instead. Null when the model is not finite.
 */
export function newtonModel(
	objective: Objective2D,
	x: number,
	y: number,
	f: Frame
): NewtonModelGeometry | null {
	const f0 = objective.f(x, y);
	const g = new Float64Array(2);
	const h = new Float64Array(4);
	objective.grad(x, y, g);
	objective.hessian(x, y, h);
	const a = h[0];
	const b = (h[1] + h[2]) / 2;
	const c = h[3];
	if (![f0, g[0], g[1], a, b, c].every(Number.isFinite)) return null;
	const det = a * c - b * b;
	const scale = a * a + c * c + 2 * b * b;
	if (Math.abs(det) > 1e-12 * scale && scale > 0) {
		// d* = -H^-1 g; m* = f + g.d* / 2.
		const dx = -(c * g[0] - b * g[1]) / det;
		const dy = -(a * g[1] - b * g[0]) / det;
		const mStar = f0 + (g[0] * dx + g[1] * dy) / 2;
		const sx = x + dx;
		const sy = y + dy;
		const kind: ModelKind = det > 0 ? (a > 0 ? 'minimum' : 'maximum') : 'saddle';
		// Curves through an iterate next to the centre would be specks: the level through the iterate is
		// drawn at least 5 % of the view wide along H's flattest direction (|r| = |l| a^2 / 2 for semi-axis a).
		const flattest = Math.min(
			Math.abs((a + c) / 2 + Math.hypot((a - c) / 2, b)),
			Math.abs((a + c) / 2 - Math.hypot((a - c) / 2, b))
		);
		const semi = 0.05 * (f.box.xMax - f.box.xMin);
		const sign = kind === 'maximum' ? -1 : kind === 'minimum' ? 1 : f0 >= mStar ? 1 : -1;
		const delta = sign * Math.max(Math.abs(f0 - mStar), (flattest * semi * semi) / 2);
		// Ellipses at 1/4, 1/2, 3/4, 1 and 3/2 of the size of the one through the iterate; for a saddle the
		// hyperbolas through the iterate and at 4 times its level, on both sides, and the asymptotes (level m*).
		const levels = det > 0 ? [1, 2, 3, 4, 6].map((r) => (r / 4) ** 2) : [-4, -1, 0, 1, 4];
		const path = quadricPath(
			a,
			b,
			c,
			sx,
			sy,
			x,
			y,
			levels.map((s) => s * delta),
			f
		);
		return { path, transform: null, stationary: [sx, sy], kind };
	}
	const sampled = sampledModelPath(f0, g, a, b, c, x, y, f);
	return { path: sampled.path, transform: sampled.transform, stationary: null, kind: 'degenerate' };
}

/**
 * Curves 1/2 u'Hu = r (u from the centre (sx, sy)) for each r in `levels`, through H = V diag(l1, l2) V'.
 * Ellipses when l1 and l2 share the sign of r; for l1 > 0 > l2, two hyperbola branches. (px0, py0) is the
 * iterate the model is built at.
 */
function quadricPath(
	a: number,
	b: number,
	c: number,
	sx: number,
	sy: number,
	px0: number,
	py0: number,
	levels: readonly number[],
	f: Frame
): string {
	const mean = (a + c) / 2;
	const rad = Math.hypot((a - c) / 2, b);
	const l1 = mean + rad;
	const l2 = mean - rad;
	// Unit eigenvector of l1 (the other is perpendicular).
	let vx = 1;
	let vy = 0;
	if (rad > 0) {
		vx = b !== 0 ? l1 - c : a >= c ? 1 : 0;
		vy = b !== 0 ? b : a >= c ? 0 : 1;
		const n = Math.hypot(vx, vy);
		vx /= n;
		vy /= n;
	}
	// Hyperbolas are unbounded, but the model only means something near the iterate: draw them out to a
	// few times the iterate's distance from the centre, within a third to all of the view's width.
	const span = f.box.xMax - f.box.xMin;
	const reach = Math.min(span, Math.max(span / 3, 2.5 * Math.hypot(px0 - sx, py0 - sy)));
	const point = (u1: number, u2: number): string => {
		const px = toPx(f, sx + u1 * vx - u2 * vy);
		const py = toPy(f, sy + u1 * vy + u2 * vx);
		return `${clamp(px)},${clamp(py)}`;
	};
	let d = '';
	for (const r of levels) {
		const e1 = (2 * r) / l1;
		const e2 = (2 * r) / l2;
		if (e1 > 0 && e2 > 0) {
			const r1 = Math.sqrt(e1);
			const r2 = Math.sqrt(e2);
			const steps = 96;
			for (let k = 0; k <= steps; k++) {
				const t = (2 * Math.PI * k) / steps;
				d += (k === 0 ? 'M' : 'L') + point(r1 * Math.cos(t), r2 * Math.sin(t));
			}
			d += 'Z';
		} else if (e1 > 0 && e2 < 0) {
			// u1 = +-r1 cosh t, u2 = r2 sinh t.
			d += hyperbola(Math.sqrt(e1), Math.sqrt(-e2), reach, (p, q) => point(p, q));
		} else if (e1 < 0 && e2 > 0) {
			d += hyperbola(Math.sqrt(e2), Math.sqrt(-e1), reach, (p, q) => point(q, p));
		} else if (r === 0 && l1 > 0 && l2 < 0) {
			// The degenerate level m*: the two asymptotes, l1 u1^2 = -l2 u2^2.
			const k = Math.sqrt(l1 / -l2);
			const u1 = reach / Math.hypot(1, k);
			d += `M${point(-u1, -k * u1)}L${point(u1, k * u1)}M${point(-u1, k * u1)}L${point(u1, -k * u1)}`;
		}
	}
	return d;
}

/** Both branches of (p / rp)^2 - (q / rq)^2 = 1 out to distance `reach`, through point(p, q). */
function hyperbola(rp: number, rq: number, reach: number, point: (p: number, q: number) => string): string {
	// |u|^2 = rp^2 cosh^2 t + rq^2 sinh^2 t, about (rp^2 + rq^2) sinh^2 t once t is large.
	const tMax = Math.min(12, Math.asinh(reach / Math.hypot(rp, rq)));
	const steps = 80;
	let d = '';
	for (const side of [1, -1]) {
		for (let k = 0; k <= steps; k++) {
			const t = -tMax + (2 * tMax * k) / steps;
			d += (k === 0 ? 'M' : 'L') + point(side * rp * Math.cosh(t), rq * Math.sinh(t));
		}
	}
	return d;
}

/** A singular model, sampled over the view and contoured at levels through and around f(x, y). */
function sampledModelPath(
	f0: number,
	g: Float64Array,
	a: number,
	b: number,
	c: number,
	x: number,
	y: number,
	f: Frame
): { path: string; transform: string } {
	const nx = Math.max(8, Math.min(120, Math.round(f.width / 5)));
	const ny = Math.max(8, Math.min(120, Math.round(f.height / 5)));
	const transform = `scale(${f.width / nx / QUANTUM},${f.height / ny / QUANTUM})`;
	const values = new Float64Array(nx * ny);
	let lo = Infinity;
	let hi = -Infinity;
	for (let j = 0; j < ny; j++) {
		const dy = fromPy(f, ((j + 0.5) * f.height) / ny) - y;
		for (let i = 0; i < nx; i++) {
			const dx = fromPx(f, ((i + 0.5) * f.width) / nx) - x;
			const m = f0 + g[0] * dx + g[1] * dy + 0.5 * (a * dx * dx + 2 * b * dx * dy + c * dy * dy);
			values[j * nx + i] = m;
			if (m < lo) lo = m;
			if (m > hi) hi = m;
		}
	}
	const step = (hi - lo) / 8;
	if (!(step > 0) || !Number.isFinite(step)) return { path: '', transform };
	const levels = [-3, -2, -1, 0, 1, 2].map((k) => f0 + k * step);
	let path = '';
	for (const band of contourPolygons(values, nx, ny, levels)) path += isolinesPath(band.coordinates, nx, ny);
	return { path, transform };
}

function clamp(v: number): number {
	return v < -1e5 ? -1e5 : v > 1e5 ? 1e5 : Math.round(v * 10) / 10;
}
