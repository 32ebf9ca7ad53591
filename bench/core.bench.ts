/**
 * `npm run bench`: speed of the numerical core, printed as figures (never asserted: timings flake on
 * shared machines). Medians over many repetitions after a warm-up.
 *   - steps per second for each optimizer on Rosenbrock, built in and typed as an expression
 *   - the recompute one drag event costs in the page: 14 trajectories x 1,000 steps
 *   - CLI start-up: wall time of one `npm run --silent trajectory` call
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { compileExpression } from '../src/lib/core/expression';
import { getTestFunction } from '../src/lib/core/functions';
import type { Objective2D } from '../src/lib/core/objective';
import { optimizers, resolveHyper, type AnyOptimizer, type HyperValues } from '../src/lib/core/optimizers';
import { createTrajectoryBuffer, runTrajectory } from '../src/lib/core/run/trajectory';
import { median, quantile } from './stats';

const rosenbrock = getTestFunction('rosenbrock')!;
const typed = compileExpression('(1 - x)^2 + 100 * (y - x^2)^2');
if (!typed.ok) throw new Error(typed.error.message);
const rosenbrockTyped = typed.value;

/** Learning rates that keep every run finite on Rosenbrock from (-1.5, 2) for 1,000 steps. */
const benchLr: Record<string, number> = { gd: 1e-4, sgd: 1e-4, momentum: 1e-4, nesterov: 1e-4, newton: 1 };

function hyperFor(opt: AnyOptimizer, extra: HyperValues = {}): HyperValues {
	const given: Record<string, number | boolean | readonly [number, number]> = { ...extra };
	if (benchLr[opt.id] !== undefined) given.lr = benchLr[opt.id];
	if (opt.id === 'sgd') given.noise = 1;
	const r = resolveHyper(opt, given);
	if (!r.ok) throw new Error(r.message);
	return r.value;
}

/** Runs fn repeatedly (after warm-up) and returns each repetition's milliseconds. */
function sample(fn: () => void, reps: number, warmup = Math.ceil(reps / 5)): number[] {
	for (let i = 0; i < warmup; i++) fn();
	const out: number[] = [];
	for (let i = 0; i < reps; i++) {
		const t0 = performance.now();
		fn();
		out.push(performance.now() - t0);
	}
	return out;
}

const STEPS = 1000;
const start: [number, number] = [-1.5, 2];

function stepsPerSecond(objective: Objective2D, opt: AnyOptimizer): { rate: number; status: string } {
	const h = hyperFor(opt);
	const buf = createTrajectoryBuffer(STEPS);
	let status = 'ok';
	const times = sample(() => {
		status = runTrajectory(objective, opt, h, start, STEPS, buf).status;
	}, 200);
	return { rate: STEPS / (median(times) / 1000), status };
}

function fmtRate(r: number): string {
	return r >= 1e6 ? `${(r / 1e6).toFixed(2)} M` : `${(r / 1e3).toFixed(0)} k`;
}

console.log(`Optimizer Playground core benchmark — node ${process.version}, ${new Date().toISOString()}`);
console.log('');
console.log('Steps per second on Rosenbrock from (-1.5, 2), 1,000-step runs, median of 200:');
console.log(
	`  ${'optimizer'.padEnd(10)} ${'built-in'.padStart(12)} ${'typed expr'.padStart(12)} ${'ratio'.padStart(7)}`
);
for (const opt of optimizers) {
	const a = stepsPerSecond(rosenbrock, opt);
	const b = stepsPerSecond(rosenbrockTyped, opt);
	const note = a.status !== 'ok' || b.status !== 'ok' ? `  (status ${a.status}/${b.status})` : '';
	console.log(
		`  ${opt.id.padEnd(10)} ${fmtRate(a.rate).padStart(12)} ${fmtRate(b.rate).padStart(12)} ${(a.rate / b.rate).toFixed(2).padStart(7)}${note}`
	);
}

// One drag event in the page: 14 runs (every optimizer, plus Adam at a second learning rate) recomputed
// from a new start into preallocated buffers.
const roster = [...optimizers.map((o) => ({ opt: o, h: hyperFor(o) }))];
const adam = optimizers.find((o) => o.id === 'adam')!;
roster.push({ opt: adam, h: hyperFor(adam, { lr: 0.01 }) });
const buffers = roster.map(() => createTrajectoryBuffer(STEPS));

function dragRecompute(objective: Objective2D): number[] {
	let i = 0;
	return sample(
		() => {
			// A slightly different start each time, as while dragging.
			const s: [number, number] = [-1.5 + 1e-4 * (i % 50), 2 - 1e-4 * (i % 37)];
			i++;
			for (let r = 0; r < roster.length; r++)
				runTrajectory(objective, roster[r].opt, roster[r].h, s, STEPS, buffers[r]);
		},
		300,
		60
	);
}

console.log('');
console.log(`One drag event: ${roster.length} trajectories x ${STEPS} steps, 300 repetitions:`);
const typedGp = compileExpression(
	'(1+(x+y+1)^2*(19-14*x+3*x^2-14*y+6*x*y+3*y^2))*(30+(2*x-3*y)^2*(18-32*x+12*x^2+48*y-36*x*y+27*y^2))'
);
if (!typedGp.ok) throw new Error(typedGp.error.message);
for (const [name, objective, target] of [
	['built-in Rosenbrock', rosenbrock, '< 2 ms'],
	['typed Rosenbrock', rosenbrockTyped, '< 4 ms'],
	['typed Goldstein-Price', typedGp.value, 'none: a large expression']
] as const) {
	const t = dragRecompute(objective);
	console.log(
		`  ${name.padEnd(22)} median ${median(t).toFixed(3)} ms, p95 ${quantile(t, 0.95).toFixed(3)} ms  (target ${target})`
	);
}

// Expression compile (parse + whitelist + symbolic gradient and Hessian + closures), once per edit.
console.log('');
console.log('Compiling a typed expression (once per edit), median of 50:');
for (const [name, text] of [
	['Rosenbrock', '(1 - x)^2 + 100 * (y - x^2)^2'],
	[
		'Goldstein-Price',
		'(1+(x+y+1)^2*(19-14*x+3*x^2-14*y+6*x*y+3*y^2))*(30+(2*x-3*y)^2*(18-32*x+12*x^2+48*y-36*x*y+27*y^2))'
	]
] as const) {
	const t = sample(() => compileExpression(text), 50, 5);
	console.log(`  ${name.padEnd(20)} median ${median(t).toFixed(2)} ms`);
}

// CLI start-up, as scripts calling it in a loop see it.
if (!process.argv.includes('--no-cli')) {
	const cli = (args: string[]) => () =>
		execFileSync('npm', ['run', '--silent', 'trajectory', '--', ...args], {
			stdio: ['ignore', 'pipe', 'pipe']
		});
	console.log('');
	console.log('CLI wall time per call (npm run --silent trajectory, 200 steps), median of 7:');
	for (const [name, args] of [
		['built-in function', ['--function', 'rosenbrock', '--optimizer', 'adam', '--start', '-1.5,2']],
		['typed expression', ['--expr', 'x^2 + 3*y^2', '--optimizer', 'adam', '--start', '-1.5,2']]
	] as const) {
		const t = sample(cli([...args]), 7, 1);
		console.log(`  ${name.padEnd(20)} median ${median(t).toFixed(0)} ms`);
	}
}
