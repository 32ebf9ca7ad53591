/**
 * The in-memory table shared by the CSV reader, the vega-datasets loader and column selection: one typed array
 * per column (transferable to and from workers), the source line of every row, and per column the counts and
 * first examples of missing or non-numeric cells. TableBuilder fills one row at a time into growable arrays.
 */
import { DataError } from './types';

/**
 * numeric: every non-missing cell is a number. categorical: some cells are not numbers and there are at most
 * MAX_CATEGORIES distinct labels. text: more distinct labels than that (names, dates, free text).
 */
export type ColumnKind = 'numeric' | 'categorical' | 'text';

/** A cell that is missing or is not a number, with its 1-based source line and raw text (truncated). */
export interface CellProblem {
	line: number;
	text: string;
	kind: 'missing' | 'nonNumeric';
}

export interface TableColumn {
	name: string;
	kind: ColumnKind;
	/** The number in each row; NaN where the cell is missing or not a number. */
	values: Float64Array;
	/**
	 * Categorical columns only: the category index of each row (-1 where missing) and the distinct labels in
	 * order of first appearance. Numeric cells of a categorical column are labelled String(value), so "1.0"
	 * and "1" are the same category.
	 */
	codes?: Int32Array;
	categories?: string[];
	/** How many cells are missing (see isMissingText) and how many hold something other than a number. */
	missing: number;
	nonNumeric: number;
	/**
	 * The first MAX_PROBLEMS problem cells in row order: missing cells, plus for text columns the non-numeric
	 * ones (a categorical column's labels are its values, not problems).
	 */
	problems: CellProblem[];
}

/** A row left out of the table because it has a different number of fields from the header. */
export interface SkippedRow {
	line: number;
	fields: number;
}

export interface DataTable {
	name: string;
	rows: number;
	columns: TableColumn[];
	/** The 1-based source line of each row (for JSON records: the 1-based record index). */
	lines: Int32Array;
	/** What `lines` counts, for messages: 'line' for CSV files, 'record' for JSON arrays. */
	lineLabel: 'line' | 'record';
	/** Rows left out for having the wrong number of fields, and the first MAX_PROBLEMS of them. */
	skipped: number;
	skippedRows: SkippedRow[];
	/** Header names that were changed (empty or repeated names), as messages naming the line. */
	notes: string[];
}

export const MAX_CATEGORIES = 50;
export const MAX_PROBLEMS = 20;
export const MAX_PROBLEM_TEXT = 40;

/**
 * Cell texts that mean "no value", compared after trimming and ignoring case: the empty string, NA, N/A, NaN,
 * null, "." and "?".
 */
export const MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'null', '.', '?'];
const missingSet = new Set(MISSING_TOKENS.map((t) => t.toLowerCase()));

export function isMissingText(text: string): boolean {
	const t = text.trim();
	return t.length <= 4 && missingSet.has(t.toLowerCase());
}

/** `text` cut to MAX_PROBLEM_TEXT characters, with an ellipsis when cut. */
export function truncateText(text: string): string {
	return text.length <= MAX_PROBLEM_TEXT ? text : text.slice(0, MAX_PROBLEM_TEXT - 1) + '\u2026';
}

/** The column called `name`, or undefined. */
export function findColumn(table: DataTable, name: string): TableColumn | undefined {
	return table.columns.find((c) => c.name === name);
}

/** The buffers to list as transferables when posting `table` to or from a worker (all distinct). */
export function tableTransferables(table: DataTable): ArrayBuffer[] {
	const out = new Set<ArrayBuffer>([table.lines.buffer as ArrayBuffer]);
	for (const c of table.columns) {
		out.add(c.values.buffer as ArrayBuffer);
		if (c.codes) out.add(c.codes.buffer as ArrayBuffer);
	}
	return [...out];
}

/**
 * Header names made usable: trimmed; an empty name becomes "column N" (its 1-based position); a repeated name
 * gets " (2)", " (3)", ... Each change is described in `notes`, naming `line`.
 */
export function uniqueNames(raw: readonly string[], line: number): { names: string[]; notes: string[] } {
	const names: string[] = [];
	const notes: string[] = [];
	const taken = new Set(raw.map((r) => r.trim()));
	const used = new Set<string>();
	for (let i = 0; i < raw.length; i++) {
		const trimmed = raw[i].trim();
		let name = trimmed;
		if (name === '') {
			name = `column ${i + 1}`;
			for (let k = 2; taken.has(name) || used.has(name); k++) name = `column ${i + 1} (${k})`;
			notes.push(`line ${line}: column ${i + 1} has no name; it is called "${name}"`);
		} else if (used.has(name)) {
			for (let k = 2; taken.has(name) || used.has(name); k++) name = `${trimmed} (${k})`;
			notes.push(`line ${line}: column ${i + 1} repeats the name "${trimmed}"; it is called "${name}"`);
		}
		used.add(name);
		names.push(name);
	}
	return { names, notes };
}

