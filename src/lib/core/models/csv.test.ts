import { describe, expect, it } from 'vitest';
import { CsvError, numericColumnNames, numericColumns, parseCsv } from './csv';
import { datasetFromTable } from './table';

describe('parseCsv', () => {
	it('reads quoted fields with commas, doubled quotes and line breaks (RFC 4180)', () => {
		const p = parseCsv('name,"a, b",c\r\n"x ""quoted""","1,5",2\n"multi\nline",3,4\n');
		expect(p.header).toEqual(['name', 'a, b', 'c']);
		expect(p.rows).toEqual([
			['x "quoted"', '1,5', '2'],
			['multi\nline', '3', '4']
		]);
		expect(p.lines).toEqual([2, 3]);
	});

	it('keeps empty fields, skips blank lines and a missing final newline', () => {
		const p = parseCsv('a,b\n1,\n\n,""\n3,4');
		expect(p.rows).toEqual([
			['1', ''],
			['', ''],
			['3', '4']
		]);
		expect(p.lines).toEqual([2, 4, 5]);
	});

	it('strips a byte-order mark', () => {
		expect(parseCsv('\ufeffx,y\n1,2\n').header).toEqual(['x', 'y']);
	});

	it('names the line and column of quoting errors and the line of ragged rows', () => {
		expect(() => parseCsv('a,b\n1,2\n3,x"y\n')).toThrow('line 3, column 4: quote inside an unquoted field');
		expect(() => parseCsv('a,b\n1,"2\n3,4\n')).toThrow('line 2, column 3: quoted field is never closed');
		expect(() => parseCsv('a,b\n"1"x,2\n')).toThrow('line 2, column 4: text after a closing quote');
		expect(() => parseCsv('a,b\n1,2\n3,4,5\n')).toThrow('line 3: 3 fields, the header has 2');
		expect(() => parseCsv('')).toThrow(CsvError);
	});
});

describe('numericColumns', () => {
	const p = parseCsv('x,y,label\n1,2,a\n" 3 ",,b\n5,NA,a\n"multi\nline",1,b\n7,8e-1,a\n');

	it('returns the chosen columns and the line numbers of rows with missing or non-numeric cells', () => {
		const { columns, dropped } = numericColumns(p, ['y', 'x']);
		expect(columns.map((c) => Array.from(c))).toEqual([
			[2, 0.8],
			[1, 7]
		]);
		expect(dropped).toEqual([3, 4, 5]);
	});

	it('names unknown columns', () => {
		expect(() => numericColumns(p, ['z'])).toThrow('no column "z" (columns: "x", "y", "label")');
	});

	it('lists numeric columns (blank cells allowed, words not)', () => {
		expect(numericColumnNames(parseCsv('a,b,c\n1,,x\n2,3,4\n'))).toEqual(['a', 'b']);
	});
});

describe('datasetFromTable', () => {
	it('maps two labels to 0/1 in sorted order, numerically when numeric', () => {
		const t = datasetFromTable(parseCsv('f,c\n1,10\n2,9\n3,10.0\n'), 'c', undefined, true);
		expect(Array.from(t.dataset.y)).toEqual([1, 0, 1]);
		expect(t.classes).toEqual(['9', '10']);
		const s = datasetFromTable(parseCsv('f,c\n1,yes\n2,no\n3,\n'), 'c', ['f'], true);
		expect(Array.from(s.dataset.y)).toEqual([1, 0]);
		expect(s.dropped).toEqual([4]);
	});

	it('rejects a target with other than two values', () => {
		expect(() => datasetFromTable(parseCsv('f,c\n1,a\n2,b\n3,c\n'), 'c', undefined, true)).toThrow(
			'exactly two distinct values for logistic regression, found 3 (a, b, c)'
		);
	});

	it('defaults the features to every other numeric column', () => {
		const t = datasetFromTable(parseCsv('a,name,b,y\n1,p,2,3\n4,q,5,6\n'), 'y', undefined, false);
		expect(t.features).toEqual(['a', 'b']);
		expect(Array.from(t.dataset.x)).toEqual([1, 2, 4, 5]);
	});
});
