/**
 * Hyperparameter specs shared by several optimizers (PyTorch's names, defaults and checks), and the one
 * place that turns user text (CLI flags, URL parameters, numeric fields) into validated values.
 */
import { parseDecimal } from '../number-text';
import type {
	AnyOptimizer,
	BooleanHyper,
	Domain,
	HyperSpec,
	HyperValue,
	NumberHyper,
	PairHyper
} from './types';

const nonNegative: Domain = { lower: 0, upper: Infinity };

export function lrSpec(defaultValue: number, min = 1e-5, max = 10): NumberHyper {
	return {
		key: 'lr',
		kind: 'number',
		label: 'learning rate',
		help: 'Step size: how far each update moves along its direction.',
		default: defaultValue,
		min,
		max,
		log: true,
		domain: nonNegative
	};
}

export function weightDecaySpec(defaultValue = 0, help?: string): NumberHyper {
	return {
		key: 'weight_decay',
		kind: 'number',
		label: 'weight decay',
		help: help ?? 'L2 penalty: adds weight_decay * p to the gradient.',
		default: defaultValue,
		min: 0,
		max: 1,
		log: false,
		domain: nonNegative
	};
}

export function epsSpec(defaultValue: number, help: string): NumberHyper {
	return {
		key: 'eps',
		kind: 'number',
		label: 'epsilon',
		help,
		default: defaultValue,
		min: 1e-12,
		max: 1,
		log: true,
		domain: nonNegative
	};
}

export function momentumSpec(defaultValue: number): NumberHyper {
	return {
		key: 'momentum',
		kind: 'number',
		label: 'momentum',
		help: 'Fraction of the previous update carried into the next one.',
		default: defaultValue,
		min: 0,
		max: 0.999,
		log: false,
		domain: nonNegative
	};
}

export const dampeningSpec: NumberHyper = {
	key: 'dampening',
	kind: 'number',
	label: 'dampening',
	help: 'Scales down the new gradient entering the momentum buffer: buf = momentum * buf + (1 - dampening) * g.',
	default: 0,
	min: 0,
	max: 1,
	log: false,
	domain: { lower: 0, upper: 1 }
};

export const nesterovSpec: BooleanHyper = {
	key: 'nesterov',
	kind: 'boolean',
	label: 'Nesterov',
	help: 'Look ahead: step along g + momentum * buf instead of buf.',
	default: false
};

export function betasSpec(defaultValue: readonly [number, number] = [0.9, 0.999]): PairHyper {
	return {
		key: 'betas',
		kind: 'pair',
		label: 'betas',
		labels: ['beta1', 'beta2'],
		help: 'Decay rates of the running averages of the gradient (beta1) and of its square (beta2).',
		default: defaultValue,
		min: 0,
		max: 0.9999,
		log: false,
		domain: { lower: 0, upper: 1, upperOpen: true }
	};
}

export const amsgradSpec: BooleanHyper = {
	key: 'amsgrad',
	kind: 'boolean',
	label: 'AMSGrad',
	help: 'Divide by the running maximum of the second moment (Reddi et al., 2018), so steps never grow back.',
	default: false
};

/** Every spec's default, as a complete set of values. */
export function defaultHyper(opt: AnyOptimizer): Record<string, HyperValue> {
	const out: Record<string, HyperValue> = {};
	for (const spec of opt.hyper) out[spec.key] = spec.default;
	return out;
}

export function findSpec(opt: AnyOptimizer, key: string): HyperSpec | undefined {
	return opt.hyper.find((s) => s.key === key);
}

type Parsed = { ok: true; value: HyperValue } | { ok: false; message: string };

function inDomain(v: number, d: Domain): boolean {
	return v >= d.lower && (d.upperOpen ? v < d.upper : v <= d.upper);
}

function describeDomain(d: Domain): string {
	if (d.upper === Infinity) return `>= ${d.lower}`;
	return `in [${d.lower}, ${d.upper}${d.upperOpen ? ')' : ']'}`;
}

/** Checks one value of the right type against its spec's domain. */
export function checkHyperValue(spec: HyperSpec, value: HyperValue): string | null {
	switch (spec.kind) {
		case 'boolean':
			return typeof value === 'boolean' ? null : `${spec.key} must be true or false`;
		case 'number': {
			if (typeof value !== 'number' || !Number.isFinite(value)) return `${spec.key} must be a finite number`;
			if (spec.integer && !Number.isInteger(value)) return `${spec.key} must be a whole number`;
			if (!inDomain(value, spec.domain)) return `${spec.key} must be ${describeDomain(spec.domain)}`;
			return null;
		}
		case 'pair': {
			if (!Array.isArray(value) || value.length !== 2) return `${spec.key} must be two numbers`;
			for (const v of value as readonly number[]) {
				if (typeof v !== 'number' || !Number.isFinite(v)) return `${spec.key} must be two finite numbers`;
				if (!inDomain(v, spec.domain)) return `each of ${spec.key} must be ${describeDomain(spec.domain)}`;
			}
			return null;
		}
	}
}

/** Parses user text for one hyperparameter ('0.01', 'true', '0.9,0.999') and checks its domain. */
export function parseHyperValue(spec: HyperSpec, text: string): Parsed {
	let value: HyperValue | undefined;
	if (spec.kind === 'boolean') {
		const t = text.trim().toLowerCase();
		if (t === 'true') value = true;
		else if (t === 'false') value = false;
		if (value === undefined)
			return { ok: false, message: `${spec.key} must be true or false, got "${text}"` };
	} else if (spec.kind === 'number') {
		value = parseDecimal(text);
		if (value === undefined) return { ok: false, message: `${spec.key} must be a number, got "${text}"` };
	} else {
		const parts = text.split(',');
		const a = parts.length === 2 ? parseDecimal(parts[0]) : undefined;
		const b = parts.length === 2 ? parseDecimal(parts[1]) : undefined;
		if (a === undefined || b === undefined)
			return { ok: false, message: `${spec.key} must be two numbers like 0.9,0.999, got "${text}"` };
		value = [a, b];
	}
	const problem = checkHyperValue(spec, value);
	return problem ? { ok: false, message: problem } : { ok: true, value };
}

export type ResolveResult = { ok: true; value: Record<string, HyperValue> } | { ok: false; message: string };

/**
 * Fills in defaults for the keys not given, rejects unknown keys and bad values, then runs the
 * optimizer's own cross-checks (e.g. Nesterov needs momentum and no dampening).
 */
export function resolveHyper(opt: AnyOptimizer, given: Readonly<Record<string, HyperValue>>): ResolveResult {
	const out = defaultHyper(opt);
	for (const [key, value] of Object.entries(given)) {
		const spec = findSpec(opt, key);
		if (!spec) {
			const known = opt.hyper.map((s) => s.key).join(', ');
			return { ok: false, message: `${opt.id} has no hyperparameter "${key}" (it has: ${known})` };
		}
		const problem = checkHyperValue(spec, value);
		if (problem) return { ok: false, message: problem };
		out[key] = value;
	}
	const cross = opt.validate?.(out);
	return cross ? { ok: false, message: cross } : { ok: true, value: out };
}

/** Formats a value the way parseHyperValue reads it back. */
export function formatHyperValue(value: HyperValue): string {
	return Array.isArray(value) ? value.join(',') : String(value);
}
