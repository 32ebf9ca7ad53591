/**
 * Test helpers shared by the link codecs' tests (network-url, regression-url): random valid values drawn
 * independently of the decoders, hostile strings, and an independent statement of what a valid run and a
 * safe notice are. Used by tests only.
 */
import { defaultHyper, getOptimizer, optimizers, resolveHyper, type HyperValue } from '../core/optimizers';
import type { HyperSpec, NumberHyper } from '../core/optimizers/types';
import type { Rng } from '../core/random/rng';
import { MAX_RUNS, type RunConfig } from './scene';
import { MAX_COLOR, MAX_COORD, MAX_NOTICES } from './url-codec';

export function pick<T>(rng: Rng, items: readonly T[]): T {
	return items[rng.int(items.length)];
}

/** A value anywhere in a NumberHyper's domain, often at its bounds; whole when the spec says so. */
export function randomSetting(rng: Rng, spec: NumberHyper): number {
	const { lower, upper } = spec.domain;
	const hi = Math.min(upper, 1e12);
	const u = rng.uniform();
	if (spec.integer) {
		if (u < 0.2) return pick(rng, [lower, Math.floor(hi)]);
		if (u < 0.6) return lower + rng.int(Math.min(100, hi - lower + 1));
		return Math.floor(rng.range(lower, hi + 1));
	}
	if (u < 0.2) return pick(rng, [lower, hi]);
	const awkward = [1 / 3, 0.1 + 0.2, Math.PI / 10].filter((v) => v >= lower && v <= hi);
	if (u < 0.3 && awkward.length > 0) return pick(rng, awkward);
	if (u < 0.6 && lower > 0) return Math.exp(rng.range(Math.log(lower), Math.log(hi)));
	return rng.range(lower, hi);
}

/** A number within ±limit, of any magnitude. */
export function randomCoord(rng: Rng, limit = MAX_COORD): number {
	const u = rng.uniform();
	if (u < 0.1) return pick(rng, [0, -0, 1 / 3, 5e-324, -limit, limit]);
	return (rng.uniform() < 0.5 ? -1 : 1) * 10 ** rng.range(-12, Math.log10(limit)) * rng.uniform();
}

const NAME_PIECES = [
	'Beak',
	' ',
	'(mm)',
	'&',
	'=',
	'+',
	'%',
	'%20',
	',',
	';',
	'#',
	'?',
	'é',
	'π',
	'😀',
	'"',
	"'",
	'<b>',
	'\\',
	'_',
	'x'
];

/** A column name or class label that is valid but awkward in a query string. */
export function randomName(rng: Rng): string {
	let s = '';
	for (let i = 1 + rng.int(6); i > 0; i--) s += pick(rng, NAME_PIECES);
	return s.trim() === '' ? `${s}x` : s;
}

function randomHyperValue(rng: Rng, spec: HyperSpec): HyperValue {
	if (spec.kind === 'boolean') return rng.uniform() < 0.5;
	if (spec.kind === 'pair') return [rng.range(0, 0.9999), rng.range(0, 0.9999)];
	if (spec.integer) return Math.floor(rng.range(spec.domain.lower, Math.min(spec.domain.upper, 1e6)));
	if (spec.log) return 10 ** rng.range(Math.log10(spec.min) - 1, Math.log10(spec.max) + 1);
	return rng.range(spec.domain.lower, Math.min(spec.domain.upper, spec.max * 2));
}

/** A valid run of any optimizer, with some hyperparameters off their defaults. */
export function randomRun(rng: Rng): RunConfig {
	const opt = pick(rng, optimizers);
	const given: Record<string, HyperValue> = {};
	for (const spec of opt.hyper) if (rng.uniform() < 0.5) given[spec.key] = randomHyperValue(rng, spec);
	const resolved = resolveHyper(opt, given);
	const run: RunConfig = {
		optimizer: opt.id,
		hyper: resolved.ok ? resolved.value : defaultHyper(opt),
		color: rng.uniform() < 0.7 ? rng.int(16) : rng.int(MAX_COLOR + 1),
		visible: rng.uniform() < 0.8
	};
	return rng.uniform() < 0.2 ? { ...run, start: [randomCoord(rng), randomCoord(rng)] } : run;
}

