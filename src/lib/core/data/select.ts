/**
 * From a DataTable to a model's NamedDataset: pick feature and target columns, drop rows with a missing or
 * non-numeric chosen cell (counted, with readable reasons), and for classification map the target to 0 / 1.
 */
import { datasetFromColumns } from '../models/matrix';
import { parseDecimal } from '../number-text';
import { findColumn, MAX_PROBLEMS, type DataTable, type TableColumn } from './table';
import { DataError, type NamedDataset } from './types';

/** classification: two classes (one value against the rest); multiclass: every value its own class. */
export type Task = 'regression' | 'classification' | 'multiclass';

/** Most classes a multiclass target may have. */
export const MAX_CLASSES = 10;

export interface SelectOptions {
	features: readonly string[];
	target: string;
	task: Task;
	/**
	 * Classification: the target value that is class 1 (all others are 0). Optional when the target has exactly
	 * two values in the rows kept; then the larger (numbers) or later in sort order (labels) is class 1.
	 */
	positive?: string;
}

export interface Selection {
	dataset: NamedDataset;
	/** Rows left out for a missing or non-numeric value in a chosen column. */
	dropped: number;
	/** Source lines (see DataTable.lineLabel) of the first MAX_PROBLEMS dropped rows, and why each was dropped. */
	droppedLines: number[];
	reasons: string[];
	/** Classification: the labels of class 0 and class 1 ("not X" when class 0 gathers several values). */
	classes?: [string, string];
	/** Multiclass: the label of each class, in class order (sorted: numerically if all are numbers). */
	labels?: string[];
}

/** Numeric columns other than `target`, in table order: the features to offer by default. */
export function defaultFeatures(table: DataTable, target: string): string[] {
	return table.columns.filter((c) => c.kind === 'numeric' && c.name !== target).map((c) => c.name);
}

/** Whether a column can feed a model as numbers: mostly numbers, the odd non-number dropped with its row. */
export function isUsableAsNumbers(col: TableColumn): boolean {
	const numbers = col.values.length - col.missing - col.nonNumeric;
	return numbers > 0 && numbers > col.nonNumeric;
}

function quoteList(xs: readonly string[], max = 12): string {
	const shown = xs.slice(0, max).map((x) => JSON.stringify(x));
	return shown.join(', ') + (xs.length > max ? `, ... (${xs.length} in all)` : '');
}

function labelList(xs: readonly string[], max = 6): string {
	return xs.slice(0, max).join(', ') + (xs.length > max ? ', ...' : '');
}

function requireColumn(table: DataTable, name: string): TableColumn {
	const col = findColumn(table, name);
	if (col === undefined)
		throw new DataError(
			`no column "${name}" (columns: ${quoteList(
				table.columns.map((c) => c.name),
				40
			)})`
		);
	return col;
}

/** Why `col` cannot be used as numbers, in a sentence starting with its role and name. */
function notNumeric(role: string, col: TableColumn, lineLabel: string): string {
	const numbers = col.values.length - col.missing - col.nonNumeric;
	if (numbers === 0 && col.nonNumeric === 0)
		return `the ${role} "${col.name}" has no values (every cell is missing)`;
	if (col.kind === 'categorical')
		return `the ${role} "${col.name}" is categorical (${labelList(col.categories!)}), not numeric`;
	const example = col.problems.find((p) => p.kind === 'nonNumeric');
	return (
		`the ${role} "${col.name}" holds text, not numbers` +
		(example ? ` (${lineLabel} ${example.line}: "${example.text}")` : '')
	);
}

