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
 * since a link without any `run` gets the default one. Runs, numbers, notices and the reading of the query
 * itself are shared with the other pages' links: see url-codec.ts.
 */
import { MAX_LENGTH as MAX_EXPRESSION_LENGTH } from '../core/expression/limits';
import { getTestFunction, rosenbrock } from '../core/functions';
import type { ViewBox } from '../core/objective';
import { MAX_ELEVATION, MAX_ZOOM, MIN_ELEVATION, MIN_ZOOM } from '../views/surface/camera';
import type { CameraState } from '../views/types';
import { DEFAULT_CAMERA, DEFAULT_STEPS, MAX_STEPS, type FunctionChoice, type SceneConfig } from './scene';
import {
	decodeQuery,
	decodeRuns,
	echo,
	encodeRuns,
	escapeValue,
	formatNumber,
	inCoordRange,
	KEEP_PLAIN,
	makeRun,
	MAX_COORD,
	Notices,
	parseNumber,
	parseNumbers,
	parsePoint,
	parseWhole,
	short,
	URL_VERSION,
	type QueryParams
} from './url-codec';

// Shared with the other pages' links (see url-codec.ts); re-exported for the scene's callers and tests.
export {
	echo,
	formatNumber,
	makeRun,
	MAX_COLOR,
	MAX_COORD,
	MAX_NOTICES,
	MAX_QUERY_LENGTH,
	RUN_RESERVED_KEYS,
	URL_VERSION
} from './url-codec';
export { MAX_EXPRESSION_LENGTH };
/** Width and height of the view box, inclusive. */
export const MIN_VIEW_SIZE = 1e-9;
export const MAX_VIEW_SIZE = 1e9;
/** Camera elevation and zoom are clamped into the ranges the 3D view allows. */
export const CAMERA_PHI_RANGE: readonly [number, number] = [MIN_ELEVATION, MAX_ELEVATION];
export const CAMERA_ZOOM_RANGE: readonly [number, number] = [MIN_ZOOM, MAX_ZOOM];
/** The view box shown for a custom expression when the link does not give one. */
export const DEFAULT_CUSTOM_VIEW: Readonly<ViewBox> = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };

export interface DecodedScene {
	scene: SceneConfig;
	/** Short sentences naming what was ignored or adjusted, and why; empty for a clean link. */
	notices: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Building scenes

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

// In an expression: also the operators and brackets that need no escaping in a query.
const KEEP_EXPRESSION = /^[A-Za-z0-9._\-,*/^()]$/;

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
	parts.push(...encodeRuns(scene.runs));
	return parts.join('&');
}

// ---------------------------------------------------------------------------------------------------------
// Decoding

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

const SCENE_KEYS = new Set(['fn', 'expr', 'view', 'start', 'steps', 'it', 'cam']);
const RUN_KEYS = new Set(['run']);

/**
 * Reads a query string (with or without '?') into a valid scene. Every parameter is checked on its own;
 * what cannot be used is replaced by its default and named in a notice. Never throws.
 */
export function decodeScene(query: string): DecodedScene {
	const { value, notices } = decodeQuery(query, SCENE_KEYS, RUN_KEYS, defaultScene, decode);
	return { scene: value, notices };
}

function decode({ single, lists, notices }: QueryParams, fallback: SceneConfig): SceneConfig {
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

	const runs = decodeRuns(lists.get('run') ?? [], notices) ?? fallback.runs;
	return { fn, view, start, steps, iteration, camera, runs };
}

function decodeFunction(single: ReadonlyMap<string, string>, notices: Notices): FunctionChoice {
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
