/**
 * Gradient descent: torch.optim.SGD with momentum 0.
 *   g <- grad f(p) + weight_decay * p
 *   p <- p - lr * g
 * Cauchy (1847), "Méthode générale pour la résolution des systèmes d'équations simultanées".
 */
import { lrSpec, weightDecaySpec } from './hyper';
import { initSgd, sgdStep, type SgdState } from './sgd-rule';
import { defineOptimizer } from './types';

interface GdHyper {
	readonly lr: number;
	readonly weight_decay: number;
	readonly [key: string]: number;
}

export const gd = defineOptimizer<GdHyper, SgdState>({
	id: 'gd',
	label: 'Gradient descent',
	torch: 'torch.optim.SGD(momentum=0)',
	reference: 'Cauchy (1847)',
	rule: 'g = ∇f(p) + weight_decay·p\np = p − lr·g',
	needs: 'grad',
	hyper: [lrSpec(1e-3), weightDecaySpec()],
	init: initSgd,
	step(p, g, state, h) {
		sgdStep(p, g, state, h.lr, 0, 0, h.weight_decay, false);
		return 'ok';
	}
});
