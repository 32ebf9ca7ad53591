/**
 * Argument parsing for the trajectory CLI, kept apart from process I/O so it can be tested directly.
 * Hand-written because values such as `--start -1.5,2` begin with a dash, which generic parsers reject.
 */
import { getTestFunction, testFunctionIds } from '../lib/core/functions';
import { getOptimizer, optimizerIds, parseHyperValue, resolveHyper } from '../lib/core/optimizers';
import type { AnyOptimizer, HyperValue } from '../lib/core/optimizers';

export interface TrajectoryRequest {
	functionId: string;
	expr: string | undefined;
	optimizer: AnyOptimizer;
	hyper: Record<string, HyperValue>;
	start: [number, number];
	steps: number;
	format: 'json' | 'csv';
}

export type ParseResult =
	{ kind: 'help' } | { kind: 'ok'; request: TrajectoryRequest } | { kind: 'error'; message: string };

export const MAX_STEPS = 1_000_000;

const VALUE_FLAGS = ['function', 'optimizer', 'start', 'steps', 'set', 'expr', 'format'] as const;
type Flag = (typeof VALUE_FLAGS)[number];

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseFinite(text: string): number | undefined {
	const t = text.trim();
	if (!NUMBER.test(t)) return undefined;
	const v = Number(t);
	return Number.isFinite(v) ? v : undefined;
}

/** Splits argv into flag/value pairs; `--flag value` and `--flag=value` both work, whatever the value starts with. */
function tokenize(argv: readonly string[]): { pairs: [Flag, string][]; help: boolean } | string {
	const pairs: [Flag, string][] = [];
	let help = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') {
			help = true;
			continue;
		}
		if (!arg.startsWith('--')) return `unexpected argument "${arg}" (flags start with --; see --help)`;
		const eq = arg.indexOf('=');
		const name = arg.slice(2, eq === -1 ? undefined : eq);
		if (!(VALUE_FLAGS as readonly string[]).includes(name)) return `unknown option "--${name}" (see --help)`;
		let value: string;
		if (eq !== -1) value = arg.slice(eq + 1);
		else {
			if (i + 1 >= argv.length) return `--${name} needs a value`;
			value = argv[++i];
		}
		pairs.push([name as Flag, value]);
	}
	return { pairs, help };
}

export function parseTrajectoryArgs(argv: readonly string[]): ParseResult {
	const tokens = tokenize(argv);
	if (typeof tokens === 'string') return { kind: 'error', message: tokens };
	if (tokens.help) return { kind: 'help' };

	const single = new Map<Flag, string>();
	const sets: string[] = [];
	for (const [flag, value] of tokens.pairs) {
		if (flag === 'set') sets.push(value);
		else if (single.has(flag)) return { kind: 'error', message: `--${flag} given more than once` };
		else single.set(flag, value);
	}

	const expr = single.get('expr');
	const functionId = single.get('function') ?? (expr !== undefined ? 'custom' : undefined);
	if (functionId === undefined)
		return { kind: 'error', message: 'missing --function (see --help for the list)' };
	if (functionId === 'custom') {
		if (expr === undefined) return { kind: 'error', message: '--function custom needs --expr "EXPRESSION"' };
	} else {
		if (!getTestFunction(functionId))
			return {
				kind: 'error',
				message: `unknown function "${functionId}" (one of: ${testFunctionIds.join(', ')}, custom)`
			};
		if (expr !== undefined) return { kind: 'error', message: '--expr goes with --function custom' };
	}

	const optimizerId = single.get('optimizer');
	if (optimizerId === undefined)
		return { kind: 'error', message: 'missing --optimizer (see --help for the list)' };
	const optimizer = getOptimizer(optimizerId);
	if (!optimizer)
		return {
			kind: 'error',
			message: `unknown optimizer "${optimizerId}" (one of: ${optimizerIds.join(', ')})`
		};

	const startText = single.get('start');
	if (startText === undefined) return { kind: 'error', message: 'missing --start X,Y' };
	const parts = startText.split(',');
	const sx = parts.length === 2 ? parseFinite(parts[0]) : undefined;
	const sy = parts.length === 2 ? parseFinite(parts[1]) : undefined;
	if (sx === undefined || sy === undefined)
		return { kind: 'error', message: `--start must be two finite numbers X,Y, got "${startText}"` };

	const stepsText = single.get('steps') ?? '200';
	const steps = parseFinite(stepsText);
	if (steps === undefined || !Number.isInteger(steps) || steps < 0 || steps > MAX_STEPS)
		return {
			kind: 'error',
			message: `--steps must be a whole number from 0 to ${MAX_STEPS}, got "${stepsText}"`
		};

	const format = single.get('format') ?? 'json';
	if (format !== 'json' && format !== 'csv')
		return { kind: 'error', message: `--format must be json or csv, got "${format}"` };

	const given: Record<string, HyperValue> = {};
	for (const s of sets) {
		const eq = s.indexOf('=');
		if (eq <= 0) return { kind: 'error', message: `--set takes key=value, got "${s}"` };
		const key = s.slice(0, eq);
		const spec = optimizer.hyper.find((h) => h.key === key);
		if (!spec) {
			const known = optimizer.hyper.map((h) => h.key).join(', ');
			return { kind: 'error', message: `${optimizer.id} has no hyperparameter "${key}" (it has: ${known})` };
		}
		const parsed = parseHyperValue(spec, s.slice(eq + 1));
		if (!parsed.ok) return { kind: 'error', message: parsed.message };
		given[key] = parsed.value;
	}
	const resolved = resolveHyper(optimizer, given);
	if (!resolved.ok) return { kind: 'error', message: resolved.message };

	return {
		kind: 'ok',
		request: { functionId, expr, optimizer, hyper: resolved.value, start: [sx, sy], steps, format }
	};
}
