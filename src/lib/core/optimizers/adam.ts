/**
 * Adam, as torch.optim.Adam (weight_decay is L2: added to the gradient):
 *   g <- grad f(p) + weight_decay * p
 *   m <- b1 * m + (1 - b1) * g;  v <- b2 * v + (1 - b2) * g^2   (amsgrad: vmax <- max(vmax, v))
 *   p <- p - (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * Kingma & Ba (2015), "Adam: a method for stochastic optimization"; AMSGrad: Reddi, Kale & Kumar (2018).
 */
import { adamStep, initAdam, type AdamState } from './adam-rule';
import { amsgradSpec, betasSpec, epsSpec, lrSpec, weightDecaySpec } from './hyper';
import { defineOptimizer } from './types';

interface AdamHyper {
	readonly lr: number;
	readonly betas: readonly [number, number];
	readonly eps: number;
	readonly weight_decay: number;
	readonly amsgrad: boolean;
	readonly [key: string]: number | boolean | readonly [number, number];
}

export const ADAM_EPS_HELP = 'Added to the denominator for numerical stability.';

export const adam = defineOptimizer<AdamHyper, AdamState>({
	id: 'adam',
	label: 'Adam',
	torch: 'torch.optim.Adam',
	reference: 'Kingma & Ba (2015); AMSGrad: Reddi et al. (2018)',
	rule:
		'g = ∇f(p) + weight_decay·p\nm = β₁·m + (1 − β₁)·g\nv = β₂·v + (1 − β₂)·g²\n' +
		'p = p − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + eps)',
	needs: 'grad',
	hyper: [lrSpec(1e-3), betasSpec(), epsSpec(1e-8, ADAM_EPS_HELP), weightDecaySpec(), amsgradSpec],
	init: (n) => initAdam(n),
	step(p, g, s, h) {
		const wd = h.weight_decay;
		if (wd !== 0) for (let i = 0; i < p.length; i++) g[i] += wd * p[i];
		adamStep(p, g, s, h.lr, h.betas, h.eps, h.amsgrad);
		return 'ok';
	}
});
