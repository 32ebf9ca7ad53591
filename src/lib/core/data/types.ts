/**
 * Shared shapes for the data module: a regression/classification Dataset (from models/matrix) with the
 * display metadata the panels show, and the error raised for bad generator or transform arguments.
 */
import type { Dataset } from '../models/matrix';

/** What the UI shows about a dataset: a title and one label per feature column. */
export interface DatasetInfo {
	name: string;
	featureNames: readonly string[];
}

/** A Dataset with its title and feature labels. */
export type NamedDataset = Dataset & DatasetInfo;

/** A Dataset that may carry its metadata; transforms keep whatever is there. */
export type MaybeNamedDataset = Dataset & Partial<DatasetInfo>;

/** Raised for invalid arguments to a generator or transform; the message says which and why. */
export class DataError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DataError';
	}
}

/** Copies name and feature names (when present) from one dataset onto another built from it. */
export function keepInfo(from: MaybeNamedDataset, to: Dataset): MaybeNamedDataset {
	const out: MaybeNamedDataset = { ...to };
	if (from.name !== undefined) out.name = from.name;
	if (from.featureNames !== undefined) out.featureNames = from.featureNames;
	return out;
}
