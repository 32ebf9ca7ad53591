/**
 * The look of the 3D surface view's non-data elements: colours per theme, and the see-through "x-ray"
 * copies that keep markers behind a hill faintly visible.
 */
import { Mesh, MeshBasicMaterial, type BufferGeometry } from 'three';

export interface Palette {
	background: string;
	text: string;
	/** Outline drawn around label text so it reads over the surface. */
	halo: string;
	grid: string;
	gridOpacity: number;
	wire: string;
	wireOpacity: number;
	/** Casing under trajectory lines and outline of markers on the surface. */
	casing: string;
	/** The linked-hover pin. */
	hover: string;
}

export const PALETTES: Readonly<Record<'light' | 'dark', Palette>> = {
	light: {
		background: '#ffffff',
		text: '#1f2328',
		halo: '#ffffff',
		grid: '#5a6270',
		gridOpacity: 0.45,
		wire: '#000000',
		wireOpacity: 0.16,
		casing: '#ffffff',
		hover: '#111111'
	},
	dark: {
		background: '#14171c',
		text: '#e8eaed',
		halo: '#14171c',
		grid: '#9aa3b0',
		gridOpacity: 0.45,
		wire: '#000000',
		wireOpacity: 0.22,
		casing: '#ffffff',
		hover: '#ffffff'
	}
};

/** The cross where a run diverged or met a singular Hessian. */
export const CROSS_COLOR = '#e8112d';
/** The shared start ring: dark with a white outline, readable on every part of viridis and both themes. */
export const START_COLOR = '#111111';
export const START_OUTLINE = '#ffffff';

/** Drawn over everything at low opacity, after the opaque pass. */
export function xrayMaterial(color: string): MeshBasicMaterial {
	return new MeshBasicMaterial({
		color,
		transparent: true,
		opacity: 0.4,
		depthTest: false,
		depthWrite: false
	});
}

export function xrayMesh(geometry: BufferGeometry, material: MeshBasicMaterial): Mesh {
	const mesh = new Mesh(geometry, material);
	mesh.renderOrder = 6;
	return mesh;
}
