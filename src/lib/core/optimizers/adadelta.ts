/**
 * Adadelta, as torch.optim.Adadelta (lr defaults to 1.0; eps sits inside both square roots):
 *   g <- grad f(p) + weight_decay * p
 *   v <- rho * v + (1 - rho) * g^2
 *   d <- sqrt(u + eps) / sqrt(v + eps) * g
 *   u <- rho * u + (1 - rho) * d^2
 *   p <- p - lr * d
 * Zeiler (2012), "ADADELTA: an adaptive learning rate method".
 */
import { epsSpec, lrSpec, weightDecaySpec } from './hyper';
import { defineOptimizer } from './types';

interface AdadeltaHyper {
	readonly lr: number;
	readonly rho: number;
	readonly eps: number;
	readonly weight_decay: number;
	readonly [key: string]: number;
}

interface AdadeltaState {
	sq: Float64Array;
	acc: Float64Array;
}

export const adadelta = defineOptimizer<AdadeltaHyper, AdadeltaState>({
	id: 'adadelta',
	label: 'Adadelta',
	torch: 'torch.optim.Adadelta',
	reference: 'Zeiler (2012)',
	rule:
		'g = ∇f(p) + weight_decay·p\nv = ρ·v + (1 − ρ)·g²\nd = √(u + eps) / √(v + eps) · g\n' +
		'u = ρ·u + (1 − ρ)·d²\np = p − lr·d',
	needs: 'grad',
	hyper: [
		lrSpec(1, 1e-3, 100),
		{
			key: 'rho',
			kind: 'number',
			label: 'rho',
			help: 'Decay rate of the running averages of squared gradients and squared updates.',
			default: 0.9,
			min: 0,
			max: 0.9999,
			log: false,
			domain: { lower: 0, upper: 1 }
		},
		epsSpec(1e-6, 'Added inside both square roots; it also sets the size of the very first steps.'),
		weightDecaySpec()
	],
	init: (n) => ({ sq: new Float64Array(n), acc: new Float64Array(n) }),
	step(p, g, s, h) {
		const n = p.length;
		const { lr, rho, eps, weight_decay: wd } = h;
		const { sq, acc } = s;
		if (wd !== 0) for (let i = 0; i < n; i++) g[i] += wd * p[i];
		for (let i = 0; i < n; i++) {
			const gi = g[i];
			sq[i] = rho * sq[i] + (1 - rho) * gi * gi;
			const d = (Math.sqrt(acc[i] + eps) / Math.sqrt(sq[i] + eps)) * gi;
			acc[i] = rho * acc[i] + (1 - rho) * d * d;
			p[i] -= lr * d;
		}
		return 'ok';
	}
});
