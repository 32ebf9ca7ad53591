/**
 * RAdam, as torch.optim.RAdam:
 *   g <- grad f(p) + weight_decay * p
 *   m <- b1 * m + (1 - b1) * g;  v <- b2 * v + (1 - b2) * g^2;  mhat <- m / (1 - b1^t)
 *   rho_inf <- 2 / (1 - b2) - 1;  rho_t <- rho_inf - 2 t b2^t / (1 - b2^t)
 *   rho_t > 5:  r <- sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
 *               p <- p - lr * mhat * r * sqrt(1 - b2^t) / (sqrt(v) + eps)
 *   otherwise:  p <- p - lr * mhat          (un-adapted momentum step while the variance estimate is unreliable)
 * Liu et al. (2020), "On the variance of the adaptive learning rate and beyond".
 */
import { betasSpec, epsSpec, lrSpec, weightDecaySpec } from './hyper';
import { powerAt, powerCursor, type PowerCursor } from './powers';
import { defineOptimizer } from './types';

interface RadamHyper {
	readonly lr: number;
	readonly betas: readonly [number, number];
	readonly eps: number;
	readonly weight_decay: number;
	readonly [key: string]: number | readonly [number, number];
}

interface RadamState {
	t: number;
	/** beta1^t and beta2^t through the power cache. */
	p1: PowerCursor;
	p2: PowerCursor;
	m: Float64Array;
	v: Float64Array;
}

export const radam = defineOptimizer<RadamHyper, RadamState>({
	id: 'radam',
	label: 'RAdam',
	torch: 'torch.optim.RAdam',
	reference: 'Liu et al. (2020)',
	rule:
		'g = ∇f(p) + weight_decay·p\nm = β₁·m + (1 − β₁)·g,  v = β₂·v + (1 − β₂)·g²,  m̂ = m/(1 − β₁ᵗ)\n' +
		'ρ∞ = 2/(1 − β₂) − 1,  ρₜ = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ)\n' +
		'ρₜ > 5: p = p − lr·m̂·r·√(1 − β₂ᵗ)/(√v + eps),  r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ))\n' +
		'else: p = p − lr·m̂',
	needs: 'grad',
	hyper: [
		lrSpec(1e-3),
		betasSpec(),
		epsSpec(1e-8, 'Added to the denominator for numerical stability.'),
		weightDecaySpec()
	],
	init: (n, h) => ({
		t: 0,
		p1: powerCursor(h.betas[0]),
		p2: powerCursor(h.betas[1]),
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
		const b2t = powerAt(s.p2, t);
		if (wd !== 0) for (let i = 0; i < n; i++) g[i] += wd * p[i];
		const bc1 = 1 - powerAt(s.p1, t);
		const bc2 = 1 - b2t;
		const rhoInf = 2 / (1 - b2) - 1;
		const rhoT = rhoInf - (2 * t * b2t) / bc2;
		const rectified = rhoT > 5;
		const rect = rectified
			? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
			: 0;
		const sqrtBc2 = Math.sqrt(bc2);
		for (let i = 0; i < n; i++) {
			const gi = g[i];
			m[i] = b1 * m[i] + (1 - b1) * gi;
			v[i] = b2 * v[i] + (1 - b2) * gi * gi;
			const mhat = m[i] / bc1;
			if (rectified) p[i] -= mhat * lr * (sqrtBc2 / (Math.sqrt(v[i]) + eps)) * rect;
			else p[i] -= mhat * lr;
		}
		return 'ok';
	}
});
