/**
 * The regression panel's data choices as plain data: the seeded synthetic generators with their controls and
 * limits, and how a choice becomes a dataset. No runes, so it is unit-tested directly.
 */
import { lineWithOutliers, noisyLine, noisySine, twoBlobs } from '../core/data/synthetic';
import type { NamedDataset } from '../core/data/types';
import type { ModelId } from '../core/models';

export type SyntheticId = 'line' | 'sine' | 'outliers' | 'blobs';
export type Task = 'regression' | 'classification';

export interface SyntheticParams {
	n: number;
	noise: number;
	seed: number;
}

export interface SyntheticInfo {
	id: SyntheticId;
	title: string;
	description: string;
	task: Task;
	defaults: SyntheticParams;
	/** A degree that shows this data at its best (the sine needs a curve). */
	degree: number;
	model: ModelId;
}

export const SYNTHETIC: readonly SyntheticInfo[] = [
	{
		id: 'line',
		title: 'Noisy line',
		description: 'y = 2x + 1 + noise, x uniform in [−3, 3].',
		task: 'regression',
		defaults: { n: 50, noise: 1, seed: 1 },
		degree: 1,
		model: 'linear'
	},
	{
		id: 'sine',
		title: 'Noisy sine',
		description: 'y = sin(2πx) + noise, x uniform in [0, 1]: raise the degree to see under- and overfitting.',
		task: 'regression',
		defaults: { n: 30, noise: 0.25, seed: 1 },
		degree: 3,
		model: 'linear'
	},
	{
		id: 'outliers',
		title: 'Line with outliers',
		description: 'A noisy line with 10% of the points shifted up by 8: squared loss chases them.',
		task: 'regression',
		defaults: { n: 50, noise: 0.5, seed: 1 },
		degree: 1,
		model: 'linear'
	},
	{
		id: 'blobs',
		title: 'Two blobs',
		description: 'Two Gaussian clusters centred at (±1, 0): a classification problem.',
		task: 'classification',
		defaults: { n: 100, noise: 0.8, seed: 1 },
		degree: 1,
		model: 'logistic'
	}
];

export const SYNTHETIC_LIMITS = {
	n: { min: 4, max: 5000 },
	noise: { min: 0, max: 5 },
	seed: { min: 0, max: 2 ** 31 - 1 }
} as const;

export function syntheticInfo(id: SyntheticId): SyntheticInfo {
	return SYNTHETIC.find((s) => s.id === id) ?? SYNTHETIC[0];
}

/** The generator's dataset; parameters are assumed within SYNTHETIC_LIMITS (the controls enforce them). */
export function generateSynthetic(id: SyntheticId, p: SyntheticParams): NamedDataset {
	switch (id) {
		case 'line':
			return { ...noisyLine(p), featureNames: ['x'] };
		case 'sine':
			return noisySine(p);
		case 'outliers':
			return lineWithOutliers(p);
		case 'blobs':
			return twoBlobs(p);
	}
}

/** Checks one synthetic parameter typed by the user: null when fine, else why not. */
export function checkSyntheticParam(key: keyof SyntheticParams, value: number): string | null {
	const lim = SYNTHETIC_LIMITS[key];
	if (!Number.isFinite(value)) return 'enter a number';
	if (key !== 'noise' && !Number.isInteger(value)) return 'enter a whole number';
	if (value < lim.min || value > lim.max) return `between ${lim.min} and ${lim.max}`;
	return null;
}
