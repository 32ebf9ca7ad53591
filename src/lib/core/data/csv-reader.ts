/**
 * A streaming RFC 4180 CSV reader that writes straight into a DataTable's typed arrays (no per-row strings):
 * push text chunks split anywhere (inside quotes, between \r and \n), then finish(). See readCsv for the rules.
 */
import { TableBuilder, isMissingText, uniqueNames, type DataTable } from './table';
import { DataError } from './types';

/** A fatal reading error; the message starts with the 1-based line (and column, for quoting errors). */
export class CsvError extends DataError {
	constructor(
		message: string,
		readonly line: number,
		readonly column?: number
	) {
		super(`line ${line}${column === undefined ? '' : `, column ${column}`}: ${message}`);
		this.name = 'CsvError';
	}
}

export interface CsvReader {
	/** Reads the next piece of the file; throws CsvError for malformed quoting. */
	push(chunk: string): void;
	/** Ends the file and returns the table; throws CsvError for an unclosed quote or a file without data rows. */
	finish(): DataTable;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

// Reader states between characters.
const FIELD_START = 0; // at the start of a field (or of a record)
const UNQUOTED = 1; // inside an unquoted field whose text so far is `pending`
const QUOTED = 2; // inside a quoted field whose content so far is `pending`
const QUOTE_SEEN = 3; // just after a quote inside a quoted field: "" (a quote) or the end of the field
const AFTER_QUOTE = 4; // after a closing quote: expects a comma, a line break or the end

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11];
for (let k = 12; k <= 22; k++) POW10.push(Number(`1e${k}`));

