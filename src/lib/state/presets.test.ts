/**
 * Runs every preset and checks that it is a valid scene and that what its description promises happens.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../core/expression';
import { getTestFunction, himmelblau, rastrigin } from '../core/functions';
import type { Objective2D } from '../core/objective';
import { getOptimizer } from '../core/optimizers';
import { runTrajectory, type Trajectory } from '../core/run/trajectory';
import { getPreset, presets, type Preset } from './presets';
import type { FunctionChoice } from './scene';
import { decodeScene, encodeScene } from './url-state';

function objectiveOf(fn: FunctionChoice): Objective2D {
	if (fn.kind === 'builtin') return getTestFunction(fn.id)!;
	const compiled = compileExpression(fn.expr);
	if (!compiled.ok) throw new Error(compiled.error.message);
	return compiled.value;
}

interface Point {
	x: number;
	y: number;
	f: number;
}

const at = (t: Trajectory, k: number): Point => ({
	x: t.points[3 * k],
	y: t.points[3 * k + 1],
	f: t.points[3 * k + 2]
});
const end = (t: Trajectory): Point => at(t, t.count - 1);
const dist = (p: Point, x: number, y: number): number => Math.hypot(p.x - x, p.y - y);

/** Every run of a preset, computed the way the page computes it. */
function race(preset: Preset): Trajectory[] {
	const { scene } = preset;
	const objective = objectiveOf(scene.fn);
	return scene.runs.map((run) =>
		runTrajectory(objective, getOptimizer(run.optimizer)!, run.hyper, run.start ?? scene.start, scene.steps)
	);
}

function expectFinite(t: Trajectory): void {
	expect(t.status).toBe('ok');
	for (let i = 0; i < 3 * t.count; i++) expect(Number.isFinite(t.points[i])).toBe(true);
}

/** Eigenvalues of the symmetric 2 x 2 Hessian at (x, y), smallest first. */
function hessianEigenvalues(objective: Objective2D, x: number, y: number): [number, number] {
	const h = new Float64Array(4);
	objective.hessian(x, y, h);
	const mean = (h[0] + h[3]) / 2;
	const r = Math.hypot((h[0] - h[3]) / 2, h[1]);
	return [mean - r, mean + r];
}

function gradNorm(objective: Objective2D, p: Point): number {
	const g = new Float64Array(2);
	objective.grad(p.x, p.y, g);
	return Math.hypot(g[0], g[1]);
}

describe('presets', () => {
	it('have unique ids, a title, and a description of one or two sentences', () => {
		expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
		expect(presets.length).toBeGreaterThanOrEqual(6);
		for (const p of presets) {
			expect(p.title.length).toBeGreaterThan(0);
			expect(p.title.length).toBeLessThan(60);
			const sentences = p.description.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1);
			expect(sentences.length, p.id).toBeGreaterThanOrEqual(1);
			expect(sentences.length, p.id).toBeLessThanOrEqual(2);
			expect(getPreset(p.id)).toBe(p);
		}
	});

	it.each(presets.map((p) => [p.id, p] as const))(
		'%s is a valid scene: it survives the URL codec',
		(_id, p) => {
			expect(decodeScene(encodeScene(p.scene))).toEqual({ scene: p.scene, notices: [] });
			expect(p.scene.runs.map((r) => r.color)).toEqual(p.scene.runs.map((_r, i) => i));
			expect(p.scene.iteration).toBe(0);
		}
	);

	it.each(presets.filter((p) => p.scene.fn.kind === 'custom').map((p) => [p.id, p] as const))(
		'%s has an expression that compiles',
		(_id, p) => {
			expect(p.scene.fn.kind === 'custom' && compileExpression(p.scene.fn.expr).ok).toBe(true);
		}
	);
});

