/**
 * Argument parsing for the trajectory CLI, kept apart from process I/O so it can be tested directly.
 * Hand-written because values such as `--start -1.5,2` begin with a dash, which generic parsers reject.
 */
import { getTestFunction, testFunctionIds } from '../lib/core/functions';
import { getOptimizer, optimizerIds } from '../lib/core/optimizers';
import type { AnyOptimizer, HyperValue } from '../lib/core/optimizers';
import { parseDecimal } from '../lib/core/number-text';
import { readArgs, resolveSets, wholeNumber } from './args';

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

export function parseTrajectoryArgs(argv: readonly string[]): ParseResult {
	const args = readArgs(argv, VALUE_FLAGS, 'set');
	if (args.kind !== 'flags') return args;
	const { single, list: sets } = args;

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

	const steps = wholeNumber('steps', single.get('steps') ?? '200', 0, MAX_STEPS);
	if (!steps.ok) return { kind: 'error', message: steps.message };

	const format = single.get('format') ?? 'json';
	if (format !== 'json' && format !== 'csv')
		return { kind: 'error', message: `--format must be json or csv, got "${format}"` };

	const resolved = resolveSets(optimizer, sets);
	if (!resolved.ok) return { kind: 'error', message: resolved.message };

	return {
		kind: 'ok',
		request: {
			functionId,
			expr,
			optimizer,
			hyper: resolved.value,
			start: [sx, sy],
			steps: steps.value,
			format
		}
	};
}
