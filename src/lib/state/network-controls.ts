/**
 * The network page's numeric settings declared once as data (the optimizers' hyperparameter shape), so the
 * shared HyperControl draws their sliders and exact-entry fields and checks them; plus the hidden-layer
 * field's parser.
 */
import { MAX_WIDTH } from '../core/nn/mlp';
import type { NumberHyper } from '../core/optimizers/types';
import { countSpec, numberSpec, seedSpec, testShareSpec } from './setting-specs';

/** A penalty weight: 0 by default (off), 1e-5 to 0.1 on a log slider, up to 10 typed. */
function penaltySpec(key: string, label: string, help: string): NumberHyper {
	return numberSpec({
		key,
		label,
		help,
		default: 0,
		min: 1e-5,
		max: 0.1,
		log: true,
		domain: { lower: 0, upper: 10 }
	});
}

export const POINTS_SPEC = countSpec({
	key: 'points',
	label: 'points',
	help: 'Rows generated (training and test together).',
	default: 500,
	min: 20,
	max: 2000,
	domain: { lower: 4, upper: 5000 }
});

export const NOISE_SPEC = numberSpec({
	key: 'noise',
	label: 'noise',
	help: 'How far the points scatter from the clean pattern (TensorFlow Playground’s noise / 100).',
	default: 0,
	min: 0,
	max: 0.5,
	log: false,
	domain: { lower: 0, upper: 1 }
});

export const DATA_SEED_SPEC = seedSpec(
	'data seed',
	'data seed',
	'Same seed, same points and the same train/test split.'
);

export const TEST_SPEC = testShareSpec('Share of the rows held out for testing.', 0.5, 0.1);

export const L1_SPEC = penaltySpec(
	'l1',
	'L1 penalty',
	'Adds l1 · Σ|W| to the loss (weights, not biases): pushes weights to exactly 0.'
);

export const L2_SPEC = penaltySpec(
	'l2',
	'L2 penalty',
	'Adds (l2/2) · ΣW² to the loss (weights, not biases): shrinks every weight.'
);

export const INIT_SEED_SPEC = seedSpec(
	'seed',
	'weights seed',
	'Seed of the initial weights and of the mini-batch shuffles: same seed, same network.'
);

export const BATCH_SPEC = countSpec({
	key: 'batch',
	label: 'batch size',
	help: 'Rows per gradient step; the last batch of an epoch may be smaller.',
	default: 10,
	min: 1,
	max: 500,
	domain: { lower: 1, upper: 100000 }
});

export const EPOCHS_SPEC = countSpec({
	key: 'epochs',
	label: 'epochs',
	help: 'Training pauses by itself after this many epochs.',
	default: 1000,
	min: 1,
	max: 20000,
	domain: { lower: 1, upper: 1000000 }
});

export const MAX_HIDDEN_LAYERS = 6;

/** Parses "8, 8" (widths of the hidden layers; empty for none): the widths, or why not. */
export function parseHidden(text: string): { ok: true; value: number[] } | { ok: false; message: string } {
	const t = text.trim();
	if (t === '' || t === '0') return { ok: true, value: [] };
	const parts = t.split(',').map((p) => p.trim());
	if (parts.length > MAX_HIDDEN_LAYERS)
		return { ok: false, message: `at most ${MAX_HIDDEN_LAYERS} hidden layers, got ${parts.length}` };
	const value: number[] = [];
	for (const [i, p] of parts.entries()) {
		if (!/^\d+$/.test(p)) return { ok: false, message: `layer ${i + 1}: "${p}" is not a whole number` };
		const w = Number(p);
		if (w < 1 || w > MAX_WIDTH)
			return { ok: false, message: `layer ${i + 1}: width ${w} is not in 1..${MAX_WIDTH}` };
		value.push(w);
	}
	return { ok: true, value };
}
