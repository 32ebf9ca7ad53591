/**
 * Stochastic gradient descent on a 2D function: the exact gradient plus seeded Gaussian noise, then
 * torch.optim.SGD's rule. It stands in for the noise of mini-batch gradients so a class can see what
 * noise does to a path; the same seed gives the same path.
 *   g <- grad f(p) + noise * z,  z ~ N(0, I) from the seeded generator
 *   then SGD: weight decay, momentum (buf = g at step 1), dampening, Nesterov, p <- p - lr * d
 * Robbins & Monro (1951), "A stochastic approximation method".
 */
import { createRng, type Rng } from '../random/rng';
import { dampeningSpec, lrSpec, momentumSpec, nesterovSpec, weightDecaySpec } from './hyper';
import { checkNesterov, initSgd, sgdStep, type SgdHyper, type SgdState } from './sgd-rule';
import { defineOptimizer } from './types';

interface NoisySgdHyper extends SgdHyper {
	readonly noise: number;
	readonly seed: number;
}

interface NoisySgdState extends SgdState {
	readonly rng: Rng;
}

export const sgd = defineOptimizer<NoisySgdHyper, NoisySgdState>({
	id: 'sgd',
	label: 'SGD (noisy)',
	torch: 'torch.optim.SGD, gradient plus Gaussian noise',
	reference: 'Robbins & Monro (1951)',
	rule: 'g = ∇f(p) + noise·z,  z ~ N(0, I) (seeded)\nthen the SGD update with momentum, dampening, Nesterov, weight decay',
	needs: 'grad',
	hyper: [
		lrSpec(1e-3),
		{
			key: 'noise',
			kind: 'number',
			label: 'gradient noise',
			help: 'Standard deviation of the Gaussian noise added to each gradient component.',
			default: 1,
			min: 0,
			max: 100,
			log: false,
			domain: { lower: 0, upper: Infinity }
		},
		{
			key: 'seed',
			kind: 'number',
			label: 'seed',
			help: 'Seed of the noise: the same seed gives the same path.',
			default: 0,
			min: 0,
			max: 9999,
			log: false,
			integer: true,
			domain: { lower: 0, upper: 2 ** 32 - 1 }
		},
		momentumSpec(0),
		dampeningSpec,
		nesterovSpec,
		weightDecaySpec()
	],
	validate: checkNesterov,
	init: (_n, h) => ({ ...initSgd(), rng: createRng(h.seed) }),
	step(p, g, state, h) {
		const sigma = h.noise;
		if (sigma !== 0) for (let i = 0; i < g.length; i++) g[i] += sigma * state.rng.normal();
		sgdStep(p, g, state, h.lr, h.momentum, h.dampening, h.weight_decay, h.nesterov);
		return 'ok';
	}
});
