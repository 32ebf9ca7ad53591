/**
 * Presets: focused scenes a teacher opens with one click, each showing one idea from the curriculum, with a
 * sentence or two on what to look for. presets.test.ts runs every one and checks that what its description
 * promises really happens.
 */
import { himmelblau, rastrigin, rosenbrock, saddle, sphere } from '../core/functions';
import { DEFAULT_CAMERA, type FunctionChoice, type RunConfig, type SceneConfig } from './scene';
import { makeRun } from './url-state';
import type { ViewBox } from '../core/objective';

export interface Preset {
	/** Stable id, e.g. for a menu or a `?preset=` shortcut. */
	readonly id: string;
	readonly title: string;
	/** What to look for, in one or two sentences for the teacher. */
	readonly description: string;
	readonly scene: SceneConfig;
}

function scene(
	fn: FunctionChoice,
	view: ViewBox,
	start: readonly [number, number],
	steps: number,
	runs: RunConfig[]
): SceneConfig {
	return { fn, view: { ...view }, start, steps, iteration: 0, camera: { ...DEFAULT_CAMERA }, runs };
}

const builtin = (id: string): FunctionChoice => ({ kind: 'builtin', id });
const custom = (expr: string): FunctionChoice => ({ kind: 'custom', expr });

/** A valley 100 times steeper across (y) than along (x): condition number 100. */
export const VALLEY_EXPRESSION = 'x^2 + 100*y^2';
/** A cone with a rounded tip: the slope is close to 1 everywhere but near the origin. */
export const CONE_EXPRESSION = 'sqrt(1 + x^2 + y^2)';

export const presets: readonly Preset[] = [
	{
		id: 'momentum-valley',
		title: 'Momentum in a narrow valley',
		description:
			'Gradient descent zig-zags from wall to wall of this narrow valley and then crawls along its floor; ' +
			'momentum, at the same learning rate, builds up speed along the floor and arrives after a few swings. ' +
			'Nesterov damps the swings (it runs at lr 0.005: at 0.009 its look-ahead would blow up across the valley).',
		scene: scene(custom(VALLEY_EXPRESSION), { xMin: -5, xMax: 5, yMin: -5, yMax: 5 }, [-4.5, 1], 100, [
			makeRun('gd', { lr: 0.009 }, 0),
			makeRun('momentum', { lr: 0.009, momentum: 0.9 }, 1),
			makeRun('nesterov', { lr: 0.005, momentum: 0.9 }, 2)
		])
	},
	{
		id: 'adam-family',
		title: 'The Adam family on Rosenbrock',
		description:
			'Five variants of Adam at the same learning rate 0.05. Adam and NAdam follow the valley almost to (1, 1); ' +
			'AdamW’s decoupled weight decay (0.1 here) pulls it towards the origin, so it leads while the origin ' +
			'is downhill and falls behind after; Adamax, whose denominator remembers the steepest gradient it has ' +
			'met, crawls; RAdam’s first steps are unscaled momentum steps while its variance estimate warms up, and ' +
			'on this steep slope they throw it out (✕).',
		scene: scene(builtin(rosenbrock.id), rosenbrock.view, [-1.5, 2], 1000, [
			makeRun('adam', { lr: 0.05 }, 0),
			makeRun('nadam', { lr: 0.05 }, 1),
			makeRun('adamw', { lr: 0.05, weight_decay: 0.1 }, 2),
			makeRun('adamax', { lr: 0.05 }, 3),
			makeRun('radam', { lr: 0.05 }, 4)
		])
	},
	{
		id: 'newton-himmelblau',
		title: 'Newton’s method finds flat points, not minima',
		description:
			'Six Newton runs, each from its own start: four land on the four minima within a few steps, but the ' +
			'one from (0, 0) climbs to the local maximum and the one from (1, 3) stops on a saddle. Newton’s step ' +
			'goes to wherever the gradient of the local quadratic model is zero, whether that is a valley, a peak or a pass.',
		scene: scene(builtin(himmelblau.id), himmelblau.view, [0, 0], 20, [
			makeRun('newton', {}, 0, { start: [4, 3] }),
			makeRun('newton', {}, 1, { start: [-4, 3] }),
			makeRun('newton', {}, 2, { start: [-3, -3] }),
			makeRun('newton', {}, 3, { start: [3, -3] }),
			makeRun('newton', {}, 4),
			makeRun('newton', {}, 5, { start: [1, 3] })
		])
	},
	{
		id: 'saddle-escape',
		title: 'Escaping a saddle',
		description:
			'Gradient descent started exactly on the x axis slides into the saddle at the origin and stays there; ' +
			'started 0.001 above the axis it lingers near the saddle for about 50 steps before sliding off. Noise ' +
			'(SGD) and momentum get away much sooner, while Newton’s method jumps onto the saddle in one step.',
		scene: scene(builtin(saddle.id), saddle.view, [1.5, 0], 80, [
			makeRun('gd', { lr: 0.05 }, 0),
			makeRun('gd', { lr: 0.05 }, 1, { start: [1.5, 0.001] }),
			makeRun('sgd', { lr: 0.05, noise: 1, seed: 0 }, 2),
			makeRun('momentum', { lr: 0.05, momentum: 0.9 }, 3, { start: [1.5, 0.001] }),
			makeRun('newton', {}, 4)
		])
	},
	{
		id: 'learning-rate',
		title: 'Learning rate: too small, right, too large',
		description:
			'Four gradient descent runs on a round bowl that differ only in learning rate: 0.02 crawls, 0.3 heads ' +
			'straight in, 0.95 overshoots to the other side every step yet still converges, and 1.05 overshoots ' +
			'by more each time and flies off. On this bowl (curvature 2) any rate above 2 / 2 = 1 diverges.',
		scene: scene(builtin(sphere.id), sphere.view, [-1.5, 1], 40, [
			makeRun('gd', { lr: 0.02 }, 0),
			makeRun('gd', { lr: 0.3 }, 1),
			makeRun('gd', { lr: 0.95 }, 2),
			makeRun('gd', { lr: 1.05 }, 3)
		])
	},
	{
		id: 'rastrigin-local-minima',
		title: 'Stuck in a local minimum',
		description:
			'Gradient descent, momentum and Adam all stop in the dimple nearest the start, at f ≈ 12.9, far above ' +
			'the global minimum 0 at the origin. Noisy SGD gets knocked into neighbouring dimples: luck, not a method.',
		scene: scene(builtin(rastrigin.id), rastrigin.view, [3.2, 2.3], 300, [
			makeRun('gd', { lr: 0.002 }, 0),
			makeRun('momentum', { lr: 0.004, momentum: 0.9 }, 1),
			makeRun('adam', { lr: 0.5 }, 2),
			makeRun('sgd', { lr: 0.002, noise: 60, seed: 0 }, 3)
		])
	},
	{
		id: 'adagrad-decay',
		title: 'Adagrad’s shrinking steps',
		description:
			'On this cone the slope is about the same size everywhere, so Adam’s steps keep their length. Adagrad ' +
			'divides by the square root of the sum of all its squared gradients so far, so its steps shrink like ' +
			'1/√t and after 150 steps it is still on the way.',
		scene: scene(custom(CONE_EXPRESSION), { xMin: -10, xMax: 10, yMin: -10, yMax: 10 }, [-8, 6], 150, [
			makeRun('adagrad', { lr: 0.3 }, 0),
			makeRun('adam', { lr: 0.3 }, 1)
		])
	}
];

export function getPreset(id: string): Preset | undefined {
	return presets.find((p) => p.id === id);
}
