/**
 * Adamax, as torch.optim.Adamax (the infinity-norm variant of Adam; eps sits inside the max):
 *   g <- grad f(p) + weight_decay * p
 *   m <- b1 * m + (1 - b1) * g
 *   u <- max(b2 * u, |g| + eps)
 *   p <- p - (lr / (1 - b1^t)) * m / u
 * Kingma & Ba (2015), section 7.1.
 */
import { betasSpec, epsSpec, lrSpec, weightDecaySpec } from './hyper';
import { powerAt, powerCursor, type PowerCursor } from './powers';
import { defineOptimizer } from './types';

interface AdamaxHyper {
	readonly lr: number;
	readonly betas: readonly [number, number];
	readonly eps: number;
	readonly weight_decay: number;
	readonly [key: string]: number | readonly [number, number];
}

interface AdamaxState {
	t: number;
	/** beta1^t through the power cache. */
	p1: PowerCursor;
	m: Float64Array;
	u: Float64Array;
}

export const adamax = defineOptimizer<AdamaxHyper, AdamaxState>({
	id: 'adamax',
	label: 'Adamax',
	torch: 'torch.optim.Adamax',
	reference: 'Kingma & Ba (2015), section 7.1',
	rule:
		'g = ∇f(p) + weight_decay·p\nm = β₁·m + (1 − β₁)·g\nu = max(β₂·u, |g| + eps)\n' +
		'p = p − lr/(1 − β₁ᵗ) · m / u',
	needs: 'grad',
	hyper: [
		lrSpec(2e-3),
		betasSpec(),
		epsSpec(1e-8, 'Added to |g| inside the max, so u is never zero.'),
		weightDecaySpec()
	],
	init: (n, h) => ({ t: 0, p1: powerCursor(h.betas[0]), m: new Float64Array(n), u: new Float64Array(n) }),
	step(p, g, s, h) {
		const n = p.length;
		const [b1, b2] = h.betas;
		const { eps, weight_decay: wd } = h;
		const { m, u } = s;
		s.t += 1;
		if (wd !== 0) for (let i = 0; i < n; i++) g[i] += wd * p[i];
		const clr = h.lr / (1 - powerAt(s.p1, s.t));
		for (let i = 0; i < n; i++) {
			const gi = g[i];
			m[i] = b1 * m[i] + (1 - b1) * gi;
			u[i] = Math.max(b2 * u[i], Math.abs(gi) + eps);
			p[i] -= (clr * m[i]) / u[i];
		}
		return 'ok';
	}
});
