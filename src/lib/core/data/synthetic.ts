/**
 * Seeded synthetic datasets for the regression panel: a noisy line, the classic noisy sine used to show
 * over- and underfitting with polynomial degree, a line with outliers (why squared loss is fragile), and
 * two Gaussian blobs for classification. Everything draws from createRng(seed): same seed, same data.
 */
import { createRng, type Rng } from '../random/rng';
import { DataError, type NamedDataset } from './types';

export interface NoisyLineOptions {
	n: number;
	/** Standard deviation of the Gaussian noise added to y. */
	noise: number;
	seed: number;
	slope?: number;
	intercept?: number;
	/** x is drawn uniformly from [lo, hi). */
	xRange?: readonly [number, number];
}

export interface NoisySineOptions {
	n: number;
	noise: number;
	seed: number;
}

export interface LineWithOutliersOptions extends NoisyLineOptions {
	/** Share of rows (rounded) whose y is shifted; in [0, 1]. */
	outlierFraction?: number;
	/** Added to y of each outlier row. */
	outlierShift?: number;
}

export interface TwoBlobsOptions {
	n: number;
	/** Standard deviation of each blob, in both coordinates. */
	noise: number;
	seed: number;
	/** Distance between the blob centres, which sit at (-separation/2, 0) and (+separation/2, 0). */
	separation?: number;
}

/** A line with outliers, plus the sorted row indices that were shifted. */
export type OutlierDataset = NamedDataset & { outlierIndices: readonly number[] };

function checkCommon(n: number, noise: number, minN = 1): void {
	if (!Number.isInteger(n) || n < minN) throw new DataError(`n must be an integer >= ${minN}, got ${n}`);
	if (!Number.isFinite(noise) || noise < 0)
		throw new DataError(`noise must be finite and >= 0, got ${noise}`);
}

function lineRows(rng: Rng, o: NoisyLineOptions): { x: Float64Array; y: Float64Array } {
	const { n, noise, slope = 2, intercept = 1, xRange = [-3, 3] } = o;
	const [lo, hi] = xRange;
	if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi))
		throw new DataError(`xRange must be finite with lo < hi, got [${lo}, ${hi}]`);
	if (!Number.isFinite(slope) || !Number.isFinite(intercept))
		throw new DataError('slope and intercept must be finite');
	const x = new Float64Array(n);
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		x[i] = rng.range(lo, hi);
		y[i] = slope * x[i] + intercept + noise * rng.normal();
	}
	return { x, y };
}

/** y = slope * x + intercept + noise * N(0, 1), x uniform in xRange; one feature. */
export function noisyLine(o: NoisyLineOptions): NamedDataset {
	checkCommon(o.n, o.noise);
	const { x, y } = lineRows(createRng(o.seed), o);
	return { x, y, n: o.n, p: 1, name: 'Noisy line', featureNames: ['x'] };
}

/** y = sin(2 pi x) + noise * N(0, 1), x uniform in [0, 1); one feature. */
export function noisySine(o: NoisySineOptions): NamedDataset {
	const { n, noise, seed } = o;
	checkCommon(n, noise);
	const rng = createRng(seed);
	const x = new Float64Array(n);
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		x[i] = rng.uniform();
		y[i] = Math.sin(2 * Math.PI * x[i]) + noise * rng.normal();
	}
	return { x, y, n, p: 1, name: 'Noisy sine', featureNames: ['x'] };
}

/** A noisy line in which round(n * outlierFraction) distinct rows have outlierShift added to y. */
export function lineWithOutliers(o: LineWithOutliersOptions): OutlierDataset {
	const { n, noise, outlierFraction = 0.1, outlierShift = 8 } = o;
	checkCommon(n, noise);
	if (!Number.isFinite(outlierFraction) || outlierFraction < 0 || outlierFraction > 1)
		throw new DataError(`outlierFraction must be in [0, 1], got ${outlierFraction}`);
	if (!Number.isFinite(outlierShift)) throw new DataError('outlierShift must be finite');
	const rng = createRng(o.seed);
	const { x, y } = lineRows(rng, o);
	const k = Math.round(n * outlierFraction);
	// Partial Fisher-Yates: the first k entries of a seeded permutation are the outliers.
	const idx = Array.from({ length: n }, (_, i) => i);
	for (let i = 0; i < k; i++) {
		const j = i + rng.int(n - i);
		const t = idx[i];
		idx[i] = idx[j];
		idx[j] = t;
	}
	const outlierIndices = idx.slice(0, k).sort((a, b) => a - b);
	for (const i of outlierIndices) y[i] += outlierShift;
	return { x, y, n, p: 1, name: 'Line with outliers', featureNames: ['x'], outlierIndices };
}

/** Two Gaussian blobs, labels alternating 0, 1, 0, ... (balanced; class 0 gets the extra row if n is odd). */
export function twoBlobs(o: TwoBlobsOptions): NamedDataset {
	const { n, noise, seed, separation = 2 } = o;
	checkCommon(n, noise, 2);
	if (!Number.isFinite(separation) || separation < 0)
		throw new DataError(`separation must be finite and >= 0, got ${separation}`);
	const rng = createRng(seed);
	const x = new Float64Array(2 * n);
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const label = i % 2;
		y[i] = label;
		x[2 * i] = (label === 1 ? 1 : -1) * (separation / 2) + noise * rng.normal();
		x[2 * i + 1] = noise * rng.normal();
	}
	return { x, y, n, p: 2, name: 'Two blobs', featureNames: ['x1', 'x2'] };
}