/** Rows per storage block while a table is built (a power of two); the first block starts smaller. */
export const BLOCK_ROWS = 1 << 16;
const FIRST_BLOCK_ROWS = 256;

/** The first `rows` values of equal-size blocks, as one exact-size array; drops the blocks as it goes. */
function concatBlocks<T extends Float64Array | Int32Array>(
	blocks: (T | null)[],
	rows: number,
	make: (n: number) => T
): T {
	const out = make(rows);
	let at = 0;
	for (let b = 0; b < blocks.length && at < rows; b++) {
		const block = blocks[b]!;
		const n = Math.min(block.length, rows - at);
		out.set(n === block.length ? block : (block.subarray(0, n) as T), at);
		at += n;
		blocks[b] = null;
	}
	return out;
}

/**
 * One column being filled, in blocks of 2^shift rows (the first one starts small and doubles up to that size;
 * later ones are added without copying), joined by one exact-size copy at the end: building never holds much
 * more than twice the finished column. Rows are written by index; counts and categories are kept as cells arrive.
 */
export class ColumnBuilder {
	/** The block holding the rows being written now: rows [k 2^shift, (k+1) 2^shift) for the last k. */
	block: Float64Array;
	missing = 0;
	nonNumeric = 0;
	private blocks: Float64Array[];
	/** Category codes by block, once the column has a non-numeric cell and while it has few distinct labels. */
	private codeBlocks: Int32Array[] | null = null;
	private labels: Map<string, number> | null = null;
	private overflow = false;
	private missingProblems: CellProblem[] = [];
	private textProblems: CellProblem[] = [];
	private readonly mask: number;

	constructor(
		readonly name: string,
		private readonly shift: number,
		firstBlockRows: number
	) {
		this.mask = (1 << shift) - 1;
		this.block = new Float64Array(firstBlockRows);
		this.blocks = [this.block];
	}

	/** Whether category codes are being kept (then commitRow must label numeric cells). */
	get tracking(): boolean {
		return this.codeBlocks !== null;
	}

	value(row: number): number {
		return this.blocks[row >>> this.shift][row & this.mask];
	}

	setNumber(row: number, v: number): void {
		this.blocks[row >>> this.shift][row & this.mask] = v;
		if (this.codeBlocks !== null) this.codeNumber(row);
	}

	setMissing(row: number, line: number, text: string): void {
		this.blocks[row >>> this.shift][row & this.mask] = NaN;
		this.missing++;
		if (this.codeBlocks !== null) this.setCode(row, -1);
		if (this.missingProblems.length < MAX_PROBLEMS)
			this.missingProblems.push({ line, text: truncateText(text), kind: 'missing' });
	}

	setText(row: number, line: number, text: string): void {
		this.blocks[row >>> this.shift][row & this.mask] = NaN;
		this.nonNumeric++;
		if (this.textProblems.length < MAX_PROBLEMS)
			this.textProblems.push({ line, text: truncateText(text), kind: 'nonNumeric' });
		if (this.codeBlocks === null && !this.overflow) this.startCategories(row);
		if (this.overflow) return;
		const code = this.code(text.trim());
		if (this.codeBlocks !== null) this.setCode(row, code);
	}

	/** For a row whose value may be a number written straight into `block`: its category code, when tracked. */
	codeNumber(row: number): void {
		const v = this.value(row);
		if (v === v) {
			const code = this.code(String(v));
			if (this.codeBlocks !== null) this.setCode(row, code);
		}
	}

	/** Starts the next block of rows. */
	addBlock(): void {
		this.block = new Float64Array(1 << this.shift);
		this.blocks.push(this.block);
		this.codeBlocks?.push(new Int32Array(1 << this.shift));
	}

	/** Enlarges the first (and only) block to `rows` rows. */
	growFirstBlock(rows: number): void {
		const block = new Float64Array(rows);
		block.set(this.block);
		this.block = this.blocks[0] = block;
		if (this.codeBlocks !== null) {
			const codes = new Int32Array(rows);
			codes.set(this.codeBlocks[0]);
			this.codeBlocks[0] = codes;
		}
	}

