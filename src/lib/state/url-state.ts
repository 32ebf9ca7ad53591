/**
 * The scene as a shareable query string. encodeScene writes a compact, versioned, readable form; decodeScene
 * reads any string at all back into a valid scene, ignoring (and naming, in short notices) whatever it cannot
 * use. Pure: no DOM, no Svelte, and no expression compiler (the caller compiles a custom function's text).
 *
 *   v=1&fn=rosenbrock&view=-2,2,-1,3&start=-1.5,2&steps=200&it=40&cam=-0.785,0.628,1
 *     &run=adam;c=2;lr=0.05&run=gd;c=0;lr=0.0005;start=1,2;hidden
 *
 * Numbers are written as String(n) (the shortest text that reads back as the same double, with 'e+' written
 * 'e' because '+' means a space in a query). A run lists only its non-default hyperparameters: the defaults
 * are PyTorch's and do not move. Scene-level values are always written, so a link keeps its meaning even if
 * the app's own defaults change; only a default camera is left out. `run=none` stands for an empty roster,
 * since a link without any `run` gets the default one.
 */
import { MAX_LENGTH as MAX_EXPRESSION_LENGTH } from '../core/expression/limits';
import { getTestFunction, rosenbrock } from '../core/functions';
import type { ViewBox } from '../core/objective';
import {
	defaultHyper,
	getOptimizer,
	parseHyperValue,
	resolveHyper,
	type AnyOptimizer,
	type HyperValue
} from '../core/optimizers';
import { MAX_ELEVATION, MAX_ZOOM, MIN_ELEVATION, MIN_ZOOM } from '../views/surface/camera';
import type { CameraState } from '../views/types';
import {
	DEFAULT_CAMERA,
	DEFAULT_STEPS,
	MAX_RUNS,
	MAX_STEPS,
	type FunctionChoice,
	type RunConfig,
	type SceneConfig
} from './scene';
import { parseDecimal } from '../core/number-text';

export const URL_VERSION = 1;
/** Longer query strings are not read at all (a real scene with 16 runs stays under 2 KB). */
export const MAX_QUERY_LENGTH = 16_384;
export { MAX_EXPRESSION_LENGTH };
/** Start points and view bounds must lie within ±MAX_COORD. */
export const MAX_COORD = 1e9;
/** Width and height of the view box, inclusive. */
export const MIN_VIEW_SIZE = 1e-9;
export const MAX_VIEW_SIZE = 1e9;
/** Palette indices accepted for a run's colour (the palette itself wraps around). */
export const MAX_COLOR = 999;
/** Camera elevation and zoom are clamped into the ranges the 3D view allows. */
export const CAMERA_PHI_RANGE: readonly [number, number] = [MIN_ELEVATION, MAX_ELEVATION];
export const CAMERA_ZOOM_RANGE: readonly [number, number] = [MIN_ZOOM, MAX_ZOOM];
/** At most this many notices are listed; the rest are counted in one last line. */
export const MAX_NOTICES = 12;
/** The view box shown for a custom expression when the link does not give one. */
export const DEFAULT_CUSTOM_VIEW: Readonly<ViewBox> = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };

/** Keys a run's text uses besides hyperparameters; no optimizer may declare a hyperparameter with these. */
export const RUN_RESERVED_KEYS: readonly string[] = ['c', 'start', 'hidden'];

const ECHO_LENGTH = 40;
// No real number needs more characters; longer text is refused before any regular expression sees it.
const MAX_NUMBER_TEXT = 64;

