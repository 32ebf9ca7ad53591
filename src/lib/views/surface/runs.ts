/**
 * The runs on the surface. Per run: a line with a light casing through its iterates up to the timeline's
 * iteration (plus a faint see-through copy for the parts behind hills), a sphere at the current iterate,
 * a cross where a diverged or singular run stopped, and a ring at its own start when it has one.
 */
import {
	BackSide,
	Color,
	Mesh,
	MeshBasicMaterial,
	MeshLambertMaterial,
	SphereGeometry,
	type Object3D,
	type Sprite
} from 'three';
import { Line2 } from 'three/addons/lines/Line2.js';
import { LineGeometry } from 'three/addons/lines/LineGeometry.js';
import type { RunView } from '../types';
import {
	type HeightField,
	insideBox,
	keptUpTo,
	thinTrajectory,
	trajectoryChecksum,
	trajectoryPositions,
	visibleEnd
} from './height';
import type { ViewportResources } from './resources';
import { createCrossSprite, createRingSprite } from './sprites';
import { CROSS_COLOR, type Palette, xrayMaterial, xrayMesh } from './theme';

export interface RunLayer {
	/** Brings the drawn runs in line with `runs` at `iteration` on `field`; only what changed is rebuilt. */
	sync(runs: readonly RunView[], iteration: number, field: HeightField): void;
	setTheme(palette: Palette): void;
	dispose(): void;
}

/** What is kept per run id. */
interface RunObjects {
	/** What the geometry was built from: it is rebuilt when any of these change. */
	points: Float64Array;
	count: number;
	checksum: number;
	field: HeightField | null;
	positions: Float32Array;
	/** Indices of the points the line goes through (see thinTrajectory), and their count. */
	kept: Int32Array;
	keptCount: number;
	geometry: LineGeometry | null;
	casing: Line2;
	line: Line2;
	xray: Line2;
	marker: Mesh;
	markerMaterial: MeshLambertMaterial;
	markerXray: MeshBasicMaterial;
	cross: Sprite | null;
	ownStart: Sprite | null;
	ownStartKey: string;
	color: string;
}

/** Thinning distance of the 3D lines, as a fraction of the surface's width (about a pixel at default zoom). */
const LINE_MIN_STEP = 0.002;

