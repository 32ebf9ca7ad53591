/** The shared table shape: missing-cell rule, header renaming, column kinds, categories and transfer. */
import { describe, expect, it } from 'vitest';
import {
	isMissingText,
	MAX_CATEGORIES,
	MAX_PROBLEMS,
	TableBuilder,
	tableTransferables,
	truncateText,
	uniqueNames
} from './table';

describe('isMissingText', () => {
	it('accepts the documented tokens, trimmed and in any case, and nothing else', () => {
		for (const t of ['', '  ', 'NA', 'na', ' N/A ', 'NaN', 'nan', 'NULL', 'null', '.', '?', '\t?'])
			expect(isMissingText(t), t).toBe(true);
		for (const t of ['0', 'none', 'N', 'NAN1', '..', '-', 'nil', 'n.a.'])
			expect(isMissingText(t), t).toBe(false);
	});
});

describe('truncateText', () => {
	it('keeps short text and cuts long text to 40 characters with an ellipsis', () => {
		expect(truncateText('abc')).toBe('abc');
		const long = 'x'.repeat(100);
		expect(truncateText(long)).toHaveLength(40);
		expect(truncateText(long).endsWith('\u2026')).toBe(true);
	});
});

describe('uniqueNames', () => {
	it('trims names, names empty ones by position and numbers repeats, noting each change', () => {
		const { names, notes } = uniqueNames([' a ', '', 'a', 'b', 'a', 'a (2)'], 3);
		expect(names).toEqual(['a', 'column 2', 'a (3)', 'b', 'a (4)', 'a (2)']);
		expect(new Set(names).size).toBe(names.length);
		expect(notes).toEqual([
			'line 3: column 2 has no name; it is called "column 2"',
			'line 3: column 3 repeats the name "a"; it is called "a (3)"',
			'line 3: column 5 repeats the name "a"; it is called "a (4)"'
		]);
	});

	it('changes nothing in a clean header', () => {
		expect(uniqueNames(['x', 'y'], 1)).toEqual({ names: ['x', 'y'], notes: [] });
	});
});

/** Builds a one-column table from cells: numbers, null for missing, strings for text. */
function oneColumn(cells: (number | null | string)[]) {
	const b = new TableBuilder('t', ['c'], 'line', [], 2);
	cells.forEach((cell, r) => {
		const col = b.columns[0];
		if (typeof cell === 'number') col.setNumber(b.rows, cell);
		else if (cell === null) col.setMissing(b.rows, r + 10, 'NA');
		else col.setText(b.rows, r + 10, cell);
		b.commitRow(r + 10);
	});
	return b.finish();
}

