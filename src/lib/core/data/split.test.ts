import { describe, expect, it } from 'vitest';
import { trainTestSplit } from './split';
import { DataError, type MaybeNamedDataset } from './types';

/** Rows whose features (i, 10 i) and target 100 i encode the original index. */
function indexed(n: number): MaybeNamedDataset {
	const x = new Float64Array(2 * n);
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		x[2 * i] = i;
		x[2 * i + 1] = 10 * i;
		y[i] = 100 * i;
	}
	return { x, y, n, p: 2, name: 'Indexed', featureNames: ['a', 'b'] };
}

function rowIds(d: MaybeNamedDataset): number[] {
	const ids: number[] = [];
	for (let r = 0; r < d.n; r++) {
		const i = d.x[2 * r];
		expect(d.x[2 * r + 1]).toBe(10 * i);
		expect(d.y[r]).toBe(100 * i);
		ids.push(i);
	}
	return ids;
}

describe('trainTestSplit', () => {
	it('sizes are round(n * testFraction) and the parts are disjoint with union all rows, rows intact', () => {
		for (const [n, f] of [
			[100, 0.2],
			[10, 0.25],
			[7, 0.5],
			[33, 0.3]
		] as const) {
			const { train, test } = trainTestSplit(indexed(n), { testFraction: f, seed: 4 });
			expect(test.n).toBe(Math.round(n * f));
			expect(train.n).toBe(n - test.n);
			expect(train.x.length).toBe(train.n * 2);
			const all = [...rowIds(train), ...rowIds(test)].sort((a, b) => a - b);
			expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
		}
	});

	it('keeps at least one row on each side when n >= 2, and all rows as training when n = 1', () => {
		expect(trainTestSplit(indexed(2), { testFraction: 0.01, seed: 1 }).test.n).toBe(1);
		expect(trainTestSplit(indexed(2), { testFraction: 0.99, seed: 1 }).train.n).toBe(1);
		expect(trainTestSplit(indexed(5), { testFraction: 0.95, seed: 1 }).train.n).toBe(1);
		const one = trainTestSplit(indexed(1), { testFraction: 0.5, seed: 1 });
		expect([one.train.n, one.test.n]).toEqual([1, 0]);
	});

	it('is deterministic per seed, differs across seeds and actually shuffles', () => {
		const d = indexed(50);
		const a = trainTestSplit(d, { testFraction: 0.3, seed: 8 });
		const b = trainTestSplit(d, { testFraction: 0.3, seed: 8 });
		const c = trainTestSplit(d, { testFraction: 0.3, seed: 9 });
		expect(rowIds(a.test)).toEqual(rowIds(b.test));
		expect(rowIds(a.train)).toEqual(rowIds(b.train));
		expect(rowIds(a.test)).not.toEqual(rowIds(c.test));
		expect(rowIds(a.test)).not.toEqual(Array.from({ length: 15 }, (_, i) => i));
	});

	it('keeps metadata, does not alias the input and rejects bad fractions', () => {
		const d = indexed(10);
		const { train } = trainTestSplit(d, { testFraction: 0.2, seed: 2 });
		expect(train.name).toBe('Indexed');
		expect(train.featureNames).toEqual(['a', 'b']);
		train.x[0] = -1;
		expect(rowIds(d)).toEqual(Array.from({ length: 10 }, (_, i) => i));
		for (const f of [0, 1, -0.1, Number.NaN])
			expect(() => trainTestSplit(d, { testFraction: f, seed: 1 })).toThrow(DataError);
	});
});

describe('sampleRows', () => {
	it('keeps small data whole and draws distinct rows of large data, reproducibly', async () => {
		const { sampleRows } = await import('./split');
		const n = 50;
		const d = {
			x: Float64Array.from({ length: 2 * n }, (_, i) => i),
			y: Float64Array.from({ length: n }, (_, i) => i),
			n,
			p: 2
		};
		expect(sampleRows(d, 60, 1)).toBe(d);
		const a = sampleRows(d, 10, 1);
		const b = sampleRows(d, 10, 1);
		expect(a.n).toBe(10);
		expect([...a.y]).toEqual([...b.y]);
		expect(new Set(a.y).size).toBe(10);
		for (let r = 0; r < 10; r++) expect(a.x[2 * r]).toBe(2 * a.y[r]);
		expect([...sampleRows(d, 10, 2).y]).not.toEqual([...a.y]);
	});
});
