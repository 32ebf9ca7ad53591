/**
 * Gradient descent with (heavy-ball) momentum: torch.optim.SGD with momentum 0.9.
 *   g <- grad f(p) + weight_decay * p
 *   buf <- g on the first step, then buf <- momentum * buf + (1 - dampening) * g
 *   p <- p - lr * buf
 * Polyak (1964), "Some methods of speeding up the convergence of iteration methods"; torch's form
 * (lr applied to the buffer) follows Sutskever et al. (2013).
 */
import { dampeningSpec, lrSpec, momentumSpec, weightDecaySpec } from './hyper';
import { initSgd, sgdStep, type SgdState } from './sgd-rule';
import { defineOptimizer } from './types';

interface MomentumHyper {
	readonly lr: number;
	readonly momentum: number;
	readonly dampening: number;
	readonly weight_decay: number;
	readonly [key: string]: number;
}

export const momentum = defineOptimizer<MomentumHyper, SgdState>({
	id: 'momentum',
	label: 'Momentum',
	torch: 'torch.optim.SGD(momentum=0.9)',
	reference: 'Polyak (1964)',
	rule: 'g = ∇f(p) + weight_decay·p\nbuf = momentum·buf + (1 − dampening)·g   (buf = g at step 1)\np = p − lr·buf',
	needs: 'grad',
	hyper: [lrSpec(1e-3), momentumSpec(0.9), dampeningSpec, weightDecaySpec()],
	init: initSgd,
	step(p, g, state, h) {
		sgdStep(p, g, state, h.lr, h.momentum, h.dampening, h.weight_decay, false);
		return 'ok';
	}
});
