/**
 * The surface itself: f sampled on a GRID x GRID lattice over the box, as an indexed, vertex-coloured, lit,
 * double-sided mesh with a faint wireframe. Buffers are allocated once and refilled in place.
 */
import {
	BufferAttribute,
	BufferGeometry,
	Color,
	DoubleSide,
	Float32BufferAttribute,
	LineBasicMaterial,
	LineSegments,
	Mesh,
	MeshLambertMaterial,
	SRGBColorSpace,
	type Object3D
} from 'three';
import type { ViewBox } from '../../core/objective';
import { valueColor } from '../color';
import {
	createColorRamp,
	createFrame,
	createHeightField,
	fillRampColors,
	fillSurfaceVertices,
	fillTriangles,
	type HeightField,
	resolveScale,
	sampleValues,
	triangleIndexCount
} from './height';
import type { Palette } from './theme';

/** Lattice points per side: 160 cells, so the wireframe's lines fall on lattice lines. */
export const GRID = 161;
/** Every WIRE_STEP-th lattice line is drawn as wireframe (17 lines each way). */
const WIRE_STEP = 10;

export interface SurfaceMesh {
	/** The mesh to raycast for the linked hover. */
	readonly mesh: Mesh;
	/** Resamples f over the box and refills the buffers; returns the new height field. */
	rebuild(
		f: (x: number, y: number) => number,
		box: ViewBox,
		scale: { lo: number; hi: number } | null
	): HeightField;
	setTheme(palette: Palette): void;
	dispose(): void;
}

export function createSurfaceMesh(parent: Object3D): SurfaceMesh {
	const vertexCount = GRID * GRID;
	const positions = new Float32BufferAttribute(new Float32Array(3 * vertexCount), 3);
	const normals = new Float32BufferAttribute(new Float32Array(3 * vertexCount), 3);
	const colors = new Float32BufferAttribute(new Float32Array(3 * vertexCount), 3);
	const index = new BufferAttribute(new Uint32Array(triangleIndexCount(GRID, GRID)), 1);
	const geometry = new BufferGeometry();
	geometry.setAttribute('position', positions);
	geometry.setAttribute('normal', normals);
	geometry.setAttribute('color', colors);
	geometry.setIndex(index);
	geometry.setDrawRange(0, 0);
	const material = new MeshLambertMaterial({
		vertexColors: true,
		side: DoubleSide,
		// Pushed back in depth so that lines lying on the surface win the depth test.
		polygonOffset: true,
		polygonOffsetFactor: 1,
		polygonOffsetUnits: 1
	});
	const mesh = new Mesh(geometry, material);
	mesh.visible = false;
	parent.add(mesh);

	// The wireframe shares the surface's positions; its own index skips segments with an invalid end.
	const wireGeometry = new BufferGeometry();
	wireGeometry.setAttribute('position', positions);
	const wireLines = Math.floor((GRID - 1) / WIRE_STEP) + 1;
	const wireIndex = new BufferAttribute(new Uint32Array(2 * 2 * wireLines * (GRID - 1)), 1);
	wireGeometry.setIndex(wireIndex);
	wireGeometry.setDrawRange(0, 0);
	const wireMaterial = new LineBasicMaterial({ transparent: true, depthWrite: false });
	const wire = new LineSegments(wireGeometry, wireMaterial);
	wire.renderOrder = 1;
	parent.add(wire);

	const ramp = linearRamp();
	const samples = new Float64Array(vertexCount);
	let field: HeightField | null = null;
	let indicesAllValid = false;

	return {
		mesh,
		rebuild(f, box, scale) {
			sampleValues(f, box, GRID, GRID, samples);
			const frame = createFrame(box, resolveScale(scale, samples));
			field = createHeightField(frame, samples, GRID, GRID, field ?? undefined);
			fillSurfaceVertices(field, positions.array as Float32Array, normals.array as Float32Array);
			fillRampColors(ramp, field.t, colors.array as Float32Array);
			positions.needsUpdate = true;
			normals.needsUpdate = true;
			colors.needsUpdate = true;
			geometry.computeBoundingSphere();
			geometry.computeBoundingBox();
			wireGeometry.boundingSphere = geometry.boundingSphere;
			// The triangle and wireframe lists change only where samples are invalid.
			const allValid = field.invalidCount === 0;
			if (!(allValid && indicesAllValid)) {
				geometry.setDrawRange(0, fillTriangles(field, index.array as Uint32Array));
				index.needsUpdate = true;
				wireGeometry.setDrawRange(0, fillWireIndex(field, wireIndex.array as Uint32Array));
				wireIndex.needsUpdate = true;
			}
			indicesAllValid = allValid;
			mesh.visible = geometry.drawRange.count > 0;
			return field;
		},
		setTheme(palette) {
			wireMaterial.color.set(palette.wire);
			wireMaterial.opacity = palette.wireOpacity;
		},
		dispose() {
			geometry.dispose();
			wireGeometry.dispose();
			material.dispose();
			wireMaterial.dispose();
			mesh.removeFromParent();
			wire.removeFromParent();
		}
	};
}

/** The shared value colours (sRGB, like the contour view's fills) as the linear-light values vertex colours hold. */
function linearRamp(): Float32Array {
	const ramp = createColorRamp(valueColor, 256);
	const c = new Color();
	for (let k = 0; k < ramp.length; k += 3) {
		c.setRGB(ramp[k], ramp[k + 1], ramp[k + 2], SRGBColorSpace);
		ramp[k] = c.r;
		ramp[k + 1] = c.g;
		ramp[k + 2] = c.b;
	}
	return ramp;
}

/** Index pairs along every WIRE_STEP-th lattice line in both directions, skipping invalid ends. */
function fillWireIndex(field: HeightField, out: Uint32Array): number {
	const { nx, ny, valid } = field;
	let n = 0;
	for (let j = 0; j < ny; j += WIRE_STEP) {
		for (let i = 0; i < nx - 1; i++) {
			const a = j * nx + i;
			if (valid[a] && valid[a + 1]) {
				out[n++] = a;
				out[n++] = a + 1;
			}
		}
	}
	for (let i = 0; i < nx; i += WIRE_STEP) {
		for (let j = 0; j < ny - 1; j++) {
			const a = j * nx + i;
			if (valid[a] && valid[a + nx]) {
				out[n++] = a;
				out[n++] = a + nx;
			}
		}
	}
	return n;
}
