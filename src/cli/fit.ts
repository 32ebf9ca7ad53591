/**
 * `npm run --silent fit -- --model linear|ridge|lasso|logistic --csv PATH --target COL [--features a,b]
 *                          [--alpha A] [--C C]`
 * Fits one regression model to a CSV file with the same core as the page and prints
 * {"model", "coef", "intercept", "objective"} as JSON (objectives as scikit-learn defines them).
 */
import { readFileSync } from 'node:fs';
import { CsvError, parseCsv } from '../lib/core/models/csv';
import { fitModel, ModelError } from '../lib/core/models';
import { datasetFromTable } from '../lib/core/models/table';
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
		'Rows with a missing or non-numeric cell in a chosen column are skipped (noted on stderr).',
		'Exit code 0 on success; 2 for bad arguments or data that cannot be fitted.'
	].join('\n');
}

function fail(message: string, code: number): never {
	process.stderr.write(`fit: ${message}\n`);
	process.exit(code);
}

function describeLines(lines: number[]): string {
	const shown = lines.slice(0, 10).join(', ');
	return lines.length > 10 ? `${shown}, ... (${lines.length} in all)` : shown;
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

	let text: string;
	try {
		text = readFileSync(req.csv, 'utf8');
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		fail(`cannot read --csv ${req.csv}${code ? ` (${code})` : ''}`, 2);
	}
	try {
		const table = datasetFromTable(parseCsv(text), req.target, req.features, req.model === 'logistic');
		if (table.dropped.length > 0)
			process.stderr.write(
				`fit: skipped ${table.dropped.length} row${table.dropped.length === 1 ? '' : 's'} with a missing or ` +
					`non-numeric value (line ${describeLines(table.dropped)})\n`
			);
		const fit = fitModel(req.model, table.dataset, { alpha: req.alpha, C: req.C });
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
		if (e instanceof CsvError) fail(`${req.csv}: ${e.message}`, 2);
		if (e instanceof ModelError) fail(e.message, 2);
		throw e;
	}
}

try {
	main();
} catch (err) {
	fail(`internal error: ${err instanceof Error ? err.message : String(err)}`, 1);
}
