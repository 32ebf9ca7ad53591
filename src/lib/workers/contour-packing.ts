/**
 * Contour sets as two flat typed arrays, so the worker can transfer them instead of having them structured-
 * cloned: cloning 50,000 [x, y] pairs costs the main thread ~10 ms, unpacking them well under 1 ms.
 */
import type { ContourBand, ContourSet } from '../views/types';

export interface PackedContours {
	readonly thresholds: number[];
	/** Per band: value. */
	readonly values: Float64Array;
	/** Per band: polygon count, then per polygon: ring count, then per ring: point count (depth-first). */
	readonly structure: Uint32Array;
	/** Every point, x then y, in the same depth-first order. */
	readonly coords: Float64Array;
}

export function packContours(set: ContourSet): PackedContours {
	let points = 0;
	let entries = 0;
	for (const band of set.bands) {
		entries++;
		for (const polygon of band.coordinates) {
			entries++;
			for (const ring of polygon) {
				entries++;
				points += ring.length;
			}
		}
	}
	const structure = new Uint32Array(entries);
	const coords = new Float64Array(2 * points);
	const values = new Float64Array(set.bands.length);
	let s = 0;
	let c = 0;
	set.bands.forEach((band, b) => {
		values[b] = band.value;
		structure[s++] = band.coordinates.length;
		for (const polygon of band.coordinates) {
			structure[s++] = polygon.length;
			for (const ring of polygon) {
				structure[s++] = ring.length;
				for (const p of ring) {
					coords[c++] = p[0];
					coords[c++] = p[1];
				}
			}
		}
	});
	return { thresholds: set.thresholds.slice(), values, structure, coords };
}

export function unpackContours(packed: PackedContours): ContourSet {
	const { values, structure, coords } = packed;
	const bands: ContourBand[] = [];
	let s = 0;
	let c = 0;
	for (let b = 0; b < values.length; b++) {
		const polygons: number[][][][] = new Array(structure[s++]);
		for (let p = 0; p < polygons.length; p++) {
			const rings: number[][][] = new Array(structure[s++]);
			for (let r = 0; r < rings.length; r++) {
				const ring: number[][] = new Array(structure[s++]);
				for (let i = 0; i < ring.length; i++) {
					ring[i] = [coords[c], coords[c + 1]];
					c += 2;
				}
				rings[r] = ring;
			}
			polygons[p] = rings;
		}
		bands.push({ value: values[b], coordinates: polygons });
	}
	return { thresholds: packed.thresholds, bands };
}

/** The buffers to list as transferables when posting `packed`. */
export function packedBuffers(packed: PackedContours): ArrayBuffer[] {
	return [packed.values.buffer, packed.structure.buffer, packed.coords.buffer] as ArrayBuffer[];
}