describe('what each preset promises', () => {
	it('momentum-valley: GD zig-zags and crawls, momentum and Nesterov reach the minimum', () => {
		const [gd, momentum, nesterov] = race(getPreset('momentum-valley')!);
		for (const t of [gd, momentum, nesterov]) expectFinite(t);
		// Zig-zag: y changes sign on each of the first steps.
		for (let k = 0; k < 6; k++) expect(Math.sign(at(gd, k).y)).toBe(-Math.sign(at(gd, k + 1).y));
		// Crawl: after 100 steps it has covered less than 90% of the way along the floor.
		expect(dist(end(gd), 0, 0)).toBeGreaterThan(0.5);
		expect(dist(end(momentum), 0, 0)).toBeLessThan(0.05);
		expect(dist(end(nesterov), 0, 0)).toBeLessThan(0.05);
		// Nesterov damps the swings: its largest excursion past the minimum (x > 0) is smaller than momentum's.
		const overshoot = (t: Trajectory) => Math.max(...Array.from({ length: t.count }, (_, k) => at(t, k).x));
		expect(overshoot(nesterov)).toBeLessThan(overshoot(momentum));
		// At lr 0.009, Nesterov really would blow up across the valley.
		const scene = getPreset('momentum-valley')!.scene;
		const fast = runTrajectory(
			objectiveOf(scene.fn),
			getOptimizer('nesterov')!,
			{ lr: 0.009 },
			scene.start,
			100
		);
		expect(Math.abs(end(fast).y)).toBeGreaterThan(1e6);
	});

	it('adam-family: Adam and NAdam follow the valley, AdamW leads then lags, Adamax crawls, RAdam is thrown out', () => {
		const [adam, nadam, adamw, adamax, radam] = race(getPreset('adam-family')!);
		for (const t of [adam, nadam, adamw, adamax]) expectFinite(t);
		expect(end(adam).f).toBeLessThan(0.05);
		expect(end(nadam).f).toBeLessThan(0.05);
		// Weight decay pulls towards the origin, which is downhill at first and uphill after.
		expect(at(adamw, 150).f).toBeLessThan(at(adam, 150).f);
		expect(dist(at(adamw, 150), 0, 0)).toBeLessThan(dist(at(adam, 150), 0, 0));
		expect(end(adamw).f).toBeGreaterThan(10 * end(adam).f);
		expect(end(adamax).f).toBeGreaterThan(1);
		for (const t of [adam, nadam, adamw]) expect(end(adamax).f).toBeGreaterThan(end(t).f);
		expect(radam.status).toBe('diverged');
		expect(radam.count).toBeLessThan(10);
	});

	it('newton-himmelblau: the runs end at six different stationary points, four minima, one maximum, one saddle', () => {
		const preset = getPreset('newton-himmelblau')!;
		const runs = race(preset);
		expect(preset.scene.runs.every((r) => r.optimizer === 'newton')).toBe(true);
		const kinds: string[] = [];
		const ends = runs.map((t) => {
			expectFinite(t);
			const p = end(t);
			expect(gradNorm(himmelblau, p)).toBeLessThan(1e-9);
			const [lo, hi] = hessianEigenvalues(himmelblau, p.x, p.y);
			kinds.push(lo > 0 ? 'minimum' : hi < 0 ? 'maximum' : 'saddle');
			return p;
		});
		expect(kinds).toEqual(['minimum', 'minimum', 'minimum', 'minimum', 'maximum', 'saddle']);
		// The four minima are the four known ones, one each.
		const found = ends.slice(0, 4).map((p) => himmelblau.minima.findIndex((m) => dist(p, m.x, m.y) < 1e-9));
		expect([...found].sort()).toEqual([0, 1, 2, 3]);
		// The maximum run uses the shared start, (0, 0).
		expect(preset.scene.runs[4].start).toBeUndefined();
		expect(preset.scene.start).toEqual([0, 0]);
		for (let i = 0; i < ends.length; i++)
			for (let j = i + 1; j < ends.length; j++)
				expect(dist(ends[i], ends[j].x, ends[j].y)).toBeGreaterThan(1);
	});

	it('saddle-escape: GD on the axis stalls, GD off it lingers then escapes, SGD and momentum escape sooner, Newton jumps in', () => {
		const [gdOn, gdOff, sgd, momentum, newton] = race(getPreset('saddle-escape')!);
		for (const t of [gdOn, gdOff, sgd, momentum, newton]) expectFinite(t);
		expect(end(gdOn).y).toBe(0);
		expect(dist(end(gdOn), 0, 0)).toBeLessThan(1e-3);
		expect(dist(at(gdOff, 40), 0, 0)).toBeLessThan(0.1);
		expect(Math.abs(end(gdOff).y)).toBeGreaterThan(2);
		expect(Math.abs(end(sgd).y)).toBeGreaterThan(2);
		expect(Math.abs(at(sgd, 50).y)).toBeGreaterThan(2 * Math.abs(at(gdOff, 50).y));
		expect(Math.abs(at(momentum, 40).y)).toBeGreaterThan(2);
		expect(dist(at(newton, 1), 0, 0)).toBe(0);
		expect(dist(end(newton), 0, 0)).toBe(0);
	});

	it('learning-rate: 0.02 crawls, 0.3 is fastest, 0.95 zig-zags but converges, 1.05 grows every step', () => {
		const [slow, good, zigzag, tooLarge] = race(getPreset('learning-rate')!);
		for (const t of [slow, good, zigzag, tooLarge]) expectFinite(t);
		const f0 = at(slow, 0).f;
		expect(end(slow).f).toBeGreaterThan(0.02 * f0);
		expect(end(good).f).toBeLessThan(1e-12);
		expect(end(zigzag).f).toBeLessThan(0.1 * end(slow).f);
		for (let k = 0; k + 1 < zigzag.count; k++) {
			expect(Math.sign(at(zigzag, k + 1).x)).toBe(-Math.sign(at(zigzag, k).x));
			expect(at(tooLarge, k + 1).f).toBeGreaterThan(at(tooLarge, k).f);
		}
		expect(end(tooLarge).f).toBeGreaterThan(1000 * f0);
	});

	it('rastrigin-local-minima: GD, momentum and Adam stop in the same dimple; noisy SGD visits others', () => {
		const [gd, momentum, adam, sgd] = race(getPreset('rastrigin-local-minima')!);
		for (const t of [gd, momentum, adam, sgd]) expectFinite(t);
		for (const t of [gd, momentum, adam]) {
			const p = end(t);
			expect(dist(p, 2.985, 1.99)).toBeLessThan(0.01);
			expect(p.f).toBeCloseTo(12.93, 1);
			expect(gradNorm(rastrigin, p)).toBeLessThan(1e-3);
			expect(hessianEigenvalues(rastrigin, p.x, p.y)[0]).toBeGreaterThan(0);
		}
		const dimples = new Set<string>();
		for (let k = 0; k < sgd.count; k++)
			dimples.add(`${Math.round(at(sgd, k).x)},${Math.round(at(sgd, k).y)}`);
		expect(dimples.size).toBeGreaterThan(1);
	});

	it("adagrad-decay: Adagrad's steps shrink like 1/sqrt(t) while Adam's keep their length", () => {
		const preset = getPreset('adagrad-decay')!;
		const [adagrad, adam] = race(preset);
		expectFinite(adagrad);
		expectFinite(adam);
		const stepLength = (t: Trajectory, k: number) => dist(at(t, k + 1), at(t, k).x, at(t, k).y);
		// Far from the tip (first 10 steps), compare step lengths at t = 1 and t = 9: 1/sqrt(9) = 1/3.
		expect(stepLength(adagrad, 8) / stepLength(adagrad, 0)).toBeLessThan(0.4);
		expect(stepLength(adam, 8) / stepLength(adam, 0)).toBeGreaterThan(0.95);
		expect(stepLength(adagrad, 100)).toBeLessThan(0.15 * stepLength(adagrad, 0));
		expect(dist(end(adam), 0, 0)).toBeLessThan(0.05);
		expect(dist(end(adagrad), 0, 0)).toBeGreaterThan(0.5);
	});
});
