/**
 * Markers on the surface other than the runs: the known minima (white cones on their tip), the shared start
 * (a ring) and the linked hover point (a pin: a dot on the surface with a stem rising above it).
 */
import {
	ConeGeometry,
	Group,
	Mesh,
	MeshBasicMaterial,
	MeshLambertMaterial,
	SphereGeometry,
	type Object3D,
	type Sprite
} from 'three';
import { Line2 } from 'three/addons/lines/Line2.js';
import { LineGeometry } from 'three/addons/lines/LineGeometry.js';
import type { KnownMinimum } from '../../core/objective';
import { type HeightField, insideBox, pointHeight, toU, toV } from './height';
import type { ViewportResources } from './resources';
import { createRingSprite } from './sprites';
import { type Palette, START_COLOR, START_OUTLINE, xrayMaterial, xrayMesh } from './theme';

const CONE_HEIGHT = 0.12;

export interface Markers {
	setMinima(field: HeightField, minima: readonly KnownMinimum[]): void;
	/** `f` gives the height where the point is off the drawn surface. */
	setStart(field: HeightField, start: readonly [number, number], f: (x: number, y: number) => number): void;
	setHover(field: HeightField, p: { x: number; y: number } | null, f: (x: number, y: number) => number): void;
	setTheme(palette: Palette): void;
	dispose(): void;
}

export function createMarkers(parent: Object3D, resources: ViewportResources): Markers {
	const coneGeometry = new ConeGeometry(0.04, CONE_HEIGHT, 24);
	coneGeometry.rotateX(-Math.PI / 2);
	coneGeometry.translate(0, 0, CONE_HEIGHT / 2);
	const coneMaterial = new MeshLambertMaterial({ color: 0xffffff, emissive: 0x555555 });
	const coneXray = xrayMaterial('#ffffff');
	let cones: Mesh[] = [];

	const start = resources.addSprite(createRingSprite(22, START_COLOR, START_OUTLINE), parent);
	start.visible = false;

	const hover = new Group();
	hover.visible = false;
	parent.add(hover);
	const dotGeometry = new SphereGeometry(0.018, 16, 12);
	const dotMaterial = new MeshBasicMaterial();
	const dot = new Mesh(dotGeometry, dotMaterial);
	const stemGeometry = new LineGeometry();
	stemGeometry.setPositions([0, 0, 0, 0, 0, 1]);
	const stemMaterial = resources.lineMaterial({ linewidth: 2, transparent: true, opacity: 0.75 }, false);
	const stem = new Line2(stemGeometry, stemMaterial);
	hover.add(dot, stem);

	function placeSprite(sprite: Sprite, field: HeightField, x: number, y: number, f: number): void {
		const fr = field.frame;
		const h = pointHeight(field, x, y, f);
		sprite.visible = insideBox(fr.box, x, y) && Number.isFinite(h);
		if (sprite.visible) sprite.position.set(toU(fr, x), toV(fr, y), h + fr.lift);
	}

	return {
		setMinima(field, minima) {
			for (const c of cones) c.removeFromParent();
			cones = [];
			const fr = field.frame;
			for (const m of minima) {
				if (!insideBox(fr.box, m.x, m.y)) continue;
				const h = pointHeight(field, m.x, m.y, m.f);
				if (!Number.isFinite(h)) continue;
				const cone = new Mesh(coneGeometry, coneMaterial);
				cone.add(xrayMesh(coneGeometry, coneXray));
				cone.position.set(toU(fr, m.x), toV(fr, m.y), h + fr.lift);
				if (m.kind === 'local') cone.scale.setScalar(0.75);
				parent.add(cone);
				cones.push(cone);
			}
		},
		setStart(field, p, f) {
			placeSprite(start, field, p[0], p[1], safe(f, p[0], p[1]));
		},
		setHover(field, p, f) {
			const fr = field.frame;
			const h = p && insideBox(fr.box, p.x, p.y) ? pointHeight(field, p.x, p.y, safe(f, p.x, p.y)) : NaN;
			hover.visible = p !== null && Number.isFinite(h);
			if (!p || !hover.visible) return;
			hover.position.set(toU(fr, p.x), toV(fr, p.y), h + fr.lift);
			// The stem rises to just above the top of the box, so the spot shows even behind a hill.
			stem.scale.set(1, 1, Math.max(1e-3, fr.height * 1.08 - h));
		},
		setTheme(palette) {
			dotMaterial.color.set(palette.hover);
			stemMaterial.color.set(palette.hover);
		},
		dispose() {
			for (const c of cones) c.removeFromParent();
			cones = [];
			resources.removeSprite(start);
			resources.freeLineMaterial(stemMaterial);
			for (const g of [coneGeometry, dotGeometry, stemGeometry]) g.dispose();
			for (const m of [coneMaterial, coneXray, dotMaterial]) m.dispose();
			hover.removeFromParent();
		}
	};
}

/** f at a point, NaN if the objective throws (user expressions may). */
function safe(f: (x: number, y: number) => number, x: number, y: number): number {
	try {
		return f(x, y);
	} catch {
		return Number.NaN;
	}
}
