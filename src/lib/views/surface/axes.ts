/**
 * Floor grid, f axis and axis labels of the 3D surface view. Tick labels follow the camera to the box edges
 * nearest the viewer; the f axis stands at the neighbouring corner further left on screen.
 */
import {
	BufferGeometry,
	Float32BufferAttribute,
	LineBasicMaterial,
	LineSegments,
	type Object3D,
	type Sprite,
	type Vector3
} from 'three';
import { scaleLinear } from 'd3-scale';
import { format } from 'd3-format';
import { type HeightField, toU, toV } from './height';
import type { ViewportResources } from './resources';
import { createTextSprite } from './sprites';
import type { Palette } from './theme';

const LABEL_PX = 16;
const AXIS_NAME_PX = 20;
/** Distance of tick labels from the box's edge, in scene units. */
const GAP = 0.11;
/** The log scale puts decades of f - lo at quarters of t (its offset is 1e-4 of the range). */
const F_TICKS = [0, 0.25, 0.5, 0.75, 1];

const formatPlain = format('.3~r');
const formatExp = format('.2~e');

/** f tick values: plain numbers where they stay short, exponents for huge and tiny ones. */
export function formatValue(v: number): string {
	const a = Math.abs(v);
	return a !== 0 && (a >= 1e5 || a < 1e-3) ? formatExp(v) : formatPlain(v);
}

export interface Axes {
	/** Rebuilds grid lines and labels for a new box, scale or palette. */
	/** names: the two inputs' and the value's names (default x, y, f). */
	rebuild(field: HeightField, palette: Palette, names?: readonly [string, string, string]): void;
	/** Moves labels for the camera position given in frame coordinates (u, v, w). */
	place(camera: Vector3): void;
	dispose(): void;
}

