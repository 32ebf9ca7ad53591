/** Tests of the surface view's pure geometry: height map, lattice, triangles, trajectory placement, colours. */
import { describe, expect, it } from 'vitest';
import { createLogScale } from '../../core/grid/log-scale';
import type { ViewBox } from '../../core/objective';
import { rosenbrock } from '../../core/functions/index';
import { valueColor } from '../color';
import {
	createColorRamp,
	createFrame,
	createHeightField,
	FAR_LIMIT,
	fillRampColors,
	fillSurfaceVertices,
	fillTriangles,
	fromU,
	fromV,
	heightOf,
	parseCssColor,
	pointHeight,
	rampColor,
	resolveScale,
	sampleValues,
	SURFACE_SPAN,
	surfaceHeightAt,
	toU,
	toV,
	trajectoryChecksum,
	trajectoryPositions,
	triangleIndexCount,
	visibleEnd,
	keptUpTo,
	thinTrajectory
} from './height';

const box: ViewBox = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };
const f = (x: number, y: number): number => rosenbrock.f(x, y);

function rosenbrockField(n = 41) {
	const values = sampleValues(f, box, n, n);
	const frame = createFrame(box, resolveScale(null, values));
	return createHeightField(frame, values, n, n);
}

describe('frame', () => {
	it('maps the box onto a centred span and back', () => {
		const frame = createFrame(box, createLogScale(0, 1));
		expect(frame.width).toBeCloseTo(SURFACE_SPAN);
		expect(frame.depth).toBeCloseTo(SURFACE_SPAN);
		expect(toU(frame, box.xMin)).toBeCloseTo(-frame.width / 2);
		expect(toV(frame, box.yMax)).toBeCloseTo(frame.depth / 2);
		expect(fromU(frame, toU(frame, 0.3))).toBeCloseTo(0.3, 12);
		expect(fromV(frame, toV(frame, 2.7))).toBeCloseTo(2.7, 12);
	});

	it('keeps the aspect of the box, but never thinner than a third', () => {
		const wide = createFrame({ xMin: 0, xMax: 4, yMin: 0, yMax: 2 }, createLogScale(0, 1));
		expect(wide.depth / wide.width).toBeCloseTo(0.5);
		const thin = createFrame({ xMin: 0, xMax: 100, yMin: 0, yMax: 1 }, createLogScale(0, 1));
		expect(thin.depth / thin.width).toBeCloseTo(1 / 3);
	});
});

describe('heightOf', () => {
	const frame = createFrame(box, createLogScale(0, 2500));

	it('is monotone in f and spans 0..height over the scale', () => {
		const fs = [-5, 0, 1e-6, 1e-3, 0.1, 1, 10, 100, 1000, 2500, 1e6];
		const hs = fs.map((v) => heightOf(frame, v));
		for (let i = 1; i < hs.length; i++) expect(hs[i]).toBeGreaterThanOrEqual(hs[i - 1]);
		expect(heightOf(frame, 0)).toBe(0);
		expect(heightOf(frame, 2500)).toBeCloseTo(frame.height, 12);
		expect(heightOf(frame, 1e6)).toBeCloseTo(frame.height, 12);
		expect(hs[3]).toBeGreaterThan(hs[2]);
	});

	it('agrees with the shared log scale (what the contour view colours by)', () => {
		const scale = createLogScale(0, 2500);
		for (const v of [0.5, 7, 300]) expect(heightOf(frame, v) / frame.height).toBeCloseTo(scale.toUnit(v), 12);
	});

	it('keeps NaN as NaN', () => {
		expect(heightOf(frame, Number.NaN)).toBeNaN();
	});
});

describe('sampleValues and resolveScale', () => {
	it('samples the box corner to corner, row j at y_j', () => {
		const v = sampleValues((x, y) => 10 * x + y, box, 5, 3);
		expect(v[0]).toBe(-20 - 1);
		expect(v[4]).toBe(20 - 1);
		expect(v[2 * 5]).toBe(-20 + 3);
		expect(v[2 * 5 + 4]).toBe(20 + 3);
	});

	it('turns a throwing objective into NaN samples', () => {
		const v = sampleValues(
			(x) => {
				if (x > 0) throw new Error('domain');
				return x;
			},
			box,
			3,
			2
		);
		expect(Number.isNaN(v[2])).toBe(true);
		expect(v[0]).toBe(-2);
	});

	it('takes the caller scale, or the finite range of the samples', () => {
		expect(resolveScale({ lo: 1, hi: 5 }, [0, 100]).hi).toBe(5);
		const s = resolveScale(null, [Number.NaN, 3, Infinity, -2, 7]);
		expect([s.lo, s.hi]).toEqual([-2, 7]);
	});
});

