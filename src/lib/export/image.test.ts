// Tests of the still-image helpers that need no DOM (the SVG's viewBox choice).
import { describe, expect, it } from 'vitest';
import { svgViewBox } from './image';

describe('svgViewBox', () => {
	it("keeps the document's own viewBox", () => {
		expect(svgViewBox('0 0 800 600', '800', '600', 1600, 1200)).toBe('0 0 800 600');
		expect(svgViewBox('0,0,10,20', null, null, 100, 100)).toBe('0 0 10 20');
	});

	it('falls back to the intrinsic size, then to the requested one', () => {
		expect(svgViewBox(null, '800', '600px', 1600, 1200)).toBe('0 0 800 600');
		expect(svgViewBox('bad', '100%', '100%', 1280, 720)).toBe('0 0 1280 720');
		expect(svgViewBox('0 0 0 10', null, null, 1280, 720)).toBe('0 0 1280 720');
	});
});