export function createAxes(parent: Object3D, resources: ViewportResources): Axes {
	const gridMaterial = new LineBasicMaterial({ transparent: true, depthWrite: false });
	const floor = new LineSegments(new BufferGeometry(), gridMaterial);
	parent.add(floor);
	const axisMaterial = new LineBasicMaterial();
	const fAxis = new LineSegments(new BufferGeometry(), axisMaterial);
	parent.add(fAxis);

	let field: HeightField | null = null;
	let palette: Palette | null = null;
	let xLabels: { sprite: Sprite; value: number }[] = [];
	let yLabels: { sprite: Sprite; value: number }[] = [];
	let fLabels: { sprite: Sprite; t: number }[] = [];
	let names: Sprite[] = [];
	/** Label sprites by size and text, reused across rebuilds (the x and y ticks survive a new function). */
	let cache = new Map<string, Sprite[]>();

	function setGeometry(lines: LineSegments, segments: number[]): void {
		lines.geometry.dispose();
		const g = new BufferGeometry();
		g.setAttribute('position', new Float32BufferAttribute(segments, 3));
		lines.geometry = g;
	}

	function clearCache(): void {
		for (const list of cache.values()) for (const sprite of list) resources.removeSprite(sprite);
		cache.clear();
	}

	function rebuild(next: HeightField, pal: Palette, axisNames?: readonly [string, string, string]): void {
		field = next;
		if (pal !== palette) {
			// Label colours are baked into their textures.
			clearCache();
			palette = pal;
			gridMaterial.color.set(pal.grid);
			gridMaterial.opacity = pal.gridOpacity;
			axisMaterial.color.set(pal.text);
		}
		const fr = next.frame;
		const b = fr.box;
		const x = scaleLinear().domain([b.xMin, b.xMax]);
		const y = scaleLinear().domain([b.yMin, b.yMax]);
		const xTicks = x.ticks(5);
		const yTicks = y.ticks(5);
		const hw = fr.width / 2;
		const hd = fr.depth / 2;
		const seg: number[] = [];
		for (const t of xTicks) seg.push(toU(fr, t), -hd, 0, toU(fr, t), hd, 0);
		for (const t of yTicks) seg.push(-hw, toV(fr, t), 0, hw, toV(fr, t), 0);
		seg.push(-hw, -hd, 0, hw, -hd, 0, hw, -hd, 0, hw, hd, 0, hw, hd, 0, -hw, hd, 0, -hw, hd, 0, -hw, -hd, 0);
		setGeometry(floor, seg);
		// The f axis is built along +w with its ticks along +u; place() turns it to face outwards.
		const fSeg: number[] = [0, 0, 0, 0, 0, fr.height];
		for (const t of F_TICKS) fSeg.push(0, 0, t * fr.height, 0.03, 0, t * fr.height);
		setGeometry(fAxis, fSeg);

		const previous = cache;
		cache = new Map();
		const label = (text: string, px = LABEL_PX, bold = false): Sprite => {
			const key = `${px}|${bold ? 'b' : ''}|${text}`;
			const sprite =
				previous.get(key)?.pop() ??
				resources.addSprite(createTextSprite(text, px, pal.text, pal.halo, bold), parent);
			const same = cache.get(key);
			if (same) same.push(sprite);
			else cache.set(key, [sprite]);
			return sprite;
		};
		const xFormat = x.tickFormat(5);
		const yFormat = y.tickFormat(5);
		xLabels = xTicks.map((value) => ({ sprite: label(xFormat(value)), value }));
		yLabels = yTicks.map((value) => ({ sprite: label(yFormat(value)), value }));
		fLabels = F_TICKS.map((t) => ({ sprite: label(formatValue(fr.scale.fromUnit(t))), t }));
		names = (axisNames ?? ['x', 'y', 'f']).map((name) => label(name, AXIS_NAME_PX, true));
		for (const list of previous.values()) for (const sprite of list) resources.removeSprite(sprite);
	}

	function place(cam: Vector3): void {
		if (!field) return;
		const fr = field.frame;
		const hw = fr.width / 2;
		const hd = fr.depth / 2;
		// x ticks along the edge of constant v nearest the camera, y ticks along the nearest edge of constant u.
		const xEdge = cam.y < 0 ? -hd : hd;
		const yEdge = cam.x > 0 ? hw : -hw;
		const sy = Math.sign(xEdge);
		const sx = Math.sign(yEdge);
		names[0].position.set(0, xEdge + sy * GAP * 2.6, 0);
		names[1].position.set(yEdge + sx * GAP * 2.6, 0, 0);
		// Screen-right coordinate of a frame point, up to a positive factor (camera looking at the centre).
		const right = (u: number, v: number): number => -cam.y * u + cam.x * v;
		const alongX = right(-yEdge, xEdge) <= right(yEdge, -xEdge);
		const cu = alongX ? -yEdge : yEdge;
		const cv = alongX ? xEdge : -xEdge;
		// Tick labels at the f axis' corner would collide with its labels: they are left out.
		const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;
		for (const { sprite, value } of xLabels) {
			const u = toU(fr, value);
			sprite.position.set(u, xEdge + sy * GAP, 0);
			sprite.visible = !(alongX && near(u, cu));
		}
		for (const { sprite, value } of yLabels) {
			const v = toV(fr, value);
			sprite.position.set(yEdge + sx * GAP, v, 0);
			sprite.visible = !(!alongX && near(v, cv));
		}
		// The f axis' ticks and labels point away from the box.
		const ou = alongX ? Math.sign(cu) : 0;
		const ov = alongX ? 0 : Math.sign(cv);
		fAxis.position.set(cu, cv, 0);
		fAxis.rotation.z = Math.atan2(ov, ou);
		const anchor = right(ou, ov) < 0 ? 1 : 0;
		for (const { sprite, t } of fLabels) {
			sprite.position.set(cu + ou * GAP * 0.9, cv + ov * GAP * 0.9, t * fr.height);
			sprite.center.set(anchor, 0.5);
		}
		names[2].position.set(cu, cv, fr.height + 0.17);
		// Seen from straight above, the f axis collapses to a point: leave it out.
		const fromAbove = cam.z > 2.5 * Math.hypot(cam.x, cam.y);
		fAxis.visible = !fromAbove;
		names[2].visible = !fromAbove;
		for (const { sprite } of fLabels) sprite.visible = !fromAbove;
	}

	return {
		rebuild,
		place,
		dispose() {
			clearCache();
			floor.geometry.dispose();
			fAxis.geometry.dispose();
			gridMaterial.dispose();
			axisMaterial.dispose();
			floor.removeFromParent();
			fAxis.removeFromParent();
		}
	};
}
