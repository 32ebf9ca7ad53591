/**
 * `npm run bench`, regression part: fit time of each model on 10,000 rows x 10 features, and CSV reading
 * throughput (text to DataTable) on generated numeric files of about 20 MB and 60 MB, with the 60 MB one's
 * time and peak memory. Medians; printed, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCsvReader, readCsv } from '../src/lib/core/data/csv-reader';
import { fitModel, modelIds, type Dataset } from '../src/lib/core/models';
import { createRng } from '../src/lib/core/random/rng';
import { median } from './stats';
import { createParameterSurface } from '../src/lib/core/models/parameter-surface';
import { getOptimizer } from '../src/lib/core/optimizers';
import { runTrajectory } from '../src/lib/core/run/trajectory';

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

/**
 * About `megabytes` MB of CSV in 1 MB pieces: 11 numeric columns at 17 significant digits (the worst case).
 * Each piece is joined from an array, so it is a flat string like a decoded file chunk (not a rope).
 */
function numericCsv(megabytes: number): { pieces: string[]; rows: number; bytes: number } {
	const pieces: string[] = [];
	let lines: string[] = ['x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,y\n'];
	let size = lines[0].length;
	let bytes = 0;
	let rows = 0;
	for (let i = 0; bytes + size < megabytes * 1024 * 1024; i++) {
		const cells: string[] = [];
		for (let j = 0; j < p; j++) cells.push(x[(i % n) * p + j].toPrecision(17));
		cells.push(yReg[i % n].toPrecision(17));
		const line = cells.join(',') + '\n';
		lines.push(line);
		size += line.length;
		rows++;
		if (size >= 1 << 20) {
			pieces.push(lines.join(''));
			bytes += size;
			lines = [];
			size = 0;
		}
	}
	pieces.push(lines.join(''));
	bytes += size;
	return { pieces, rows, bytes };
}

const mb = (bytes: number): number => bytes / (1024 * 1024);

// ~20 MB as one string, read whole: the page's and the CLI's path minus the file reading.
{
	const { pieces, rows, bytes } = numericCsv(20);
	const text = pieces.join('');
	const times: number[] = [];
	for (let r = 0; r < 7; r++) {
		const t0 = performance.now();
		const table = readCsv(text);
		times.push(performance.now() - t0);
		if (table.rows !== rows) throw new Error(`read ${table.rows} rows, expected ${rows}`);
	}
	const t = median(times);
	console.log(
		`CSV read (readCsv): ${mb(bytes).toFixed(1)} MB, ${rows.toLocaleString('en')} rows x 11 in ` +
			`${t.toFixed(0)} ms, ${(mb(bytes) / (t / 1000)).toFixed(1)} MB/s (median of 7)`
	);
}

// ~60 MB pushed in 1 MB pieces (as the worker and the CLI stream it): time, and the heap + ArrayBuffer peak
// over the baseline, sampled after every piece and after finish (the text itself is excluded: made before).
{
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as () => void;
	const { pieces, rows, bytes } = numericCsv(60);
	const memory = (): number => {
		const m = process.memoryUsage();
		return m.heapUsed + m.arrayBuffers;
	};
	const times: number[] = [];
	let peak = 0;
	let tableBytes = 0;
	for (let r = 0; r < 5; r++) {
		gc();
		const base = memory();
		const t0 = performance.now();
		const reader = createCsvReader('60mb');
		for (const piece of pieces) {
			reader.push(piece);
			peak = Math.max(peak, memory() - base);
		}
		const table = reader.finish();
		times.push(performance.now() - t0);
		peak = Math.max(peak, memory() - base);
		if (table.rows !== rows) throw new Error(`read ${table.rows} rows, expected ${rows}`);
		tableBytes = table.lines.byteLength + table.columns.reduce((s, c) => s + c.values.byteLength, 0);
	}
	const t = median(times);
	console.log(
		`CSV read (streamed): ${mb(bytes).toFixed(1)} MB, ${rows.toLocaleString('en')} rows in ${t.toFixed(0)} ms, ` +
			`${(mb(bytes) / (t / 1000)).toFixed(1)} MB/s (median of 5); peak memory +${mb(peak).toFixed(0)} MB ` +
			`(the table itself: ${mb(tableBytes).toFixed(0)} MB)`
	);
}

// The linked loss surface: one recompute of a 3-run race (GD, momentum, Adam) x 1,000 steps, as on every
// drag of the start point. Squared losses cost O(1) per full-batch step; logistic O(n); mini-batches O(B).
{
	const gd = getOptimizer('gd')!;
	const momentum = getOptimizer('momentum')!;
	const adam = getOptimizer('adam')!;
	const race = (surface: ReturnType<typeof createParameterSurface>): number => {
		const t0 = performance.now();
		runTrajectory(surface, gd, { lr: 0.05 }, [0, 0], 1000);
		runTrajectory(surface, momentum, { lr: 0.05, momentum: 0.9 }, [0, 0], 1000);
		runTrajectory(surface, adam, { lr: 0.05 }, [0, 0], 1000);
		return performance.now() - t0;
	};
	const rows = (m: number) => {
		const xs = new Float64Array(m);
		const ys = new Float64Array(m);
		const cls = new Float64Array(m);
		for (let i = 0; i < m; i++) {
			xs[i] = x[i * p];
			ys[i] = yReg[i];
			cls[i] = yCls[i];
		}
		return { xs, ys, cls };
	};
	const cases: [string, () => ReturnType<typeof createParameterSurface>][] = [
		[
			'linear, 10,000 rows, full batch',
			() => {
				const r = rows(n);
				return createParameterSurface({ model: 'linear', axes: 'slope-intercept', x: r.xs, y: r.ys, n });
			}
		],
		[
			'linear, 10,000 rows, mini-batch 32',
			() => {
				const r = rows(n);
				return createParameterSurface({
					model: 'linear',
					axes: 'slope-intercept',
					x: r.xs,
					y: r.ys,
					n,
					batchSize: 32,
					seed: 1
				});
			}
		],
		[
			'logistic, 400 rows, full batch',
			() => {
				const r = rows(400);
				return createParameterSurface({
					model: 'logistic',
					axes: 'slope-intercept',
					x: r.xs,
					y: r.cls,
					n: 400
				});
			}
		],
		[
			'logistic, 1,000 rows (page cap), full batch',
			() => {
				const r = rows(1000);
				return createParameterSurface({
					model: 'logistic',
					axes: 'slope-intercept',
					x: r.xs,
					y: r.cls,
					n: 1000
				});
			}
		]
	];
	console.log('');
	console.log('Loss-surface race (3 runs x 1,000 steps), median of 9:');
	for (const [label, make] of cases) {
		const s = make();
		const times = Array.from({ length: 9 }, () => race(s));
		console.log(`  ${label.padEnd(46)} ${median(times).toFixed(2)} ms`);
	}
}