/** The characters String.prototype.trim removes (WhiteSpace and LineTerminator in ECMAScript). */
function isTrimmed(c: number): boolean {
	if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
	if (c < 0xa0) return false;
	return (
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

// Exact arithmetic helpers for 16 to 19 digit mantissas (see longDecimal).
const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
f64[0] = 1;
const HI = u32[1] === 0x3ff00000 ? 1 : 0; // which 32-bit half holds the sign and exponent
const LO = 1 - HI;

/** The rounding error of p = fl(a * b): a * b = p + error exactly (Dekker's TwoProduct, no overflow here). */
function productError(a: number, b: number, p: number): number {
	let t = SPLIT * a;
	const ah = t - (t - a);
	const al = a - ah;
	t = SPLIT * b;
	const bh = t - (t - b);
	const bl = b - bh;
	return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * The correctly rounded value of m * 10^e, m = hi * 10^lowDigits + lo (hi < 10^15, lowDigits <= 4,
 * |e| <= 22), or NaN when that cannot be decided cheaply (then Number decides). m is held exactly as mh + ml;
 * the product or quotient is formed with one exact error term, and the candidate r is accepted only when the
 * residual m * 10^e - r is clearly inside (-half gap below, +half gap above): far from a halfway point, where
 * the few roundings in the residual (relative 2^-50 of a gap) cannot change the answer.
 */
function longDecimal(hi: number, lo: number, lowDigits: number, e: number): number {
	const scale = POW10[lowDigits];
	const p = hi * scale;
	const pe = productError(hi, scale, p);
	const mh = p + lo;
	const bb = mh - p;
	const ml = p - (mh - bb) + (lo - bb) + pe; // an integer below ulp(mh): exact
	if (e === 0) return mh + ml;
	let r: number;
	let residual: number;
	if (e > 0) {
		const P = POW10[e];
		const a = mh * P;
		const b = ml * P;
		const t = productError(mh, P, a) + b + productError(ml, P, b);
		r = a + t;
		residual = a - r + t;
	} else {
		const P = POW10[-e];
		const q = mh / P;
		const c = q * P;
		const t = (mh - c - productError(q, P, c) + ml) / P;
		r = q + t;
		residual = q - r + t;
	}
	f64[0] = r;
	const top = u32[HI];
	const exp = (top >>> 20) & 0x7ff;
	if (exp <= 54 || exp >= 0x7fe) return NaN;
	const powerOfTwo = (top & 0xfffff) === 0 && u32[LO] === 0;
	u32[HI] = (exp - 53) << 20; // half an ulp of r
	u32[LO] = 0;
	const halfUp = f64[0];
	const halfDown = powerOfTwo ? halfUp / 2 : halfUp;
	const margin = halfUp * 1e-6;
	return residual < halfUp - margin && residual > margin - halfDown ? r : NaN;
}

/** The value of the number scanDecimal last read (NaN when it was too large to be finite). */
let scanned = 0;

/**
 * Reads the decimal that starts at s[i] and stops before `end` (optional sign, digits with an optional
 * fraction, optional exponent: parseDecimal's syntax without the blanks), leaving its value in `scanned`.
 * Returns the index just after it, or -1 when s[i] does not start one. Up to 15 digits with a small exponent
 * the value is computed here exactly as Number would (the mantissa and 10^k, k <= 22, are exact doubles, so
 * one multiply or divide rounds once, correctly); other numbers go through Number.
 */
function scanDecimal(s: string, i: number, end: number): number {
	const start = i;
	let c = s.charCodeAt(i);
	const negative = c === 45;
	if (negative || c === 43) i++;
	let mantissa = 0;
	let digits = 0;
	let fraction = 0;
	while (i < end) {
		c = s.charCodeAt(i) - 48;
		if (c < 0 || c > 9) break;
		mantissa = mantissa * 10 + c;
		digits++;
		i++;
	}
	if (i < end && s.charCodeAt(i) === 46) {
		i++;
		while (i < end) {
			c = s.charCodeAt(i) - 48;
			if (c < 0 || c > 9) break;
			mantissa = mantissa * 10 + c;
			digits++;
			fraction++;
			i++;
		}
	}
	if (digits === 0) return -1;
	let exponent = 0;
	if (i < end && (s.charCodeAt(i) | 32) === 101) {
		i++;
		let expNegative = false;
		if (i < end) {
			c = s.charCodeAt(i);
			if (c === 45 || c === 43) {
				expNegative = c === 45;
				i++;
			}
		}
		const first = i;
		while (i < end) {
			c = s.charCodeAt(i) - 48;
			if (c < 0 || c > 9) break;
			if (exponent < 1e6) exponent = exponent * 10 + c;
			i++;
		}
		if (i === first) return -1;
		if (expNegative) exponent = -exponent;
	}
	const e = exponent - fraction;
	if (digits <= 15) {
		if (e === 0) {
			scanned = negative ? -mantissa : mantissa;
			return i;
		}
		if (e > 0 && e <= 22) {
			scanned = negative ? -mantissa * POW10[e] : mantissa * POW10[e];
			return i;
		}
		if (e < 0 && e >= -22) {
			scanned = negative ? -mantissa / POW10[-e] : mantissa / POW10[-e];
			return i;
		}
	}
	if (digits <= 19 && e >= -22 && e <= 22) {
		// Split the mantissa into its first 15 digits and the rest (re-reading them: this is the long case).
		let hi = 0;
		let lo = 0;
		let k = 0;
		for (let j = negative || s.charCodeAt(start) === 43 ? start + 1 : start; k < digits; j++) {
			c = s.charCodeAt(j) - 48;
			if (c < 0) continue; // the decimal point
			if (k < 15) hi = hi * 10 + c;
			else lo = lo * 10 + c;
			k++;
		}
		const v = longDecimal(hi, lo, digits - 15, e);
		if (v === v) {
			scanned = negative ? -v : v;
			return i;
		}
	}
	const v = Number(s.slice(start, i));
	scanned = Number.isFinite(v) ? v : NaN;
	return i;
}

/**
 * parseDecimal(s.slice(a, b)) without the slice, or NaN where that is undefined: the same syntax (surrounding
 * blanks allowed) and the same, correctly rounded value.
 */
export function parseDecimalSpan(s: string, a: number, b: number): number {
	while (a < b && isTrimmed(s.charCodeAt(a))) a++;
	while (b > a && isTrimmed(s.charCodeAt(b - 1))) b--;
	if (a === b) return NaN;
	return scanDecimal(s, a, b) === b ? scanned : NaN;
}

class Reader implements CsvReader {
	private mode = FIELD_START;
	private pending = '';
	private line = 1;
	/** Offset (counted over all chunks) of the current line's first character and of the chunk's first. */
	private lineStart = 0;
	private offset = 0;
	/** The previous chunk ended with \r: a \n starting this one belongs to it. */
	private prevCR = false;
	private bomChecked = false;
	private failed: CsvError | null = null;
	private finished = false;

	// The record being read.
	private started = false;
	private recordLine = 1;
	private field = 0;
	private firstBlank = false;
	private quoteLine = 0;
	private quoteColumn = 0;
	private issueColumns: number[] = [];
	private issueTexts: string[] = [];

	// Set once the header has been read.
	private header: string[] = [];
	private table: TableBuilder | null = null;
	private ncols = 0;
	/** Where the current row goes: its index in the columns' current blocks, and those blocks. */
	private row = 0;
	private values: Float64Array[] = [];

	constructor(private readonly name: string) {}

	push(chunk: string): void {
		if (this.failed) throw this.failed;
		if (this.finished) throw new Error('CsvReader: push after finish');
		if (chunk.length === 0) return;
		try {
			this.run(chunk);
		} catch (e) {
			if (e instanceof CsvError) this.failed = e;
			throw e;
		}
	}

	finish(): DataTable {
		if (this.failed) throw this.failed;
		if (this.finished) throw new Error('CsvReader: finish called twice');
		this.finished = true;
		switch (this.mode) {
			case QUOTED:
				throw new CsvError('quoted field is never closed', this.quoteLine, this.quoteColumn);
			case QUOTE_SEEN:
			case AFTER_QUOTE:
				this.endField(this.pending, 0, this.pending.length, false);
				this.endRecord();
				break;
			case UNQUOTED:
				this.endField(this.pending, 0, this.pending.length, true);
				this.endRecord();
				break;
			default:
				if (this.started) {
					this.endField('', 0, 0, false);
					this.endRecord();
				}
		}
		this.pending = '';
		const table = this.table;
		if (table === null) throw new CsvError('the file is empty: expected a header row', 1);
		const result = table.finish();
		if (result.rows === 0) {
			const first = result.skippedRows[0];
			if (first)
				throw new CsvError(
					`no usable rows: all ${result.skipped} row${result.skipped === 1 ? ' has' : 's have'} a different ` +
						`number of fields from the header (line ${first.line}: ${plural(first.fields, 'field')}, ` +
						`the header has ${this.ncols})`,
					first.line
				);
			throw new CsvError('no data rows below the header', this.recordLine);
		}
		return result;
	}

	private run(s: string): void {
		let i = 0;
		const n = s.length;
		if (!this.bomChecked) {
			this.bomChecked = true;
			if (s.charCodeAt(0) === 0xfeff) {
				i = 1;
				this.lineStart = 1;
			}
		}
		if (this.prevCR) {
			this.prevCR = false;
			if (s.charCodeAt(0) === LF) {
				if (this.mode === QUOTED) this.pending += '\n';
				i = 1;
				this.lineStart = this.offset + 1;
			}
		}
		while (i < n) {
			switch (this.mode) {
				case FIELD_START:
					i = this.fields(s, i);
					break;
				case UNQUOTED:
					i = this.unquotedRest(s, i);
					break;
				case QUOTED:
					i = this.quoted(s, i);
					break;
				case QUOTE_SEEN:
					if (s.charCodeAt(i) === QUOTE) {
						this.pending += '"';
						this.mode = QUOTED;
						i++;
					} else this.mode = AFTER_QUOTE;
					break;
				default:
					i = this.afterQuote(s, i);
			}
		}
		this.offset += n;
	}

	/** Reads fields from `i` until a quoted field starts or the chunk ends; returns where it stopped. */
	private fields(s: string, i: number): number {
		const n = s.length;
		outer: while (i < n) {
			let c = s.charCodeAt(i);
			if (c === LF || c === CR) {
				if (this.started) {
					// A line ending right after a comma: the record's last field is empty.
					this.endField(s, i, i, false);
					this.endRecord();
				}
				i = this.newline(s, i);
				continue;
			}
			if (!this.started) {
				this.started = true;
				this.recordLine = this.line;
			}
			if (c === COMMA) {
				this.endField(s, i, i, false);
				i++;
				continue;
			}
			if (c === QUOTE) {
				this.mode = QUOTED;
				this.pending = '';
				this.quoteLine = this.line;
				this.quoteColumn = this.offset + i - this.lineStart + 1;
				return i + 1;
			}
			if (this.table !== null) {
				// The common case: plain numbers, each followed by a comma or the line end, read in one pass.
				const values = this.values;
				const ncols = this.ncols;
				const row = this.row;
				const from = i;
				let f = this.field;
				let j = scanDecimal(s, i, n);
				while (j > i && j < n && scanned === scanned) {
					c = s.charCodeAt(j);
					if (c === COMMA) {
						if (f < ncols) values[f][row] = scanned;
						f++;
						i = j + 1;
						j = scanDecimal(s, i, n);
					} else if (c === LF || c === CR) {
						if (f < ncols) values[f][row] = scanned;
						this.field = f + 1;
						this.endRecord();
						i = this.newline(s, j);
						continue outer;
					} else break;
				}
				this.field = f;
				// Stopped at a field that is not a plain number: start over there (or read it below).
				if (i !== from) continue;
			}
			let j = i;
			while (j < n) {
				c = s.charCodeAt(j);
				if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
				j++;
			}
			if (j === n) {
				this.mode = UNQUOTED;
				this.pending = s.slice(i);
				return n;
			}
			if (c === QUOTE) throw this.error('quote inside an unquoted field', j);
			this.endField(s, i, j, true);
			if (c === COMMA) i = j + 1;
			else {
				this.endRecord();
				i = this.newline(s, j);
			}
		}
		return i;
	}

	/** The rest of an unquoted field begun in an earlier chunk. */
	private unquotedRest(s: string, i: number): number {
		const n = s.length;
		let j = i;
		let c = 0;
		while (j < n) {
			c = s.charCodeAt(j);
			if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
			j++;
		}
		if (j === n) {
			this.pending += s.slice(i);
			return n;
		}
		if (c === QUOTE) throw this.error('quote inside an unquoted field', j);
		const text = this.pending + s.slice(i, j);
		this.pending = '';
		this.mode = FIELD_START;
		this.endField(text, 0, text.length, true);
		if (c === COMMA) return j + 1;
		this.endRecord();
		return this.newline(s, j);
	}

	/** Quoted content up to the next quote (or the end of the chunk), counting its line breaks. */
	private quoted(s: string, i: number): number {
		const q = s.indexOf('"', i);
		const end = q === -1 ? s.length : q;
		if (end > i) {
			this.pending += s.slice(i, end);
			for (let k = i; k < end; k++) {
				const c = s.charCodeAt(k);
				if (c === LF) {
					if (k === 0 || s.charCodeAt(k - 1) !== CR) this.line++;
					this.lineStart = this.offset + k + 1;
				} else if (c === CR) {
					this.line++;
					this.lineStart = this.offset + k + 1;
					if (k + 1 === s.length) this.prevCR = true;
				}
			}
		}
		if (q === -1) return s.length;
		this.mode = QUOTE_SEEN;
		return q + 1;
	}

	private afterQuote(s: string, i: number): number {
		const c = s.charCodeAt(i);
		if (c !== COMMA && c !== LF && c !== CR) throw this.error('text after a closing quote', i);
		const text = this.pending;
		this.pending = '';
		this.mode = FIELD_START;
		this.endField(text, 0, text.length, false);
		if (c === COMMA) return i + 1;
		this.endRecord();
		return this.newline(s, i);
	}

	/** Steps over the line break at `i` (\n, \r\n or a lone \r). */
	private newline(s: string, i: number): number {
		this.line++;
		if (s.charCodeAt(i) === CR) {
			if (i + 1 === s.length) this.prevCR = true;
			else if (s.charCodeAt(i + 1) === LF) i++;
		}
		this.lineStart = this.offset + i + 1;
		return i + 1;
	}

	private error(message: string, i: number): CsvError {
		return new CsvError(message, this.line, this.offset + i - this.lineStart + 1);
	}

	/** The field s[a, b) (unquoted: raw text; quoted: the content) ends. */
	private endField(s: string, a: number, b: number, unquoted: boolean): void {
		const f = this.field++;
		if (this.table === null) {
			const text = s.slice(a, b);
			this.header.push(text);
			if (f === 0) this.firstBlank = unquoted && text.trim() === '';
			return;
		}
		if (f >= this.ncols) return;
		const v = parseDecimalSpan(s, a, b);
		this.values[f][this.row] = v;
		if (v !== v) {
			const text = s.slice(a, b);
			if (f === 0) this.firstBlank = unquoted && text.trim() === '';
			this.issueColumns.push(f);
			this.issueTexts.push(text);
		}
	}

	private endRecord(): void {
		const fields = this.field;
		const blank = fields === 1 && this.firstBlank;
		this.field = 0;
		this.started = false;
		this.firstBlank = false;
		const table = this.table;
		if (blank) {
			// A line of spaces or tabs only counts as blank.
			this.header.length = 0;
			this.issueColumns.length = 0;
			this.issueTexts.length = 0;
			return;
		}
		if (table === null) {
			const { names, notes } = uniqueNames(this.header, this.recordLine);
			this.header = [];
			this.table = new TableBuilder(this.name, names, 'line', notes);
			this.ncols = names.length;
			this.values = this.table.columns.map((c) => c.block);
			return;
		}
		const issues = this.issueColumns.length;
		if (fields !== this.ncols) {
			table.skipRow(this.recordLine, fields);
		} else {
			for (let k = 0; k < issues; k++) {
				const column = table.columns[this.issueColumns[k]];
				const text = this.issueTexts[k];
				if (isMissingText(text)) column.setMissing(table.rows, this.recordLine, text);
				else column.setText(table.rows, this.recordLine, text);
			}
			const generation = table.generation;
			table.commitRow(this.recordLine);
			this.row = table.offset;
			if (table.generation !== generation) this.values = table.columns.map((c) => c.block);
		}
		if (issues > 0) {
			this.issueColumns.length = 0;
			this.issueTexts.length = 0;
		}
	}
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A reader for a CSV file arriving in pieces. The rules:
 * - RFC 4180: comma-separated; fields may be quoted; "" inside quotes is a quote; quoted fields may hold commas
 *   and line breaks. Line endings \n, \r\n or \r. A leading byte-order mark is ignored.
 * - The first non-blank record is the header. Names are trimmed; empty or repeated names are made unique
 *   ("column 3", "x (2)") and each change is noted in the table's `notes`.
 * - Blank lines (empty, or spaces and tabs only) are skipped.
 * - Fatal (CsvError naming line and column): a quote inside an unquoted field, text after a closing quote, a
 *   quoted field that is never closed; also a file without a header or without data rows.
 * - A row with more or fewer fields than the header is left out and recorded in `skipped` / `skippedRows`.
 * - Cells are numbers when parseDecimal accepts them (surrounding blanks allowed); missing when empty or one of
 *   MISSING_TOKENS (see table.ts); otherwise non-numeric text.
 */
export function createCsvReader(name: string): CsvReader {
	return new Reader(name);
}

/** Reads a whole CSV text (see createCsvReader for the rules). */
export function readCsv(text: string, name = 'data'): DataTable {
	const reader = createCsvReader(name);
	reader.push(text);
	return reader.finish();
}

/** A one-line summary of the rows left out for their number of fields, or '' when there were none. */
export function describeSkippedRows(table: DataTable): string {
	if (table.skipped === 0) return '';
	const shown = table.skippedRows
		.slice(0, 5)
		.map((r) => `line ${r.line}: ${plural(r.fields, 'field')}`)
		.join(', ');
	const more = table.skipped > 5 ? `, ... (${table.skipped} in all)` : '';
	return (
		`skipped ${plural(table.skipped, 'row')} with a different number of fields from the header ` +
		`(${shown}${more}; the header has ${table.columns.length})`
	);
}

/** A reading error as plain data, to post between threads: the message (naming the line) and position. */
export function readErrorInfo(e: unknown): { message: string; line?: number; column?: number } {
	if (e instanceof CsvError) return { message: e.message, line: e.line, column: e.column };
	return { message: `Could not read the file: ${e instanceof Error ? e.message : String(e)}` };
}

/** The part of a ReadableStreamDefaultReader<Uint8Array> that readCsvBytes uses. */
export interface ByteChunkReader {
	read(): Promise<{ done: boolean; value?: Uint8Array }>;
	cancel(reason?: unknown): Promise<void>;
}

/** The part of TextDecoder that readCsvBytes uses. */
export interface TextDecoderLike {
	decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/**
 * Reads a byte stream (e.g. `blob.stream().getReader()`) through `decoder` (e.g. `new TextDecoder()`) into a
 * table. `afterChunk(bytesSoFar)` runs after each chunk and is awaited (report progress, yield, or throw to
 * stop); on any error the stream is cancelled and the error rethrown.
 */
export async function readCsvBytes(
	chunks: ByteChunkReader,
	name: string,
	decoder: TextDecoderLike,
	afterChunk?: (bytes: number) => void | Promise<void>
): Promise<DataTable> {
	const reader = createCsvReader(name);
	let bytes = 0;
	try {
		for (;;) {
			const { done, value } = await chunks.read();
			if (done) break;
			if (value === undefined) continue;
			bytes += value.byteLength;
			reader.push(decoder.decode(value, { stream: true }));
			if (afterChunk) await afterChunk(bytes);
		}
		reader.push(decoder.decode());
		return reader.finish();
	} catch (e) {
		chunks.cancel(e).catch(() => undefined);
		throw e;
	}
}