describe('TableBuilder', () => {
	it('grows in blocks (here of 2 rows) and keeps each row with its line', () => {
		const cells = Array.from({ length: 1000 }, (_, i) => i * 0.5);
		const t = oneColumn(cells);
		expect(t.rows).toBe(1000);
		expect(Array.from(t.columns[0].values)).toEqual(cells);
		expect(Array.from(t.lines)).toEqual(cells.map((_, i) => i + 10));
		expect(t.columns[0].values.buffer.byteLength).toBe(8000);
	});

	it('grows its first block, then adds blocks, labelling earlier blocks when categories start late', () => {
		const b = new TableBuilder('t', ['n', 'c'], 'line', [], 1024);
		const rows = 3000;
		for (let r = 0; r < rows; r++) {
			b.columns[0].block[b.offset] = r; // written straight in, as the CSV reader does
			if (r === 2500) b.columns[1].setText(b.rows, r + 2, 'late');
			else if (r % 7 === 0) b.columns[1].setMissing(b.rows, r + 2, '');
			else b.columns[1].setNumber(b.rows, r % 3);
			b.commitRow(r + 2);
		}
		const t = b.finish();
		expect(t.rows).toBe(rows);
		expect(Array.from(t.columns[0].values)).toEqual(Array.from({ length: rows }, (_, r) => r));
		expect(Array.from(t.lines)).toEqual(Array.from({ length: rows }, (_, r) => r + 2));
		const c = t.columns[1];
		expect(c.kind).toBe('categorical');
		expect(c.categories).toEqual(['1', '2', '0', 'late']);
		const want = Array.from({ length: rows }, (_, r) =>
			r === 2500 ? 3 : r % 7 === 0 ? -1 : c.categories!.indexOf(String(r % 3))
		);
		expect(Array.from(c.codes!)).toEqual(want);
		expect(c.missing).toBe(Math.ceil(rows / 7));
	});

	it('calls a column numeric when every non-missing cell is a number', () => {
		const c = oneColumn([1, null, 3]).columns[0];
		expect(c.kind).toBe('numeric');
		expect(c.missing).toBe(1);
		expect(c.nonNumeric).toBe(0);
		expect(c.problems).toEqual([{ line: 11, text: 'NA', kind: 'missing' }]);
		expect(c.codes).toBeUndefined();
	});

	it('labels a categorical column in order of first appearance, numbers included, earlier rows too', () => {
		const c = oneColumn([1, null, 2, 'b', 1, 'a', ' b ', null]).columns[0];
		expect(c.kind).toBe('categorical');
		expect(c.categories).toEqual(['1', '2', 'b', 'a']);
		expect(Array.from(c.codes!)).toEqual([0, -1, 1, 2, 0, 3, 2, -1]);
		expect(Array.from(c.values)).toEqual([1, NaN, 2, NaN, 1, NaN, NaN, NaN]);
		expect(c.missing).toBe(2);
		expect(c.nonNumeric).toBe(3);
		// A categorical column's labels are not problems; missing cells are.
		expect(c.problems.map((p) => p.line)).toEqual([11, 17]);
	});

	it(`turns a column with more than ${MAX_CATEGORIES} distinct labels into text`, () => {
		const labels = Array.from({ length: MAX_CATEGORIES }, (_, i) => `k${i}`);
		expect(oneColumn(labels).columns[0].kind).toBe('categorical');
		const text = oneColumn([...labels, 7]).columns[0];
		expect(text.kind).toBe('text');
		expect(text.codes).toBeUndefined();
		expect(text.categories).toBeUndefined();
		expect(text.values[MAX_CATEGORIES]).toBe(7);
		// Numbers seen before the first label count towards the limit too.
		const numbersFirst = oneColumn([...Array.from({ length: MAX_CATEGORIES }, (_, i) => i), 'x']);
		expect(numbersFirst.columns[0].kind).toBe('text');
	});

	it(`keeps the first ${MAX_PROBLEMS} problems of a text column in line order, missing and words mixed`, () => {
		const cells: (number | null | string)[] = [];
		for (let i = 0; i < 80; i++) cells.push(i % 3 === 0 ? null : `w${i}`);
		const c = oneColumn(cells).columns[0];
		expect(c.kind).toBe('text');
		expect(c.problems).toHaveLength(MAX_PROBLEMS);
		expect(c.problems.map((p) => p.line)).toEqual(Array.from({ length: MAX_PROBLEMS }, (_, i) => i + 10));
		expect(c.problems[0]).toEqual({ line: 10, text: 'NA', kind: 'missing' });
		expect(c.problems[1]).toEqual({ line: 11, text: 'w1', kind: 'nonNumeric' });
	});

	it('records skipped rows and refuses repeated column names', () => {
		const b = new TableBuilder('t', ['a', 'b']);
		for (let i = 0; i < 30; i++) b.skipRow(i + 2, 3);
		const t = b.finish();
		expect(t.skipped).toBe(30);
		expect(t.skippedRows).toHaveLength(MAX_PROBLEMS);
		expect(t.skippedRows[0]).toEqual({ line: 2, fields: 3 });
		expect(() => new TableBuilder('t', ['a', 'a'])).toThrow('distinct');
	});
});

describe('tableTransferables', () => {
	it('lists every buffer once, and transferring moves them without copying', () => {
		const t = oneColumn([1, 'a', 2]);
		const buffers = tableTransferables(t);
		expect(buffers).toHaveLength(3); // lines, values, codes
		const moved = structuredClone(t, { transfer: buffers });
		expect(t.columns[0].values.byteLength).toBe(0); // detached: moved, not copied
		expect(Array.from(moved.columns[0].codes!)).toEqual([0, 1, 2]);
		expect(moved.columns[0].categories).toEqual(['1', 'a', '2']);
	});
});
