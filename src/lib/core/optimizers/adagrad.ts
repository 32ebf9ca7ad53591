/**
 * Adagrad, as torch.optim.Adagrad:
 *   g <- grad f(p) + weight_decay * p
 *   clr <- lr / (1 + (t - 1) * lr_decay)
 *   s <- s + g^2                      (s starts at initial_accumulator_value)
 *   p <- p - clr * g / (sqrt(s) + eps)   (eps outside the root, default 1e-10)
 * Duchi, Hazan & Singer (2011), "Adaptive subgradient methods for online learning and stochastic optimization".
 */
import { epsSpec, lrSpec, weightDecaySpec } from './hyper';
import { defineOptimizer } from './types';

interface AdagradHyper {
	readonly lr: number;
	readonly lr_decay: number;
	readonly weight_decay: number;
	readonly initial_accumulator_value: number;
	readonly eps: number;
	readonly [key: string]: number;
}

interface AdagradState {
	t: number;
	sum: Float64Array;
}

export const adagrad = defineOptimizer<AdagradHyper, AdagradState>({
	id: 'adagrad',
	label: 'Adagrad',
	torch: 'torch.optim.Adagrad',
	reference: 'Duchi, Hazan & Singer (2011)',
	rule: 'g = ∇f(p) + weight_decay·p\nclr = lr / (1 + (t − 1)·lr_decay)\ns = s + g²\np = p − clr·g / (√s + eps)',
	needs: 'grad',
	hyper: [
		lrSpec(1e-2),
		{
			key: 'lr_decay',
			kind: 'number',
			label: 'lr decay',
			help: 'The step size at step t is lr / (1 + (t - 1) * lr_decay).',
			default: 0,
			min: 0,
			max: 1,
			log: false,
			domain: { lower: 0, upper: Infinity }
		},
		weightDecaySpec(),
		{
			key: 'initial_accumulator_value',
			kind: 'number',
			label: 'initial accumulator',
			help: 'Starting value of the running sum of squared gradients.',
			default: 0,
			min: 0,
			max: 10,
			log: false,
			domain: { lower: 0, upper: Infinity }
		},
		epsSpec(1e-10, 'Added to the square root of the sum before dividing, for numerical stability.')
	],
	init: (n, h) => ({ t: 0, sum: new Float64Array(n).fill(h.initial_accumulator_value) }),
	step(p, g, s, h) {
		const n = p.length;
		const wd = h.weight_decay;
		const eps = h.eps;
		const sum = s.sum;
		s.t += 1;
		if (wd !== 0) for (let i = 0; i < n; i++) g[i] += wd * p[i];
		const clr = h.lr / (1 + (s.t - 1) * h.lr_decay);
		for (let i = 0; i < n; i++) {
			sum[i] += g[i] * g[i];
			p[i] -= (clr * g[i]) / (Math.sqrt(sum[i]) + eps);
		}
		return 'ok';
	}
});
