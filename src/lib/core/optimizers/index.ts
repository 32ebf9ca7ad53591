/** The optimizer registry: one table that the CLI, the URL state and the page's controls all read. */
import { adadelta } from './adadelta';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { adamax } from './adamax';
import { adamw } from './adamw';
import { gd } from './gd';
import { momentum } from './momentum';
import { nadam } from './nadam';
import { nesterov } from './nesterov';
import { newton } from './newton';
import { radam } from './radam';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';
import type { AnyOptimizer } from './types';

export const optimizers: readonly AnyOptimizer[] = [
	gd,
	sgd,
	momentum,
	nesterov,
	adagrad,
	rmsprop,
	adadelta,
	adam,
	adamw,
	adamax,
	nadam,
	radam,
	newton
];

export const optimizerIds: readonly string[] = optimizers.map((o) => o.id);

export function getOptimizer(id: string): AnyOptimizer | undefined {
	return optimizers.find((o) => o.id === id);
}

export type { AnyOptimizer, HyperSpec, HyperValue, HyperValues, Optimizer } from './types';
export { defaultHyper, formatHyperValue, parseHyperValue, resolveHyper } from './hyper';