/** Sorts labels numerically when both read as numbers, else as strings. */
function compareLabels(a: string, b: string): number {
	const x = parseDecimal(a);
	const y = parseDecimal(b);
	if (x !== undefined && y !== undefined) return x - y;
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The chosen columns as a dataset. Throws DataError for: an unknown column (listing the others), no features,
 * a repeated feature, the target among the features, a feature that is not numeric, regression on a
 * categorical or text target, a classification target that is text or has one class (or lacks `positive`),
 * and no rows left.
 */
export function selectDataset(table: DataTable, options: SelectOptions): Selection {
	const { features, target, task, positive } = options;
	const unit = table.lineLabel;
	const targetCol = requireColumn(table, target);
	if (features.length === 0) throw new DataError('choose at least one feature');
	const seen = new Set<string>();
	for (const f of features) {
		if (seen.has(f)) throw new DataError(`the feature "${f}" is listed more than once`);
		seen.add(f);
	}
	const featureCols = features.map((f) => requireColumn(table, f));
	if (seen.has(target)) throw new DataError(`the target "${target}" cannot also be a feature`);
	for (const col of featureCols)
		if (!isUsableAsNumbers(col)) throw new DataError(notNumeric('feature', col, unit));

	// How the target reads: numbers (regression, or numeric classes) or category codes.
	const classifies = task === 'classification' || task === 'multiclass';
	const byCodes = classifies && targetCol.kind !== 'numeric';
	if (task === 'regression' && !isUsableAsNumbers(targetCol))
		throw new DataError(
			notNumeric('target', targetCol, unit) +
				(targetCol.kind === 'categorical' ? ': choose classification, or a numeric target' : '')
		);
	if (byCodes && targetCol.kind === 'text')
		throw new DataError(
			`the target "${target}" has too many distinct values (${targetCol.nonNumeric} text cells) to be a class label`
		);

	// Keep the rows where every chosen cell has a value.
	const n = table.rows;
	const keep = new Int32Array(n);
	let kept = 0;
	let dropped = 0;
	const droppedLines: number[] = [];
	const reasons: string[] = [];
	const targetOk = (r: number): boolean =>
		byCodes ? targetCol.codes![r] >= 0 : targetCol.values[r] === targetCol.values[r];
	for (let r = 0; r < n; r++) {
		let ok = targetOk(r);
		for (let j = 0; ok && j < featureCols.length; j++) {
			const v = featureCols[j].values[r];
			if (v !== v) ok = false;
		}
		if (ok) {
			keep[kept++] = r;
			continue;
		}
		dropped++;
		if (droppedLines.length < MAX_PROBLEMS) {
			const line = table.lines[r];
			droppedLines.push(line);
			const why: string[] = [];
			for (const col of featureCols) if (col.values[r] !== col.values[r]) why.push(cellProblem(col, r, line));
			if (!targetOk(r)) why.push(cellProblem(targetCol, r, line));
			reasons.push(`${unit} ${line}: ${why.join(', ')}`);
		}
	}
	if (kept === 0)
		throw new DataError(
			`no rows left: every one of the ${n} rows has a missing or non-numeric value in a chosen column` +
				(reasons.length > 0 ? ` (${reasons[0]})` : '')
		);

	const columns = featureCols.map((col) => {
		const out = new Float64Array(kept);
		for (let i = 0; i < kept; i++) out[i] = col.values[keep[i]];
		return out;
	});
	const y = new Float64Array(kept);
	let classes: [string, string] | undefined;
	let labels: string[] | undefined;
	if (task === 'regression') {
		for (let i = 0; i < kept; i++) y[i] = targetCol.values[keep[i]];
	} else if (task === 'multiclass') {
		labels = multiclassLabels(targetCol, keep, kept, byCodes, y);
	} else {
		classes = byCodes
			? classesFromCodes(targetCol, keep, kept, positive, y)
			: classesFromNumbers(targetCol, keep, kept, positive, y);
	}

	const data = datasetFromColumns(columns, y);
	return {
		dataset: { ...data, name: table.name, featureNames: [...features] },
		dropped,
		droppedLines,
		reasons,
		classes,
		...(labels ? { labels } : {})
	};
}

/** Every value of the target in the kept rows its own class: fills y with class indices, returns the labels. */
function multiclassLabels(
	col: TableColumn,
	keep: Int32Array,
	kept: number,
	byCodes: boolean,
	y: Float64Array
): string[] {
	const keyOf = (r: number): string => (byCodes ? col.categories![col.codes![r]] : String(col.values[r]));
	const index = new Map<string, number>();
	for (let i = 0; i < kept; i++) {
		const k = keyOf(keep[i]);
		if (!index.has(k)) {
			if (index.size === MAX_CLASSES)
				throw new DataError(
					`the target "${col.name}" has more than ${MAX_CLASSES} distinct values: too many classes`
				);
			index.set(k, 0);
		}
	}
	const labels = [...index.keys()].sort(compareLabels);
	if (labels.length < 2)
		throw new DataError(`the target "${col.name}" has only one class (${labels[0]}) in the rows left`);
	labels.forEach((l, c) => index.set(l, c));
	for (let i = 0; i < kept; i++) y[i] = index.get(keyOf(keep[i]))!;
	return labels;
}

function twoValuesNeeded(target: string, found: number, labels: readonly string[]): DataError {
	if (found === 1)
		return new DataError(`the target "${target}" has only one class (${labels[0]}) in the rows left`);
	return new DataError(
		`the target "${target}" must have exactly two distinct values for classification, found ${found}` +
			(found <= 6 ? ` (${labels.join(', ')}): choose the positive class` : '')
	);
}

/** Classes of a categorical target: fills y (1 for `positive` or the later of two labels), returns the labels. */
function classesFromCodes(
	col: TableColumn,
	keep: Int32Array,
	kept: number,
	positive: string | undefined,
	y: Float64Array
): [string, string] {
	const categories = col.categories!;
	const codes = col.codes!;
	const counts = new Int32Array(categories.length);
	for (let i = 0; i < kept; i++) counts[codes[keep[i]]]++;
	const present = categories.filter((_, c) => counts[c] > 0).sort(compareLabels);
	let one: number;
	if (positive === undefined) {
		if (present.length !== 2) throw twoValuesNeeded(col.name, present.length, present);
		one = categories.indexOf(present[1]);
	} else {
		const wanted = parseDecimal(positive);
		one = categories.indexOf(positive.trim());
		if (one < 0 && wanted !== undefined) one = categories.findIndex((l) => parseDecimal(l) === wanted);
		if (one < 0)
			throw new DataError(
				`the positive class "${positive}" is not a value of "${col.name}" (values: ${labelList(categories, 12)})`
			);
		if (counts[one] === 0)
			throw new DataError(`the positive class "${categories[one]}" does not occur in the rows left`);
		if (present.length < 2)
			throw new DataError(
				`the target "${col.name}" has only one class (${categories[one]}) in the rows left`
			);
	}
	for (let i = 0; i < kept; i++) y[i] = codes[keep[i]] === one ? 1 : 0;
	const label = categories[one];
	return [present.length === 2 ? present.find((l) => l !== label)! : `not ${label}`, label];
}

/** Classes of a numeric target: fills y (1 for `positive` or the larger of two values), returns the labels. */
function classesFromNumbers(
	col: TableColumn,
	keep: Int32Array,
	kept: number,
	positive: string | undefined,
	y: Float64Array
): [string, string] {
	// The distinct values of the kept rows, up to 7 (enough to tell 1, 2 and "more than 6").
	const distinct: number[] = [];
	let more = false;
	for (let i = 0; i < kept; i++) {
		const v = col.values[keep[i]];
		if (!distinct.includes(v)) {
			if (distinct.length === 7) {
				more = true;
				break;
			}
			distinct.push(v);
		}
	}
	distinct.sort((a, b) => a - b);
	let one: number;
	if (positive === undefined) {
		if (distinct.length !== 2) {
			let found = distinct.length;
			if (more) {
				const all = new Set<number>();
				for (let i = 0; i < kept; i++) all.add(col.values[keep[i]]);
				found = all.size;
			}
			throw twoValuesNeeded(col.name, found, distinct.map(String));
		}
		one = distinct[1];
	} else {
		const wanted = parseDecimal(positive);
		let inTable = false;
		for (let r = 0; wanted !== undefined && r < col.values.length && !inTable; r++)
			inTable = col.values[r] === wanted;
		if (wanted === undefined || !inTable)
			throw new DataError(
				`the positive class "${positive}" is not a value of "${col.name}"` +
					(more ? '' : ` (values: ${distinct.join(', ')})`)
			);
		one = wanted;
		let ones = 0;
		for (let i = 0; i < kept; i++) if (col.values[keep[i]] === one) ones++;
		if (ones === 0) throw new DataError(`the positive class "${one}" does not occur in the rows left`);
		if (ones === kept)
			throw new DataError(`the target "${col.name}" has only one class (${one}) in the rows left`);
	}
	for (let i = 0; i < kept; i++) y[i] = col.values[keep[i]] === one ? 1 : 0;
	return [
		distinct.length === 2 && !more ? String(distinct.find((v) => v !== one)) : `not ${one}`,
		String(one)
	];
}

/** "X is missing" or 'X "abc" is not a number' for row r of col. */
function cellProblem(col: TableColumn, r: number, line: number): string {
	if (col.codes !== undefined && col.codes[r] >= 0)
		return `${col.name} "${col.categories![col.codes[r]]}" is not a number`;
	const p = col.problems.find((q) => q.line === line);
	if (p === undefined || p.kind === 'missing') return `${col.name} is missing`;
	return `${col.name} "${p.text}" is not a number`;
}
