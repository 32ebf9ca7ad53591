/**
 * A small CSV reader for regression data: RFC 4180 (comma-separated, first record is the header, fields may be
 * quoted, "" inside quotes is a quote, quoted fields may hold commas and line breaks; LF or CRLF endings).
 * Blank lines are skipped. Errors name the 1-based line (and column, for quoting errors) of the problem.
 */
import { parseDecimal } from '../number-text';

export interface ParsedCsv {
	header: string[];
	rows: string[][];
	/** 1-based line on which each row starts (rows can span lines through quoted line breaks). */
	lines: number[];
}

export class CsvError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CsvError';
	}
}

export function parseCsv(text: string): ParsedCsv {
	const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const records: string[][] = [];
	const starts: number[] = [];
	let line = 1;
	let column = 1;
	let i = 0;
	let record: string[] = [];
	let field = '';
	let recordLine = 1;
	let blank = true; // the current record has no characters yet

	const endRecord = (): void => {
		if (!blank) {
			record.push(field);
			records.push(record);
			starts.push(recordLine);
		}
		record = [];
		field = '';
		blank = true;
	};

	while (i < src.length) {
		const ch = src[i];
		if (blank) recordLine = line;
		if (ch === '"') {
			if (field !== '') throw new CsvError(`line ${line}, column ${column}: quote inside an unquoted field`);
			blank = false;
			const openLine = line;
			const openColumn = column;
			i++;
			column++;
			for (;;) {
				if (i >= src.length)
					throw new CsvError(`line ${openLine}, column ${openColumn}: quoted field is never closed`);
				const q = src[i];
				if (q === '"') {
					if (src[i + 1] === '"') {
						field += '"';
						i += 2;
						column += 2;
						continue;
					}
					i++;
					column++;
					break;
				}
				field += q;
				i++;
				if (q === '\n') {
					line++;
					column = 1;
				} else column++;
			}
			const next = src[i];
			if (i < src.length && next !== ',' && next !== '\n' && next !== '\r')
				throw new CsvError(`line ${line}, column ${column}: text after a closing quote`);
			continue;
		}
		if (ch === ',') {
			blank = false;
			record.push(field);
			field = '';
			i++;
			column++;
			continue;
		}
		if (ch === '\r' || ch === '\n') {
			endRecord();
			i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
			line++;
			column = 1;
			continue;
		}
		blank = false;
		field += ch;
		i++;
		column++;
	}
	endRecord();

	if (records.length === 0) throw new CsvError('line 1: empty file, expected a header row');
	const header = records[0];
	const rows = records.slice(1);
	const lines = starts.slice(1);
	for (let r = 0; r < rows.length; r++)
		if (rows[r].length !== header.length)
			throw new CsvError(
				`line ${lines[r]}: ${rows[r].length} field${rows[r].length === 1 ? '' : 's'}, the header has ${header.length}`
			);
	return { header, rows, lines };
}

/** The finite number a cell holds (surrounding spaces allowed), or undefined for blank / non-numeric cells. */
export const parseNumberCell = parseDecimal;

/** Index of a header name; throws naming the known columns when absent or ambiguous. */
export function columnIndex(parsed: ParsedCsv, name: string): number {
	const idx = parsed.header.indexOf(name);
	if (idx === -1)
		throw new CsvError(
			`no column "${name}" (columns: ${parsed.header.map((h) => JSON.stringify(h)).join(', ')})`
		);
	if (parsed.header.indexOf(name, idx + 1) !== -1)
		throw new CsvError(`column "${name}" appears more than once`);
	return idx;
}

/**
 * The named columns as numbers, keeping only rows where every one of them holds a finite number.
 * `dropped` lists the 1-based line numbers of the other rows.
 */
export function numericColumns(
	parsed: ParsedCsv,
	names: readonly string[]
): { columns: Float64Array[]; dropped: number[] } {
	const idx = names.map((name) => columnIndex(parsed, name));
	const kept: number[][] = names.map(() => []);
	const dropped: number[] = [];
	for (let r = 0; r < parsed.rows.length; r++) {
		const values = idx.map((c) => parseNumberCell(parsed.rows[r][c]));
		if (values.some((v) => v === undefined)) {
			dropped.push(parsed.lines[r]);
			continue;
		}
		for (let k = 0; k < values.length; k++) kept[k].push(values[k]!);
	}
	return { columns: kept.map((c) => Float64Array.from(c)), dropped };
}

/** Columns whose non-blank cells are all numbers (and that have at least one), in header order. */
export function numericColumnNames(parsed: ParsedCsv): string[] {
	return parsed.header.filter((_, c) => {
		let any = false;
		for (const row of parsed.rows) {
			if (row[c].trim() === '') continue;
			if (parseNumberCell(row[c]) === undefined) return false;
			any = true;
		}
		return any;
	});
}
