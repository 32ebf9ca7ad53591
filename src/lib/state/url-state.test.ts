/**
 * Tests of the URL codec: exact round trips of random valid scenes, one notice per problem for malformed
 * links, a fuzz run over hostile strings, and the default roster's first impression.
 */
import { describe, expect, it } from 'vitest';
import { getTestFunction, rosenbrock } from '../core/functions';
import { defaultHyper, getOptimizer, optimizers, resolveHyper, type HyperValue } from '../core/optimizers';
import type { HyperSpec } from '../core/optimizers/types';
import { createRng, type Rng } from '../core/random/rng';
import { runTrajectory } from '../core/run/trajectory';
import { DEFAULT_CAMERA, MAX_RUNS, MAX_STEPS, type RunConfig, type SceneConfig } from './scene';
import { hostile, pick } from './url-testing';
import {
	CAMERA_PHI_RANGE,
	CAMERA_ZOOM_RANGE,
	MAX_COLOR,
	MAX_COORD,
	MAX_EXPRESSION_LENGTH,
	MAX_NOTICES,
	MAX_QUERY_LENGTH,
	MAX_VIEW_SIZE,
	MIN_VIEW_SIZE,
	RUN_RESERVED_KEYS,
	decodeScene,
	defaultScene,
	echo,
	encodeScene,
	formatNumber,
	makeRun
} from './url-state';

