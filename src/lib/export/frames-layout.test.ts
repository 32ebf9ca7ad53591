// Tests of the pure parts of exported frames: frame lists, layout rectangles, transforms, trails, titles.
import { describe, expect, it } from 'vitest';
import {
	contourLayout,
	dataToPixel,
	fitAspect,
	formatTickValue,
	frameIterations,
	frameLayout,
	frameMetrics,
	gridToPixel,
	iterationText,
	layoutTitle,
	linearTicks,
	lossLayout,
	showsFailure,
	titleText,
	trailWindow
} from './frames-layout';

describe('frameIterations', () => {
	it('steps from..to and always ends with to', () => {
		expect(frameIterations(0, 10, 3, 0, 30)).toEqual([0, 3, 6, 9, 10]);
		expect(frameIterations(0, 9, 3, 0, 30)).toEqual([0, 3, 6, 9]);
		expect(frameIterations(5, 5, 1, 0, 30)).toEqual([5]);
	});

	it('holds the last frame for round(hold * fps) frames', () => {
		expect(frameIterations(0, 2, 1, 0.1, 30)).toEqual([0, 1, 2, 2, 2, 2]);
		expect(frameIterations(0, 4, 2, 1, 2)).toEqual([0, 2, 4, 4, 4]);
	});

	it('sanitises bad input', () => {
		expect(frameIterations(3, 1, 0, -1, 30)).toEqual([3]);
		expect(frameIterations(-2, 2.7, 1.5, Number.NaN, 30)).toEqual([0, 1, 2]);
	});
});

describe('frameMetrics', () => {
	it('scales fonts with the height', () => {
		expect(frameMetrics(720).label).toBe(18);
		expect(frameMetrics(1440).label).toBe(36);
		expect(frameMetrics(1080).title).toBeGreaterThan(frameMetrics(1080).label);
	});
});

describe('frameLayout', () => {
	it('puts the title on top and splits the body per view', () => {
		const c = frameLayout('contour', 1280, 720, 60);
		expect(c.title).toEqual({ x: 0, y: 0, width: 1280, height: 60 });
		expect(c.contour).toEqual({ x: 0, y: 60, width: 1280, height: 660 });
		expect(c.loss).toBeNull();
		const l = frameLayout('contour+loss', 1000, 500, 50);
		expect(l.contour?.width).toBe(600);
		expect(l.loss).toEqual({ x: 600, y: 50, width: 400, height: 450 });
		const s = frameLayout('contour+surface', 1000, 500, 50);
		expect(s.surface).toEqual({ x: 500, y: 50, width: 500, height: 450 });
		expect(frameLayout('surface', 1000, 500, 50).contour).toBeNull();
	});
});

describe('fitAspect and contourLayout', () => {
	it('centres the largest rectangle of an aspect', () => {
		expect(fitAspect({ x: 0, y: 0, width: 200, height: 100 }, 1)).toEqual({
			x: 50,
			y: 0,
			width: 100,
			height: 100
		});
		expect(fitAspect({ x: 10, y: 10, width: 100, height: 200 }, 2)).toEqual({
			x: 10,
			y: 85,
			width: 100,
			height: 50
		});
	});

	it('keeps x and y at one scale and the colour bar beside the plot, inside the panel', () => {
		const panel = { x: 0, y: 60, width: 1280, height: 660 };
		const box = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };
		const { plot, bar } = contourLayout(panel, box, frameMetrics(720));
		expect(Math.abs(plot.width - plot.height)).toBeLessThanOrEqual(1);
		expect(plot.y).toBeGreaterThan(panel.y);
		expect(plot.y + plot.height).toBeLessThan(panel.y + panel.height);
		expect(bar.x).toBeGreaterThan(plot.x + plot.width);
		expect(bar.height).toBe(plot.height);
		// Centred: the free space left of the axes and right of the legend is about even.
		expect(Math.abs(plot.x + plot.width / 2 - 640)).toBeLessThan(80);
	});

	it('lays out the loss chart inside its panel', () => {
		const panel = { x: 768, y: 60, width: 512, height: 660 };
		const r = lossLayout(panel, frameMetrics(720));
		expect(r.x).toBeGreaterThan(panel.x);
		expect(r.x + r.width).toBeLessThan(panel.x + panel.width);
		expect(r.y + r.height).toBeLessThan(panel.y + panel.height);
	});
});

