/**
 * Argument parsing for the trajectory CLI, kept apart from process I/O so it can be tested directly.
 * Hand-written because values such as `--start -1.5,2` begin with a dash, which generic parsers reject.
 */
import { getTestFunction, testFunctionIds } from '../lib/core/functions';
import { getOptimizer, optimizerIds, parseHyperValue, resolveHyper } from '../lib/core/optimizers';
import type { AnyOptimizer, HyperValue } from '../lib/core/optimizers';
import { parseDecimal } from '../lib/core/number-text';
import { tokenizeArgs } from './args';

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

export function parseTrajectoryArgs(argv: readonly string[]): ParseResult {
	const tokens = tokenizeArgs(argv, VALUE_FLAGS);
	if (typeof tokens === 'string') return { kind: 'error', message: tokens };
	if (tokens.help) return { kind: 'help' };

	const single = new Map<Flag, string>();
	const sets: string[] = [];
	for (const [name, value] of tokens.pairs) {
		const flag = name as Flag;
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
	const sx = parts.length === 2 ? parseDecimal(parts[0]) : undefined;
	const sy = parts.length === 2 ? parseDecimal(parts[1]) : undefined;
	if (sx === undefined || sy === undefined)
		return { kind: 'error', message: `--start must be two finite numbers X,Y, got "${startText}"` };

	const stepsText = single.get('steps') ?? '200';
	const steps = parseDecimal(stepsText);
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
