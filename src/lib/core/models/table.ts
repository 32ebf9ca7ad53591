/**
 * Turns a parsed CSV into a Dataset for the models: picks the feature columns (by default every numeric
 * column other than the target), drops rows with a missing or non-numeric cell, and for classification maps
 * the target's two distinct values, sorted (numerically when both are numbers), to 0 and 1.
 */
import {
	columnIndex,
	CsvError,
	numericColumnNames,
	numericColumns,
	parseNumberCell,
	type ParsedCsv
} from './csv';
import { datasetFromColumns, type Dataset } from './matrix';

export interface TableDataset {
	dataset: Dataset;
	features: string[];
	/** 1-based line numbers of rows left out for a missing or non-numeric cell. */
	dropped: number[];
	/** For classification: the original target values mapped to 0 and 1, in that order. */
	classes?: [string, string];
}

export function datasetFromTable(
	parsed: ParsedCsv,
	target: string,
	features: readonly string[] | undefined,
	binary: boolean
): TableDataset {
	const targetIdx = columnIndex(parsed, target);
	const names = features
		? [...features]
		: numericColumnNames(parsed).filter((name) => parsed.header.indexOf(name) !== targetIdx);
	if (names.length === 0) throw new CsvError(`no numeric feature columns besides the target "${target}"`);
	if (names.includes(target)) throw new CsvError(`the target "${target}" cannot also be a feature`);
	if (new Set(names).size !== names.length) throw new CsvError('a feature is listed more than once');
	for (const name of names) columnIndex(parsed, name);
	if (!binary) {
		const { columns, dropped } = numericColumns(parsed, [...names, target]);
		const y = columns.pop()!;
		if (y.length === 0) throw new CsvError('no rows with numbers in every chosen column');
		return { dataset: datasetFromColumns(columns, y), features: names, dropped, classes: undefined };
	}

	// Classification: the target may hold any two labels; the features must be numeric.
	const keep: number[] = [];
	const dropped: number[] = [];
	for (let r = 0; r < parsed.rows.length; r++) {
		const row = parsed.rows[r];
		const ok =
			row[targetIdx].trim() !== '' &&
			names.every((n) => parseNumberCell(row[parsed.header.indexOf(n)]) !== undefined);
		if (ok) keep.push(r);
		else dropped.push(parsed.lines[r]);
	}
	if (keep.length === 0) throw new CsvError('no rows with numbers in every chosen column');
	const labels = keep.map((r) => parsed.rows[r][targetIdx].trim());
	const numeric = labels.every((l) => parseNumberCell(l) !== undefined);
	const key = (l: string): string => (numeric ? String(parseNumberCell(l)) : l);
	const firstSpelling = new Map<string, string>();
	for (const l of labels) if (!firstSpelling.has(key(l))) firstSpelling.set(key(l), l);
	const distinct = [...firstSpelling.entries()];
	if (distinct.length !== 2)
		throw new CsvError(
			`the target "${target}" must have exactly two distinct values for logistic regression, found ${distinct.length}` +
				(distinct.length > 2 && distinct.length <= 6 ? ` (${distinct.map(([, l]) => l).join(', ')})` : '')
		);
	distinct.sort(([a], [b]) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
	const one = distinct[1][0];
	const y = Float64Array.from(labels, (l) => (key(l) === one ? 1 : 0));
	const columns = names.map((n) => {
		const c = parsed.header.indexOf(n);
		return Float64Array.from(keep, (r) => parseNumberCell(parsed.rows[r][c])!);
	});
	return {
		dataset: datasetFromColumns(columns, y),
		features: names,
		dropped,
		classes: [distinct[0][1], distinct[1][1]]
	};
}
