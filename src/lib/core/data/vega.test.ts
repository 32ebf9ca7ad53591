/** The vega-datasets catalogue and record conversion, checked against the raw JSON files in node_modules. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_CATEGORIES } from './table';
import { findRealDataset, realDatasets, tableFromRecords } from './vega';

const dataDir = 'node_modules/vega-datasets/data/';
type Rec = Record<string, unknown>;
const readJson = (file: string): Rec[] => JSON.parse(readFileSync(dataDir + file, 'utf8')) as Rec[];

describe('tableFromRecords on the real files', () => {
	it.each(['cars.json', 'penguins.json'])(
		'%s: one row per record, cells classified as the raw JSON says',
		(file) => {
			const raw = readJson(file);
			const t = tableFromRecords(raw, file);
			expect(t.rows).toBe(raw.length);
			expect(t.lineLabel).toBe('record');
			expect(Array.from(t.lines)).toEqual(raw.map((_, i) => i + 1));
			expect(t.columns.map((c) => c.name)).toEqual(Object.keys(raw[0]));
			for (const col of t.columns) {
				const cells = raw.map((r) => r[col.name]);
				const isMissing = (v: unknown) => v === null || v === undefined || v === '' || v === '.';
				const missing = cells.filter(isMissing).length;
				const words = cells.filter((v) => typeof v === 'string' && !isMissing(v));
				expect(col.missing, col.name).toBe(missing);
				expect(col.nonNumeric, col.name).toBe(words.length);
				const distinct = new Set(words);
				expect(col.kind, col.name).toBe(
					words.length === 0 ? 'numeric' : distinct.size <= MAX_CATEGORIES ? 'categorical' : 'text'
				);
				for (let r = 0; r < raw.length; r++) {
					const v = cells[r];
					expect(Object.is(col.values[r], typeof v === 'number' ? v : NaN), `${col.name} ${r}`).toBe(true);
				}
				if (col.kind === 'categorical') {
					expect(new Set(col.categories)).toEqual(distinct);
					for (let r = 0; r < raw.length; r++)
						expect(col.codes![r]).toBe(
							isMissing(cells[r]) ? -1 : col.categories!.indexOf(cells[r] as string)
						);
				}
			}
		}
	);

	it('finds the known gaps: 6 cars without horsepower, a "." for a penguin sex', () => {
		const cars = tableFromRecords(readJson('cars.json'), 'cars');
		expect(cars.columns.find((c) => c.name === 'Horsepower')!.missing).toBe(6);
		const sex = tableFromRecords(readJson('penguins.json'), 'penguins').columns.find(
			(c) => c.name === 'Sex'
		)!;
		expect(sex.categories!.slice().sort()).toEqual(['FEMALE', 'MALE']);
		expect(sex.problems.some((p) => p.text === '.')).toBe(true);
		expect(sex.problems.some((p) => p.text === 'null')).toBe(true);
	});
});

describe('tableFromRecords rules', () => {
	it('unions keys in order of appearance; absent keys, null, NaN and missing tokens are missing', () => {
		const t = tableFromRecords(
			[
				{ a: 1, b: 'x' },
				{ b: null, c: '2.5' },
				{ a: NaN, b: true, c: ' NA ' },
				{ a: '7', b: { k: 1 }, c: 3 }
			],
			'mixed'
		);
		expect(t.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
		const [a, b, c] = t.columns;
		expect(Array.from(a.values)).toEqual([1, NaN, NaN, 7]);
		expect(a.missing).toBe(2);
		expect(a.problems).toEqual([
			{ line: 2, text: '', kind: 'missing' },
			{ line: 3, text: 'NaN', kind: 'missing' }
		]);
		expect(b.categories).toEqual(['x', 'true', '{"k":1}']);
		expect(Array.from(b.codes!)).toEqual([0, -1, 1, 2]);
		expect(Array.from(c.values)).toEqual([NaN, 2.5, NaN, 3]);
		expect(c.missing).toBe(2);
	});

	it('refuses what is not an array of objects', () => {
		expect(() => tableFromRecords({ a: 1 }, 'x')).toThrow('x: expected a JSON array of records');
		expect(() => tableFromRecords([], 'x')).toThrow('no records');
		expect(() => tableFromRecords([{ a: 1 }, [1]], 'x')).toThrow('x: record 2 is not an object');
	});
});

describe('realDatasets', () => {
	it.each(realDatasets.map((d) => [d.id, d] as const))(
		'%s: file, size and defaults fit the data',
		(id, d) => {
			expect(findRealDataset(id)).toBe(d);
			expect(existsSync(dataDir + d.file)).toBe(true);
			const t = tableFromRecords(readJson(d.file), d.title);
			expect(t.rows).toBe(d.records);
			for (const f of d.defaultFeatures) expect(t.columns.find((c) => c.name === f)?.kind, f).toBe('numeric');
			const target = t.columns.find((c) => c.name === d.defaultTarget)!;
			expect(target.kind).toBe(d.task === 'regression' ? 'numeric' : 'categorical');
			if (d.defaultPositive !== undefined) expect(target.categories).toContain(d.defaultPositive);
			expect(d.source.length).toBeGreaterThan(10);
			expect(d.sourceUrl).toMatch(/^https?:\/\//);
		}
	);

	it('has unique ids', () => {
		expect(new Set(realDatasets.map((d) => d.id)).size).toBe(realDatasets.length);
		expect(findRealDataset('nope')).toBeUndefined();
	});
});
