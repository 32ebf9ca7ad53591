/**
 * Nesterov accelerated gradient: torch.optim.SGD(momentum=0.9, nesterov=True).
 *   g <- grad f(p) + weight_decay * p
 *   buf <- g on the first step, then buf <- momentum * buf + g
 *   p <- p - lr * (g + momentum * buf)
 * Nesterov (1983); the reformulation used by PyTorch is from Sutskever et al. (2013),
 * "On the importance of initialization and momentum in deep learning".
 */
import { lrSpec, momentumSpec, weightDecaySpec } from './hyper';
import { checkNesterov, initSgd, sgdStep, type SgdState } from './sgd-rule';
import { defineOptimizer } from './types';

interface NesterovHyper {
	readonly lr: number;
	readonly momentum: number;
	readonly weight_decay: number;
	readonly [key: string]: number;
}

export const nesterov = defineOptimizer<NesterovHyper, SgdState>({
	id: 'nesterov',
	label: 'Nesterov',
	torch: 'torch.optim.SGD(momentum=0.9, nesterov=True)',
	reference: 'Nesterov (1983); Sutskever et al. (2013)',
	rule: 'g = ∇f(p) + weight_decay·p\nbuf = momentum·buf + g   (buf = g at step 1)\np = p − lr·(g + momentum·buf)',
	needs: 'grad',
	hyper: [lrSpec(1e-3), momentumSpec(0.9), weightDecaySpec()],
	validate: (h) => checkNesterov({ momentum: h.momentum, dampening: 0, nesterov: true }),
	init: initSgd,
	step(p, g, state, h) {
		sgdStep(p, g, state, h.lr, h.momentum, 0, h.weight_decay, true);
		return 'ok';
	}
});
