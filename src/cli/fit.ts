/**
 * `npm run --silent fit -- --model linear|ridge|lasso|logistic --csv PATH --target COL [--features a,b]
 *                          [--alpha A] [--C C]`
 * Fits one regression model to a CSV file with the same core as the page and prints
 * {"model", "coef", "intercept", "objective"} as JSON (objectives as scikit-learn defines them).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { createCsvReader, describeSkippedRows } from '../lib/core/data/csv-reader';
import { defaultFeatures, selectDataset } from '../lib/core/data/select';
import { findColumn, type DataTable } from '../lib/core/data/table';
import { DataError } from '../lib/core/data/types';
import { fitModel, ModelError } from '../lib/core/models';
import { parseFitArgs } from './fit-args';

function helpText(): string {
	return [
		'Usage: npm run --silent fit -- --model MODEL --csv PATH --target COLUMN [--features a,b,...]',
		'                               [--alpha A] [--C C]',
		'',
		'Fits a model to a CSV file (header row, comma-separated, RFC 4180 quoting) and prints JSON',
		'{"model", "coef", "intercept", "objective"}; coef follows the order of the features.',
		'  --model MODEL     linear    ||y - Xw - b||^2 (least squares, as sklearn LinearRegression)',
		'                    ridge     ||y - Xw - b||^2 + alpha ||w||^2 (as sklearn Ridge)',
		'                    lasso     (1/(2n)) ||y - Xw - b||^2 + alpha ||w||_1 (as sklearn Lasso)',
		'                    logistic  C sum log(1 + exp(-s (Xw + b))) + 0.5 ||w||^2 (as sklearn',
		'                              LogisticRegression); the target needs exactly two distinct values,',
		'                              mapped in sorted order to 0 and 1',
		'  --csv PATH        the data file',
		'  --target COLUMN   the column to predict',
		'  --features a,b    feature columns (default: every other numeric column, in file order)',
		'  --alpha A         penalty for ridge and lasso (default 1)',
		'  --C C             inverse penalty for logistic (default 1)',
		'',
		'Rows with a missing (empty, NA, N/A, NaN, null, ".", "?") or non-numeric cell in a chosen column, and',
		'rows with a different number of fields from the header, are skipped (noted on stderr with their lines).',
		'Exit code 0 on success; 2 for bad arguments or data that cannot be fitted.'
	].join('\n');
}

function fail(message: string, code: number): never {
	process.stderr.write(`fit: ${message}\n`);
	process.exit(code);
}

/** The first lines of `total` (at most 10), then the count. */
function describeLines(lines: readonly number[], total: number): string {
	const shown = lines.slice(0, 10).join(', ');
	return total > 10 ? `${shown}, ... (${total} in all)` : shown;
}

/** Streams the file through the CSV reader in 1 MB pieces (the text is never held whole). */
function readCsvFile(path: string, fd: number): DataTable {
	const reader = createCsvReader(basename(path));
	const decoder = new TextDecoder();
	const buffer = new Uint8Array(1 << 20);
	for (;;) {
		const n = readSync(fd, buffer, 0, buffer.length, null);
		if (n === 0) break;
		reader.push(decoder.decode(buffer.subarray(0, n), { stream: true }));
	}
	reader.push(decoder.decode());
	return reader.finish();
}

function main(): void {
	process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));
	const parsed = parseFitArgs(process.argv.slice(2));
	if (parsed.kind === 'help') {
		process.stdout.write(helpText() + '\n');
		return;
	}
	if (parsed.kind === 'error') fail(parsed.message, 2);
	const req = parsed.request;

	let table: DataTable;
	let fd: number | undefined;
	try {
		fd = openSync(req.csv, 'r');
		table = readCsvFile(req.csv, fd);
	} catch (e) {
		if (e instanceof DataError) fail(`${req.csv}: ${e.message}`, 2);
		const code = (e as NodeJS.ErrnoException).code;
		fail(`cannot read --csv ${req.csv}${code ? ` (${code})` : ''}`, 2);
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
	for (const note of table.notes) process.stderr.write(`fit: ${req.csv}: ${note}\n`);
	if (table.skipped > 0) process.stderr.write(`fit: ${req.csv}: ${describeSkippedRows(table)}\n`);
	try {
		const features = req.features ?? defaultFeatures(table, req.target);
		if (features.length === 0 && findColumn(table, req.target) !== undefined)
			fail(`${req.csv}: no numeric feature columns besides the target "${req.target}"`, 2);
		const selection = selectDataset(table, {
			features,
			target: req.target,
			task: req.model === 'logistic' ? 'classification' : 'regression'
		});
		const n = selection.dropped;
		if (n > 0)
			process.stderr.write(
				`fit: skipped ${n} row${n === 1 ? '' : 's'} with a missing or non-numeric value ` +
					`(line ${describeLines(selection.droppedLines, n)})\n`
			);
		const fit = fitModel(req.model, selection.dataset, { alpha: req.alpha, C: req.C });
		if ('converged' in fit && fit.converged === false)
			process.stderr.write('fit: warning: stopped at the iteration limit before converging\n');
		const out = {
			model: req.model,
			coef: Array.from(fit.coef),
			intercept: fit.intercept,
			objective: fit.objective
		};
		process.stdout.write(JSON.stringify(out) + '\n');
	} catch (e) {
		if (e instanceof DataError) fail(`${req.csv}: ${e.message}`, 2);
		if (e instanceof ModelError) fail(e.message, 2);
		throw e;
	}
}

try {
	main();
} catch (err) {
	fail(`internal error: ${err instanceof Error ? err.message : String(err)}`, 1);
}
