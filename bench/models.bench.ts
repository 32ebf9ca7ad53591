/**
 * `npm run bench`, regression part: fit time of each model on 10,000 rows x 10 features, and CSV parse
 * throughput (parse + numeric columns) on a generated file of about 20 MB. Medians; printed, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { parseCsv, numericColumns } from '../src/lib/core/models/csv';
import { fitModel, modelIds, type Dataset } from '../src/lib/core/models';
import { createRng } from '../src/lib/core/random/rng';
import { median } from './stats';

const n = 10_000;
const p = 10;
const rng = createRng(2024);
const x = new Float64Array(n * p);
const yReg = new Float64Array(n);
const yCls = new Float64Array(n);
const w = Array.from({ length: p }, (_, j) => (j % 3 === 0 ? 0 : rng.range(-2, 2)));
for (let i = 0; i < n; i++) {
	let s = 0.5;
	for (let j = 0; j < p; j++) {
		const v = rng.normal();
		x[i * p + j] = v;
		s += w[j] * v;
	}
	yReg[i] = s + 0.3 * rng.normal();
	yCls[i] = s + rng.normal() > 0 ? 1 : 0;
}

console.log('');
console.log(`Regression: fit on ${n.toLocaleString('en')} rows x ${p} features, median of 9:`);
for (const model of modelIds) {
	const d: Dataset = { x, y: model === 'logistic' ? yCls : yReg, n, p };
	const times: number[] = [];
	for (let r = 0; r < 11; r++) {
		const t0 = performance.now();
		fitModel(model, d, { alpha: 0.05, C: 1 });
		if (r >= 2) times.push(performance.now() - t0);
	}
	console.log(`  ${model.padEnd(9)} ${median(times).toFixed(2)} ms`);
}

// About 20 MB of CSV: 11 numeric columns at 17 significant digits.
const rows: string[] = ['x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,y'];
const target = 20 * 1024 * 1024;
let bytes = rows[0].length + 1;
for (let i = 0; bytes < target; i++) {
	const cells: string[] = [];
	for (let j = 0; j < p; j++) cells.push(x[(i % n) * p + j].toPrecision(17));
	cells.push(yReg[i % n].toPrecision(17));
	const line = cells.join(',');
	rows.push(line);
	bytes += line.length + 1;
}
const text = rows.join('\n');
const times: number[] = [];
for (let r = 0; r < 5; r++) {
	const t0 = performance.now();
	const parsed = parseCsv(text);
	numericColumns(parsed, parsed.header);
	times.push(performance.now() - t0);
}
const mb = text.length / (1024 * 1024);
console.log(
	`CSV parse + numeric columns: ${mb.toFixed(1)} MB (${(rows.length - 1).toLocaleString('en')} rows) in ` +
		`${median(times).toFixed(0)} ms, ${(mb / (median(times) / 1000)).toFixed(1)} MB/s`
);
