/**
 * Seeded datasets for the neural-network panel, after TensorFlow Playground's generators (Smilkov,
 * Carter et al., 2016, playground.tensorflow.org). Classification sets have two features (x1, x2) in about
 * [-5, 5]^2 and labels 1 / 0 (Playground's +1 / -1); except in xor (labels as drawn), class 1 takes
 * ceil(n/2) rows, class 0 the rest, and rows come class 1 first. `noise` is Playground's slider / 100 (0 to 0.5 is its range). U(a, b) uniform,
 * N(m, s^2) normal, all from createRng(seed), drawn in the order written:
 *   spiral    per class, m rows, i = 0..m-1: r = 5 i/m, t = 1.75 * 2 pi i/m + delta (class 1: delta = 0,
 *             class 0: delta = pi); point (r sin t + noise U(-1, 1), r cos t + noise U(-1, 1))
 *   circles   R = 5; class-1 draws r ~ U(0, R/2), class-0 draws r ~ U(0.7 R, R); a ~ U(0, 2 pi); point
 *             (r sin a, r cos a); label = [|point + noise (U(-R, R), U(-R, R))| < R/2] (noise flips labels
 *             near the gap, the points stay where they are)
 *   xor       per row x1, x2 ~ U(-5, 5), each pushed 0.3 away from 0 (v + 0.3 sign v, sign 0 = -1);
 *             label = [(x1 + noise U(-5, 5)) (x2 + noise U(-5, 5)) >= 0]
 *   gaussian  class 1 around (2, 2), class 0 around (-2, -2), each coordinate N(centre, s^2) with
 *             s^2 = 0.5 + 7 noise (Playground's map of noise 0..0.5 to variance 0.5..4)
 * Three classes (labels 0, 1, 2; rows grouped by class, the first n mod 3 classes get one row more):
 *   spiral3   per class c, m rows, i = 0..m-1: r = 5 i/m, t = 2 pi i/m + 2 pi c/3 (three arms of one turn
 *             each, a third of a turn apart, as in the three-class spiral of Stanford's CS231n notes);
 *             point (r sin t + noise U(-1, 1), r cos t + noise U(-1, 1))
 * Regression curves, one feature x ~ U(-5, 5), target y = f(x) + noise N(0, 1):
 *   sine      f(x) = sin x
 *   cubic     f(x) = x^3 / 25 - x
 */
import { createRng, type Rng } from '../random/rng';
import { DataError, type NamedDataset } from './types';

export interface PlaygroundSetOptions {
	/** Number of rows: >= 2 for the classification sets, >= 1 for the curves. */
	n: number;
	/** >= 0; see the header for what it scales in each set. */
	noise: number;
	seed: number;
}

export type PlaygroundSetId = 'spiral' | 'circles' | 'xor' | 'gaussian' | 'spiral3' | 'sine' | 'cubic';

export interface PlaygroundSetInfo {
	readonly id: PlaygroundSetId;
	readonly label: string;
	/** binary: labels 0 / 1; multiclass: labels 0..classes-1; regression: real targets. */
	readonly task: 'binary' | 'multiclass' | 'regression';
	/** Number of classes (classification sets). */
	readonly classes?: number;
	readonly make: (o: PlaygroundSetOptions) => NamedDataset;
}

const TWO_PI = 2 * Math.PI;

function check(o: PlaygroundSetOptions, minN: number): void {
	if (!Number.isInteger(o.n) || o.n < minN)
		throw new DataError(`n must be an integer >= ${minN}, got ${o.n}`);
	if (!Number.isFinite(o.noise) || o.noise < 0)
		throw new DataError(`noise must be finite and >= 0, got ${o.noise}`);
	if (!Number.isFinite(o.seed)) throw new DataError(`seed must be finite, got ${o.seed}`);
}

/**
 * Builds a two-feature set class by class, in the order of `labels`: with k labels, each class gets floor(n / k)
 * rows and the first n mod k classes one more. `point(rng, label, i, m, out)` writes row i of the m rows of its
 * class: the two features, then the row's label (usually `label`).
 */
function classSet(
	name: string,
	o: PlaygroundSetOptions,
	labels: readonly number[],
	point: (rng: Rng, label: number, i: number, m: number, out: [number, number, number]) => void
): NamedDataset {
	const k = labels.length;
	check(o, k);
	const { n } = o;
	const rng = createRng(o.seed);
	const x = new Float64Array(2 * n);
	const y = new Float64Array(n);
	const row: [number, number, number] = [0, 0, 0];
	let r = 0;
	labels.forEach((label, c) => {
		const m = Math.floor(n / k) + (c < n % k ? 1 : 0);
		for (let i = 0; i < m; i++, r++) {
			point(rng, label, i, m, row);
			x[2 * r] = row[0];
			x[2 * r + 1] = row[1];
			y[r] = row[2];
		}
	});
	return { x, y, n, p: 2, name, featureNames: ['x1', 'x2'] };
}

