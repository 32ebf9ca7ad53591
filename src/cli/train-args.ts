/**
 * Argument parsing for the train CLI, kept apart from process I/O so it can be tested directly.
 * Every problem is one message naming the flag and what it accepts.
 */
import { getPlaygroundSet, playgroundSetIds, type PlaygroundSetInfo } from '../lib/core/data/playground-sets';
import { activations, initSchemes, MAX_WIDTH, type Activation, type InitScheme } from '../lib/core/nn/mlp';
import { getOptimizer, optimizerIds } from '../lib/core/optimizers';
import type { AnyOptimizer, HyperValue } from '../lib/core/optimizers';
import { parseDecimal } from '../lib/core/number-text';
import { nonNegative, readArgs, resolveSets, wholeNumber, type Parsed } from './args';

export interface TrainRequest {
	dataset: PlaygroundSetInfo;
	points: number;
	noise: number;
	testRatio: number;
	hidden: number[];
	activation: Activation[];
	init: InitScheme;
	l1: number;
	l2: number;
	optimizer: AnyOptimizer;
	hyper: Record<string, HyperValue>;
	epochs: number;
	batch: number;
	seed: number;
}

export type TrainParseResult =
	{ kind: 'help' } | { kind: 'ok'; request: TrainRequest } | { kind: 'error'; message: string };

export const MAX_EPOCHS = 100_000;
export const MAX_POINTS = 100_000;

const VALUE_FLAGS = [
	'dataset',
	'points',
	'noise',
	'test-ratio',
	'hidden',
	'activation',
	'init',
	'l1',
	'l2',
	'optimizer',
	'set',
	'epochs',
	'batch',
	'seed'
] as const;

/** Optimizers the trainer can use: all but those that need a Hessian. */
export const trainOptimizerIds: readonly string[] = optimizerIds.filter(
	(id) => getOptimizer(id)?.needs !== 'hessian'
);

function parseHidden(text: string): Parsed<number[]> {
	const t = text.trim();
	if (t === '' || t === '0') return { ok: true, value: [] };
	const widths = t.split(',').map((s) => parseDecimal(s));
	if (widths.some((w) => w === undefined || !Number.isInteger(w) || w < 1 || w > MAX_WIDTH))
		return {
			ok: false,
			message: `--hidden takes layer widths from 1 to ${MAX_WIDTH} separated by commas, e.g. 8,8 (0 or '' for none), got "${text}"`
		};
	return { ok: true, value: widths as number[] };
}

function parseActivation(text: string, layers: number): Parsed<Activation[]> {
	const names = text.split(',').map((s) => s.trim());
	const allowed = activations.join(', ');
	for (const name of names)
		if (!activations.includes(name as Activation))
			return {
				ok: false,
				message: `--activation must be one of ${allowed} (or one per hidden layer), got "${text}"`
			};
	if (names.length === 1)
		return { ok: true, value: Array.from({ length: layers }, () => names[0] as Activation) };
	if (names.length !== layers)
		return {
			ok: false,
			message: `--activation lists ${names.length} activations for ${layers} hidden layers (give one, or one per layer)`
		};
	return { ok: true, value: names as Activation[] };
}

export function parseTrainArgs(argv: readonly string[]): TrainParseResult {
	const args = readArgs(argv, VALUE_FLAGS, 'set');
	if (args.kind !== 'flags') return args;
	const { single, list: sets } = args;
	const fail = (message: string): TrainParseResult => ({ kind: 'error', message });

	const datasetId = single.get('dataset');
	if (datasetId === undefined) return fail(`missing --dataset (one of: ${playgroundSetIds.join(', ')})`);
	const dataset = getPlaygroundSet(datasetId);
	if (!dataset) return fail(`unknown dataset "${datasetId}" (one of: ${playgroundSetIds.join(', ')})`);

	const optimizerId = single.get('optimizer');
	if (optimizerId === undefined) return fail(`missing --optimizer (one of: ${trainOptimizerIds.join(', ')})`);
	const optimizer = getOptimizer(optimizerId);
	if (!optimizer) return fail(`unknown optimizer "${optimizerId}" (one of: ${trainOptimizerIds.join(', ')})`);
	if (optimizer.needs === 'hessian')
		return fail(
			`--optimizer ${optimizerId} needs a Hessian, which network training does not compute (one of: ${trainOptimizerIds.join(', ')})`
		);

	const points = wholeNumber('points', single.get('points') ?? '500', 2, MAX_POINTS);
	if (!points.ok) return fail(points.message);
	const noise = nonNegative('noise', single.get('noise') ?? '0');
	if (!noise.ok) return fail(noise.message);
	const ratioText = single.get('test-ratio') ?? '0.5';
	const testRatio = parseDecimal(ratioText);
	if (testRatio === undefined || testRatio <= 0 || testRatio >= 1)
		return fail(`--test-ratio must be a number strictly between 0 and 1, got "${ratioText}"`);

	const hidden = parseHidden(single.get('hidden') ?? '4,2');
	if (!hidden.ok) return fail(hidden.message);
	const activation = parseActivation(single.get('activation') ?? 'tanh', hidden.value.length);
	if (!activation.ok) return fail(activation.message);
	const init = single.get('init') ?? 'xavier';
	if (!initSchemes.includes(init as InitScheme))
		return fail(`--init must be one of ${initSchemes.join(', ')}, got "${init}"`);
	const l1 = nonNegative('l1', single.get('l1') ?? '0');
	if (!l1.ok) return fail(l1.message);
	const l2 = nonNegative('l2', single.get('l2') ?? '0');
	if (!l2.ok) return fail(l2.message);

	const epochs = wholeNumber('epochs', single.get('epochs') ?? '100', 0, MAX_EPOCHS);
	if (!epochs.ok) return fail(epochs.message);
	const batch = wholeNumber('batch', single.get('batch') ?? '10', 1, MAX_POINTS);
	if (!batch.ok) return fail(batch.message);
	const seed = wholeNumber('seed', single.get('seed') ?? '0', 0, 2 ** 32 - 1);
	if (!seed.ok) return fail(seed.message);

	const resolved = resolveSets(optimizer, sets, '--set: ');
	if (!resolved.ok) return fail(resolved.message);

	return {
		kind: 'ok',
		request: {
			dataset,
			points: points.value,
			noise: noise.value,
			testRatio,
			hidden: hidden.value,
			activation: activation.value,
			init: init as InitScheme,
			l1: l1.value,
			l2: l2.value,
			optimizer,
			hyper: resolved.value,
			epochs: epochs.value,
			batch: batch.value,
			seed: seed.value
		}
	};
}