export function randomRuns(rng: Rng): RunConfig[] {
	const n = rng.int(5) === 0 ? 0 : 1 + rng.int(rng.uniform() < 0.9 ? 4 : MAX_RUNS);
	return Array.from({ length: n }, () => randomRun(rng));
}

/** What is wrong with a roster, checked without the decoder. */
export function runProblems(runs: readonly RunConfig[]): string[] {
	const problems: string[] = [];
	if (runs.length > MAX_RUNS) problems.push('too many runs');
	for (const r of runs) {
		const opt = getOptimizer(r.optimizer);
		if (!opt) {
			problems.push(`optimizer ${r.optimizer}`);
			continue;
		}
		if (!resolveHyper(opt, r.hyper).ok) problems.push(`hyper of ${r.optimizer}`);
		const keys = opt.hyper.map((h) => h.key).sort();
		if (Object.keys(r.hyper).sort().join() !== keys.join()) problems.push('hyper keys');
		if (!Number.isInteger(r.color) || r.color < 0 || r.color > MAX_COLOR) problems.push('color');
		if (typeof r.visible !== 'boolean') problems.push('visible');
		if (r.start && !r.start.every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_COORD))
			problems.push('run start');
	}
	return problems;
}

/** A number is in a NumberHyper's domain (and whole when it says so), checked without the decoder. */
export function inSpec(spec: NumberHyper, v: unknown): boolean {
	if (typeof v !== 'number' || !Number.isFinite(v)) return false;
	if (spec.integer && !Number.isInteger(v)) return false;
	return v >= spec.domain.lower && (spec.domain.upperOpen ? v < spec.domain.upper : v <= spec.domain.upper);
}

// Control, format (bidirectional overrides), line and paragraph separators: never in a notice.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** What is wrong with a list of notices: too many, too long, or carrying unsafe characters. */
export function noticeProblems(notices: readonly string[]): string[] {
	const problems: string[] = [];
	if (notices.length > MAX_NOTICES + 1) problems.push(`${notices.length} notices`);
	for (const n of notices) {
		if (n.length > 240) problems.push(`long notice: ${n.slice(0, 60)}`);
		if (UNSAFE.test(n)) problems.push(`unsafe character in: ${n.slice(0, 60)}`);
		if (n.includes('could not be read')) problems.push('the decoder threw');
	}
	return problems;
}

const HOSTILE_PIECES = [
	'&',
	'=',
	';',
	',',
	'%',
	'%00',
	'%1B',
	'%E2%80%AE',
	'%zz',
	'+',
	'NaN',
	'Infinity',
	'-1',
	'1e400',
	'1e-400',
	'0x10',
	'run=',
	'v=1',
	'v=2',
	'feature=',
	'hidden',
	'__proto__',
	'constructor',
	'<script>',
	' ',
	'#',
	'?',
	'\u0000',
	'\u202e',
	'\ud800',
	'😀'
];

/** A hostile string: junk, random characters, or a valid link damaged by cuts, insertions and repeats. */
export function hostile(rng: Rng, valid: readonly string[], extraPieces: readonly string[] = []): string {
	const pieces = [...HOSTILE_PIECES, ...extraPieces];
	const mode = rng.int(4);
	if (mode === 0) {
		let s = '';
		for (let i = rng.int(40); i > 0; i--) s += pick(rng, pieces);
		return s;
	}
	if (mode === 1) {
		let s = '';
		for (let i = rng.int(200); i > 0; i--) {
			const r = rng.uniform();
			s += String.fromCharCode(r < 0.7 ? 32 + rng.int(95) : r < 0.9 ? rng.int(0x800) : rng.int(0x10000));
		}
		return s;
	}
	const chars = Array.from(pick(rng, valid));
	for (let i = 1 + rng.int(6); i > 0; i--) {
		const at = rng.int(chars.length + 1);
		const r = rng.uniform();
		if (r < 0.4) chars.splice(at, 1);
		else if (r < 0.8) chars.splice(at, 0, pick(rng, pieces));
		else chars.splice(at, 0, ...chars.slice(rng.int(chars.length)));
	}
	return mode === 2 ? chars.join('') : chars.join('').slice(0, rng.int(chars.length + 1));
}