/** Two interleaved spirals, 1.75 turns each. */
export function spiralSet(o: PlaygroundSetOptions): NamedDataset {
	const { noise } = o;
	return classSet('Spiral', o, [1, 0], (rng, label, i, m, out) => {
		const r = (5 * i) / m;
		const t = (1.75 * TWO_PI * i) / m + (label === 1 ? 0 : Math.PI);
		out[0] = r * Math.sin(t) + noise * rng.range(-1, 1);
		out[1] = r * Math.cos(t) + noise * rng.range(-1, 1);
		out[2] = label;
	});
}

/** A disk of class 1 inside a ring of class 0. */
export function circlesSet(o: PlaygroundSetOptions): NamedDataset {
	const R = 5;
	const { noise } = o;
	return classSet('Circles', o, [1, 0], (rng, label, _i, _m, out) => {
		const r = label === 1 ? rng.range(0, R / 2) : rng.range(0.7 * R, R);
		const a = rng.range(0, TWO_PI);
		const px = r * Math.sin(a);
		const py = r * Math.cos(a);
		const nx = px + noise * rng.range(-R, R);
		const ny = py + noise * rng.range(-R, R);
		out[0] = px;
		out[1] = py;
		out[2] = Math.hypot(nx, ny) < R / 2 ? 1 : 0;
	});
}

/** Quadrants: class 1 where x1 and x2 have the same sign. Rows are not grouped by class here. */
export function xorSet(o: PlaygroundSetOptions): NamedDataset {
	check(o, 2);
	const { n, noise } = o;
	const rng = createRng(o.seed);
	const x = new Float64Array(2 * n);
	const y = new Float64Array(n);
	const pad = 0.3;
	for (let i = 0; i < n; i++) {
		let a = rng.range(-5, 5);
		a += a > 0 ? pad : -pad;
		let b = rng.range(-5, 5);
		b += b > 0 ? pad : -pad;
		const na = a + noise * rng.range(-5, 5);
		const nb = b + noise * rng.range(-5, 5);
		x[2 * i] = a;
		x[2 * i + 1] = b;
		y[i] = na * nb >= 0 ? 1 : 0;
	}
	return { x, y, n, p: 2, name: 'XOR', featureNames: ['x1', 'x2'] };
}

/** Two Gaussian clusters on the diagonal. */
export function gaussianSet(o: PlaygroundSetOptions): NamedDataset {
	const s = Math.sqrt(0.5 + 7 * o.noise);
	return classSet('Gaussian', o, [1, 0], (rng, label, _i, _m, out) => {
		const c = label === 1 ? 2 : -2;
		out[0] = c + s * rng.normal();
		out[1] = c + s * rng.normal();
		out[2] = label;
	});
}

/** Three interleaved spiral arms, one class each. */
export function spiral3Set(o: PlaygroundSetOptions): NamedDataset {
	const { noise } = o;
	return classSet('Three spirals', o, [0, 1, 2], (rng, c, i, m, out) => {
		const r = (5 * i) / m;
		const t = (TWO_PI * i) / m + (TWO_PI * c) / 3;
		out[0] = r * Math.sin(t) + noise * rng.range(-1, 1);
		out[1] = r * Math.cos(t) + noise * rng.range(-1, 1);
		out[2] = c;
	});
}

function curve(name: string, f: (x: number) => number, o: PlaygroundSetOptions): NamedDataset {
	check(o, 1);
	const { n, noise } = o;
	const rng = createRng(o.seed);
	const x = new Float64Array(n);
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		x[i] = rng.range(-5, 5);
		y[i] = f(x[i]) + noise * rng.normal();
	}
	return { x, y, n, p: 1, name, featureNames: ['x'] };
}

export function sineCurve(o: PlaygroundSetOptions): NamedDataset {
	return curve('Sine', Math.sin, o);
}

export function cubicCurve(o: PlaygroundSetOptions): NamedDataset {
	return curve('Cubic', (x) => (x * x * x) / 25 - x, o);
}

export const playgroundSets: readonly PlaygroundSetInfo[] = [
	{ id: 'spiral', label: 'Spiral', task: 'binary', classes: 2, make: spiralSet },
	{ id: 'circles', label: 'Circles', task: 'binary', classes: 2, make: circlesSet },
	{ id: 'xor', label: 'XOR', task: 'binary', classes: 2, make: xorSet },
	{ id: 'gaussian', label: 'Gaussian', task: 'binary', classes: 2, make: gaussianSet },
	{ id: 'spiral3', label: 'Three spirals', task: 'multiclass', classes: 3, make: spiral3Set },
	{ id: 'sine', label: 'Sine', task: 'regression', make: sineCurve },
	{ id: 'cubic', label: 'Cubic', task: 'regression', make: cubicCurve }
];

export const playgroundSetIds: readonly PlaygroundSetId[] = playgroundSets.map((s) => s.id);

export function getPlaygroundSet(id: string): PlaygroundSetInfo | undefined {
	return playgroundSets.find((s) => s.id === id);
}