export function createRunLayer(parent: Object3D, resources: ViewportResources): RunLayer {
	const markerGeometry = new SphereGeometry(0.03, 24, 16);
	// Back faces of a slightly larger sphere: an outline around the marker's silhouette only.
	const outlineGeometry = new SphereGeometry(0.041, 24, 16);
	const outlineMaterial = new MeshBasicMaterial({ side: BackSide, clippingPlanes: resources.clipPlanes });
	const runs = new Map<number, RunObjects>();
	let casingColor = '#ffffff';

	function create(run: RunView): RunObjects {
		// The casing writes no depth, so the line drawn after it at the same depth always wins.
		const casingMaterial = resources.lineMaterial({ color: casingColor, linewidth: 6, depthWrite: false });
		const lineMaterial = resources.lineMaterial({ color: run.color, linewidth: 3.5 });
		const xrayLineMaterial = resources.lineMaterial({
			color: run.color,
			linewidth: 2,
			transparent: true,
			opacity: 0.4,
			depthTest: false,
			depthWrite: false
		});
		const placeholder = new LineGeometry();
		const casing = new Line2(placeholder, casingMaterial);
		const line = new Line2(placeholder, lineMaterial);
		const xray = new Line2(placeholder, xrayLineMaterial);
		placeholder.dispose();
		casing.renderOrder = 2;
		line.renderOrder = 3;
		xray.renderOrder = 4;
		const markerMaterial = new MeshLambertMaterial({
			color: run.color,
			emissive: new Color(run.color).multiplyScalar(0.35),
			clippingPlanes: resources.clipPlanes
		});
		const markerXray = xrayMaterial(run.color);
		const marker = new Mesh(markerGeometry, markerMaterial);
		marker.add(new Mesh(outlineGeometry, outlineMaterial), xrayMesh(markerGeometry, markerXray));
		marker.renderOrder = 5;
		parent.add(xray, casing, line, marker);
		return {
			points: new Float64Array(0),
			count: -1,
			checksum: Number.NaN,
			field: null,
			positions: new Float32Array(0),
			kept: new Int32Array(0),
			keptCount: 0,
			geometry: null,
			casing,
			line,
			xray,
			marker,
			markerMaterial,
			markerXray,
			cross: null,
			ownStart: null,
			ownStartKey: '',
			color: run.color
		};
	}

	function free(o: RunObjects): void {
		o.geometry?.dispose();
		for (const l of [o.casing, o.line, o.xray]) {
			resources.freeLineMaterial(l.material);
			l.removeFromParent();
		}
		o.markerMaterial.dispose();
		o.markerXray.dispose();
		o.marker.removeFromParent();
		resources.removeSprite(o.cross);
		resources.removeSprite(o.ownStart);
	}

	/** Rebuilds the line when the run's points or the surface changed; recolours when its colour changed. */
	function syncData(o: RunObjects, run: RunView, field: HeightField): void {
		const checksum = trajectoryChecksum(run.points, run.count);
		if (o.points !== run.points || o.count !== run.count || o.checksum !== checksum || o.field !== field) {
			o.points = run.points;
			o.count = run.count;
			o.checksum = checksum;
			o.field = field;
			if (o.positions.length < 3 * run.count) o.positions = new Float32Array(3 * run.count);
			trajectoryPositions(field, run.points, run.count, o.positions);
			if (o.kept.length < run.count) o.kept = new Int32Array(run.count);
			// Steps shorter than a fraction of a pixel at the default zoom are not drawn as vertices.
			o.keptCount = thinTrajectory(o.positions, run.count, LINE_MIN_STEP * field.frame.width, o.kept);
			o.geometry?.dispose();
			o.geometry = null;
			if (o.keptCount >= 2) {
				const line = new Float32Array(3 * o.keptCount);
				for (let j = 0; j < o.keptCount; j++)
					line.set(o.positions.subarray(3 * o.kept[j], 3 * o.kept[j] + 3), 3 * j);
				o.geometry = new LineGeometry();
				o.geometry.setPositions(line);
				for (const l of [o.casing, o.line, o.xray]) l.geometry = o.geometry;
			}
		}
		if (o.color !== run.color) {
			o.color = run.color;
			for (const m of [o.line.material, o.xray.material, o.markerMaterial, o.markerXray])
				m.color.set(run.color);
			o.markerMaterial.emissive.set(run.color).multiplyScalar(0.35);
			o.ownStart = resources.removeSprite(o.ownStart);
			o.ownStartKey = '';
		}
		const startKey = run.start ? `${run.start[0]},${run.start[1]}` : '';
		if (startKey !== o.ownStartKey) {
			o.ownStartKey = startKey;
			o.ownStart = resources.removeSprite(o.ownStart);
			if (run.start) o.ownStart = resources.addSprite(createRingSprite(20, run.color, casingColor), parent);
		}
		if (o.ownStart && run.start) {
			const [x, y] = run.start;
			o.ownStart.visible = run.visible && run.count > 0 && insideBox(field.frame.box, x, y);
			o.ownStart.position.set(o.positions[0], o.positions[1], o.positions[2]);
		}
	}

	/** What depends on the timeline: how many segments are drawn, where the marker is, the cross. */
	function syncIteration(o: RunObjects, run: RunView, iteration: number): void {
		const visible = run.visible && run.count > 0;
		const last = run.count - 1;
		const k = Math.max(0, Math.min(Math.floor(iteration), last));
		const segments = visible && o.geometry ? Math.max(0, keptUpTo(o.kept, o.keptCount, k) - 1) : 0;
		if (o.geometry) o.geometry.instanceCount = segments;
		for (const l of [o.casing, o.line, o.xray]) l.visible = segments > 0;
		const box = o.field?.frame.box;
		o.marker.visible = visible && !!box && insideBox(box, run.points[3 * k], run.points[3 * k + 1]);
		if (o.marker.visible) o.marker.position.fromArray(o.positions, 3 * k);
		const stopped = run.status === 'diverged' || run.status === 'singular';
		const showCross = visible && stopped && Math.floor(iteration) >= last;
		if (showCross && !o.cross)
			o.cross = resources.addSprite(createCrossSprite(26, CROSS_COLOR, '#ffffff'), parent);
		if (o.cross) {
			// A run that flew off is marked where its line leaves the box.
			const end = showCross && o.field ? visibleEnd(o.field, o.positions, last) : null;
			o.cross.visible = end !== null;
			if (end) o.cross.position.set(end[0], end[1], end[2]);
		}
	}

	function clear(): void {
		for (const o of runs.values()) free(o);
		runs.clear();
	}

	return {
		sync(list, iteration, field) {
			const seen = new Set<number>();
			for (const run of list) {
				seen.add(run.id);
				let o = runs.get(run.id);
				if (!o) {
					o = create(run);
					runs.set(run.id, o);
				}
				syncData(o, run, field);
				syncIteration(o, run, iteration);
			}
			for (const [id, o] of runs) {
				if (!seen.has(id)) {
					free(o);
					runs.delete(id);
				}
			}
		},
		setTheme(palette) {
			casingColor = palette.casing;
			outlineMaterial.color.set(palette.casing);
			for (const o of runs.values()) {
				o.casing.material.color.set(palette.casing);
				o.ownStart = resources.removeSprite(o.ownStart);
				o.ownStartKey = '';
			}
		},
		dispose() {
			clear();
			markerGeometry.dispose();
			outlineGeometry.dispose();
			outlineMaterial.dispose();
		}
	};
}
