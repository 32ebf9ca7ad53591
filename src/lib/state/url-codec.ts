/**
 * What every page's link shares: reading a query string into known, single and repeated parameters (with a
 * version and a length limit), numbers written and read back exactly, runs of the optimizer roster
 * (`run=adam;c=2;lr=0.05`, non-default hyperparameters only), settings checked against their NumberHyper
 * domains, and short notices that quote untrusted text safely. Pure: no DOM, no Svelte.
 *
 * url-state.ts (the playground's scene), network-url.ts and regression-url.ts build on it.
 */
import {
	defaultHyper,
	getOptimizer,
	parseHyperValue,
	resolveHyper,
	type AnyOptimizer,
	type HyperValue
} from '../core/optimizers';
import type { NumberHyper } from '../core/optimizers/types';
import { parseDecimal } from '../core/number-text';
import { MAX_RUNS, type RunConfig } from './scene';

/** The version every page writes as `v=1`; a link with another version is not read. */
export const URL_VERSION = 1;
/** Longer query strings are not read at all (a real scene with 16 runs stays under 2 KB). */
export const MAX_QUERY_LENGTH = 16_384;
/** Start points and view bounds must lie within ±MAX_COORD. */
export const MAX_COORD = 1e9;
/** Palette indices accepted for a run's colour (the palette itself wraps around). */
export const MAX_COLOR = 999;
/** At most this many notices are listed; the rest are counted in one last line. */
export const MAX_NOTICES = 12;
/** Keys a run's text uses besides hyperparameters; no optimizer may declare a hyperparameter with these. */
export const RUN_RESERVED_KEYS: readonly string[] = ['c', 'start', 'hidden'];

const ECHO_LENGTH = 40;
// No real number needs more characters; longer text is refused before any regular expression sees it.
const MAX_NUMBER_TEXT = 64;

// ---------------------------------------------------------------------------------------------------------
// Runs

/**
 * A run with `given` hyperparameters over the optimizer's defaults. For code-defined runs (default rosters,
 * presets): throws on an unknown optimizer or invalid values, which their tests catch.
 */
export function makeRun(
	optimizer: string,
	given: Readonly<Record<string, HyperValue>>,
	color: number,
	options: { visible?: boolean; start?: readonly [number, number] } = {}
): RunConfig {
	const opt = getOptimizer(optimizer);
	if (!opt) throw new Error(`unknown optimizer "${optimizer}"`);
	const resolved = resolveHyper(opt, given);
	if (!resolved.ok) throw new Error(`${optimizer}: ${resolved.message}`);
	const run: RunConfig = { optimizer, hyper: resolved.value, color, visible: options.visible ?? true };
	return options.start ? { ...run, start: [options.start[0], options.start[1]] } : run;
}

/** Two values of one hyperparameter are the same (-0 and 0 differ: the link keeps the sign). */
export function sameHyper(a: HyperValue, b: HyperValue): boolean {
	if (Array.isArray(a) && Array.isArray(b)) return Object.is(a[0], b[0]) && Object.is(a[1], b[1]);
	return Object.is(a, b);
}

/** Two rosters are the same: same runs in the same order, with the same settings, colours and starts. */
export function sameRuns(a: readonly RunConfig[], b: readonly RunConfig[]): boolean {
	if (a.length !== b.length) return false;
	return a.every((r, i) => {
		const s = b[i];
		if (r.optimizer !== s.optimizer || r.color !== s.color || r.visible !== s.visible) return false;
		if ((r.start === undefined) !== (s.start === undefined)) return false;
		if (r.start && s.start && !(Object.is(r.start[0], s.start[0]) && Object.is(r.start[1], s.start[1])))
			return false;
		const keys = new Set([...Object.keys(r.hyper), ...Object.keys(s.hyper)]);
		for (const k of keys) {
			const x = r.hyper[k];
			const y = s.hyper[k];
			if (x === undefined || y === undefined || !sameHyper(x, y)) return false;
		}
		return true;
	});
}

// ---------------------------------------------------------------------------------------------------------
// Encoding

