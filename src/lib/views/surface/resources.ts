/**
 * Resources of the 3D surface view that follow the viewport size (sprites of a fixed pixel size, fat-line
 * materials that need the resolution), tracked so that a resize updates them and dispose frees them.
 */
import type { Object3D, Plane, Sprite } from 'three';
import { LineMaterial, type LineMaterialParameters } from 'three/addons/lines/LineMaterial.js';
import { disposeSprite, sizeSprite } from './sprites';

export class ViewportResources {
	private readonly sprites = new Set<Sprite>();
	private readonly lineMaterials = new Set<LineMaterial>();
	private width = 1;
	private height = 1;
	private readonly fovDeg: number;
	/** World-space planes that cut trajectories and markers at the box's sides. */
	readonly clipPlanes: Plane[];

	constructor(fovDeg: number, clipPlanes: Plane[]) {
		this.fovDeg = fovDeg;
		this.clipPlanes = clipPlanes;
	}

	addSprite(sprite: Sprite, parent: Object3D): Sprite {
		this.sprites.add(sprite);
		sizeSprite(sprite, this.height, this.fovDeg);
		parent.add(sprite);
		return sprite;
	}

	/** Frees a sprite made with addSprite; returns null so callers can write `s = remove(s)`. */
	removeSprite(sprite: Sprite | null): null {
		if (sprite) {
			this.sprites.delete(sprite);
			disposeSprite(sprite);
		}
		return null;
	}

	lineMaterial(params: LineMaterialParameters, clipped = true): LineMaterial {
		const m = new LineMaterial(clipped ? { ...params, clippingPlanes: this.clipPlanes } : params);
		m.resolution.set(this.width, this.height);
		this.lineMaterials.add(m);
		return m;
	}

	freeLineMaterial(m: LineMaterial): void {
		this.lineMaterials.delete(m);
		m.dispose();
	}

	/** The viewport's size in CSS pixels. */
	resize(width: number, height: number): void {
		this.width = width;
		this.height = height;
		for (const m of this.lineMaterials) m.resolution.set(width, height);
		for (const s of this.sprites) sizeSprite(s, height, this.fovDeg);
	}

	dispose(): void {
		for (const s of this.sprites) disposeSprite(s);
		this.sprites.clear();
		for (const m of this.lineMaterials) m.dispose();
		this.lineMaterials.clear();
	}
}