describe('height field', () => {
	it('flags non-finite samples and keeps every vertex finite', () => {
		const values = new Float64Array([1, 2, 3, 4, Number.NaN, 6, Infinity, 8, -Infinity]);
		const frame = createFrame(box, createLogScale(1, 8));
		const field = createHeightField(frame, values, 3, 3);
		expect(field.invalidCount).toBe(3);
		expect(Array.from(field.valid)).toEqual([1, 1, 1, 1, 0, 1, 0, 1, 0]);
		const pos = new Float32Array(27);
		const nor = new Float32Array(27);
		fillSurfaceVertices(field, pos, nor);
		for (const p of pos) expect(Number.isFinite(p)).toBe(true);
		for (const p of nor) expect(Number.isFinite(p)).toBe(true);
	});

	it('writes unit normals pointing up, straight up on a plateau', () => {
		const field = rosenbrockField(21);
		const pos = new Float32Array(3 * 21 * 21);
		const nor = new Float32Array(3 * 21 * 21);
		fillSurfaceVertices(field, pos, nor);
		for (let k = 0; k < 21 * 21; k++) {
			expect(Math.hypot(nor[3 * k], nor[3 * k + 1], nor[3 * k + 2])).toBeCloseTo(1, 5);
			expect(nor[3 * k + 2]).toBeGreaterThan(0);
		}
		const flat = createHeightField(
			createFrame(box, createLogScale(0, 1)),
			new Float64Array(9).fill(0.5),
			3,
			3
		);
		fillSurfaceVertices(flat, new Float32Array(27), nor);
		expect([nor[12], nor[13], nor[14]]).toEqual([-0, -0, 1]);
	});

	it('places vertices at the log-normalised value times the height', () => {
		const field = rosenbrockField(21);
		const pos = new Float32Array(3 * 21 * 21);
		fillSurfaceVertices(field, pos, new Float32Array(3 * 21 * 21));
		const k = 7 * 21 + 13;
		const x = fromU(field.frame, pos[3 * k]);
		const y = fromV(field.frame, pos[3 * k + 1]);
		expect(pos[3 * k + 2]).toBeCloseTo(heightOf(field.frame, f(x, y)), 5);
	});
});

describe('fillTriangles', () => {
	it('writes two triangles per cell when every sample is valid', () => {
		const field = rosenbrockField(5);
		const index = new Uint32Array(triangleIndexCount(5, 5));
		expect(fillTriangles(field, index)).toBe(6 * 4 * 4);
		// Counter-clockwise seen from above: the first triangle is (0, 1, 6).
		expect(Array.from(index.subarray(0, 6))).toEqual([0, 1, 6, 0, 6, 5]);
	});

	it('drops every triangle that touches an invalid sample', () => {
		const values = sampleValues(f, box, 5, 5);
		values[2 * 5 + 2] = Number.NaN;
		const field = createHeightField(createFrame(box, resolveScale(null, values)), values, 5, 5);
		const index = new Uint32Array(triangleIndexCount(5, 5));
		const n = fillTriangles(field, index);
		// An interior vertex belongs to 6 triangles with this diagonal.
		expect(n).toBe(6 * 4 * 4 - 3 * 6);
		for (let i = 0; i < n; i++) expect(index[i]).not.toBe(12);
	});
});

