/**
 * The Adam kernel shared by adam and adamw (after each has applied its own weight decay):
 *   m <- b1 * m + (1 - b1) * g;  v <- b2 * v + (1 - b2) * g^2
 *   amsgrad: vmax <- max(vmax, v), and vmax replaces v below
 *   p <- p - (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * The bias corrections are placed exactly where torch.optim.Adam places them (eps is added after
 * dividing the root by sqrt(1 - b2^t)), which matters when eps is not negligible.
 */
import { powerAt, powerCursor, type PowerCursor } from './powers';

export interface AdamState {
	t: number;
	/** beta1^t and beta2^t, through the power cache (created on the first step). */
	p1: PowerCursor | null;
	p2: PowerCursor | null;
	m: Float64Array;
	v: Float64Array;
	vmax: Float64Array;
}

export function initAdam(n: number): AdamState {
	return {
		t: 0,
		p1: null,
		p2: null,
		m: new Float64Array(n),
		v: new Float64Array(n),
		vmax: new Float64Array(n)
	};
}

export function adamStep(
	p: Float64Array,
	g: Float64Array,
	s: AdamState,
	lr: number,
	betas: readonly [number, number],
	eps: number,
	amsgrad: boolean
): void {
	const b1 = betas[0];
	const b2 = betas[1];
	const { m, v, vmax } = s;
	s.t += 1;
	s.p1 ??= powerCursor(b1);
	s.p2 ??= powerCursor(b2);
	const stepSize = lr / (1 - powerAt(s.p1, s.t));
	const bc2Sqrt = Math.sqrt(1 - powerAt(s.p2, s.t));
	for (let i = 0; i < p.length; i++) {
		const gi = g[i];
		m[i] = b1 * m[i] + (1 - b1) * gi;
		v[i] = b2 * v[i] + (1 - b2) * gi * gi;
		let second = v[i];
		if (amsgrad) {
			if (second > vmax[i]) vmax[i] = second;
			second = vmax[i];
		}
		p[i] -= (stepSize * m[i]) / (Math.sqrt(second) / bc2Sqrt + eps);
	}
}
