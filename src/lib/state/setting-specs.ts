/**
 * Building blocks for the pages' numeric settings, declared as data in the optimizers' hyperparameter shape
 * (NumberHyper) so the shared HyperControl draws their sliders and exact-entry fields and the URL codecs
 * check them. The kinds that recur (seeds, the test share) are made here, so a table states only what
 * differs.
 */
import type { NumberHyper } from '../core/optimizers/types';

/** Largest seed a field or a link accepts (the seeded generators take 31-bit seeds). */
export const MAX_SEED = 2 ** 31 - 1;

/** A numeric setting: the NumberHyper of these fields. */
export function numberSpec(s: Omit<NumberHyper, 'kind'>): NumberHyper {
	return { kind: 'number', ...s };
}

/** A seed: a whole number, 1 by default, 0 to 99 on the slider and up to `upper` when typed. */
export function seedSpec(key: string, label: string, help: string, upper = MAX_SEED): NumberHyper {
	return numberSpec({
		key,
		label,
		help,
		default: 1,
		min: 0,
		max: 99,
		log: false,
		integer: true,
		domain: { lower: 0, upper }
	});
}

/** The share of the rows held out for testing (`test`): `min` to 0.9 on the slider, 0.01 to 0.99 typed. */
export function testShareSpec(help: string, defaultShare: number, min: number): NumberHyper {
	return numberSpec({
		key: 'test',
		label: 'test share',
		help,
		default: defaultShare,
		min,
		max: 0.9,
		log: false,
		domain: { lower: 0.01, upper: 0.99 }
	});
}

/** A whole count on a log slider (rows, batch size, epochs). */
export function countSpec(s: Omit<NumberHyper, 'kind' | 'log' | 'integer'>): NumberHyper {
	const { domain, ...rest } = s;
	return numberSpec({ ...rest, log: true, integer: true, domain });
}
