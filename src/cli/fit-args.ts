/**
 * Argument parsing for the fit CLI, kept apart from process I/O so it can be tested directly.
 * `--flag value` and `--flag=value` both work; numbers must be finite.
 */
import { isModelId, modelIds, type ModelId } from '../lib/core/models';
import { parseDecimal } from '../lib/core/number-text';
import { collectFlags, nonNegative, tokenizeArgs } from './args';

export interface FitRequest {
	model: ModelId;
	csv: string;
	target: string;
	features: string[] | undefined;
	alpha: number | undefined;
	C: number | undefined;
}

export type FitParseResult =
	{ kind: 'help' } | { kind: 'ok'; request: FitRequest } | { kind: 'error'; message: string };

const VALUE_FLAGS = ['model', 'csv', 'target', 'features', 'alpha', 'C'] as const;

export function parseFitArgs(argv: readonly string[]): FitParseResult {
	const tokens = tokenizeArgs(argv, VALUE_FLAGS);
	if (typeof tokens === 'string') return { kind: 'error', message: tokens };
	// Unlike the other CLIs, a repeated flag is reported even when help is asked for.
	const flags = collectFlags(tokens.pairs);
	if (typeof flags === 'string') return { kind: 'error', message: flags };
	if (tokens.help) return { kind: 'help' };
	const single = flags.single;

	const model = single.get('model');
	if (model === undefined)
		return { kind: 'error', message: `missing --model (one of: ${modelIds.join(', ')})` };
	if (!isModelId(model))
		return { kind: 'error', message: `unknown model "${model}" (one of: ${modelIds.join(', ')})` };
	const csv = single.get('csv');
	if (csv === undefined || csv === '') return { kind: 'error', message: 'missing --csv PATH' };
	const target = single.get('target');
	if (target === undefined || target === '') return { kind: 'error', message: 'missing --target COLUMN' };

	let features: string[] | undefined;
	const featuresText = single.get('features');
	if (featuresText !== undefined) {
		features = featuresText.split(',');
		if (features.some((f) => f === ''))
			return {
				kind: 'error',
				message: `--features takes column names separated by commas, got "${featuresText}"`
			};
	}

	let alpha: number | undefined;
	const alphaText = single.get('alpha');
	if (alphaText !== undefined) {
		if (model !== 'ridge' && model !== 'lasso')
			return { kind: 'error', message: `--alpha applies to ridge and lasso, not ${model}` };
		const parsed = nonNegative('alpha', alphaText);
		if (!parsed.ok) return { kind: 'error', message: parsed.message };
		alpha = parsed.value;
	}

	let C: number | undefined;
	const cText = single.get('C');
	if (cText !== undefined) {
		if (model !== 'logistic') return { kind: 'error', message: `--C applies to logistic, not ${model}` };
		C = parseDecimal(cText);
		if (C === undefined || C <= 0)
			return { kind: 'error', message: `--C must be a finite number > 0, got "${cText}"` };
	}

	return { kind: 'ok', request: { model, csv, target, features, alpha, C } };
}
