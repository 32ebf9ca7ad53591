/**
 * The grid worker's message format: a GridResult whose contours travel packed in typed arrays, and whose
 * buffers are transferred rather than copied. Kept apart from grid-compute so the page's client does not
 * pull the function registry or the contouring code into the main bundle.
 */
import type { ContourPaths } from '../views/contour/types';
import { packContours, packedBuffers, unpackContours, type PackedContours } from './contour-packing';
import type { GridFailure, GridResponse, GridResult } from './grid-compute';

export interface GridWireResult extends Omit<GridResult, 'contours'> {
	readonly packed: PackedContours;
	/** Strings are copied, but copying is fast: only nested arrays are slow to clone. */
	readonly paths: ContourPaths | undefined;
}

export type GridWireResponse = GridWireResult | GridFailure;

/** The message to post for `res`, and the buffers to transfer with it. */
export function toWire(res: GridResponse): { message: GridWireResponse; transfer: ArrayBuffer[] } {
	if ('error' in res) return { message: res, transfer: [] };
	const packed = packContours(res.contours);
	const message: GridWireResult = {
		id: res.id,
		grid: res.grid,
		packed,
		paths: res.contours.paths,
		scale: res.scale,
		ms: res.ms
	};
	return { message, transfer: [res.grid.values.buffer as ArrayBuffer, ...packedBuffers(packed)] };
}

export function fromWire(message: GridWireResponse): GridResponse {
	if ('error' in message) return message;
	const { packed, paths, ...rest } = message;
	const contours = unpackContours(packed);
	return { ...rest, contours: paths === undefined ? contours : { ...contours, paths } };
}
