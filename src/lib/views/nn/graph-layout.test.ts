/** Tests of the network graph's pure parts: layout, edge width and opacity, texts, hit testing. */
import { describe, expect, it } from 'vitest';
import {
	columnTitle,
	edgeLabel,
	edgeOpacity,
	edgeWidth,
	formatSigned,
	layoutNetwork,
	magnitude,
	MAX_EDGE_WIDTH,
	maxAbs,
	MIN_EDGE_WIDTH,
	nearestSegment,
	nodeLabel,
	segmentDistance2,
	unitName
} from './graph-layout';

const margin = { top: 40, right: 30, bottom: 10, left: 30 };

describe('layoutNetwork', () => {
	it('spreads the columns evenly and centres each column', () => {
		const lay = layoutNetwork([2, 4, 2, 1], 600, 300, margin);
		expect(lay.columns.map((c) => c.x)).toEqual([30, 210, 390, 570]);
		const mid = (40 + 290) / 2;
		for (const c of lay.columns) {
			const mean = c.ys.reduce((a, b) => a + b, 0) / c.ys.length;
			expect(mean).toBeCloseTo(mid, 9);
			for (let j = 1; j < c.ys.length; j++) expect(c.ys[j] - c.ys[j - 1]).toBeCloseTo(c.spacing, 9);
		}
		expect(lay.columns[3].ys).toEqual([mid]);
	});

	it('keeps every node inside the box, without overlaps, from [2, 4, 2, 1] to [2, 32, 32, 32, 1]', () => {
		for (const [sizes, w, h] of [
			[[2, 4, 2, 1], 400, 250],
			[[2, 32, 32, 32, 1], 700, 460],
			[[2, 32, 32, 1], 380, 240],
			[[2, 1], 300, 200]
		] as const) {
			const lay = layoutNetwork(sizes, w, h, margin);
			for (const c of lay.columns) {
				expect(c.radius).toBeGreaterThanOrEqual(2.5);
				expect(c.radius).toBeLessThanOrEqual(13);
				for (const y of c.ys) {
					expect(y).toBeGreaterThanOrEqual(margin.top);
					expect(y).toBeLessThanOrEqual(h - margin.bottom);
				}
				if (c.ys.length > 1 && c.spacing >= 7) expect(2 * c.radius).toBeLessThan(c.spacing);
			}
			expect(lay.maxEdgeWidth).toBeLessThanOrEqual(MAX_EDGE_WIDTH);
		}
	});

	it('gives narrow layers larger nodes and wide networks thinner edges', () => {
		const small = layoutNetwork([2, 4, 2, 1], 600, 400, margin);
		const large = layoutNetwork([2, 32, 32, 32, 1], 600, 400, margin);
		expect(large.columns[0].radius).toBeGreaterThan(large.columns[1].radius);
		expect(large.maxEdgeWidth).toBeLessThan(small.maxEdgeWidth);
		expect(small.maxEdgeWidth).toBeCloseTo(MAX_EDGE_WIDTH, 9);
	});
});

describe('edge styling', () => {
	it('maps |w| linearly from the minimum to the maximum width', () => {
		expect(edgeWidth(0, 2)).toBe(MIN_EDGE_WIDTH);
		expect(edgeWidth(-2, 2)).toBe(MAX_EDGE_WIDTH);
		expect(edgeWidth(1, 2)).toBeCloseTo((MIN_EDGE_WIDTH + MAX_EDGE_WIDTH) / 2, 12);
		expect(edgeWidth(1, 2, 3)).toBeCloseTo((MIN_EDGE_WIDTH + 3) / 2, 12);
		expect(edgeWidth(5, 0)).toBe(MIN_EDGE_WIDTH);
		expect(edgeWidth(Number.NaN, 1)).toBe(MIN_EDGE_WIDTH);
	});

	it('makes opacity grow with |w| up to 1', () => {
		expect(edgeOpacity(0, 1)).toBeGreaterThan(0);
		expect(edgeOpacity(0.2, 1)).toBeLessThan(edgeOpacity(-0.5, 1));
		expect(edgeOpacity(1, 1)).toBeCloseTo(1, 12);
	});

	it('measures magnitudes against the largest finite |w|', () => {
		expect(maxAbs([new Float64Array([1, -3]), new Float64Array([2, Number.NaN, Infinity])])).toBe(3);
		expect(maxAbs([])).toBe(0);
		expect(magnitude(-1.5, 3)).toBe(0.5);
		expect(magnitude(10, 3)).toBe(1);
	});
});

describe('text', () => {
	const sizes = [2, 8, 8, 1];
	it('names units and columns', () => {
		expect(unitName(0, 1, sizes, ['x₁', 'x₂'])).toBe('x₂');
		expect(unitName(0, 2, [3, 1], [])).toBe('x3');
		expect(unitName(1, 2, sizes, [])).toBe('hidden 1 #3');
		expect(unitName(3, 0, sizes, [])).toBe('output');
		expect(unitName(1, 1, [2, 3], [])).toBe('output #2');
		expect(columnTitle(1, sizes, 'tanh')).toEqual(['hidden 1', 'tanh · 8']);
		expect(columnTitle(0, sizes, null)).toEqual(['input', '2 features']);
		expect(columnTitle(3, sizes, 'sigmoid')).toEqual(['output', 'sigmoid · 1']);
		expect(columnTitle(2, sizes, 'relu', true)).toEqual(['h2', 'relu·8']);
	});

	it('formats hover texts with a typographic minus', () => {
		expect(edgeLabel(2, 2, 0, -0.4123, sizes, ['x₁', 'x₂'])).toBe('w(hidden 2 #3 → output) = −0.412');
		expect(edgeLabel(0, 0, 4, 1.5, sizes, ['x₁', 'x₂'])).toBe('w(x₁ → hidden 1 #5) = 1.500');
		expect(nodeLabel(1, 0, 0.25, sizes, [])).toBe('b(hidden 1 #1) = 0.250');
		expect(nodeLabel(0, 0, null, sizes, ['x₁'])).toBe('input x₁');
		expect(formatSigned(0)).toBe('0.000');
		expect(formatSigned(-12345)).toBe('−1.23e+4');
		expect(formatSigned(Number.NaN)).toBe('NaN');
	});
});

describe('hit testing', () => {
	it('measures distances to segments, clamped to their ends', () => {
		expect(segmentDistance2(5, 3, 0, 0, 10, 0)).toBeCloseTo(9, 12);
		expect(segmentDistance2(-3, 4, 0, 0, 10, 0)).toBeCloseTo(25, 12);
		expect(segmentDistance2(1, 1, 2, 2, 2, 2)).toBeCloseTo(2, 12);
	});

	it('finds the nearest segment within its tolerance', () => {
		const segs = [0, 0, 100, 0, 0, 10, 100, 10];
		expect(nearestSegment(segs, 50, 2, () => 3)).toBe(0);
		expect(nearestSegment(segs, 50, 7, () => 4)).toBe(1);
		expect(nearestSegment(segs, 50, 5, () => 2)).toBe(-1);
		expect(nearestSegment(segs, 200, 0, () => 3)).toBe(-1);
	});
});