describe('transforms', () => {
	const box = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };
	const plot = { x: 100, y: 50, width: 400, height: 400 };

	it('maps data corners to the plot corners, y up', () => {
		const t = dataToPixel(box, plot);
		expect(t.a * -2 + t.e).toBeCloseTo(100);
		expect(t.a * 2 + t.e).toBeCloseTo(500);
		expect(t.d * 3 + t.f).toBeCloseTo(50);
		expect(t.d * -1 + t.f).toBeCloseTo(450);
	});

	it('maps grid units (row 0 at the top) like the contour view', () => {
		const g = gridToPixel(box, 200, 100, box, plot);
		expect(g.e).toBeCloseTo(100);
		expect(g.f).toBeCloseTo(50);
		expect(g.a * 200 + g.e).toBeCloseTo(500);
		expect(g.d * 100 + g.f).toBeCloseTo(450);
		// Quanta: ten times the units.
		const q = gridToPixel(box, 200, 100, box, plot, 10);
		expect(q.a * 2000 + q.e).toBeCloseTo(500);
	});

	it('places an older grid of another box where its box is', () => {
		const gridBox = { xMin: 0, xMax: 2, yMin: -1, yMax: 1 };
		const g = gridToPixel(gridBox, 10, 10, box, plot);
		const t = dataToPixel(box, plot);
		expect(g.e).toBeCloseTo(t.a * 0 + t.e);
		expect(g.f).toBeCloseTo(t.d * 1 + t.f);
		expect(g.a * 10 + g.e).toBeCloseTo(t.a * 2 + t.e);
		expect(g.d * 10 + g.f).toBeCloseTo(t.d * -1 + t.f);
	});
});

describe('trails and failures', () => {
	it('windows the last `trail` iterations, clamped to the run', () => {
		expect(trailWindow(100, 50, 0)).toEqual([0, 50]);
		expect(trailWindow(100, 50, 10)).toEqual([40, 50]);
		expect(trailWindow(100, 5, 10)).toEqual([0, 5]);
		expect(trailWindow(30, 50, 10)).toEqual([19, 29]);
		expect(trailWindow(0, 50, 10)).toBeNull();
		expect(trailWindow(10, 3.7, 0)).toEqual([0, 3]);
	});

	it('shows a failure once the iteration reaches the last point', () => {
		expect(showsFailure('diverged', 20, 18)).toBe(false);
		expect(showsFailure('diverged', 20, 19)).toBe(true);
		expect(showsFailure('singular', 20, 100)).toBe(true);
		expect(showsFailure('ok', 20, 100)).toBe(false);
	});
});

describe('titles and labels', () => {
	it('joins the function and the visible runs', () => {
		expect(titleText('Rosenbrock', ['Adam (lr 0.05)', 'Momentum (lr 0.001)'])).toBe(
			'Rosenbrock — Adam (lr 0.05) · Momentum (lr 0.001)'
		);
		expect(titleText('Sphere', [])).toBe('Sphere');
		expect(iterationText(50, 200)).toBe('iteration 50 / 200');
	});

	const measure = (text: string) => text.length * 10;

	it('lays the title out in one row when it fits', () => {
		const { pieces, rows } = layoutTitle('Rosenbrock', [{ label: 'Adam', color: '#f00' }], measure, 1000, 30);
		expect(rows).toBe(1);
		expect(pieces.map((p) => [p.kind, p.text, p.x])).toEqual([
			['function', 'Rosenbrock', 0],
			['separator', ' — ', 100],
			['run', 'Adam', 130]
		]);
	});

	it('wraps between runs and shortens labels too long for a row', () => {
		const runs = [
			{ label: 'aaaaaaaaaa', color: 'a' },
			{ label: 'bbbbbbbbbb', color: 'b' },
			{ label: 'c'.repeat(50), color: 'c' }
		];
		const { pieces, rows } = layoutTitle('F', runs, measure, 300, 20);
		expect(rows).toBe(3);
		const run = pieces.filter((p) => p.kind === 'run');
		expect(run.map((p) => p.row)).toEqual([0, 1, 2]);
		expect(run[1].x).toBe(0);
		expect(run[2].text.endsWith('…')).toBe(true);
		expect(measure(run[2].text) + 20).toBeLessThanOrEqual(300);
	});
});

describe('ticks', () => {
	it('gives round ticks with matching decimals and a typographic minus', () => {
		const t = linearTicks(-2, 2, 8);
		expect(t).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
		expect(t.map((v) => formatTickValue(v, t))).toEqual([
			'−2.0',
			'−1.5',
			'−1.0',
			'−0.5',
			'0.0',
			'0.5',
			'1.0',
			'1.5',
			'2.0'
		]);
		expect(linearTicks(1, 1, 5)).toEqual([]);
	});
});