/** An independent statement of what a valid scene is, so the decoder is not checked against itself. */
function sceneProblems(s: SceneConfig): string[] {
	const problems: string[] = [];
	const fail = (why: string) => problems.push(why);
	const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
	const coord = (v: unknown) => finite(v) && Math.abs(v as number) <= MAX_COORD;
	if (s.fn.kind === 'builtin') {
		if (!getTestFunction(s.fn.id)) fail(`fn ${s.fn.id}`);
	} else if (
		typeof s.fn.expr !== 'string' ||
		s.fn.expr.trim() === '' ||
		s.fn.expr.length > MAX_EXPRESSION_LENGTH
	)
		fail('expr');
	const v = s.view;
	if (![v.xMin, v.xMax, v.yMin, v.yMax].every(coord)) fail('view not finite');
	for (const [lo, hi] of [
		[v.xMin, v.xMax],
		[v.yMin, v.yMax]
	]) {
		const size = hi - lo;
		if (!(size >= MIN_VIEW_SIZE && size <= MAX_VIEW_SIZE)) fail('view size');
	}
	if (s.start.length !== 2 || !s.start.every(coord)) fail('start');
	if (!Number.isInteger(s.steps) || s.steps < 1 || s.steps > MAX_STEPS) fail('steps');
	if (!Number.isInteger(s.iteration) || s.iteration < 0 || s.iteration > s.steps) fail('iteration');
	const c = s.camera;
	if (!finite(c.theta)) fail('theta');
	if (!(c.phi >= CAMERA_PHI_RANGE[0] && c.phi <= CAMERA_PHI_RANGE[1])) fail('phi');
	if (!(c.zoom >= CAMERA_ZOOM_RANGE[0] && c.zoom <= CAMERA_ZOOM_RANGE[1])) fail('zoom');
	if (s.runs.length > MAX_RUNS) fail('too many runs');
	for (const r of s.runs) {
		const opt = getOptimizer(r.optimizer);
		if (!opt) {
			fail(`optimizer ${r.optimizer}`);
			continue;
		}
		if (!resolveHyper(opt, r.hyper).ok) fail(`hyper of ${r.optimizer}`);
		if (
			Object.keys(r.hyper).sort().join() !==
			opt.hyper
				.map((h) => h.key)
				.sort()
				.join()
		)
			fail('hyper keys');
		if (!Number.isInteger(r.color) || r.color < 0 || r.color > MAX_COLOR) fail('color');
		if (typeof r.visible !== 'boolean') fail('visible');
		if (r.start !== undefined && (r.start.length !== 2 || !r.start.every(coord))) fail('run start');
	}
	return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Random valid scenes

/** Doubles of every magnitude, including awkward ones, within ±limit. */
function randomNumber(rng: Rng, limit: number): number {
	const u = rng.uniform();
	if (u < 0.05) return pick(rng, [0, -0, 0.1 + 0.2, 1 / 3, -2 / 3, 5e-324, 1e-300, Math.PI]);
	if (u < 0.3) return rng.int(21) - 10;
	const magnitude = 10 ** rng.range(-12, Math.log10(limit));
	return (rng.uniform() < 0.5 ? -1 : 1) * magnitude * rng.uniform();
}

const EXPRESSION_PIECES = [
	'x',
	'y',
	'^2',
	' + ',
	'-',
	'*',
	'/',
	'(',
	')',
	'sin(x)',
	'exp(-y)',
	'2.5e+3',
	'%',
	'&',
	'=',
	';',
	'#',
	'?',
	'+',
	' ',
	'\u00e9',
	'\u03c0',
	'😀',
	'\n',
	'"',
	"'",
	'<b>',
	'%20',
	'%zz',
	'\\'
];

function randomExpression(rng: Rng): string {
	if (rng.uniform() < 0.05) return 'x'.repeat(MAX_EXPRESSION_LENGTH);
	let s = '';
	const n = 1 + rng.int(30);
	for (let i = 0; i < n; i++) s += pick(rng, EXPRESSION_PIECES);
	return s.trim() === '' ? `${s}x` : s;
}

function randomSpan(rng: Rng): [number, number] {
	for (;;) {
		const center = randomNumber(rng, 1e6);
		const size = 10 ** rng.range(-8, 8);
		const lo = center - size / 2;
		const hi = lo + size;
		const d = hi - lo;
		if (d >= MIN_VIEW_SIZE && d <= MAX_VIEW_SIZE && d >= MIN_VIEW_SIZE * Math.max(Math.abs(lo), Math.abs(hi)))
			return [lo, hi];
	}
}

function randomHyperValue(rng: Rng, spec: HyperSpec): HyperValue {
	if (spec.kind === 'boolean') return rng.uniform() < 0.5;
	if (spec.kind === 'pair') return [rng.range(0, 0.9999), rng.uniform() < 0.5 ? 0 : rng.range(0, 0.9999)];
	if (spec.integer) return Math.floor(rng.range(spec.domain.lower, Math.min(spec.domain.upper, 1e6)));
	if (rng.uniform() < 0.3) return spec.domain.lower;
	if (spec.log) return 10 ** rng.range(Math.log10(spec.min) - 2, Math.log10(spec.max) + 2);
	return rng.range(spec.domain.lower, Math.min(spec.domain.upper, spec.max * 2));
}

function randomRun(rng: Rng): RunConfig {
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
	return rng.uniform() < 0.3
		? { ...run, start: [randomNumber(rng, MAX_COORD), randomNumber(rng, MAX_COORD)] }
		: run;
}

function randomScene(rng: Rng): SceneConfig {
	const [xMin, xMax] = randomSpan(rng);
	const [yMin, yMax] = randomSpan(rng);
	const steps = rng.uniform() < 0.5 ? 1 + rng.int(500) : 1 + rng.int(MAX_STEPS);
	const runs: RunConfig[] = [];
	const n = rng.uniform() < 0.1 ? MAX_RUNS : rng.int(MAX_RUNS + 1);
	for (let i = 0; i < n; i++) runs.push(randomRun(rng));
	const [phiLo, phiHi] = CAMERA_PHI_RANGE;
	const [zoomLo, zoomHi] = CAMERA_ZOOM_RANGE;
	return {
		fn:
			rng.uniform() < 0.7
				? {
						kind: 'builtin',
						id: pick(rng, ['rosenbrock', 'himmelblau', 'saddle', 'rastrigin', 'goldstein-price'])
					}
				: { kind: 'custom', expr: randomExpression(rng) },
		view: { xMin, xMax, yMin, yMax },
		start: [randomNumber(rng, MAX_COORD), randomNumber(rng, MAX_COORD)],
		steps,
		iteration: rng.uniform() < 0.3 ? steps : rng.int(steps + 1),
		camera:
			rng.uniform() < 0.3
				? { ...DEFAULT_CAMERA }
				: {
						theta: randomNumber(rng, 100),
						phi: pick(rng, [phiLo, phiHi, rng.range(phiLo, phiHi)]),
						zoom: pick(rng, [zoomLo, zoomHi, Math.exp(rng.range(Math.log(zoomLo), Math.log(zoomHi)))])
					},
		runs
	};
}

// ---------------------------------------------------------------------------------------------------------

describe('encodeScene', () => {
	it('writes the default scene compactly, in a fixed order, with only non-default hyperparameters', () => {
		expect(encodeScene(defaultScene())).toBe(
			'v=1&fn=rosenbrock&view=-2,2,-1,3&start=-1.5,2&steps=200&it=200' +
				'&run=gd;c=0&run=momentum;c=1&run=adam;c=2;lr=0.1&run=newton;c=3'
		);
	});

	it('writes a camera, per-run starts, hidden runs, flags and pairs readably', () => {
		const scene: SceneConfig = {
			...defaultScene(),
			iteration: 40,
			camera: { theta: -0.785, phi: 0.628, zoom: 1 },
			runs: [
				makeRun('adam', { lr: 0.05, betas: [0.8, 0.99], amsgrad: true }, 2),
				makeRun('gd', { lr: 5e-4 }, 0, { visible: false, start: [1, -2] }),
				makeRun('sgd', { momentum: 0.9, nesterov: true, seed: 7 }, 1)
			]
		};
		expect(encodeScene(scene)).toBe(
			'v=1&fn=rosenbrock&view=-2,2,-1,3&start=-1.5,2&steps=200&it=40&cam=-0.785,0.628,1' +
				'&run=adam;c=2;lr=0.05;betas=0.8,0.99;amsgrad=true&run=gd;c=0;lr=0.0005;start=1,-2;hidden' +
				'&run=sgd;c=1;seed=7;momentum=0.9;nesterov=true'
		);
		expect(decodeScene(encodeScene(scene))).toEqual({ scene, notices: [] });
	});

	it('escapes a custom expression so that it reads back exactly, keeping operators readable', () => {
		const scene: SceneConfig = {
			...defaultScene(),
			fn: { kind: 'custom', expr: 'x^2 + 25*y^2 & (a=1; #%)' }
		};
		const q = encodeScene(scene);
		expect(q).toContain('expr=x^2+%2B+25*y^2+%26+(a%3D1%3B+%23%25)&');
		expect(decodeScene(q)).toEqual({ scene, notices: [] });
	});

	it('writes an empty roster as run=none, which reads back as no runs', () => {
		const scene: SceneConfig = { ...defaultScene(), runs: [] };
		expect(encodeScene(scene)).toMatch(/&run=none$/);
		expect(decodeScene(encodeScene(scene))).toEqual({ scene, notices: [] });
	});

	it('formats numbers as the shortest text that reads back as the same double, with no "+"', () => {
		for (const n of [0.1 + 0.2, 1e21, -1.5e300, 5e-324, 2 ** 53 + 2, 1 / 3, 123456789.125, -0, 0]) {
			const text = formatNumber(n);
			expect(text).not.toContain('+');
			expect(Object.is(Number(text), n), text).toBe(true);
		}
		expect(formatNumber(1e21)).toBe('1e21');
		expect(formatNumber(-0)).toBe('-0');
	});

	it('uses no run key that an optimizer also uses for a hyperparameter', () => {
		for (const opt of optimizers)
			for (const spec of opt.hyper) expect(RUN_RESERVED_KEYS).not.toContain(spec.key);
	});
});

describe('decodeScene round trip', () => {
	it('gives back exactly the same scene, with no notices, for many random valid scenes', () => {
		const rng = createRng(20240611);
		for (let i = 0; i < 600; i++) {
			const scene = randomScene(rng);
			expect(sceneProblems(scene)).toEqual([]);
			const query = encodeScene(scene);
			expect(query.length).toBeLessThan(MAX_QUERY_LENGTH);
			const decoded = decodeScene(query);
			expect(decoded.notices, query).toEqual([]);
			expect(decoded.scene, query).toEqual(scene);
		}
	});

	it('reads the default scene back from its own link and from an empty query', () => {
		expect(decodeScene(encodeScene(defaultScene()))).toEqual({ scene: defaultScene(), notices: [] });
		expect(decodeScene('')).toEqual({ scene: defaultScene(), notices: [] });
		expect(decodeScene('?')).toEqual({ scene: defaultScene(), notices: [] });
	});

	it('accepts a leading "?", explicit default values and a "+" that a query turned into a space', () => {
		const { scene, notices } = decodeScene(
			'?v=1&fn=rosenbrock&steps=2e3&run=gd;c=0;lr=0.001&run=adam;lr=1e+2'
		);
		expect(notices).toEqual([]);
		expect(scene.steps).toBe(2000);
		expect(scene.runs[0]).toEqual(makeRun('gd', {}, 0));
		expect(scene.runs[1]).toEqual(makeRun('adam', { lr: 100 }, 1));
	});
});

describe('decodeScene on short, hand-written links', () => {
	it("fills what is missing with defaults: the function's own view, a start inside it, the default roster", () => {
		const { scene, notices } = decodeScene('v=1&fn=himmelblau');
		expect(notices).toEqual([]);
		expect(scene.view).toEqual({ xMin: -5, xMax: 5, yMin: -5, yMax: 5 });
		expect(scene.start).toEqual([-3.75, 2.5]);
		expect(scene.runs).toEqual(defaultScene().runs);
		expect(scene.iteration).toBe(0);
	});

	it('gives runs without a colour the lowest palette indices the others leave free', () => {
		const { scene } = decodeScene('v=1&run=gd;c=1&run=adam&run=newton&run=momentum;c=0');
		expect(scene.runs.map((r) => r.color)).toEqual([1, 2, 3, 0]);
	});
});

describe('decodeScene on bad links', () => {
	const notices = (q: string) => decodeScene(q).notices;

	it('falls back to the default scene, with one notice, without a known version or when too long', () => {
		expect(decodeScene('fn=himmelblau')).toEqual({
			scene: defaultScene(),
			notices: ['Ignored the link: it has no version (v=1)']
		});
		expect(decodeScene('v=2&fn=himmelblau')).toEqual({
			scene: defaultScene(),
			notices: ['Ignored the link: unknown version v=2 (this app reads v=1)']
		});
		expect(decodeScene(`v=1&expr=${'x'.repeat(MAX_QUERY_LENGTH)}`)).toEqual({
			scene: defaultScene(),
			notices: [`Ignored the link: it is longer than ${MAX_QUERY_LENGTH} characters`]
		});
	});

	it('ignores each bad scene parameter on its own, keeping the rest', () => {
		const { scene, notices } = decodeScene(
			'v=1&fn=himmelblau&view=2,1,0,1&start=1,nope&steps=1e9&it=3.5&cam=1,2&foo=1&run=newton'
		);
		expect(notices).toEqual([
			'Ignored view: xmin must be less than xmax',
			'Ignored start=1,nope: must be two numbers x,y',
			'Ignored steps=1e9: must be a whole number from 1 to 20000',
			'Ignored it=3.5: must be a whole number from 0 to 200',
			'Ignored cam=1,2: must be three numbers theta,phi,zoom',
			'Ignored unknown parameter "foo"'
		]);
		expect(scene.fn).toEqual({ kind: 'builtin', id: 'himmelblau' });
		expect(scene.view).toEqual({ xMin: -5, xMax: 5, yMin: -5, yMax: 5 });
		expect(scene.runs).toEqual([makeRun('newton', {}, 0)]);
	});

	it('names the problem with a view box', () => {
		expect(notices('v=1&view=0,1,1,1')).toEqual(['Ignored view: ymin must be less than ymax']);
		expect(notices('v=1&view=0,1,0')).toEqual(['Ignored view: must be four numbers xmin,xmax,ymin,ymax']);
		expect(notices('v=1&view=0,1e10,0,1')).toEqual(['Ignored view: bounds must be from -1e9 to 1e9']);
		expect(notices('v=1&view=0,1e-10,0,1')).toEqual(['Ignored view: width must be from 1e-9 to 1e9']);
		expect(notices('v=1&view=-6e8,6e8,0,1')).toEqual(['Ignored view: width must be from 1e-9 to 1e9']);
		expect(notices('v=1&view=0,1,1e8,100000000.01')).toEqual([
			'Ignored view: height is too small for its position'
		]);
		expect(notices('v=1&view=0,Infinity,0,1')).toEqual([
			'Ignored view: must be four numbers xmin,xmax,ymin,ymax'
		]);
		expect(notices('v=1&view=0x10,1,0,1')).toEqual([
			'Ignored view: must be four numbers xmin,xmax,ymin,ymax'
		]);
	});

	it('clamps the iteration into [0, steps] and the camera into range', () => {
		const a = decodeScene('v=1&steps=50&it=80&cam=0.5,3,100');
		expect(a.scene.iteration).toBe(50);
		expect(a.scene.camera).toEqual({ theta: 0.5, phi: CAMERA_PHI_RANGE[1], zoom: CAMERA_ZOOM_RANGE[1] });
		expect(a.notices).toEqual([
			'Adjusted it=80 to 50: it must be from 0 to 50',
			'Adjusted the camera: elevation 3 is out of range, used 1.57',
			'Adjusted the camera: zoom 100 is out of range, used 4'
		]);
		expect(decodeScene('v=1&cam=0,0.5,0').notices).toEqual([
			'Ignored cam=0,0.5,0: zoom must be greater than 0'
		]);
	});

	it('names what it ignores in a run and keeps the rest of that run', () => {
		const { scene, notices } = decodeScene(
			'v=1&run=adamm&run=adam;lr=-1;betas=0.9,1;eps=1e-6;foo=2;c=3;c=4&run=gd;lr=abc;hidden=1;start=1'
		);
		expect(notices).toEqual([
			'Ignored run 1: unknown optimizer "adamm"',
			'Ignored lr=-1 for run 2 (Adam): lr must be >= 0',
			'Ignored betas=0.9,1 for run 2 (Adam): each of betas must be in [0, 1)',
			'Ignored "foo" for run 2 (Adam): Adam has no such hyperparameter',
			'Ignored c=4 for run 2 (Adam): "c" is repeated',
			'Ignored lr=abc for run 3 (Gradient descent): lr must be a number',
			'Ignored hidden=1 for run 3 (Gradient descent): hidden takes no value',
			'Ignored start=1 for run 3 (Gradient descent): start must be two numbers x,y'
		]);
		expect(scene.runs).toEqual([makeRun('adam', { eps: 1e-6 }, 3), makeRun('gd', {}, 0)]);
	});

	it("applies the optimizers' own cross-checks, dropping the value that breaks them", () => {
		const { scene, notices } = decodeScene('v=1&run=sgd;momentum=0;nesterov=true;c=0');
		expect(notices).toEqual([
			'Ignored nesterov=true for run 1 (SGD (noisy)): nesterov requires momentum > 0 and dampening = 0'
		]);
		expect(scene.runs).toEqual([makeRun('sgd', { momentum: 0 }, 0)]);
	});

	it('keeps at most MAX_RUNS runs and says how many it dropped', () => {
		const q = `v=1${'&run=gd'.repeat(MAX_RUNS + 3)}`;
		const { scene, notices } = decodeScene(q);
		expect(scene.runs).toHaveLength(MAX_RUNS);
		expect(notices).toEqual([`Ignored 3 more runs: at most ${MAX_RUNS} runs`]);
	});

	it('uses the default roster when no run in the link can be used', () => {
		const { scene, notices } = decodeScene('v=1&fn=saddle&run=nope');
		expect(scene.runs).toEqual(defaultScene().runs);
		expect(notices).toEqual(['Ignored run 1: unknown optimizer "nope"']);
	});

	it('checks a custom expression only for length and emptiness, leaving the rest to the compiler', () => {
		expect(decodeScene('v=1&expr=sin(x)*y').scene.fn).toEqual({ kind: 'custom', expr: 'sin(x)*y' });
		expect(decodeScene('v=1&expr=sin(x)*y').scene.view).toEqual({ xMin: -2, xMax: 2, yMin: -2, yMax: 2 });
		expect(decodeScene('v=1&expr=)))').scene.fn).toEqual({ kind: 'custom', expr: ')))' });
		expect(notices(`v=1&expr=${'x'.repeat(MAX_EXPRESSION_LENGTH + 1)}`)).toEqual([
			`Ignored expr: longer than ${MAX_EXPRESSION_LENGTH} characters`
		]);
		expect(notices('v=1&expr=+++')).toEqual(['Ignored expr: it is empty']);
		expect(notices('v=1&fn=sphere&expr=x')).toEqual([
			'Ignored expr: the link also names a built-in function (fn)'
		]);
		expect(decodeScene('v=1&fn=nope&expr=x').scene.fn).toEqual({ kind: 'custom', expr: 'x' });
	});

	it('reports repeated parameters and uses the first', () => {
		const { scene, notices } = decodeScene('v=1&fn=sphere&fn=saddle&v=1');
		expect(scene.fn).toEqual({ kind: 'builtin', id: 'sphere' });
		expect(notices).toEqual(['Ignored repeated parameter "fn"', 'Ignored repeated parameter "v"']);
	});

	it('never echoes more than a short, clean excerpt of the input', () => {
		const long = 'a'.repeat(5000);
		const { notices: list } = decodeScene(
			`v=1&${long}=1&fn=${long}&run=${long}&run=gd;lr=${'1'.repeat(5000)}`
		);
		for (const n of list) expect(n.length).toBeLessThan(160);
		expect(echo('\u202eevil\u0000<script>')).toBe('\uFFFDevil\uFFFD<script>');
		expect(echo('x'.repeat(50))).toBe(`${'x'.repeat(40)}…`);
		expect(echo('😀'.repeat(41))).toBe(`${'😀'.repeat(40)}…`);
	});

	it('lists at most MAX_NOTICES notices and counts the rest', () => {
		const q = `v=1${Array.from({ length: 30 }, (_, i) => `&junk${i}=1`).join('')}`;
		const list = decodeScene(q).notices;
		expect(list).toHaveLength(MAX_NOTICES + 1);
		expect(list[MAX_NOTICES]).toBe(`…and ${30 - MAX_NOTICES} more problems with the link`);
	});
});

describe('decodeScene fuzzing', () => {
	const PIECES = [
		'v=1',
		'v=2',
		'v=',
		'&',
		'&&',
		'=',
		'==',
		';',
		';;',
		',',
		'%',
		'%2',
		'%zz',
		'%E0%A4%A',
		'%C0%AF',
		'%00',
		'%u0041',
		'+',
		'fn=',
		'rosenbrock',
		'expr=',
		'run=',
		'run=none',
		'adam',
		'gd',
		'sgd',
		'newton',
		'nesterov',
		'lr=',
		'-1',
		'0',
		'-0',
		'1e9',
		'1e309',
		'-1e-400',
		'NaN',
		'Infinity',
		'0x1F',
		'1_000',
		'9'.repeat(400),
		'__proto__',
		'constructor',
		'prototype',
		'toString',
		'hasOwnProperty',
		'__proto__=1',
		'constructor=1',
		'<script>alert(1)</script>',
		'"><img src=x onerror=alert(1)>',
		'\u202e',
		'\u0000',
		'\u2028',
		'😀',
		'\uD800',
		'\uDFFF',
		'é',
		'view=',
		'start=',
		'steps=',
		'it=',
		'cam=',
		'c=',
		'hidden',
		'betas=',
		'nesterov=true',
		'momentum=0',
		'0.9,0.999',
		'1,2',
		'1,2,3,4',
		' ',
		'#',
		'?',
		'.',
		'e',
		'--'
	];

	it('always returns a valid scene and a few short notices, and never throws', () => {
		const rng = createRng(7);
		const valid = Array.from({ length: 40 }, () => encodeScene(randomScene(rng)));
		const inputs = Array.from({ length: 3000 }, () => hostile(rng, valid, PIECES));
		inputs.push(
			'x'.repeat(MAX_QUERY_LENGTH),
			`v=1&run=gd;lr=${'1'.repeat(MAX_QUERY_LENGTH - 20)}`,
			`v=1&view=${'1'.repeat(MAX_QUERY_LENGTH - 20)}x`,
			`v=1&${'&'.repeat(MAX_QUERY_LENGTH - 10)}`,
			`v=1${'&run=adam;lr=1'.repeat(1000)}`,
			`v=1&run=${';'.repeat(MAX_QUERY_LENGTH - 10)}`,
			'v=1&__proto__[x]=1&constructor.prototype.x=1'
		);
		const started = performance.now();
		for (const input of inputs) {
			const { scene, notices } = decodeScene(input);
			expect(sceneProblems(scene), input).toEqual([]);
			expect(notices.length).toBeLessThanOrEqual(MAX_NOTICES + 1);
			for (const n of notices) {
				expect(n.length, n).toBeLessThan(200);
				expect(n).not.toContain('could not be read');
			}
			// A decoded scene is a valid scene: it survives its own round trip untouched.
			expect(decodeScene(encodeScene(scene))).toEqual({ scene, notices: [] });
		}
		expect(({} as Record<string, unknown>).x).toBeUndefined();
		expect(performance.now() - started).toBeLessThan(20_000);
	});

	it('survives input that is not a string at all', () => {
		for (const bad of [undefined, null, 42, {}, []])
			expect(decodeScene(bad as unknown as string)).toEqual({ scene: defaultScene(), notices: [] });
	});
});

describe('defaultScene', () => {
	it('is Rosenbrock in its default view from (-1.5, 2), with GD, momentum, Adam and Newton in colours 0 to 3', () => {
		const s = defaultScene();
		expect(s.fn).toEqual({ kind: 'builtin', id: 'rosenbrock' });
		expect(s.view).toEqual(rosenbrock.view);
		expect(s.view).not.toBe(rosenbrock.view);
		expect(s.start).toEqual([-1.5, 2]);
		expect(s.runs.map((r) => r.optimizer)).toEqual(['gd', 'momentum', 'adam', 'newton']);
		expect(s.runs.map((r) => r.color)).toEqual([0, 1, 2, 3]);
		expect(sceneProblems(s)).toEqual([]);
	});

	it('makes a good first impression: no run diverges, each ends somewhere else, Newton reaches (1, 1)', () => {
		const s = defaultScene();
		const ends = s.runs.map((run) => {
			const t = runTrajectory(rosenbrock, getOptimizer(run.optimizer)!, run.hyper, s.start, s.steps);
			expect(t.status, run.optimizer).toBe('ok');
			expect(t.count).toBe(s.steps + 1);
			for (let i = 0; i < 3 * t.count; i++) expect(Number.isFinite(t.points[i])).toBe(true);
			const k = 3 * (t.count - 1);
			return { x: t.points[k], y: t.points[k + 1], f: t.points[k + 2] };
		});
		const [gd, momentum, adam, newton] = ends;
		expect(Math.hypot(newton.x - 1, newton.y - 1)).toBeLessThan(1e-9);
		// Each visibly different: ordered by progress along the valley, and well apart.
		expect(gd.f).toBeGreaterThan(adam.f);
		expect(adam.f).toBeGreaterThan(momentum.f);
		expect(momentum.f).toBeGreaterThan(newton.f);
		for (let i = 0; i < ends.length; i++)
			for (let j = i + 1; j < ends.length; j++)
				expect(Math.hypot(ends[i].x - ends[j].x, ends[i].y - ends[j].y)).toBeGreaterThan(0.3);
	});
});
