/**
 * RMSprop, as torch.optim.RMSprop:
 *   g <- grad f(p) + weight_decay * p
 *   v <- alpha * v + (1 - alpha) * g^2
 *   centered: m <- alpha * m + (1 - alpha) * g;  a <- sqrt(v - m^2) + eps,  else a <- sqrt(v) + eps
 *   momentum > 0: buf <- momentum * buf + g / a;  p <- p - lr * buf
 *   otherwise:    p <- p - lr * g / a
 * Tieleman & Hinton (2012), COURSERA Neural Networks for Machine Learning, lecture 6.5; centered form
 * from Graves (2013), "Generating sequences with recurrent neural networks".
 */
import { epsSpec, lrSpec, momentumSpec, weightDecaySpec } from './hyper';
import { defineOptimizer } from './types';

interface RmspropHyper {
	readonly lr: number;
	readonly alpha: number;
	readonly eps: number;
	readonly weight_decay: number;
	readonly momentum: number;
	readonly centered: boolean;
	readonly [key: string]: number | boolean;
}

interface RmspropState {
	sq: Float64Array;
	gavg: Float64Array;
	buf: Float64Array;
}

export const rmsprop = defineOptimizer<RmspropHyper, RmspropState>({
	id: 'rmsprop',
	label: 'RMSprop',
	torch: 'torch.optim.RMSprop',
	reference: 'Tieleman & Hinton (2012); centered: Graves (2013)',
	rule:
		'g = ∇f(p) + weight_decay·p\nv = α·v + (1 − α)·g²\n' +
		'a = √v + eps   (centered: m = α·m + (1 − α)·g, a = √(v − m²) + eps)\n' +
		'p = p − lr·g / a   (momentum: buf = momentum·buf + g / a, p = p − lr·buf)',
	needs: 'grad',
	hyper: [
		lrSpec(1e-2),
		{
			key: 'alpha',
			kind: 'number',
			label: 'alpha',
			help: 'Smoothing constant of the running average of squared gradients.',
			default: 0.99,
			min: 0,
			max: 0.9999,
			log: false,
			domain: { lower: 0, upper: Infinity }
		},
		epsSpec(1e-8, 'Added to the square root before dividing, for numerical stability.'),
		weightDecaySpec(),
		momentumSpec(0),
		{
			key: 'centered',
			kind: 'boolean',
			label: 'centered',
			help: 'Normalize by an estimate of the variance of the gradient instead of its raw second moment.',
			default: false
		}
	],
	init: (n) => ({ sq: new Float64Array(n), gavg: new Float64Array(n), buf: new Float64Array(n) }),
	step(p, g, s, h) {
		const n = p.length;
		const { lr, alpha, eps, weight_decay: wd, momentum, centered } = h;
		const { sq, gavg, buf } = s;
		if (wd !== 0) for (let i = 0; i < n; i++) g[i] += wd * p[i];
		for (let i = 0; i < n; i++) {
			const gi = g[i];
			sq[i] = alpha * sq[i] + (1 - alpha) * gi * gi;
			let a: number;
			if (centered) {
				gavg[i] = alpha * gavg[i] + (1 - alpha) * gi;
				a = Math.sqrt(sq[i] - gavg[i] * gavg[i]) + eps;
			} else {
				a = Math.sqrt(sq[i]) + eps;
			}
			if (momentum > 0) {
				buf[i] = momentum * buf[i] + gi / a;
				p[i] -= lr * buf[i];
			} else {
				p[i] -= (lr * gi) / a;
			}
		}
		return 'ok';
	}
});