/** Shortest round-tripping text of a number, safe in a query: '1e+21' becomes '1e21', -0 stays '-0'. */
export function formatNumber(n: number): string {
	return Object.is(n, -0) ? '-0' : String(n).replace('e+', 'e');
}

export function formatHyper(value: HyperValue): string {
	if (typeof value === 'boolean') return String(value);
	if (typeof value === 'number') return formatNumber(value);
	return `${formatNumber(value[0])},${formatNumber(value[1])}`;
}

// Replaces unpaired surrogates, which encodeURIComponent refuses, with U+FFFD.
function wellFormed(text: string): string {
	return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Escapes a value for a query, keeping the characters in `keep` (one-character test) as they are. */
export function escapeValue(text: string, keep: RegExp): string {
	let out = '';
	for (const ch of wellFormed(text)) {
		if (keep.test(ch)) out += ch;
		else if (ch === ' ') out += '+';
		else out += encodeURIComponent(ch);
	}
	return out;
}

/**
 * Free text such as a column name, escaped for a query so that a browser shows it exactly as written: also
 * the characters encodeURIComponent keeps but a URL parser may rewrite (the quote becomes %27).
 */
export function escapeName(text: string): string {
	return escapeValue(text, KEEP_NAME).replace(
		/[!'*~]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/** In run and list values: letters, digits, the list separators and what numbers use (never '+'). */
export const KEEP_PLAIN = /^[A-Za-z0-9._\-,;=]$/;
/** In free text such as a column name: letters, digits and brackets; separators are escaped. */
export const KEEP_NAME = /^[A-Za-z0-9._\-()]$/;

/** A run as `adam;c=2;lr=0.05[;start=x,y][;hidden]`, listing only non-default hyperparameters. */
export function encodeRun(run: RunConfig): string {
	const parts = [escapeValue(run.optimizer, KEEP_PLAIN), `c=${formatNumber(run.color)}`];
	const opt = getOptimizer(run.optimizer);
	if (opt) {
		const defaults = defaultHyper(opt);
		for (const spec of opt.hyper) {
			const value = run.hyper[spec.key];
			if (value !== undefined && !sameHyper(value, defaults[spec.key])) {
				parts.push(`${spec.key}=${escapeValue(formatHyper(value), KEEP_PLAIN)}`);
			}
		}
	}
	if (run.start) parts.push(`start=${formatNumber(run.start[0])},${formatNumber(run.start[1])}`);
	if (!run.visible) parts.push('hidden');
	return parts.join(';');
}

/** The `run=` entries of a roster; an empty roster is `run=none` (no `run` at all means the default one). */
export function encodeRuns(runs: readonly RunConfig[]): string[] {
	if (runs.length === 0) return ['run=none'];
	return runs.map((r) => `run=${encodeRun(r)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Notices

/** Collects notices, keeping the list short whatever the input. */
export class Notices {
	readonly list: string[] = [];
	private dropped = 0;

	add(text: string): void {
		if (this.list.length < MAX_NOTICES) this.list.push(text);
		else this.dropped++;
	}

	result(): string[] {
		if (this.dropped === 0) return this.list;
		const s = this.dropped === 1 ? '' : 's';
		return [...this.list, `…and ${this.dropped} more problem${s} with the link`];
	}
}

/**
 * Input text made safe to show in a notice: at most `max` characters, with control, format (such as
 * bidirectional overrides, which could reorder the sentence around them) and unpaired surrogate characters
 * replaced by U+FFFD.
 */
export function echo(text: string, max = ECHO_LENGTH): string {
	const chars = Array.from(text);
	const clean = chars
		.slice(0, max)
		.join('')
		.replace(/[\p{C}\p{Zl}\p{Zp}]/gu, '\uFFFD');
	return chars.length > max ? `${clean}…` : clean;
}

/** Input text echoed in double quotes. */
export const quote = (text: string): string => `"${echo(text)}"`;

/** A number for a sentence: 1e9 rather than 1000000000, 1.571 rather than 1.5707963267948966. */
export function short(n: number): string {
	const r = Number(n.toPrecision(4));
	return Math.abs(r) >= 1e6 ? r.toExponential().replace('e+', 'e') : String(r);
}

/** The notices of a link read as a whole, with the one reason it was not read at all. */
export function linkRejected(reason: string): Notices {
	const notices = new Notices();
	notices.add(`Ignored the link: ${reason}`);
	return notices;
}

/**
 * Runs a page's decoder on any input at all: a non-string reads as empty, and an exception (not expected:
 * every decoder validates its input) gives the fallback with one notice, so that no link can break a page.
 */
export function decodeSafely<T>(
	query: unknown,
	decode: (query: string) => { value: T; notices: Notices },
	fallback: () => T
): { value: T; notices: string[] } {
	try {
		const { value, notices } = decode(typeof query === 'string' ? query : '');
		return { value, notices: notices.result() };
	} catch {
		return { value: fallback(), notices: ['Ignored the link: it could not be read'] };
	}
}

// ---------------------------------------------------------------------------------------------------------
// Reading a query

export type QueryRead =
	/** Nothing to read: the page's defaults, without notices. */
	| { readonly kind: 'empty' }
	/** Not read at all (too long, no or another version): the page's defaults, with these notices. */
	| { readonly kind: 'rejected'; readonly notices: Notices }
	| {
			readonly kind: 'read';
			/** Parameters given once (a repeat is ignored, with a notice). */
			readonly single: Map<string, string>;
			/** Parameters that may repeat (`run`, `feature`), in order. */
			readonly lists: Map<string, string[]>;
			/** Notices for unknown parameters: add them last, so junk cannot crowd out those that matter. */
			readonly unknown: string[];
			readonly notices: Notices;
	  };

/**
 * Splits a query string (with or without '?') into its parameters: `v` must be URL_VERSION, `singleKeys`
 * may appear once, `listKeys` any number of times; anything else is unknown.
 */
export function readQuery(
	query: string,
	singleKeys: ReadonlySet<string>,
	listKeys: ReadonlySet<string>
): QueryRead {
	if (query.length > MAX_QUERY_LENGTH)
		return { kind: 'rejected', notices: linkRejected(`it is longer than ${MAX_QUERY_LENGTH} characters`) };
	const entries = [...new URLSearchParams(query)];
	if (entries.length === 0) return { kind: 'empty' };

	const notices = new Notices();
	const single = new Map<string, string>();
	const lists = new Map<string, string[]>();
	const unknown: string[] = [];
	for (const [key, value] of entries) {
		if (listKeys.has(key)) {
			const list = lists.get(key);
			if (list) list.push(value);
			else lists.set(key, [value]);
		} else if (key !== 'v' && !singleKeys.has(key)) unknown.push(`Ignored unknown parameter ${quote(key)}`);
		else if (single.has(key)) notices.add(`Ignored repeated parameter ${quote(key)}`);
		else single.set(key, value);
	}

	const version = single.get('v');
	if (version === undefined)
		return { kind: 'rejected', notices: linkRejected(`it has no version (v=${URL_VERSION})`) };
	if (version !== String(URL_VERSION))
		return {
			kind: 'rejected',
			notices: linkRejected(`unknown version v=${echo(version)} (this app reads v=${URL_VERSION})`)
		};
	return { kind: 'read', single, lists, unknown, notices };
}

/** A query's parameters as a page's reader takes them (see decodeQuery). */
export interface QueryParams {
	readonly single: ReadonlyMap<string, string>;
	readonly lists: ReadonlyMap<string, string[]>;
	readonly notices: Notices;
}

/**
 * A page's decoder, from the part that is its own: the query is split by readQuery (an empty or rejected
 * link gives `defaults()`), `read` builds the settings from its parameters over the defaults `d`, and the
 * notices for unknown parameters come last. Never throws (see decodeSafely).
 */
export function decodeQuery<T>(
	query: unknown,
	singleKeys: ReadonlySet<string>,
	listKeys: ReadonlySet<string>,
	defaults: () => T,
	read: (params: QueryParams, d: T) => T
): { value: T; notices: string[] } {
	const decode = (text: string): { value: T; notices: Notices } => {
		const d = defaults();
		const r = readQuery(text, singleKeys, listKeys);
		if (r.kind === 'empty') return { value: d, notices: new Notices() };
		if (r.kind === 'rejected') return { value: d, notices: r.notices };
		const value = read(r, d);
		for (const notice of r.unknown) r.notices.add(notice);
		return { value, notices: r.notices };
	};
	return decodeSafely(query, decode, defaults);
}

// ---------------------------------------------------------------------------------------------------------
// Numbers and settings

/** A decimal number (no hex, no Infinity, no blanks), or undefined. A '+' read as a space is put back. */
export function parseNumber(text: string): number | undefined {
	if (text.length > MAX_NUMBER_TEXT) return undefined;
	return parseDecimal(text.replace(/ /g, '+'));
}

/** Exactly `count` comma-separated numbers, or undefined. */
export function parseNumbers(text: string, count: number): number[] | undefined {
	if (text.length > count * (MAX_NUMBER_TEXT + 1)) return undefined;
	const parts = text.split(',');
	if (parts.length !== count) return undefined;
	const out: number[] = [];
	for (const p of parts) {
		const v = parseNumber(p);
		if (v === undefined) return undefined;
		out.push(v);
	}
	return out;
}

/** A whole number from min to max, or undefined. */
export function parseWhole(text: string, min: number, max: number): number | undefined {
	const v = parseNumber(text);
	return v !== undefined && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
}

/** Within ±MAX_COORD. */
export const inCoordRange = (v: number): boolean => Math.abs(v) <= MAX_COORD;

/** A point x,y, or the reason it is refused. */
export function parsePoint(text: string): [number, number] | string {
	const xy = parseNumbers(text, 2);
	if (!xy) return 'must be two numbers x,y';
	if (!xy.every(inCoordRange)) return `coordinates must be from -${short(MAX_COORD)} to ${short(MAX_COORD)}`;
	return [xy[0], xy[1]];
}

/** The value of a parameter, or why its text is refused (a sentence after "must"). */
export type Parsed<T> =
	{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * The value of parameter `key` if the link gives one and `parse` accepts it; otherwise `fallback`, with a
 * notice `Ignored key=text: reason` when the link gave something unusable.
 */
export function readParam<T>(
	single: ReadonlyMap<string, string>,
	key: string,
	parse: (text: string) => Parsed<T>,
	notices: Notices,
	fallback: T
): T {
	const text = single.get(key);
	if (text === undefined) return fallback;
	const r = parse(text);
	if (r.ok) return r.value;
	notices.add(`Ignored ${key}=${echo(text)}: ${r.reason}`);
	return fallback;
}

function boundText(spec: NumberHyper, n: number): string {
	return spec.integer && Math.abs(n) < 1e15 ? String(n) : short(n);
}

/** What a NumberHyper accepts, as words: 'a whole number from 4 to 5000'. */
export function describeSetting(spec: NumberHyper): string {
	const { lower, upper, upperOpen } = spec.domain;
	const kind = spec.integer ? 'a whole number' : 'a number';
	if (upper === Infinity) return `${kind} from ${boundText(spec, lower)} up`;
	return `${kind} from ${boundText(spec, lower)} to ${upperOpen ? 'below ' : ''}${boundText(spec, upper)}`;
}

/** A parser for a numeric setting declared as a NumberHyper: within its domain, whole when it says so. */
export function settingParser(spec: NumberHyper): (text: string) => Parsed<number> {
	return (text) => {
		const v = parseNumber(text);
		const { lower, upper, upperOpen } = spec.domain;
		const inside = v !== undefined && v >= lower && (upperOpen ? v < upper : v <= upper);
		if (!inside || (spec.integer && !Number.isInteger(v)))
			return { ok: false, reason: `must be ${describeSetting(spec)}` };
		return { ok: true, value: v };
	};
}

/** A page's numeric setting: its URL parameter, its spec (domain and default) and the field it fills. */
export interface NumberSetting<F extends string = string> {
	readonly param: string;
	readonly spec: NumberHyper;
	readonly field: F;
}

/** Appends `param=value` for each setting whose value is not its default (-0 and 0 differ). */
export function encodeNumbers<F extends string>(
	parts: string[],
	settings: readonly NumberSetting<F>[],
	values: Readonly<Record<F, number>>,
	defaults: Readonly<Record<F, number>>
): void {
	for (const { param, field } of settings)
		if (!Object.is(values[field], defaults[field])) parts.push(`${param}=${formatNumber(values[field])}`);
}

/** Each setting as the link gives it, checked against its spec; otherwise its default, with a notice. */
export function readNumbers<F extends string>(
	single: ReadonlyMap<string, string>,
	settings: readonly NumberSetting<F>[],
	notices: Notices,
	defaults: Readonly<Record<F, number>>
): Record<F, number> {
	const values = {} as Record<F, number>;
	for (const { param, spec, field } of settings)
		values[field] = readParam(single, param, settingParser(spec), notices, defaults[field]);
	return values;
}

/** `true` or `false`. */
export function parseFlag(text: string): Parsed<boolean> {
	if (text === 'true') return { ok: true, value: true };
	if (text === 'false') return { ok: true, value: false };
	return { ok: false, reason: 'must be true or false' };
}

/** A parser for one of a fixed list of ids (`noun` names what they are, for the notice). */
export function choiceParser<T extends string>(
	options: readonly T[],
	noun: string
): (text: string) => Parsed<T> {
	return (text) =>
		(options as readonly string[]).includes(text)
			? { ok: true, value: text as T }
			: { ok: false, reason: `unknown ${noun} (one of ${options.join(', ')})` };
}

/** Longest column name a link may carry. */
export const MAX_NAME_LENGTH = 200;

/** A column name or class label: not empty, not too long, no control or format characters. */
export function parseName(text: string): Parsed<string> {
	if (text.trim() === '') return { ok: false, reason: 'must not be empty' };
	if (text.length > MAX_NAME_LENGTH)
		return { ok: false, reason: `longer than ${MAX_NAME_LENGTH} characters` };
	if (/[\p{C}\p{Zl}\p{Zp}]/u.test(text)) return { ok: false, reason: 'contains control characters' };
	return { ok: true, value: text };
}

// ---------------------------------------------------------------------------------------------------------
// Decoding runs

/** A run as read, before colours are filled in. */
interface ParsedRun {
	optimizer: string;
	hyper: Record<string, HyperValue>;
	color: number | undefined;
	visible: boolean;
	start: [number, number] | undefined;
}

/** Drops the echo of the input that parseHyperValue appends, keeping only the rule that was broken. */
function hyperProblem(message: string): string {
	return echo(message.replace(/,? got ".*$/s, ''), 120);
}

function parseRun(text: string, n: number, notices: Notices): ParsedRun | undefined {
	const tokens = text.split(';');
	const id = tokens[0];
	const opt = getOptimizer(id);
	if (!opt) {
		notices.add(
			id === '' ? `Ignored run ${n}: no optimizer named` : `Ignored run ${n}: unknown optimizer ${quote(id)}`
		);
		return undefined;
	}
	const name = `run ${n} (${opt.label})`;
	const run: ParsedRun = { optimizer: opt.id, hyper: {}, color: undefined, visible: true, start: undefined };
	const given = new Map<string, HyperValue>();
	const seen = new Set<string>();
	for (const token of tokens.slice(1)) {
		if (token === '') continue;
		const eq = token.indexOf('=');
		const key = eq < 0 ? token : token.slice(0, eq);
		const value = eq < 0 ? undefined : token.slice(eq + 1);
		const shown = value === undefined ? echo(key) : `${echo(key)}=${echo(value)}`;
		if (seen.has(key)) {
			notices.add(`Ignored ${shown} for ${name}: ${quote(key)} is repeated`);
			continue;
		}
		seen.add(key);
		if (key === 'hidden') {
			if (value === undefined) run.visible = false;
			else notices.add(`Ignored ${shown} for ${name}: hidden takes no value`);
		} else if (key === 'c') {
			const c = value === undefined ? undefined : parseWhole(value, 0, MAX_COLOR);
			if (c === undefined)
				notices.add(`Ignored ${shown} for ${name}: c must be a whole number from 0 to ${MAX_COLOR}`);
			else run.color = c;
		} else if (key === 'start') {
			const p = value === undefined ? 'must be two numbers x,y' : parsePoint(value);
			if (typeof p === 'string') notices.add(`Ignored ${shown} for ${name}: start ${p}`);
			else run.start = p;
		} else {
			const spec = opt.hyper.find((s) => s.key === key);
			if (!spec) {
				notices.add(`Ignored ${quote(key)} for ${name}: ${opt.label} has no such hyperparameter`);
			} else if (value === undefined) {
				notices.add(`Ignored ${shown} for ${name}: ${key} needs a value`);
			} else if (value.length > 2 * MAX_NUMBER_TEXT + 1) {
				notices.add(`Ignored ${shown} for ${name}: the value is too long`);
			} else {
				const parsed = parseHyperValue(spec, value.replace(/ /g, '+'));
				if (parsed.ok) given.set(key, parsed.value);
				else notices.add(`Ignored ${shown} for ${name}: ${hyperProblem(parsed.message)}`);
			}
		}
	}
	const hyper = resolveWithCrossChecks(opt, given, name, notices);
	if (!hyper) {
		notices.add(`Ignored ${name}: its default settings are not valid`);
		return undefined;
	}
	run.hyper = hyper;
	return run;
}

/**
 * Values that each passed their own checks can still clash (Nesterov without momentum): drop the last
 * value whose removal resolves the clash, else fall back to all defaults.
 */
function resolveWithCrossChecks(
	opt: AnyOptimizer,
	given: Map<string, HyperValue>,
	name: string,
	notices: Notices
): Record<string, HyperValue> | undefined {
	const first = resolveHyper(opt, Object.fromEntries(given));
	if (first.ok) return first.value;
	for (const key of [...given.keys()].reverse()) {
		const rest = new Map(given);
		rest.delete(key);
		const r = resolveHyper(opt, Object.fromEntries(rest));
		if (r.ok) {
			notices.add(
				`Ignored ${key}=${formatHyper(given.get(key)!)} for ${name}: ${hyperProblem(first.message)}`
			);
			return r.value;
		}
	}
	const defaults = resolveHyper(opt, {});
	if (!defaults.ok) return undefined;
	notices.add(`Ignored the settings of ${name}: ${hyperProblem(first.message)}`);
	return defaults.value;
}

/** Fills in missing colours with the lowest palette indices no other run uses. */
function assignColors(runs: ParsedRun[]): RunConfig[] {
	const used = new Set<number>();
	for (const r of runs) if (r.color !== undefined) used.add(r.color);
	let next = 0;
	return runs.map((r) => {
		let color = r.color;
		if (color === undefined) {
			while (used.has(next)) next++;
			color = next;
			used.add(color);
		}
		const run: RunConfig = { optimizer: r.optimizer, hyper: r.hyper, color, visible: r.visible };
		return r.start ? { ...run, start: r.start } : run;
	});
}

/**
 * The runs of the `run=` entries, or undefined for the page's default roster (no `run` given, or none of
 * them usable). `run=none` stands for an empty roster. At most MAX_RUNS runs are read.
 */
export function decodeRuns(texts: readonly string[], notices: Notices): RunConfig[] | undefined {
	if (texts.length === 0) return undefined;
	const parsed: ParsedRun[] = [];
	let n = 0;
	let extra = 0;
	for (const text of texts) {
		if (text === 'none') continue;
		n++;
		if (parsed.length >= MAX_RUNS) {
			extra++;
			continue;
		}
		const run = parseRun(text, n, notices);
		if (run) parsed.push(run);
	}
	if (extra > 0) notices.add(`Ignored ${extra} more run${extra === 1 ? '' : 's'}: at most ${MAX_RUNS} runs`);
	// A link whose runs were all unusable gets the default roster rather than an empty race.
	if (parsed.length === 0 && n > 0) return undefined;
	return assignColors(parsed);
}
