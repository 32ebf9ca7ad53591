/**
 * AdamW, as torch.optim.AdamW: weight decay decoupled from the gradient and applied first.
 *   p <- p * (1 - lr * weight_decay)        (weight_decay defaults to 1e-2)
 *   then Adam on the raw gradient: m, v (amsgrad: vmax), p <- p - (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * Loshchilov & Hutter (2019), "Decoupled weight decay regularization".
 */
import { adamStep, initAdam, type AdamState } from './adam-rule';
import { ADAM_EPS_HELP } from './adam';
import { amsgradSpec, betasSpec, epsSpec, lrSpec, weightDecaySpec } from './hyper';
import { defineOptimizer } from './types';

interface AdamwHyper {
	readonly lr: number;
	readonly betas: readonly [number, number];
	readonly eps: number;
	readonly weight_decay: number;
	readonly amsgrad: boolean;
	readonly [key: string]: number | boolean | readonly [number, number];
}

export const adamw = defineOptimizer<AdamwHyper, AdamState>({
	id: 'adamw',
	label: 'AdamW',
	torch: 'torch.optim.AdamW',
	reference: 'Loshchilov & Hutter (2019)',
	rule:
		'p = p·(1 − lr·weight_decay)\nm = β₁·m + (1 − β₁)·g\nv = β₂·v + (1 − β₂)·g²\n' +
		'p = p − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + eps)',
	needs: 'grad',
	hyper: [
		lrSpec(1e-3),
		betasSpec(),
		epsSpec(1e-8, ADAM_EPS_HELP),
		weightDecaySpec(1e-2, 'Decoupled decay: each step first shrinks p by the factor 1 - lr * weight_decay.'),
		amsgradSpec
	],
	init: (n) => initAdam(n),
	step(p, g, s, h) {
		const shrink = 1 - h.lr * h.weight_decay;
		if (shrink !== 1) for (let i = 0; i < p.length; i++) p[i] *= shrink;
		adamStep(p, g, s, h.lr, h.betas, h.eps, h.amsgrad);
		return 'ok';
	}
});
