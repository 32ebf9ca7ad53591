/** Tests of the camera state helpers: angle conventions (as OrbitControls reads them), limits, fitting. */
import { describe, expect, it } from 'vitest';
import {
	camerasClose,
	clampCamera,
	DEFAULT_CAMERA,
	fittedDistance,
	MAX_ELEVATION,
	MAX_ZOOM,
	orbitOffset,
	roundCamera,
	wrapAngle
} from './camera';

describe('orbitOffset', () => {
	it('matches the spherical angles OrbitControls reports (y up, theta = atan2(x, z))', () => {
		for (const [theta, phi] of [
			[0.3, 0.5],
			[-2.5, 1.2],
			[3, -0.2]
		]) {
			const [x, y, z] = orbitOffset(theta, phi, 4);
			expect(Math.hypot(x, y, z)).toBeCloseTo(4, 12);
			expect(Math.atan2(x, z)).toBeCloseTo(theta, 12);
			expect(Math.PI / 2 - Math.acos(y / 4)).toBeCloseTo(phi, 12);
		}
	});

	it('looks from low y at theta = 0 (renderer z is data -y)', () => {
		const [x, , z] = orbitOffset(0, 0.5, 1);
		expect(x).toBeCloseTo(0, 12);
		expect(z).toBeGreaterThan(0);
	});
});

describe('clampCamera', () => {
	it('wraps the azimuth and clamps elevation and zoom', () => {
		const c = clampCamera({ theta: 3 * Math.PI, phi: 5, zoom: 100 });
		expect(c.theta).toBeCloseTo(Math.PI, 12);
		expect(c.phi).toBe(MAX_ELEVATION);
		expect(c.zoom).toBe(MAX_ZOOM);
	});

	it('falls back to the default for unusable values', () => {
		expect(clampCamera({ theta: Number.NaN, phi: Infinity, zoom: -1 })).toEqual(DEFAULT_CAMERA);
	});

	it('wraps into (-pi, pi]', () => {
		expect(wrapAngle(-Math.PI)).toBeCloseTo(Math.PI, 12);
		expect(wrapAngle(7)).toBeCloseTo(7 - 2 * Math.PI, 12);
	});
});

describe('comparing and rounding', () => {
	it('treats the two sides of the azimuth seam as close', () => {
		expect(
			camerasClose(
				{ theta: Math.PI - 1e-5, phi: 0.5, zoom: 1 },
				{ theta: -Math.PI + 1e-5, phi: 0.5, zoom: 1 }
			)
		).toBe(true);
		expect(camerasClose({ theta: 0, phi: 0.5, zoom: 1 }, { theta: 0.01, phi: 0.5, zoom: 1 })).toBe(false);
	});

	it('rounds to what the URL keeps, and stays close', () => {
		const c = { theta: 0.123456789, phi: 0.987654321, zoom: 1.23456789 };
		const r = roundCamera(c);
		expect(r).toEqual({ theta: 0.1235, phi: 0.9877, zoom: 1.2346 });
		expect(camerasClose(c, r)).toBe(true);
	});
});

describe('fittedDistance', () => {
	it('backs off for a narrow (portrait) view and not for a wide one', () => {
		const square = fittedDistance(1.5, 35, 1);
		expect(fittedDistance(1.5, 35, 2)).toBeCloseTo(square, 12);
		expect(fittedDistance(1.5, 35, 0.5)).toBeGreaterThan(square);
		expect(square).toBeCloseTo(1.5 / Math.sin((17.5 * Math.PI) / 180), 12);
	});
});
