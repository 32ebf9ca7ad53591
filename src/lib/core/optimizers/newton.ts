/**
 * Newton's method with a step size (no torch.optim class; references are computed with torch.autograd's
 * Hessian and torch.linalg.solve):
 *   p <- p - lr * H(p)^-1 grad f(p)        (lr defaults to 1, the pure Newton step)
 * A Hessian that cannot be solved (determinant exactly 0) ends the run with status 'singular'.
 * Newton's step jumps to the stationary point of the local quadratic model, so it is drawn to saddles
 * and maxima as readily as to minima.
 * Nocedal & Wright (2006), "Numerical Optimization", chapter 3.3.
 */
import { solve2x2, solveInPlace } from '../linalg/solve';
import { defineOptimizer } from './types';

interface NewtonHyper {
	readonly lr: number;
	readonly [key: string]: number;
}

interface NewtonState {
	h: Float64Array;
	d: Float64Array;
}

export const newton = defineOptimizer<NewtonHyper, NewtonState>({
	id: 'newton',
	label: "Newton's method",
	torch: 'none (torch.autograd Hessian + torch.linalg.solve for references)',
	reference: 'Nocedal & Wright (2006), Numerical Optimization, §3.3',
	rule: 'p = p − lr·H(p)⁻¹·∇f(p)',
	needs: 'hessian',
	hyper: [
		{
			key: 'lr',
			kind: 'number',
			label: 'step size',
			help: 'Fraction of the full Newton step to take; 1 jumps to the stationary point of the local quadratic.',
			default: 1,
			min: 0.01,
			max: 2,
			log: false,
			domain: { lower: 0, upper: Infinity }
		}
	],
	init: (n) => ({ h: new Float64Array(n * n), d: new Float64Array(n) }),
	step(p, g, s, h, ctx) {
		const n = p.length;
		ctx.hessian(p, s.h);
		const solved = n === 2 ? solve2x2(s.h, g, s.d) : solveInPlace(n, s.h, g, s.d);
		if (!solved) return 'singular';
		for (let i = 0; i < n; i++) p[i] -= h.lr * s.d[i];
		return 'ok';
	}
});
