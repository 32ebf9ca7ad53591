/**
 * The torch.optim.SGD kernel shared by gd, momentum, nesterov and sgd:
 *   g <- g + weight_decay * p
 *   buf <- g                                        (first step: no dampening)
 *   buf <- momentum * buf + (1 - dampening) * g     (later steps)
 *   d <- nesterov ? g + momentum * buf : buf        (d = g when momentum = 0)
 *   p <- p - lr * d
 */

export interface SgdHyper {
	readonly lr: number;
	readonly momentum: number;
	readonly dampening: number;
	readonly weight_decay: number;
	readonly nesterov: boolean;
	readonly [key: string]: number | boolean | readonly [number, number];
}

export interface SgdState {
	/** Momentum buffer; allocated on the first step that needs it, as in PyTorch. */
	buf: Float64Array | null;
}

export function initSgd(): SgdState {
	return { buf: null };
}

/** Scalars rather than an options object: this runs tens of thousands of times per drag event. */
export function sgdStep(
	p: Float64Array,
	g: Float64Array,
	state: SgdState,
	lr: number,
	momentum: number,
	dampening: number,
	wd: number,
	nesterov: boolean
): void {
	const n = p.length;
	if (wd !== 0) for (let i = 0; i < n; i++) g[i] += wd * p[i];
	if (momentum === 0) {
		for (let i = 0; i < n; i++) p[i] -= lr * g[i];
		return;
	}
	let buf = state.buf;
	if (buf === null) {
		buf = state.buf = Float64Array.from(g);
	} else {
		for (let i = 0; i < n; i++) buf[i] = momentum * buf[i] + (1 - dampening) * g[i];
	}
	if (nesterov) for (let i = 0; i < n; i++) p[i] -= lr * (g[i] + momentum * buf[i]);
	else for (let i = 0; i < n; i++) p[i] -= lr * buf[i];
}

/** PyTorch's check: "Nesterov momentum requires a momentum and zero dampening". */
export function checkNesterov(h: Pick<SgdHyper, 'nesterov' | 'momentum' | 'dampening'>): string | null {
	return h.nesterov && (h.momentum <= 0 || h.dampening !== 0)
		? 'nesterov requires momentum > 0 and dampening = 0'
		: null;
}

export const SGD_REFERENCE =
	'Robbins & Monro (1951); momentum: Polyak (1964); Nesterov (1983) in the form of Sutskever et al. (2013)';
