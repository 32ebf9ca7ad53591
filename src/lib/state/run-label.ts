/** Short legend labels for runs: the optimizer's name and the hyperparameters that make it what it is. */
import { defaultHyper, formatHyperValue } from '../core/optimizers/hyper';
import type { AnyOptimizer, HyperValue } from '../core/optimizers/types';

const SHORT: Record<string, string> = {
	lr: 'lr',
	momentum: 'μ',
	betas: 'β',
	weight_decay: 'wd',
	eps: 'ε',
	noise: 'σ',
	alpha: 'α',
	rho: 'ρ',
	dampening: 'damp',
	lr_decay: 'lr decay',
	initial_accumulator_value: 'acc₀',
	momentum_decay: 'ψ',
	seed: 'seed'
};

function same(a: HyperValue, b: HyperValue): boolean {
	return Array.isArray(a) && Array.isArray(b) ? a[0] === b[0] && a[1] === b[1] : a === b;
}

/** e.g. 'Adam (lr 0.05)', 'RMSprop (lr 0.01, centered)', "Newton's method". */
export function runLabel(opt: AnyOptimizer, hyper: Readonly<Record<string, HyperValue>>): string {
	const defaults = defaultHyper(opt);
	const parts: string[] = [];
	for (const spec of opt.hyper) {
		const v = hyper[spec.key];
		if (v === undefined) continue;
		const isDefault = same(v, defaults[spec.key]);
		if (spec.key !== 'lr' && isDefault) continue;
		if (opt.id === 'newton' && isDefault) continue;
		if (spec.kind === 'boolean') {
			if (v === true) parts.push(spec.key);
			continue;
		}
		parts.push(`${SHORT[spec.key] ?? spec.key} ${formatHyperValue(v)}`);
	}
	return parts.length ? `${opt.label} (${parts.join(', ')})` : opt.label;
}
