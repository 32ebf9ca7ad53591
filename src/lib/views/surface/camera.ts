/**
 * The 3D camera as URL-friendly numbers (CameraState) and back: orbit angles, limits, the default view and
 * the distance that fits the scene. Pure math, no three.js (the renderer's axes are y-up, the data's z-up).
 */
import type { CameraState } from '../types';

/** Seen from the front left (low y, low x), 40 degrees above the plane, at the fitted distance. */
export const DEFAULT_CAMERA: CameraState = { theta: -Math.PI / 6, phi: 0.7, zoom: 1 };

/** Elevation limits: from just below the horizon (to look under a ridge) to straight down. */
export const MIN_ELEVATION = -0.25;
export const MAX_ELEVATION = Math.PI / 2 - 1e-3;
export const MIN_ZOOM = 0.3;
export const MAX_ZOOM = 4;

/** Azimuth in (-pi, pi], as OrbitControls reports it. */
export function wrapAngle(a: number): number {
	const twoPi = 2 * Math.PI;
	let r = a % twoPi;
	if (r <= -Math.PI) r += twoPi;
	else if (r > Math.PI) r -= twoPi;
	return r;
}

/** A valid camera: finite, within the limits; anything unusable falls back to the default. */
export function clampCamera(c: CameraState): CameraState {
	const theta = Number.isFinite(c.theta) ? wrapAngle(c.theta) : DEFAULT_CAMERA.theta;
	const phi = Number.isFinite(c.phi)
		? Math.min(MAX_ELEVATION, Math.max(MIN_ELEVATION, c.phi))
		: DEFAULT_CAMERA.phi;
	const zoom =
		Number.isFinite(c.zoom) && c.zoom > 0
			? Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, c.zoom))
			: DEFAULT_CAMERA.zoom;
	return { theta, phi, zoom };
}

/** Rounded for the URL: 1e-4 rad is far below what a viewer can see. */
export function roundCamera(c: CameraState): CameraState {
	return {
		theta: Math.round(c.theta * 1e4) / 1e4,
		phi: Math.round(c.phi * 1e4) / 1e4,
		zoom: Math.round(c.zoom * 1e4) / 1e4
	};
}

export function camerasClose(a: CameraState, b: CameraState, eps = 2e-4): boolean {
	return (
		Math.abs(wrapAngle(a.theta - b.theta)) <= eps &&
		Math.abs(a.phi - b.phi) <= eps &&
		Math.abs(a.zoom - b.zoom) <= eps * Math.max(1, Math.abs(b.zoom))
	);
}

/**
 * Distance at which a sphere of `radius` fills the narrower of the two fields of view (vertical `fovDeg`
 * and the horizontal one that `aspect` = width / height implies), so zoom 1 fits on any screen shape.
 */
export function fittedDistance(radius: number, fovDeg: number, aspect: number): number {
	const v = (fovDeg * Math.PI) / 180;
	const h = 2 * Math.atan(Math.tan(v / 2) * (aspect > 0 && Number.isFinite(aspect) ? aspect : 1));
	return radius / Math.sin(Math.min(v, h) / 2);
}

/**
 * Camera offset from the target in y-up renderer axes for azimuth theta (0 = looking from low y towards +y,
 * increasing towards +x), elevation phi and distance r. Data x is renderer +x, data y is renderer -z.
 */
export function orbitOffset(theta: number, phi: number, r: number): [number, number, number] {
	const c = Math.cos(phi);
	return [r * c * Math.sin(theta), r * Math.sin(phi), r * c * Math.cos(theta)];
}
