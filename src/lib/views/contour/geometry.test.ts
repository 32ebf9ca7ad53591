import { describe, expect, it } from 'vitest';
import {
	boxesClose,
	createFrame,
	fitBox,
	fromPx,
	fromPy,
	gridMatrix,
	gridResolution,
	toPx,
	toPy,
	zoomedBox
} from './geometry';

const box = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };

describe('fitBox', () => {
	it('widens the box to the plot aspect around the same centre, keeping it inside', () => {
		const f = fitBox(box, 800, 400);
		expect(f.yMin).toBe(-1);
		expect(f.yMax).toBe(3);
		expect((f.xMax - f.xMin) / (f.yMax - f.yMin)).toBeCloseTo(2, 12);
		expect((f.xMin + f.xMax) / 2).toBeCloseTo(0, 12);
		const g = fitBox(box, 300, 600);
		expect(g.xMin).toBe(-2);
		expect(g.xMax).toBe(2);
		expect((g.yMax - g.yMin) / (g.xMax - g.xMin)).toBeCloseTo(2, 12);
		expect((g.yMin + g.yMax) / 2).toBeCloseTo(1, 12);
	});

	it('is idempotent and leaves the box alone for an empty plot', () => {
		const f = fitBox(box, 640, 480);
		expect(boxesClose(fitBox(f, 640, 480), f, 1e-12)).toBe(true);
		expect(fitBox(box, 0, 100)).toBe(box);
	});
});

describe('frames', () => {
	it('maps data to pixels with y downward and back', () => {
		const f = createFrame(box, 400, 400);
		expect(toPx(f, -2)).toBe(0);
		expect(toPx(f, 2)).toBe(400);
		expect(toPy(f, 3)).toBe(0);
		expect(toPy(f, -1)).toBe(400);
		expect(fromPx(f, toPx(f, 0.3))).toBeCloseTo(0.3, 12);
		expect(fromPy(f, toPy(f, 0.7))).toBeCloseTo(0.7, 12);
	});

	it('gives the box seen through a zoom transform', () => {
		expect(zoomedBox(box, { k: 1, x: 0, y: 0 }, 400, 400)).toEqual(box);
		// Zoom by 2 about the centre (200, 200): translate = centre * (1 - k).
		const z = zoomedBox(box, { k: 2, x: -200, y: -200 }, 400, 400);
		expect(z.xMin).toBeCloseTo(-1, 12);
		expect(z.xMax).toBeCloseTo(1, 12);
		expect(z.yMin).toBeCloseTo(0, 12);
		expect(z.yMax).toBeCloseTo(2, 12);
		// Panning right by 100 px shows what was 1 unit to the left.
		const p = zoomedBox(box, { k: 1, x: 100, y: 0 }, 400, 400);
		expect(p.xMin).toBeCloseTo(-3, 12);
	});

	it('places a grid of another box where its own box is', () => {
		const f = createFrame(box, 400, 400);
		const old = { xMin: -1, xMax: 1, yMin: 0, yMax: 2 };
		const [a, d, e, g] = gridMatrix(f, old, 50, 25);
		// Grid corner (0, 0) is the old box's top-left, (50, 25) its bottom-right.
		expect(e).toBeCloseTo(toPx(f, -1), 12);
		expect(g).toBeCloseTo(toPy(f, 2), 12);
		expect(e + 50 * a).toBeCloseTo(toPx(f, 1), 12);
		expect(g + 25 * d).toBeCloseTo(toPy(f, 0), 12);
	});

	it('compares boxes relative to their size', () => {
		expect(boxesClose(box, { ...box, xMin: -2 + 1e-12 })).toBe(true);
		expect(boxesClose(box, { ...box, xMin: -2.001 })).toBe(false);
	});
});

describe('gridResolution', () => {
	it('asks for a sample per pixel, scaled down uniformly to the cap', () => {
		expect(gridResolution(400, 300)).toEqual({ nx: 400, ny: 300 });
		expect(gridResolution(1200, 600)).toEqual({ nx: 600, ny: 300 });
		expect(gridResolution(500, 900, 600)).toEqual({ nx: 333, ny: 600 });
		expect(gridResolution(0, 0)).toEqual({ nx: 1, ny: 1 });
	});
});
