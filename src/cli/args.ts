/**
 * Splitting argv into flag/value pairs for the CLIs: `--flag value` and `--flag=value` both work, whatever the
 * value starts with (generic parsers reject `--start -1.5,2`), and `--help`/`-h` anywhere asks for help. Plus
 * what the CLIs' parsers share: flags given once (and `--set` any number of times), numbers checked with a
 * message naming the flag, and an optimizer's `--set key=value` hyperparameters.
 */
import { parseHyperValue, resolveHyper, type AnyOptimizer, type HyperValue } from '../lib/core/optimizers';
import { parseDecimal } from '../lib/core/number-text';

export interface Tokens {
	pairs: [string, string][];
	help: boolean;
}

/** The pairs in order, or a one-line message for the first argument that is not a known flag with a value. */
export function tokenizeArgs(argv: readonly string[], flags: readonly string[]): Tokens | string {
	const pairs: [string, string][] = [];
	let help = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') {
			help = true;
			continue;
		}
		if (!arg.startsWith('--')) return `unexpected argument "${arg}" (flags start with --; see --help)`;
		const eq = arg.indexOf('=');
		const name = arg.slice(2, eq === -1 ? undefined : eq);
		if (!flags.includes(name)) return `unknown option "--${name}" (see --help)`;
		let value: string;
		if (eq !== -1) value = arg.slice(eq + 1);
		else {
			if (i + 1 >= argv.length) return `--${name} needs a value`;
			value = argv[++i];
		}
		pairs.push([name, value]);
	}
	return { pairs, help };
}

/** The flags given once, by name, and the values of the one flag that may repeat (`--set`), in order. */
export interface Flags<F extends string> {
	single: Map<F, string>;
	list: string[];
}

/** Sorts the pairs into Flags, or the message for the first flag given twice (other than `listFlag`). */
export function collectFlags<F extends string>(
	pairs: readonly [string, string][],
	listFlag?: F
): Flags<F> | string {
	const single = new Map<F, string>();
	const list: string[] = [];
	for (const [name, value] of pairs) {
		const flag = name as F;
		if (flag === listFlag) list.push(value);
		else if (single.has(flag)) return `--${flag} given more than once`;
		else single.set(flag, value);
	}
	return { single, list };
}

export type ArgsRead<F extends string> =
	{ kind: 'help' } | { kind: 'error'; message: string } | ({ kind: 'flags' } & Flags<F>);

/**
 * tokenizeArgs then collectFlags: the flags, or help (asked for anywhere, it wins over a repeated flag), or
 * the first problem as a one-line message.
 */
export function readArgs<F extends string>(
	argv: readonly string[],
	flags: readonly F[],
	listFlag?: F
): ArgsRead<F> {
	const tokens = tokenizeArgs(argv, flags);
	if (typeof tokens === 'string') return { kind: 'error', message: tokens };
	if (tokens.help) return { kind: 'help' };
	const collected = collectFlags(tokens.pairs, listFlag);
	return typeof collected === 'string'
		? { kind: 'error', message: collected }
		: { kind: 'flags', ...collected };
}

/** A value or a one-line message naming the flag and what it accepts. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `--flag` as a whole number from lo to hi. */
export function wholeNumber(flag: string, text: string, lo: number, hi: number): Parsed<number> {
	const v = parseDecimal(text);
	if (v === undefined || !Number.isInteger(v) || v < lo || v > hi)
		return { ok: false, message: `--${flag} must be a whole number from ${lo} to ${hi}, got "${text}"` };
	return { ok: true, value: v };
}

/** `--flag` as a finite number >= 0. */
export function nonNegative(flag: string, text: string): Parsed<number> {
	const v = parseDecimal(text);
	if (v === undefined || v < 0)
		return { ok: false, message: `--${flag} must be a finite number >= 0, got "${text}"` };
	return { ok: true, value: v };
}

/**
 * The optimizer's hyperparameters from `--set key=value` entries over its defaults, checked one by one and
 * together. `prefix` starts every message but the one about the entry's form (the train CLI's '--set: ').
 */
export function resolveSets(
	optimizer: AnyOptimizer,
	sets: readonly string[],
	prefix = ''
): Parsed<Record<string, HyperValue>> {
	const given: Record<string, HyperValue> = {};
	for (const s of sets) {
		const eq = s.indexOf('=');
		if (eq <= 0) return { ok: false, message: `--set takes key=value, got "${s}"` };
		const key = s.slice(0, eq);
		const spec = optimizer.hyper.find((h) => h.key === key);
		if (!spec) {
			const known = optimizer.hyper.map((h) => h.key).join(', ');
			return {
				ok: false,
				message: `${prefix}${optimizer.id} has no hyperparameter "${key}" (it has: ${known})`
			};
		}
		const parsed = parseHyperValue(spec, s.slice(eq + 1));
		if (!parsed.ok) return { ok: false, message: `${prefix}${parsed.message}` };
		given[key] = parsed.value;
	}
	const resolved = resolveHyper(optimizer, given);
	if (!resolved.ok) return { ok: false, message: `${prefix}${resolved.message}` };
	return { ok: true, value: resolved.value };
}
