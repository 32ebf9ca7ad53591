/**
 * The streaming CSV reader against a plain reference parser written here (random files, random chunk splits),
 * its number reading against parseDecimal, its error messages, and a file of more than 50 MB.
 */
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../number-text';
import { createRng, type Rng } from '../random/rng';
import {
	createCsvReader,
	CsvError,
	describeSkippedRows,
	parseDecimalSpan,
	readCsv,
	readCsvBytes,
	type ByteChunkReader
} from './csv-reader';
import { isMissingText, MAX_CATEGORIES, MAX_PROBLEMS, truncateText, type DataTable } from './table';
import { DataError } from './types';

// ---------------------------------------------------------------------------------------------------------
// Reference: a character-at-a-time RFC 4180 parse into string records, as simple as possible.

interface RefRecord {
	fields: string[];
	line: number;
}

function referenceRecords(text: string): RefRecord[] {
	if (text.startsWith('\ufeff')) text = text.slice(1);
	const out: RefRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let quotedField = false;
	let line = 1;
	let recordLine = 1;
	let inRecord = false;
	let i = 0;
	const endRecord = () => {
		fields.push(field);
		const blank = fields.length === 1 && !quotedField && field.trim() === '';
		if (!blank) out.push({ fields, line: recordLine });
		fields = [];
		field = '';
		quotedField = false;
		inRecord = false;
	};
	while (i < text.length) {
		const ch = text[i];
		if (!inRecord && (ch === '\n' || ch === '\r')) {
			line++;
			i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
			continue;
		}
		if (!inRecord) {
			inRecord = true;
			recordLine = line;
		}
		if (ch === '"') {
			quotedField = true;
			i++;
			for (;;) {
				if (i >= text.length) throw new Error('reference: unclosed quote');
				if (text[i] === '"') {
					if (text[i + 1] === '"') {
						field += '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
				field += text[i++];
			}
		} else if (ch === ',') {
			fields.push(field);
			field = '';
			quotedField = false;
			i++;
		} else if (ch === '\n' || ch === '\r') {
			endRecord();
			line++;
			i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
		} else {
			field += ch;
			i++;
		}
	}
	if (inRecord) endRecord();
	return out;
}

/** Checks a table against the reference reading of `text` (header names must be distinct and trimmed). */
function expectMatchesReference(table: DataTable, text: string): void {
	const [head, ...records] = referenceRecords(text);
	expect(table.columns.map((c) => c.name)).toEqual(head.fields);
	const ncols = head.fields.length;
	const rows = records.filter((r) => r.fields.length === ncols);
	const ragged = records.filter((r) => r.fields.length !== ncols);
	expect(table.rows).toBe(rows.length);
	expect(Array.from(table.lines)).toEqual(rows.map((r) => r.line));
	expect(table.skipped).toBe(ragged.length);
	expect(table.skippedRows).toEqual(
		ragged.slice(0, MAX_PROBLEMS).map((r) => ({ line: r.line, fields: r.fields.length }))
	);
	for (let j = 0; j < ncols; j++) {
		const col = table.columns[j];
		const cells = rows.map((r) => r.fields[j]);
		const numbers = cells.map((c) => parseDecimal(c));
		const missing = cells.map((c, r) => numbers[r] === undefined && isMissingText(c));
		const isText = cells.map((c, r) => numbers[r] === undefined && !missing[r]);
		const nText = isText.filter(Boolean).length;
		expect(col.missing, col.name).toBe(missing.filter(Boolean).length);
		expect(col.nonNumeric, col.name).toBe(nText);
		const values = Array.from(col.values);
		expect(values.length).toBe(rows.length);
		for (let r = 0; r < rows.length; r++) {
			const want = numbers[r] ?? NaN;
			if (!Object.is(values[r], want))
				expect(`${col.name} row ${r}: ${values[r]}`).toBe(`${want} (${cells[r]})`);
		}
		const labels = cells.map((c, r) =>
			numbers[r] !== undefined ? String(numbers[r]) : missing[r] ? null : c.trim()
		);
		const distinct = [...new Set(labels.filter((l) => l !== null))];
		const kind = nText === 0 ? 'numeric' : distinct.length <= MAX_CATEGORIES ? 'categorical' : 'text';
		expect(col.kind, col.name).toBe(kind);
		if (kind === 'categorical') {
			expect(col.categories).toEqual(distinct);
			expect(Array.from(col.codes!)).toEqual(labels.map((l) => (l === null ? -1 : distinct.indexOf(l))));
		}
		const problems = cells
			.map((c, r) => ({
				line: rows[r].line,
				text: truncateText(c),
				kind: missing[r] ? 'missing' : 'nonNumeric'
			}))
			.filter((_, r) => missing[r] || (kind === 'text' && isText[r]));
		expect(col.problems, col.name).toEqual(problems.slice(0, MAX_PROBLEMS));
	}
}

// ---------------------------------------------------------------------------------------------------------
// Random CSV files.

function pick<T>(rng: Rng, xs: readonly T[]): T {
	return xs[rng.int(xs.length)];
}

/** A number as people write it; unless `clean`, sometimes something that only looks like one. */
function randomNumberText(rng: Rng, clean: boolean): string {
	const x = rng.normal() * 10 ** (rng.int(12) - 4);
	switch (rng.int(10)) {
		case 0:
			return String(Math.round(x));
		case 1:
			return x.toFixed(rng.int(6));
		case 2:
			return x.toPrecision(1 + rng.int(21));
		case 3:
			return x.toExponential(rng.int(18));
		case 4:
			return ` ${x.toFixed(2)}\t`;
		case 5:
			return pick(rng, ['+3', '.5', '5.', '-0', '1E3', '-.25e-2', '007', '123456789012345678901234567890']);
		case 6:
			return clean ? String(x) : pick(rng, ['1e400', '0x10', '1e', '--1', '1.2.3', 'Infinity', '1,5']);
		default:
			return String(x);
	}
}

const words = [
	'a',
	'b',
	'red',
	'blue green',
	'x,y',
	'say "hi"',
	'multi\nline',
	'cr\r\nlf',
	'lone\rcr',
	' pad '
];
const missingTokens = ['', 'NA', 'na', 'null', '.', '?', ' NaN ', 'N/A'];

function quoteIfNeeded(rng: Rng, cell: string): string {
	if (/[",\r\n]/.test(cell) || rng.int(8) === 0) return `"${cell.replace(/"/g, '""')}"`;
	return cell;
}

/** A random file: per column a mix of numbers, missing cells and words; blank and ragged lines here and there. */
function randomCsv(rng: Rng, rows: number, cols: number): string {
	const eol = pick(rng, ['\n', '\r\n', '\r']);
	// Per column: [word share, missing share, clean numbers]; a third of the columns hold numbers only.
	const mix = Array.from({ length: cols }, () => {
		const clean = rng.int(3) === 0;
		return [clean ? 0 : rng.uniform(), rng.uniform() * 0.3, clean] as const;
	});
	const header = Array.from({ length: cols }, (_, j) => (j === 1 ? '"col, one"' : `c${j}`));
	const lines: string[] = [header.join(',')];
	for (let r = 0; r < rows; r++) {
		if (rng.int(15) === 0) lines.push(pick(rng, ['', ' ', '\t ']));
		let n = cols;
		if (rng.int(25) === 0) n = Math.max(1, cols + pick(rng, [-1, 1, 2]));
		const cells: string[] = [];
		for (let j = 0; j < n; j++) {
			const [wordShare, missingShare, clean] = mix[j % cols];
			const u = rng.uniform();
			const cell =
				u < missingShare
					? pick(rng, missingTokens)
					: u < missingShare + wordShare * 0.3
						? pick(rng, words)
						: randomNumberText(rng, clean);
			cells.push(quoteIfNeeded(rng, cell));
		}
		lines.push(cells.join(','));
	}
	return (rng.int(3) === 0 ? '\ufeff' : '') + lines.join(eol) + (rng.int(2) ? eol : '');
}

/** `text` pushed in random pieces (sizes 1 to maxPiece). */
function readInPieces(text: string, rng: Rng, maxPiece: number): DataTable {
	const reader = createCsvReader('pieces');
	for (let i = 0; i < text.length;) {
		const n = 1 + rng.int(maxPiece);
		reader.push(text.slice(i, i + n));
		i += n;
	}
	return reader.finish();
}

describe('readCsv against the reference parser', () => {
	it('agrees on 60 random files, read whole and in random pieces', () => {
		const rng = createRng(11);
		for (let k = 0; k < 60; k++) {
			const text = randomCsv(rng, 5 + rng.int(120), 1 + rng.int(6));
			const whole = readCsv(text);
			expectMatchesReference(whole, text);
			const pieces = readInPieces(text, rng, k % 2 ? 3 : 200);
			expect(pieces.columns).toEqual(whole.columns);
			expect(pieces.lines).toEqual(whole.lines);
		}
	});

	it('gives the same table whatever the chunk boundaries, down to one character at a time', () => {
		const text = 'a,"b ""q"""\r\n1,"x\r\ny"\r\r\n 2 ,"3"\r"4",5\n\n6,"a,b"';
		const whole = readCsv(text);
		expectMatchesReference(whole, text);
		expect(Array.from(whole.lines)).toEqual([2, 5, 6, 8]);
		for (let cut = 0; cut <= text.length; cut++) {
			const r = createCsvReader('cut');
			r.push(text.slice(0, cut));
			r.push(text.slice(cut));
			expect(r.finish().columns, `cut at ${cut}`).toEqual(whole.columns);
		}
		expect(readInPieces(text, createRng(1), 1).columns).toEqual(whole.columns);
	});

	it('reads quoted fields with commas, doubled quotes and line breaks (RFC 4180)', () => {
		const t = readCsv('name,"a, b",c\r\n"x ""quoted""","1,5",2\n"multi\nline",3,4\n');
		expect(t.columns.map((c) => c.name)).toEqual(['name', 'a, b', 'c']);
		expect(t.columns[0].categories).toEqual(['x "quoted"', 'multi\nline']);
		expect(t.columns[1].kind).toBe('categorical'); // "1,5" is not a number
		expect(Array.from(t.columns[2].values)).toEqual([2, 4]);
		expect(Array.from(t.lines)).toEqual([2, 3]);
	});
});

describe('readCsv rules', () => {
	it('keeps empty fields as missing, skips blank (and blank-looking) lines and a missing final newline', () => {
		const t = readCsv('a,b\n1,\n\n  \n,""\n3,4');
		expect(Array.from(t.lines)).toEqual([2, 5, 6]);
		expect(Array.from(t.columns[0].values)).toEqual([1, NaN, 3]);
		expect(t.columns[1].missing).toBe(2);
		expect(t.columns[1].problems).toEqual([
			{ line: 2, text: '', kind: 'missing' },
			{ line: 5, text: '', kind: 'missing' }
		]);
	});

	it('strips a byte-order mark and counts columns after it', () => {
		expect(readCsv('\ufeffx,y\n1,2\n').columns.map((c) => c.name)).toEqual(['x', 'y']);
		expect(() => readCsv('\ufeffx,"y"z\n')).toThrow('line 1, column 6: text after a closing quote');
	});

	it('makes empty and repeated header names unique and says so', () => {
		const t = readCsv(' x ,x,,y\n1,2,3,4\n');
		expect(t.columns.map((c) => c.name)).toEqual(['x', 'x (2)', 'column 3', 'y']);
		expect(t.notes).toEqual([
			'line 1: column 2 repeats the name "x"; it is called "x (2)"',
			'line 1: column 3 has no name; it is called "column 3"'
		]);
	});

	it('treats NA, null, ".", "?" and friends as missing and other words as text', () => {
		const t = readCsv('v\n1\nNA\nnull\n.\n?\nNaN\nabc\n2\n');
		const v = t.columns[0];
		expect(v.missing).toBe(5);
		expect(v.nonNumeric).toBe(1);
		expect(v.kind).toBe('categorical');
		expect(v.categories).toEqual(['1', 'abc', '2']);
	});

	it('reads a one-column file', () => {
		const t = readCsv('y\n1\n\n2\n');
		expect(t.rows).toBe(2);
		expect(Array.from(t.columns[0].values)).toEqual([1, 2]);
	});

	it('skips rows with the wrong number of fields, recording their lines', () => {
		const t = readCsv('a,b\n1,2\n3,4,5\n6\n7,8\n');
		expect(t.rows).toBe(2);
		expect(Array.from(t.lines)).toEqual([2, 5]);
		expect(t.skippedRows).toEqual([
			{ line: 3, fields: 3 },
			{ line: 4, fields: 1 }
		]);
		expect(describeSkippedRows(t)).toBe(
			'skipped 2 rows with a different number of fields from the header (line 3: 3 fields, line 4: 1 field; the header has 2)'
		);
		expect(describeSkippedRows(readCsv('a\n1\n'))).toBe('');
	});

	it('names the line and column of quoting errors', () => {
		expect(() => readCsv('a,b\n1,2\n3,x"y\n')).toThrow('line 3, column 4: quote inside an unquoted field');
		expect(() => readCsv('a,b\n1,"2\n3,4\n')).toThrow('line 2, column 3: quoted field is never closed');
		expect(() => readCsv('a,b\n"1"x,2\n')).toThrow('line 2, column 4: text after a closing quote');
		expect(() => readCsv('a,b\n"1\n2" ,3\n')).toThrow('line 3, column 3: text after a closing quote');
		const e = (() => {
			try {
				readCsv('a,b\r\n1,2\r\n"3\r\n');
			} catch (err) {
				return err;
			}
		})();
		expect(e).toBeInstanceOf(CsvError);
		expect(e).toBeInstanceOf(DataError);
		expect(e).toMatchObject({ line: 3, column: 1 });
	});

	it('reports the same error lines when the text arrives in pieces', () => {
		const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,3\r\n4,5"\r\n';
		expect(() => readCsv(text)).toThrow('line 6, column 4: quote inside an unquoted field');
		expect(() => readInPieces(text, createRng(3), 2)).toThrow(
			'line 6, column 4: quote inside an unquoted field'
		);
	});

	it('refuses files without a header or without data rows', () => {
		expect(() => readCsv('')).toThrow('line 1: the file is empty: expected a header row');
		expect(() => readCsv('\n\n')).toThrow('expected a header row');
		expect(() => readCsv('a,b\n\n')).toThrow('line 1: no data rows below the header');
		expect(() => readCsv('a,b\n1,2,3\n4\n')).toThrow(
			'line 2: no usable rows: all 2 rows have a different number of fields from the header (line 2: 3 fields, the header has 2)'
		);
	});

	it('stops after an error and after finish', () => {
		const r = createCsvReader('x');
		r.push('a\n"');
		expect(() => r.finish()).toThrow('never closed');
		expect(() => r.finish()).toThrow();
		const s = createCsvReader('x');
		expect(() => s.push('a\nb"c\n')).toThrow(CsvError);
		expect(() => s.push('1\n')).toThrow('quote inside an unquoted field');
	});
});

describe('parseDecimalSpan', () => {
	const same = (text: string): void => {
		const want = parseDecimal(text);
		const got = parseDecimalSpan(text, 0, text.length);
		if (want === undefined ? !Number.isNaN(got) : !Object.is(got, want))
			expect(`${JSON.stringify(text)} -> ${got}`).toBe(`${JSON.stringify(text)} -> ${want}`);
	};

	it('accepts exactly what parseDecimal accepts, on random strings of number-like characters', () => {
		const rng = createRng(5);
		const alphabet = '0123456789.eE+- x';
		for (let k = 0; k < 200_000; k++) {
			let t = '';
			for (let n = 1 + rng.int(8); n > 0; n--) t += alphabet[rng.int(alphabet.length)];
			same(t);
		}
	});

	it('trims the same blanks as String.prototype.trim', () => {
		for (let c = 0; c < 0x10000; c++) {
			const ch = String.fromCharCode(c);
			same(`${ch}12.5`);
			same(`-3${ch}`);
		}
	});

	it('reads a slice of a longer string without looking outside it', () => {
		const s = '99,-12.5e1,77';
		expect(parseDecimalSpan(s, 3, 10)).toBe(-125);
		expect(parseDecimalSpan(s, 2, 10)).toBeNaN();
		expect(parseDecimalSpan(s, 3, 3)).toBeNaN();
	});

	it('gives the correctly rounded double, as Number does, for 1 to 25 significant digits', () => {
		const rng = createRng(8);
		for (let k = 0; k < 300_000; k++) {
			const x = rng.normal() * 10 ** (rng.int(50) - 25);
			same(x.toPrecision(1 + rng.int(21)));
			let digits = '';
			for (let n = 1 + rng.int(25); n > 0; n--) digits += rng.int(10);
			const point = rng.int(digits.length + 1);
			same(`${digits.slice(0, point)}.${digits.slice(point)}e${rng.int(60) - 30}`);
		}
	});

	it('rounds halfway and nearly halfway cases exactly as Number does', () => {
		const rng = createRng(9);
		const f = new Float64Array(1);
		const bits = new BigUint64Array(f.buffer);
		for (let k = 0; k < 40_000; k++) {
			// Integers exactly halfway between two doubles in [2^53, 2^64).
			const e = 53 + rng.int(11);
			const half = 2n ** BigInt(e - 53);
			const m = 2n ** BigInt(e) + BigInt(rng.int(2 ** 30)) * 4n * half + half * BigInt(1 + 2 * rng.int(2));
			const text = m.toString();
			same(text);
			same(`${text.slice(0, 3)}.${text.slice(3)}e${text.length - 3}`);
			if (text.length <= 18) same(`${text}0e-1`); // a tie on the dividing path
			// Ties with a fraction: 2^e + k ulp + ulp/2 for ulp = 2^(e-52) in {1/4, 1/2, 1}, written with 3 decimals.
			const e2 = 50 + rng.int(3);
			const scaled =
				(2n ** BigInt(e2) * 8n + BigInt(rng.int(2 ** 30)) * 2n ** BigInt(e2 - 49) + 2n ** BigInt(e2 - 50)) *
				125n;
			const st = scaled.toString();
			same(`${st.slice(0, -3)}.${st.slice(-3)}`);
			same(`${st.slice(0, -3)}${st.slice(-3)}e-3`);
			// Decimal strings of 16 to 19 digits just around the midpoint of two neighbouring doubles.
			f[0] = Math.abs(rng.normal()) * 10 ** (rng.int(40) - 20);
			const a = f[0].toPrecision(21);
			bits[0] += 1n;
			const b = f[0].toPrecision(21);
			const [ma, ea = '0'] = a.split('e');
			const [mb, eb = '0'] = b.split('e');
			if (ea !== eb) continue;
			const mid = ((BigInt(ma.replace('.', '')) + BigInt(mb.replace('.', ''))) / 2n).toString();
			for (let nd = 16; nd <= 19; nd++) {
				const head = BigInt(mid.slice(0, nd));
				for (const d of [-1n, 0n, 1n]) {
					const digits = (head + d).toString();
					same(`${digits[0]}.${digits.slice(1)}e${ea}`);
				}
			}
		}
	});
});

describe('large files', { timeout: 30_000 }, () => {
	it('reads 52 MB pushed in 64 KB pieces, every row and value in place', () => {
		const rng = createRng(21);
		const reader = createCsvReader('big');
		reader.push('id,u,v\n');
		let bytes = 0;
		let lineCount = 1;
		let sumU = 0;
		let piece = '';
		let id = 0;
		while (bytes < 52 * 1024 * 1024) {
			const u = rng.int(1_000_000) / 1000;
			const line = `${id},${u},${(id % 7) - 3.5}\n`;
			sumU += u;
			id++;
			lineCount++;
			piece += line;
			if (piece.length >= 65536) {
				bytes += piece.length;
				reader.push(piece);
				piece = '';
			}
		}
		reader.push(piece);
		const t = reader.finish();
		expect(t.rows).toBe(id);
		expect(t.lines[t.rows - 1]).toBe(lineCount);
		const ids = t.columns[0].values;
		let ok = true;
		for (let i = 0; i < id; i++) if (ids[i] !== i) ok = false;
		expect(ok).toBe(true);
		let s = 0;
		for (const u of t.columns[1].values) s += u;
		expect(Math.abs(s - sumU)).toBeLessThan(1e-6 * sumU);
		expect(t.columns[2].values[9]).toBe(-1.5);
	});
});

describe('readCsvBytes', () => {
	/** A byte reader over `bytes` in pieces of `size`, recording whether it was cancelled. */
	function byteReader(bytes: Uint8Array, size: number): ByteChunkReader & { cancelled: boolean } {
		let at = 0;
		return {
			cancelled: false,
			async read() {
				if (at >= bytes.length) return { done: true };
				const value = bytes.subarray(at, at + size);
				at += size;
				return { done: false, value };
			},
			async cancel() {
				this.cancelled = true;
			}
		};
	}

	it('decodes UTF-8 split inside characters and reports the bytes read after each piece', async () => {
		const text = 'name,ß\n"é, ü",1\n日本,2\n';
		const bytes = new TextEncoder().encode(text);
		const seen: number[] = [];
		const t = await readCsvBytes(byteReader(bytes, 3), 'utf8', new TextDecoder(), (b) => {
			seen.push(b);
		});
		expect(t.columns.map((c) => c.name)).toEqual(['name', 'ß']);
		expect(t.columns[0].categories).toEqual(['é, ü', '日本']);
		expect(seen.at(-1)).toBe(bytes.length);
		expect(seen).toHaveLength(Math.ceil(bytes.length / 3));
	});

	it('cancels the stream and rethrows when reading fails or the callback throws', async () => {
		const bad = byteReader(new TextEncoder().encode('a\n"1\n'), 2);
		await expect(readCsvBytes(bad, 'bad', new TextDecoder())).rejects.toThrow('line 2, column 1');
		expect(bad.cancelled).toBe(true);
		const stop = byteReader(new TextEncoder().encode('a\n1\n2\n'), 1);
		await expect(
			readCsvBytes(stop, 'stop', new TextDecoder(), (b) => {
				if (b === 3) throw new Error('stopped');
			})
		).rejects.toThrow('stopped');
		expect(stop.cancelled).toBe(true);
	});
});
