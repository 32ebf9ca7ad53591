import { describe, expect, it } from 'vitest';
import { createEta } from './eta';

describe('createEta', () => {
	it('extrapolates the rate so far, after a warm-up', () => {
		let t = 0;
		const eta = createEta(() => t);
		t = 100;
		expect(eta(1, 100, 'rendering').eta).toBeUndefined();
		t = 2000;
		// 10 frames in 2 s: 90 more take 18 s.
		expect(eta(10, 100, 'encoding').eta).toBeCloseTo(18, 10);
		expect(eta(100, 100, 'finishing').eta).toBe(0);
	});
});
