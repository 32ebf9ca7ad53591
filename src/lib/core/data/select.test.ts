/**
 * Column selection on the real cars and penguins files (expected drops counted here from the raw JSON) and on
 * small CSV tables: dropped rows and their reasons, class mapping, and every refusal.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accuracy, fitLogistic } from '../models/logistic';
import { readCsv } from './csv-reader';
import { defaultFeatures, isUsableAsNumbers, selectDataset } from './select';
import { DataError } from './types';
import { findRealDataset, tableFromRecords } from './vega';

type Rec = Record<string, unknown>;
const readJson = (file: string): Rec[] =>
	JSON.parse(readFileSync(`node_modules/vega-datasets/data/${file}`, 'utf8')) as Rec[];
const carsRaw = readJson('cars.json');
const penguinsRaw = readJson('penguins.json');
const cars = tableFromRecords(carsRaw, 'Cars');
const penguins = tableFromRecords(penguinsRaw, 'Palmer penguins');

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

describe('selectDataset on cars (regression)', () => {
	const s = selectDataset(cars, { features: ['Horsepower'], target: 'Miles_per_Gallon', task: 'regression' });
	const keptRaw = carsRaw.filter((r) => isNum(r.Horsepower) && isNum(r.Miles_per_Gallon));
	const droppedIdx = carsRaw.flatMap((r, i) =>
		isNum(r.Horsepower) && isNum(r.Miles_per_Gallon) ? [] : [i + 1]
	);

	it('keeps the complete records, in order', () => {
		expect(s.dataset.n).toBe(keptRaw.length);
		expect(s.dataset.p).toBe(1);
		expect(Array.from(s.dataset.x)).toEqual(keptRaw.map((r) => r.Horsepower));
		expect(Array.from(s.dataset.y)).toEqual(keptRaw.map((r) => r.Miles_per_Gallon));
		expect(s.dataset.name).toBe('Cars');
		expect(s.dataset.featureNames).toEqual(['Horsepower']);
		expect(s.classes).toBeUndefined();
	});

	it('counts the dropped records and says why, naming the record', () => {
		expect(s.dropped).toBe(droppedIdx.length);
		expect(s.dropped).toBe(carsRaw.length - keptRaw.length);
		expect(s.droppedLines).toEqual(droppedIdx.slice(0, 20));
		const why = droppedIdx.slice(0, 20).map((i) => {
			const r = carsRaw[i - 1];
			const parts = [];
			if (!isNum(r.Horsepower)) parts.push('Horsepower is missing');
			if (!isNum(r.Miles_per_Gallon)) parts.push('Miles_per_Gallon is missing');
			return `record ${i}: ${parts.join(', ')}`;
		});
		expect(s.reasons).toEqual(why);
	});

	it('takes several features in the order given', () => {
		const t = selectDataset(cars, {
			features: ['Weight_in_lbs', 'Horsepower'],
			target: 'Acceleration',
			task: 'regression'
		});
		const kept = carsRaw.filter((r) => isNum(r.Horsepower));
		expect(t.dataset.n).toBe(kept.length);
		expect(Array.from(t.dataset.x.subarray(0, 4))).toEqual([
			kept[0].Weight_in_lbs,
			kept[0].Horsepower,
			kept[1].Weight_in_lbs,
			kept[1].Horsepower
		]);
	});
});

describe('selectDataset on penguins (classification)', () => {
	const info = findRealDataset('penguins')!;
	const [f1, f2] = info.defaultFeatures;

	it('maps the positive species to 1 and every other to 0, dropping incomplete records', () => {
		const s = selectDataset(penguins, {
			features: info.defaultFeatures,
			target: 'Species',
			task: 'classification',
			positive: 'Adelie'
		});
		const kept = penguinsRaw.filter((r) => isNum(r[f1]) && isNum(r[f2]));
		expect(s.dataset.n).toBe(kept.length);
		expect(s.dropped).toBe(penguinsRaw.length - kept.length);
		expect(Array.from(s.dataset.y)).toEqual(kept.map((r) => (r.Species === 'Adelie' ? 1 : 0)));
		expect(s.classes).toEqual(['not Adelie', 'Adelie']);
		const droppedIdx = penguinsRaw.flatMap((r, i) => (isNum(r[f1]) && isNum(r[f2]) ? [] : [i + 1]));
		expect(s.reasons).toEqual(droppedIdx.map((i) => `record ${i}: ${f1} is missing, ${f2} is missing`));
		// The defaults separate the classes well (a sanity check on the catalogue's choice).
		const fit = fitLogistic(s.dataset, 1);
		expect(accuracy(s.dataset, fit.coef, fit.intercept)).toBeGreaterThan(0.9);
	});

	it('takes a two-valued label target without a positive class, dropping "." and null', () => {
		const s = selectDataset(penguins, { features: [f1], target: 'Sex', task: 'classification' });
		const kept = penguinsRaw.filter((r) => isNum(r[f1]) && (r.Sex === 'MALE' || r.Sex === 'FEMALE'));
		expect(s.dataset.n).toBe(kept.length);
		expect(s.dropped).toBe(penguinsRaw.length - kept.length);
		expect(s.classes).toEqual(['FEMALE', 'MALE']);
		expect(Array.from(s.dataset.y)).toEqual(kept.map((r) => (r.Sex === 'MALE' ? 1 : 0)));
		const dot = penguinsRaw.findIndex((r) => r.Sex === '.') + 1;
		expect(s.reasons).toContain(`record ${dot}: Sex is missing`);
	});

	it('asks for the positive class when there are three species', () => {
		expect(() =>
			selectDataset(penguins, { features: [f1], target: 'Species', task: 'classification' })
		).toThrow(
			'the target "Species" must have exactly two distinct values for classification, found 3 (Adelie, Chinstrap, Gentoo): choose the positive class'
		);
	});

	it('refuses a positive class that is not there, or not in the rows left, or alone', () => {
		expect(() =>
			selectDataset(penguins, {
				features: [f1],
				target: 'Species',
				task: 'classification',
				positive: 'Emperor'
			})
		).toThrow(
			`the positive class "Emperor" is not a value of "Species" (values: ${[...new Set(penguinsRaw.map((r) => r.Species))].join(', ')})`
		);
		const adelie = tableFromRecords(
			penguinsRaw.filter((r) => r.Species === 'Adelie'),
			'adelie'
		);
		expect(() =>
			selectDataset(adelie, { features: [f1], target: 'Species', task: 'classification', positive: 'Adelie' })
		).toThrow('the target "Species" has only one class (Adelie) in the rows left');
		expect(() =>
			selectDataset(adelie, { features: [f1], target: 'Species', task: 'classification' })
		).toThrow('has only one class (Adelie)');
		const t = readCsv('x,c\n1,a\n2,b\n,c\n3,b\n');
		expect(() =>
			selectDataset(t, { features: ['x'], target: 'c', task: 'classification', positive: 'c' })
		).toThrow('the positive class "c" does not occur in the rows left');
	});
});

describe('selectDataset on CSV tables', () => {
	it('drops non-numbers in a mostly numeric column, quoting the cell and its line', () => {
		const t = readCsv('w,y\n1,2\n2,4\nabc,6\n4,\n5,10\n6,12\n');
		expect(t.columns[0].kind).toBe('categorical'); // not every cell is a number ...
		expect(isUsableAsNumbers(t.columns[0])).toBe(true); // ... but most are
		const s = selectDataset(t, { features: ['w'], target: 'y', task: 'regression' });
		expect(Array.from(s.dataset.x)).toEqual([1, 2, 5, 6]);
		expect(s.droppedLines).toEqual([4, 5]);
		expect(s.reasons).toEqual(['line 4: w "abc" is not a number', 'line 5: y is missing']);
	});

	it('quotes non-numbers of a text column too', () => {
		const rows = Array.from({ length: 80 }, (_, i) => `${i},${i % 10 === 3 ? `x${i}` : i * 2}`);
		const t = readCsv(`a,b\n${rows.join('\n')}\n`);
		expect(t.columns[1].kind).toBe('text');
		const s = selectDataset(t, { features: ['b'], target: 'a', task: 'regression' });
		expect(s.dropped).toBe(8);
		expect(s.reasons[0]).toBe('line 5: b "x3" is not a number');
	});

	it('maps a numeric 0/1 (or any two-valued) target without a positive class, larger value = 1', () => {
		const s = selectDataset(readCsv('f,c\n1,10\n2,9\n3,10.0\n'), {
			features: ['f'],
			target: 'c',
			task: 'classification'
		});
		expect(Array.from(s.dataset.y)).toEqual([1, 0, 1]);
		expect(s.classes).toEqual(['9', '10']);
		const p = selectDataset(readCsv('f,c\n1,0\n2,1\n3,2\n'), {
			features: ['f'],
			target: 'c',
			task: 'classification',
			positive: '2.0'
		});
		expect(Array.from(p.dataset.y)).toEqual([0, 0, 1]);
		expect(p.classes).toEqual(['not 2', '2']);
	});

	it('refuses a numeric target with many values for classification', () => {
		const rows = Array.from({ length: 30 }, (_, i) => `${i},${i * 1.5}`).join('\n');
		expect(() =>
			selectDataset(readCsv(`f,y\n${rows}\n`), { features: ['f'], target: 'y', task: 'classification' })
		).toThrow('the target "y" must have exactly two distinct values for classification, found 30');
	});

	it('offers the numeric columns other than the target as default features', () => {
		const t = readCsv('a,name,b,y\n1,p,2,3\n4,q,5,6\n');
		expect(defaultFeatures(t, 'y')).toEqual(['a', 'b']);
	});

	it('explains every refusal', () => {
		const t = readCsv('x,y,kind,empty\n1,2,a,\n2,4,b,\n3,5,a,\n');
		const bad = (o: Parameters<typeof selectDataset>[1]) => () => selectDataset(t, o);
		const reg = { task: 'regression' as const };
		expect(bad({ ...reg, features: [], target: 'y' })).toThrow('choose at least one feature');
		expect(bad({ ...reg, features: ['x', 'x'], target: 'y' })).toThrow(
			'the feature "x" is listed more than once'
		);
		expect(bad({ ...reg, features: ['zz'], target: 'y' })).toThrow(
			'no column "zz" (columns: "x", "y", "kind", "empty")'
		);
		expect(bad({ ...reg, features: ['x'], target: 'zz' })).toThrow('no column "zz"');
		expect(bad({ ...reg, features: ['x', 'y'], target: 'y' })).toThrow(
			'the target "y" cannot also be a feature'
		);
		expect(bad({ ...reg, features: ['kind'], target: 'y' })).toThrow(
			'the feature "kind" is categorical (a, b), not numeric'
		);
		expect(bad({ ...reg, features: ['x'], target: 'kind' })).toThrow(
			'the target "kind" is categorical (a, b), not numeric: choose classification, or a numeric target'
		);
		expect(bad({ ...reg, features: ['empty'], target: 'y' })).toThrow(
			'the feature "empty" has no values (every cell is missing)'
		);
		const names = tableFromRecords(carsRaw, 'cars');
		expect(() =>
			selectDataset(names, { features: ['Name'], target: 'Horsepower', task: 'regression' })
		).toThrow('the feature "Name" holds text, not numbers (record 1: "chevrolet chevelle malibu")');
		expect(() =>
			selectDataset(names, {
				features: ['Horsepower'],
				target: 'Name',
				task: 'classification',
				positive: 'x'
			})
		).toThrow('the target "Name" has too many distinct values');
		const gaps = readCsv('x,y\n1,\n,2\n');
		expect(() => selectDataset(gaps, { ...reg, features: ['x'], target: 'y' })).toThrow(
			'no rows left: every one of the 2 rows has a missing or non-numeric value in a chosen column (line 2: y is missing)'
		);
		try {
			bad({ ...reg, features: [], target: 'y' })();
		} catch (e) {
			expect(e).toBeInstanceOf(DataError);
		}
	});
});

describe('selectDataset multiclass', () => {
	it('penguins: three species as classes 0, 1, 2 in label order, counts as in the records', () => {
		const s = selectDataset(penguins, {
			features: ['Beak Length (mm)', 'Flipper Length (mm)'],
			target: 'Species',
			task: 'multiclass'
		});
		expect(s.labels).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
		// Independent count from the raw records, keeping those with both measurements.
		const kept = penguinsRaw.filter((r) => isNum(r['Beak Length (mm)']) && isNum(r['Flipper Length (mm)']));
		expect(s.dataset.n).toBe(kept.length);
		for (const [c, name] of (s.labels ?? []).entries()) {
			const want = kept.filter((r) => r.Species === name).length;
			expect(Array.from(s.dataset.y).filter((v) => v === c).length).toBe(want);
		}
		kept.forEach((r, i) => expect(s.labels![s.dataset.y[i]]).toBe(r.Species));
	});

	it('numeric labels sort numerically; one class or too many classes are refused', () => {
		const s = selectDataset(readCsv('f,c\n1,10\n2,9\n3,2\n4,10\n'), {
			features: ['f'],
			target: 'c',
			task: 'multiclass'
		});
		expect(s.labels).toEqual(['2', '9', '10']);
		expect(Array.from(s.dataset.y)).toEqual([2, 1, 0, 2]);
		expect(() =>
			selectDataset(readCsv('f,c\n1,a\n2,a\n'), { features: ['f'], target: 'c', task: 'multiclass' })
		).toThrow('only one class (a)');
		const many = Array.from({ length: 12 }, (_, i) => `${i},${i}`).join('\n');
		expect(() =>
			selectDataset(readCsv(`f,c\n${many}\n`), { features: ['f'], target: 'c', task: 'multiclass' })
		).toThrow('more than 10 distinct values');
	});
});