	finish(rows: number): TableColumn {
		const kind: ColumnKind = this.nonNumeric === 0 ? 'numeric' : this.overflow ? 'text' : 'categorical';
		const column: TableColumn = {
			name: this.name,
			kind,
			values: concatBlocks<Float64Array>(this.blocks, rows, (n) => new Float64Array(n)),
			missing: this.missing,
			nonNumeric: this.nonNumeric,
			problems:
				kind === 'text'
					? [...this.missingProblems, ...this.textProblems]
							.sort((a, b) => a.line - b.line)
							.slice(0, MAX_PROBLEMS)
					: this.missingProblems
		};
		if (kind === 'categorical') {
			column.codes = concatBlocks<Int32Array>(this.codeBlocks!, rows, (n) => new Int32Array(n));
			column.categories = [...this.labels!.keys()];
		}
		this.blocks = [];
		this.codeBlocks = null;
		return column;
	}

	private setCode(row: number, code: number): void {
		this.codeBlocks![row >>> this.shift][row & this.mask] = code;
	}

	/** Rows before `row` had numbers or missing cells only: label them now. */
	private startCategories(row: number): void {
		this.codeBlocks = this.blocks.map((b) => new Int32Array(b.length));
		this.labels = new Map();
		for (let r = 0; r < row && this.codeBlocks !== null; r++) {
			this.setCode(r, -1);
			this.codeNumber(r);
		}
	}

	/** The code of `label`, adding it; past MAX_CATEGORIES the column becomes text and stops tracking. */
	private code(label: string): number {
		const labels = this.labels!;
		let c = labels.get(label);
		if (c === undefined) {
			if (labels.size >= MAX_CATEGORIES) {
				this.overflow = true;
				this.codeBlocks = null;
				this.labels = null;
				return -1;
			}
			c = labels.size;
			labels.set(label, c);
		}
		return c;
	}
}

/**
 * Fills a DataTable row by row: write row `rows` of each column (setNumber / setMissing / setText, or a number
 * straight into `columns[j].block[offset]`), then commitRow(line). Storage grows in blocks of `blockRows`.
 */
export class TableBuilder {
	/** Rows committed so far, and the index of the row being written within the current blocks. */
	rows = 0;
	offset = 0;
	/** Changes whenever commitRow replaces the columns' current blocks (re-read `block` then). */
	generation = 0;
	readonly columns: ColumnBuilder[];
	private lineBlocks: (Int32Array | null)[];
	private lineBlock: Int32Array;
	private skipped = 0;
	private skippedRows: SkippedRow[] = [];
	private readonly blockRows: number;

	constructor(
		readonly name: string,
		names: readonly string[],
		readonly lineLabel: 'line' | 'record' = 'line',
		private readonly notes: string[] = [],
		blockRows = BLOCK_ROWS
	) {
		if (new Set(names).size !== names.length) throw new DataError('column names must be distinct');
		const shift = Math.max(0, Math.round(Math.log2(blockRows)));
		this.blockRows = 1 << shift;
		const first = Math.min(FIRST_BLOCK_ROWS, this.blockRows);
		this.columns = names.map((n) => new ColumnBuilder(n, shift, first));
		this.lineBlock = new Int32Array(first);
		this.lineBlocks = [this.lineBlock];
	}

	/** Ends row `rows`, which came from `line`; makes room for the next one. */
	commitRow(line: number): void {
		this.lineBlock[this.offset] = line;
		const columns = this.columns;
		for (let j = 0; j < columns.length; j++) if (columns[j].tracking) columns[j].codeNumber(this.rows);
		this.rows++;
		if (++this.offset < this.lineBlock.length) return;
		this.generation++;
		if (this.lineBlock.length < this.blockRows) {
			const size = Math.min(2 * this.lineBlock.length, this.blockRows);
			const lines = new Int32Array(size);
			lines.set(this.lineBlock);
			this.lineBlock = this.lineBlocks[0] = lines;
			for (const c of columns) c.growFirstBlock(size);
		} else {
			this.offset = 0;
			this.lineBlock = new Int32Array(this.blockRows);
			this.lineBlocks.push(this.lineBlock);
			for (const c of columns) c.addBlock();
		}
	}

	/** Records a row left out for having `fields` fields instead of one per column. */
	skipRow(line: number, fields: number): void {
		this.skipped++;
		if (this.skippedRows.length < MAX_PROBLEMS) this.skippedRows.push({ line, fields });
	}

	finish(): DataTable {
		return {
			name: this.name,
			rows: this.rows,
			columns: this.columns.map((c) => c.finish(this.rows)),
			lines: concatBlocks<Int32Array>(this.lineBlocks, this.rows, (n) => new Int32Array(n)),
			lineLabel: this.lineLabel,
			skipped: this.skipped,
			skippedRows: this.skippedRows,
			notes: this.notes
		};
	}
}