export interface DecodedScene {
	scene: SceneConfig;
	/** Short sentences naming what was ignored or adjusted, and why; empty for a clean link. */
	notices: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Building scenes

/**
 * A run with `given` hyperparameters over the optimizer's defaults. For code-defined scenes (the default
 * roster, presets): throws on an unknown optimizer or invalid values, which their tests catch.
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

/** A start in the upper left of a view box: (-1.5, 2) for Rosenbrock's default view. */
export function defaultStartFor(view: ViewBox): [number, number] {
	return [view.xMin + 0.125 * (view.xMax - view.xMin), view.yMin + 0.75 * (view.yMax - view.yMin)];
}

/**
 * What a first visit shows: Rosenbrock's valley with four runs that each look different in 200 steps.
 * Gradient descent at PyTorch's lr zig-zags across the valley and barely moves along it; momentum at the same
 * lr follows the valley most of the way; Adam (lr 0.1) gets about half way; Newton lands on (1, 1) in a few
 * steps after one big jump out of the box (a second-order step ignores where the valley is).
 */
export function defaultScene(): SceneConfig {
	return {
		fn: { kind: 'builtin', id: rosenbrock.id },
		view: { ...rosenbrock.view },
		start: [-1.5, 2],
		steps: DEFAULT_STEPS,
		// The whole race is drawn on arrival; Home or the timeline replays it.
		iteration: DEFAULT_STEPS,
		camera: { ...DEFAULT_CAMERA },
		runs: [
			makeRun('gd', { lr: 1e-3 }, 0),
			makeRun('momentum', { lr: 1e-3, momentum: 0.9 }, 1),
			makeRun('adam', { lr: 0.1 }, 2),
			makeRun('newton', { lr: 1 }, 3)
		]
	};
}

// ---------------------------------------------------------------------------------------------------------
// Encoding

/** Shortest round-tripping text of a number, safe in a query: '1e+21' becomes '1e21', -0 stays '-0'. */
export function formatNumber(n: number): string {
	return Object.is(n, -0) ? '-0' : String(n).replace('e+', 'e');
}

function formatHyper(value: HyperValue): string {
	if (typeof value === 'boolean') return String(value);
	if (typeof value === 'number') return formatNumber(value);
	return `${formatNumber(value[0])},${formatNumber(value[1])}`;
}

function sameHyper(a: HyperValue, b: HyperValue): boolean {
	if (Array.isArray(a) && Array.isArray(b)) return Object.is(a[0], b[0]) && Object.is(a[1], b[1]);
	return Object.is(a, b);
}

// Replaces unpaired surrogates, which encodeURIComponent refuses, with U+FFFD.
function wellFormed(text: string): string {
	return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Escapes a value for a query, keeping the characters that read well and parse unambiguously. */
function escapeValue(text: string, keep: RegExp): string {
	let out = '';
	for (const ch of wellFormed(text)) {
		if (keep.test(ch)) out += ch;
		else if (ch === ' ') out += '+';
		else out += encodeURIComponent(ch);
	}
	return out;
}

// In run and list values: letters, digits, the list separators and what numbers use (never '+').
const KEEP_PLAIN = /^[A-Za-z0-9._\-,;=]$/;
// In an expression: also the operators and brackets that need no escaping in a query.
const KEEP_EXPRESSION = /^[A-Za-z0-9._\-,*/^()]$/;

function encodeRun(run: RunConfig): string {
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

function sameCamera(a: CameraState, b: CameraState): boolean {
	return Object.is(a.theta, b.theta) && Object.is(a.phi, b.phi) && Object.is(a.zoom, b.zoom);
}

/** The scene as a query string without the leading '?', in a fixed order. */
export function encodeScene(scene: SceneConfig): string {
	const parts: string[] = [`v=${URL_VERSION}`];
	if (scene.fn.kind === 'builtin') parts.push(`fn=${escapeValue(scene.fn.id, KEEP_PLAIN)}`);
	else parts.push(`expr=${escapeValue(scene.fn.expr, KEEP_EXPRESSION)}`);
	const v = scene.view;
	parts.push(`view=${[v.xMin, v.xMax, v.yMin, v.yMax].map(formatNumber).join(',')}`);
	parts.push(`start=${formatNumber(scene.start[0])},${formatNumber(scene.start[1])}`);
	parts.push(`steps=${formatNumber(scene.steps)}`, `it=${formatNumber(scene.iteration)}`);
	const c = scene.camera;
	if (!sameCamera(c, DEFAULT_CAMERA))
		parts.push(`cam=${[c.theta, c.phi, c.zoom].map(formatNumber).join(',')}`);
	if (scene.runs.length === 0) parts.push('run=none');
	for (const run of scene.runs) parts.push(`run=${encodeRun(run)}`);
	return parts.join('&');
}

// ---------------------------------------------------------------------------------------------------------
// Decoding

/** Collects notices, keeping the list short whatever the input. */
class Notices {
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

const quote = (text: string): string => `"${echo(text)}"`;

/** A number for a sentence: 1e9 rather than 1000000000, 1.571 rather than 1.5707963267948966. */
function short(n: number): string {
	const r = Number(n.toPrecision(4));
	return Math.abs(r) >= 1e6 ? r.toExponential().replace('e+', 'e') : String(r);
}

/** A decimal number (no hex, no Infinity, no blanks), or undefined. A '+' read as a space is put back. */
function parseNumber(text: string): number | undefined {
	if (text.length > MAX_NUMBER_TEXT) return undefined;
	return parseDecimal(text.replace(/ /g, '+'));
}

/** Exactly `count` comma-separated numbers, or undefined. */
function parseNumbers(text: string, count: number): number[] | undefined {
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

function parseWhole(text: string, min: number, max: number): number | undefined {
	const v = parseNumber(text);
	return v !== undefined && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
}

const inCoordRange = (v: number): boolean => Math.abs(v) <= MAX_COORD;

/** A point x,y, or the reason it is refused. */
function parsePoint(text: string): [number, number] | string {
	const xy = parseNumbers(text, 2);
	if (!xy) return 'must be two numbers x,y';
	if (!xy.every(inCoordRange)) return `coordinates must be from -${short(MAX_COORD)} to ${short(MAX_COORD)}`;
	return [xy[0], xy[1]];
}

function checkSize(name: string, lo: number, hi: number): string | null {
	const size = hi - lo;
	if (!(size >= MIN_VIEW_SIZE && size <= MAX_VIEW_SIZE))
		return `${name} must be from ${short(MIN_VIEW_SIZE)} to ${short(MAX_VIEW_SIZE)}`;
	// Keep several significant digits across the box, whatever its position.
	if (size < MIN_VIEW_SIZE * Math.max(Math.abs(lo), Math.abs(hi)))
		return `${name} is too small for its position`;
	return null;
}

/** A view box, or the reason it is refused. */
function parseView(text: string): ViewBox | string {
	const b = parseNumbers(text, 4);
	if (!b) return 'must be four numbers xmin,xmax,ymin,ymax';
	if (!b.every(inCoordRange)) return `bounds must be from -${short(MAX_COORD)} to ${short(MAX_COORD)}`;
	const [xMin, xMax, yMin, yMax] = b;
	if (!(xMin < xMax)) return 'xmin must be less than xmax';
	if (!(yMin < yMax)) return 'ymin must be less than ymax';
	const problem = checkSize('width', xMin, xMax) ?? checkSize('height', yMin, yMax);
	return problem ?? { xMin, xMax, yMin, yMax };
}

function clamp(v: number, [lo, hi]: readonly [number, number]): number {
	return Math.min(hi, Math.max(lo, v));
}

function parseCamera(text: string, notices: Notices): CameraState | undefined {
	const c = parseNumbers(text, 3);
	if (!c) {
		notices.add(`Ignored cam=${echo(text)}: must be three numbers theta,phi,zoom`);
		return undefined;
	}
	const [theta, phi, zoom] = c;
	if (!(zoom > 0)) {
		notices.add(`Ignored cam=${echo(text)}: zoom must be greater than 0`);
		return undefined;
	}
	const p = clamp(phi, CAMERA_PHI_RANGE);
	const z = clamp(zoom, CAMERA_ZOOM_RANGE);
	if (p !== phi)
		notices.add(`Adjusted the camera: elevation ${short(phi)} is out of range, used ${short(p)}`);
	if (z !== zoom) notices.add(`Adjusted the camera: zoom ${short(zoom)} is out of range, used ${short(z)}`);
	return { theta, phi: p, zoom: z };
}

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

const SCENE_KEYS = new Set(['v', 'fn', 'expr', 'view', 'start', 'steps', 'it', 'cam', 'run']);

/**
 * Reads a query string (with or without '?') into a valid scene. Every parameter is checked on its own;
 * what cannot be used is replaced by its default and named in a notice. Never throws.
 */
export function decodeScene(query: string): DecodedScene {
	try {
		const { scene, notices } = decode(typeof query === 'string' ? query : '');
		return { scene, notices: notices.result() };
	} catch {
		// Not expected: every path validates its input. Kept so that no link can ever break the page.
		return { scene: defaultScene(), notices: ['Ignored the link: it could not be read'] };
	}
}

/** Nothing but the default scene, with one notice saying why. */
function rejectLink(reason: string): { scene: SceneConfig; notices: Notices } {
	const notices = new Notices();
	notices.add(`Ignored the link: ${reason}`);
	return { scene: defaultScene(), notices };
}

function decode(query: string): { scene: SceneConfig; notices: Notices } {
	if (query.length > MAX_QUERY_LENGTH) return rejectLink(`it is longer than ${MAX_QUERY_LENGTH} characters`);
	const entries = [...new URLSearchParams(query)];
	if (entries.length === 0) return { scene: defaultScene(), notices: new Notices() };

	const notices = new Notices();
	const single = new Map<string, string>();
	const runTexts: string[] = [];
	// Reported last, so that junk appended to a link cannot crowd out the notices that matter.
	const unknown: string[] = [];
	for (const [key, value] of entries) {
		if (key === 'run') runTexts.push(value);
		else if (!SCENE_KEYS.has(key)) unknown.push(`Ignored unknown parameter ${quote(key)}`);
		else if (single.has(key)) notices.add(`Ignored repeated parameter ${quote(key)}`);
		else single.set(key, value);
	}

	const version = single.get('v');
	if (version === undefined) return rejectLink(`it has no version (v=${URL_VERSION})`);
	if (version !== String(URL_VERSION))
		return rejectLink(`unknown version v=${echo(version)} (this app reads v=${URL_VERSION})`);

	const fallback = defaultScene();
	const fn = decodeFunction(single, notices);
	const fnView = fn.kind === 'builtin' ? getTestFunction(fn.id)?.view : undefined;

	let view: ViewBox = { ...(fnView ?? DEFAULT_CUSTOM_VIEW) };
	const viewText = single.get('view');
	if (viewText !== undefined) {
		const v = parseView(viewText);
		if (typeof v === 'string') notices.add(`Ignored view: ${v}`);
		else view = v;
	}

	let start: [number, number] =
		fn.kind === 'builtin' && fn.id === rosenbrock.id ? [...fallback.start] : defaultStartFor(view);
	const startText = single.get('start');
	if (startText !== undefined) {
		const p = parsePoint(startText);
		if (typeof p === 'string') notices.add(`Ignored start=${echo(startText)}: ${p}`);
		else start = p;
	}

	let steps = DEFAULT_STEPS;
	const stepsText = single.get('steps');
	if (stepsText !== undefined) {
		const s = parseWhole(stepsText, 1, MAX_STEPS);
		if (s === undefined)
			notices.add(`Ignored steps=${echo(stepsText)}: must be a whole number from 1 to ${MAX_STEPS}`);
		else steps = s;
	}

	let iteration = 0;
	const itText = single.get('it');
	if (itText !== undefined) {
		const it = parseNumber(itText);
		if (it === undefined || !Number.isInteger(it)) {
			notices.add(`Ignored it=${echo(itText)}: must be a whole number from 0 to ${steps}`);
		} else {
			iteration = clamp(it, [0, steps]);
			if (iteration !== it)
				notices.add(`Adjusted it=${echo(itText)} to ${iteration}: it must be from 0 to ${steps}`);
		}
	}

	let camera: CameraState = fallback.camera;
	const camText = single.get('cam');
	if (camText !== undefined) camera = parseCamera(camText, notices) ?? camera;

	const runs = decodeRuns(runTexts, notices) ?? fallback.runs;
	for (const text of unknown) notices.add(text);
	return { scene: { fn, view, start, steps, iteration, camera, runs }, notices };
}

function decodeFunction(single: Map<string, string>, notices: Notices): FunctionChoice {
	const id = single.get('fn');
	const expr = single.get('expr');
	let fn: FunctionChoice | undefined;
	if (id !== undefined) {
		if (getTestFunction(id)) fn = { kind: 'builtin', id };
		else notices.add(`Ignored fn=${echo(id)}: unknown function`);
	}
	if (expr !== undefined) {
		if (fn) notices.add('Ignored expr: the link also names a built-in function (fn)');
		else if (expr.length > MAX_EXPRESSION_LENGTH)
			notices.add(`Ignored expr: longer than ${MAX_EXPRESSION_LENGTH} characters`);
		else if (expr.trim() === '') notices.add('Ignored expr: it is empty');
		else fn = { kind: 'custom', expr };
	}
	return fn ?? { kind: 'builtin', id: rosenbrock.id };
}

/** The runs, or undefined for the default roster (no `run` given, or none of them usable). */
function decodeRuns(texts: readonly string[], notices: Notices): RunConfig[] | undefined {
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