describe('surfaceHeightAt and trajectories', () => {
	it('equals the vertex heights on lattice points and is NaN outside the box', () => {
		const field = rosenbrockField(41);
		const x = box.xMin + (box.xMax - box.xMin) * (10 / 40);
		const y = box.yMin + (box.yMax - box.yMin) * (30 / 40);
		expect(surfaceHeightAt(field, x, y)).toBeCloseTo(field.t[30 * 41 + 10] * field.frame.height, 6);
		expect(surfaceHeightAt(field, 2.5, 0)).toBeNaN();
	});

	it('lies on the plane of the drawn triangle', () => {
		const field = rosenbrockField(11);
		const H = field.frame.height;
		const dx = 0.4;
		const dy = 0.4;
		// Cell (i, j) = (3, 4); a point below the diagonal (s > r) is on triangle (a, b, d).
		const s = 0.7;
		const r = 0.2;
		const x = box.xMin + (3 + s) * dx;
		const y = box.yMin + (4 + r) * dy;
		const a = field.t[4 * 11 + 3];
		const b = field.t[4 * 11 + 4];
		const d = field.t[5 * 11 + 4];
		expect(surfaceHeightAt(field, x, y)).toBeCloseTo((a + s * (b - a) + r * (d - b)) * H, 5);
	});

	it('puts every trajectory point on the surface, lifted by the same amount', () => {
		const field = rosenbrockField(81);
		const pts: number[] = [];
		for (let k = 0; k < 50; k++) {
			const x = -1.5 + 0.05 * k;
			const y = 2.5 - 0.04 * k;
			pts.push(x, y, f(x, y));
		}
		const pos = trajectoryPositions(field, pts, 50);
		for (let k = 0; k < 50; k++) {
			const [x, y] = [pts[3 * k], pts[3 * k + 1]];
			expect(pos[3 * k]).toBeCloseTo(toU(field.frame, x), 5);
			expect(pos[3 * k + 1]).toBeCloseTo(toV(field.frame, y), 5);
			expect(pos[3 * k + 2]).toBeCloseTo(surfaceHeightAt(field, x, y) + field.frame.lift, 5);
		}
	});

	it('uses the recorded value outside the box and on dropped triangles', () => {
		const field = rosenbrockField(21);
		expect(pointHeight(field, 5, 5, 10)).toBeCloseTo(heightOf(field.frame, 10), 12);
	});

	it('keeps a diverging run finite, pulling far points back along their segment', () => {
		const field = rosenbrockField(21);
		const pts = [0, 0, 1, 1.32, 3.19, f(1.32, 3.19), 9.24e4, 1.09e3, 1e20, 1e45, 5e29, 1e300];
		const pos = trajectoryPositions(field, pts, 4);
		for (const p of pos) expect(Number.isFinite(p)).toBe(true);
		for (let k = 0; k < 4; k++)
			expect(Math.max(Math.abs(pos[3 * k]), Math.abs(pos[3 * k + 1]))).toBeLessThanOrEqual(FAR_LIMIT + 1e-3);
		// The pulled-back point keeps the direction of its segment.
		const [u1, v1] = [toU(field.frame, 1.32), toV(field.frame, 3.19)];
		const [u2, v2] = [toU(field.frame, 9.24e4), toV(field.frame, 1.09e3)];
		const dir = Math.atan2(v2 - v1, u2 - u1);
		expect(Math.atan2(pos[7] - pos[4], pos[6] - pos[3])).toBeCloseTo(dir, 4);
	});

	it('repeats the previous position for a non-finite point', () => {
		const field = rosenbrockField(21);
		const pos = trajectoryPositions(field, [0, 0, 1, Number.NaN, 1, 1], 2);
		expect(Array.from(pos.subarray(3, 6))).toEqual(Array.from(pos.subarray(0, 3)));
	});

	it('fingerprints a trajectory refilled in place', () => {
		const pts = new Float64Array([0, 0, 1, 0.5, 0.5, 0.2, 1, 1, 0]);
		const a = trajectoryChecksum(pts, 3);
		expect(trajectoryChecksum(pts, 3)).toBe(a);
		pts[4] = 0.5000001;
		expect(trajectoryChecksum(pts, 3)).not.toBe(a);
		pts[4] = 0.5;
		expect(trajectoryChecksum(pts, 2)).not.toBe(a);
		// Swapping two coordinates changes it too.
		const swapped = new Float64Array([0, 0, 1, 0.5, 0.5, 0.2, 1, 1, 0]);
		[swapped[3], swapped[5]] = [swapped[5], swapped[3]];
		expect(trajectoryChecksum(swapped, 3)).not.toBe(a);
	});

	it('finds where a run leaves the box', () => {
		const field = rosenbrockField(21);
		const pts = [0, 0, 1, 1, 1, 0, 5, 1, 1e4];
		const pos = trajectoryPositions(field, pts, 3);
		expect(visibleEnd(field, pos, 1)).toEqual([pos[3], pos[4], pos[5]]);
		const end = visibleEnd(field, pos, 2);
		expect(end).not.toBeNull();
		expect(end?.[0]).toBeCloseTo(field.frame.width / 2, 5);
		expect(end?.[1]).toBeCloseTo(pos[4], 5);
		expect(visibleEnd(field, trajectoryPositions(field, [9, 9, 1], 1), 0)).toBeNull();
	});
});

