/**
 * NAdam, as torch.optim.NAdam (torch >= 2.0 formula):
 *   g <- grad f(p) + weight_decay * p
 *   mu_t <- b1 * (1 - 0.5 * 0.96^(t * momentum_decay));  mu_{t+1} likewise;  P_t <- P_{t-1} * mu_t  (P_0 = 1)
 *   m <- b1 * m + (1 - b1) * g;  v <- b2 * v + (1 - b2) * g^2;  d <- sqrt(v / (1 - b2^t)) + eps
 *   p <- p - lr * (1 - mu_t) / (1 - P_t) * g / d
 *   p <- p - lr * mu_{t+1} / (1 - P_t * mu_{t+1}) * m / d
 * Dozat (2016), "Incorporating Nesterov momentum into Adam". (torch 1.13's single-tensor path divided the
 * last term by 1 - P_t * mu_t * mu_{t+1}; that was a bug, fixed in torch 2.0.)
 */
import { betasSpec, epsSpec, lrSpec, weightDecaySpec } from './hyper';
import { powerAt, powerCursor, type PowerCursor } from './powers';
import { defineOptimizer } from './types';

interface NadamHyper {
	readonly lr: number;
	readonly betas: readonly [number, number];
	readonly eps: number;
	readonly weight_decay: number;
	readonly momentum_decay: number;
	readonly [key: string]: number | readonly [number, number];
}

interface NadamState {
	t: number;
	muProduct: number;
	/** beta2^t and 0.96^(t * momentum_decay) through the power cache. */
	p2: PowerCursor;
	decay: PowerCursor;
	m: Float64Array;
	v: Float64Array;
}

export const nadam = defineOptimizer<NadamHyper, NadamState>({
	id: 'nadam',
	label: 'NAdam',
	torch: 'torch.optim.NAdam',
	reference: 'Dozat (2016)',
	rule:
		'g = ∇f(p) + weight_decay·p\nμₜ = β₁·(1 − 0.5·0.96^(t·momentum_decay)),  Πₜ = Πₜ₋₁·μₜ\n' +
		'm = β₁·m + (1 − β₁)·g\nv = β₂·v + (1 − β₂)·g²\nd = √(v / (1 − β₂ᵗ)) + eps\n' +
		'p = p − lr·(1 − μₜ)/(1 − Πₜ)·g/d − lr·μₜ₊₁/(1 − Πₜ·μₜ₊₁)·m/d',
	needs: 'grad',
	hyper: [
		lrSpec(2e-3),
		betasSpec(),
		epsSpec(1e-8, 'Added to the denominator for numerical stability.'),
		weightDecaySpec(),
		{
			key: 'momentum_decay',
			kind: 'number',
			label: 'momentum decay',
			help: 'Sets the momentum schedule mu_t = beta1 * (1 - 0.5 * 0.96^(t * momentum_decay)).',
			default: 4e-3,
			min: 0,
			max: 0.1,
			log: false,
			domain: { lower: 0, upper: Infinity }
		}
	],
	init: (n, h) => ({
		t: 0,
		muProduct: 1,
		p2: powerCursor(h.betas[1]),
		decay: powerCursor(0.96, h.momentum_decay),
		m: new Float64Array(n),
		v: new Float64Array(n)
	}),
	step(p, g, s, h) {
		const n = p.length;
		const [b1, b2] = h.betas;
		const { lr, eps, weight_decay: wd } = h;
		const { m, v } = s;
		s.t += 1;
		const t = s.t;
		const bc2 = 1 - powerAt(s.p2, t);
		if (wd !== 0) for (let i = 0; i < n; i++) g[i] += wd * p[i];
		const mu = b1 * (1 - 0.5 * powerAt(s.decay, t));
		const muNext = b1 * (1 - 0.5 * powerAt(s.decay, t + 1));
		s.muProduct *= mu;
		const muProductNext = s.muProduct * muNext;
		const cGrad = (-lr * (1 - mu)) / (1 - s.muProduct);
		const cMomentum = (-lr * muNext) / (1 - muProductNext);
		for (let i = 0; i < n; i++) {
			const gi = g[i];
			m[i] = b1 * m[i] + (1 - b1) * gi;
			v[i] = b2 * v[i] + (1 - b2) * gi * gi;
			const d = Math.sqrt(v[i] / bc2) + eps;
			p[i] += (cGrad * gi) / d;
			p[i] += (cMomentum * m[i]) / d;
		}
		return 'ok';
	}
});
