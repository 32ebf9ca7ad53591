/**
 * `npm run --silent trajectory -- --function ID --optimizer ID --start X,Y --steps N [--set key=value ...]
 *                                 [--expr "EXPR"] [--format json|csv]`
 * Prints one optimizer's trajectory on one function, computed by the same core as the page.
 */
import { getTestFunction, testFunctions } from '../lib/core/functions';
import type { Objective2D } from '../lib/core/objective';
import { formatHyperValue, optimizers } from '../lib/core/optimizers';
import { trajectoryRecord } from '../lib/core/run/record';
import { runTrajectory, type Trajectory } from '../lib/core/run/trajectory';
import { parseTrajectoryArgs, type TrajectoryRequest } from './trajectory-args';

function helpText(): string {
	const lines = [
		'Usage: npm run --silent trajectory -- --function ID --optimizer ID --start X,Y [--steps N]',
		'                                      [--set key=value ...] [--expr "EXPR"] [--format json|csv]',
		'',
		'Runs one optimizer from a start point and prints its iterates [x, y, f(x, y)].',
		'  --function ID     a test function below, or "custom" with --expr',
		'  --expr "EXPR"     an expression in x and y (mathjs syntax), e.g. "x^2 + 3*y^2"',
		'  --optimizer ID    an optimizer below',
		'  --start X,Y       start point; negative values work: --start -1.5,2 or --start=-1.5,2',
		'  --steps N         number of updates (default 200)',
		'  --set key=value   a hyperparameter (repeatable): --set lr=0.01 --set betas=0.9,0.999 --set amsgrad=true',
		'  --format F        json (default) or csv',
		'',
		'Status: ok, diverged (stopped at the first non-finite iterate, which is not printed) or singular.',
		'Exit code 0 for every completed run; 2 for bad arguments.',
		'',
		'Functions:'
	];
	for (const f of testFunctions) lines.push(`  ${f.id.padEnd(18)} ${f.formula}`);
	lines.push(
		`  ${'custom'.padEnd(18)} with --expr; allowed: numbers, x, y, pi, e, + - * / ^, sin cos tan asin`
	);
	lines.push(`  ${''.padEnd(18)} acos atan sinh cosh tanh exp log log10 sqrt abs min max`);
	lines.push('', "Optimizers and their hyperparameters (defaults are PyTorch's):");
	for (const o of optimizers) {
		lines.push(`  ${o.id.padEnd(10)} ${o.label} — ${o.torch}`);
		for (const h of o.hyper)
			lines.push(`      ${h.key.padEnd(26)} default ${formatHyperValue(h.default).padEnd(12)} ${h.help}`);
	}
	return lines.join('\n');
}

async function objectiveFor(req: TrajectoryRequest): Promise<Objective2D | string> {
	if (req.functionId !== 'custom') return getTestFunction(req.functionId)!;
	// mathjs is loaded only for typed expressions, to keep the common call fast.
	const { compileExpression } = await import('../lib/core/expression');
	const compiled = compileExpression(req.expr ?? '');
	if (!compiled.ok) return `invalid --expr: ${compiled.error.message}`;
	return compiled.value;
}

function toCsv(points: Float64Array, count: number): string {
	const rows = ['step,x,y,f'];
	for (let k = 0; k < count; k++)
		rows.push(`${k},${points[3 * k]},${points[3 * k + 1]},${points[3 * k + 2]}`);
	return rows.join('\n') + '\n';
}

function toJson(req: TrajectoryRequest, t: Trajectory): string {
	const record = trajectoryRecord(req.functionId, req.expr, req.optimizer.id, req.hyper, req.start, t);
	return JSON.stringify(record) + '\n';
}

function fail(message: string, code: number): never {
	process.stderr.write(`trajectory: ${message}\n`);
	process.exit(code);
}

async function main(): Promise<void> {
	// A closed pipe (e.g. `| head`) is not an error worth a stack trace.
	process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));
	const parsed = parseTrajectoryArgs(process.argv.slice(2));
	if (parsed.kind === 'help') {
		process.stdout.write(helpText() + '\n');
		return;
	}
	if (parsed.kind === 'error') fail(parsed.message, 2);
	const req = parsed.request;
	const objective = await objectiveFor(req);
	if (typeof objective === 'string') fail(objective, 2);
	if (req.optimizer.needs === 'hessian' && typeof objective.hessian !== 'function')
		fail(`${req.optimizer.id} needs a Hessian, which this function does not provide`, 2);
	const t = runTrajectory(objective, req.optimizer, req.hyper, req.start, req.steps);
	process.stdout.write(req.format === 'csv' ? toCsv(t.points, t.count) : toJson(req, t));
}

main().catch((err: unknown) =>
	fail(`internal error: ${err instanceof Error ? err.message : String(err)}`, 1)
);