describe('colours', () => {
	it('parses the CSS colours d3 produces', () => {
		expect(parseCssColor('#ff8000')).toEqual([1, 128 / 255, 0]);
		expect(parseCssColor('#f80')).toEqual([1, 136 / 255, 0]);
		expect(parseCssColor('rgb(68, 1, 84)')).toEqual([68 / 255, 1 / 255, 84 / 255]);
		expect(parseCssColor('nonsense')).toEqual([0, 0, 0]);
	});

	it('samples the shared value colours exactly at the ramp points', () => {
		const ramp = createColorRamp(valueColor, 256);
		const out = new Float32Array(3);
		for (const k of [0, 17, 128, 255]) {
			rampColor(ramp, k / 255, out, 0);
			const want = parseCssColor(valueColor(k / 255));
			for (let c = 0; c < 3; c++) expect(out[c]).toBeCloseTo(want[c], 6);
		}
	});

	it('fills many colours exactly as rampColor does one', () => {
		const ramp = createColorRamp(valueColor, 32);
		const t = new Float32Array([Number.NaN, -1, 0, 0.123, 0.5, 0.999, 1, 2]);
		const many = new Float32Array(3 * t.length);
		fillRampColors(ramp, t, many);
		const one = new Float32Array(3);
		for (let k = 0; k < t.length; k++) {
			rampColor(ramp, t[k], one, 0);
			for (let c = 0; c < 3; c++) expect(many[3 * k + c]).toBeCloseTo(one[c], 6);
		}
	});

	it('clamps t and reads NaN as the lowest colour', () => {
		const ramp = createColorRamp(valueColor, 16);
		const a = new Float32Array(3);
		const b = new Float32Array(3);
		rampColor(ramp, Number.NaN, a, 0);
		rampColor(ramp, -3, b, 0);
		expect(Array.from(a)).toEqual(Array.from(b));
		rampColor(ramp, 7, a, 0);
		rampColor(ramp, 1, b, 0);
		expect(Array.from(a)).toEqual(Array.from(b));
	});

	it('gets lighter as t grows (viridis is monotone in lightness)', () => {
		const ramp = createColorRamp(valueColor, 64);
		const luma = (k: number) => 0.2126 * ramp[3 * k] + 0.7152 * ramp[3 * k + 1] + 0.0722 * ramp[3 * k + 2];
		for (let k = 1; k < 64; k++) expect(luma(k)).toBeGreaterThan(luma(k - 1));
	});
});

describe('thinTrajectory', () => {
	it('keeps the ends and every point at least minStep from the last kept one', () => {
		// Points along u at 0, 0.01, 0.02, ..., then a jump.
		const xs = [0, 0.01, 0.02, 0.03, 0.5, 0.51, 1];
		const pos = new Float32Array(xs.flatMap((u) => [u, 0, 0]));
		const kept = new Int32Array(xs.length);
		const n = thinTrajectory(pos, xs.length, 0.025, kept);
		expect(Array.from(kept.subarray(0, n))).toEqual([0, 3, 4, 6]);
		expect(keptUpTo(kept, n, 0)).toBe(1);
		expect(keptUpTo(kept, n, 3)).toBe(2);
		expect(keptUpTo(kept, n, 5)).toBe(3);
		expect(keptUpTo(kept, n, 6)).toBe(4);
	});

	it('keeps everything when the step is zero, and handles tiny runs', () => {
		const pos = new Float32Array([0, 0, 0, 1, 1, 1, 2, 2, 2]);
		const kept = new Int32Array(3);
		expect(thinTrajectory(pos, 3, 0, kept)).toBe(3);
		expect(thinTrajectory(pos, 1, 0.5, kept)).toBe(1);
		expect(thinTrajectory(pos, 0, 0.5, kept)).toBe(0);
	});
});
