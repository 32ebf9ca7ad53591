/**
 * The playground's state: one rune class holding the scene (function, view, runs, start, budget, clock,
 * camera) and deriving the trajectories every view draws. Trajectories are recomputed synchronously on every
 * change (a drag costs about a millisecond for a dozen runs), into buffers reused across recomputations.
 */
import { getTestFunction, testFunctions } from '../core/functions';
import type { ExpressionError, CompiledExpression } from '../core/expression';
import type { KnownMinimum, Objective2D, ViewBox } from '../core/objective';
import type { GridSource } from '../workers/grid-compute';
import { getOptimizer } from '../core/optimizers';
import { defaultHyper, resolveHyper } from '../core/optimizers/hyper';
import type { HyperValue } from '../core/optimizers/types';
import { createTrajectoryBuffer, runTrajectory, type TrajectoryBuffer } from '../core/run/trajectory';
import { runColor } from '../views/color';
import type { OverlayShape } from '../views/contour/types';
import type { CameraState, FunctionView, RunView } from '../views/types';
import { runLabel } from './run-label';
import {
	DEFAULT_CAMERA,
	MAX_RUNS,
	MAX_STEPS,
	type FunctionChoice,
	type RunConfig,
	type SceneConfig
} from './scene';

export interface RunState extends RunConfig {
	readonly id: number;
}

type ExpressionModule = typeof import('../core/expression');

/**
 * An objective supplied by another panel (a regression model's loss over two parameters) in place of the
 * function picker's choice; the same views and roster then run on it.
 */
export interface ExternalObjective {
	/** Changes whenever the objective does. */
	readonly key: string;
	readonly objective: Objective2D;
	/** How the grid worker rebuilds it. */
	readonly source: GridSource;
	readonly minima: readonly KnownMinimum[];
	readonly fMin: number | undefined;
	/** The box to show by default (and on reset). */
	readonly view: ViewBox;
	/** A cheap approximation of the objective for the 3D mesh (see FunctionView.heightObjective). */
	readonly heightObjective?: { f(x: number, y: number): number };
	/** Names of the two parameters and the value, e.g. ['w', 'b', 'L']. */
	readonly axisNames?: readonly [string, string, string];
	/** Outlines drawn over the contours (a constraint region, a level set). */
	readonly shapes?: readonly OverlayShape[];
}

/** Iterations per second at speed 1. */
export const BASE_RATE = 30;
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

export class Playground {
	fn = $state.raw<FunctionChoice>({ kind: 'builtin', id: 'rosenbrock' });
	/** The text of the expression field, valid or not. */
	exprDraft = $state('');
	/** Why the draft is rejected (null when it is valid or not yet checked). */
	exprError = $state.raw<ExpressionError | null>(null);
	/** The last valid custom function (stays on screen while the draft is invalid). */
	custom = $state.raw<CompiledExpression | null>(null);
	view = $state.raw<ViewBox>({ xMin: -2, xMax: 2, yMin: -1, yMax: 3 });
	runs = $state.raw<RunState[]>([]);
	start = $state.raw<readonly [number, number]>([-1.5, 2]);
	steps = $state(200);
	iteration = $state(0);
	camera = $state.raw<CameraState>(DEFAULT_CAMERA);

	playing = $state(false);
	speed = $state(1);
	loop = $state(false);

	hover = $state.raw<{ x: number; y: number } | null>(null);
	gradientField = $state(false);
	newtonModel = $state<number | null>(null);
	notices = $state.raw<string[]>([]);

	#nextId = 1;
	#externalSource: (() => ExternalObjective | null) | null;

	/**
	 * `external` supplies an objective shown instead of the picked function (see ExternalObjective); it is
	 * read reactively, so the views follow it as it changes.
	 */
	constructor(options: { external?: () => ExternalObjective | null } = {}) {
		this.#externalSource = options.external ?? null;
	}

	external: ExternalObjective | null = $derived.by(() => this.#externalSource?.() ?? null);
	// Scratch memory reused across recomputations, deliberately not reactive.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#buffers = new Map<number, TrajectoryBuffer>();
	#expression: ExpressionModule | null = null;
	#raf = 0;
	#lastTick = 0;
	#carry = 0;

	/** The objective being shown: a built-in function or the last valid custom expression. */
	objective: Objective2D = $derived.by(() => {
		if (this.external) return this.external.objective;
		if (this.fn.kind === 'custom' && this.custom) return this.custom;
		return getTestFunction(this.fn.kind === 'builtin' ? this.fn.id : 'rosenbrock') ?? testFunctions[0];
	});

	functionView: FunctionView = $derived.by(() => {
		const ext = this.external;
		if (ext)
			return {
				key: ext.key,
				objective: ext.objective,
				minima: ext.minima,
				fMin: ext.fMin,
				axisNames: ext.axisNames,
				heightObjective: ext.heightObjective
			};
		const fn = this.fn;
		if (fn.kind === 'custom' && this.custom) {
			return { key: `custom:${this.custom.text}`, objective: this.custom, minima: [], fMin: undefined };
		}
		const t = getTestFunction(fn.kind === 'builtin' ? fn.id : 'rosenbrock') ?? testFunctions[0];
		return { key: t.id, objective: t, minima: t.minima, fMin: t.fMin };
	});

	/** What the grid worker samples for the contour map. */
	gridSource: GridSource = $derived.by(() => {
		if (this.external) return this.external.source;
		const fn = this.fn;
		if (fn.kind === 'custom' && this.custom) return { kind: 'custom', expr: fn.expr };
		return { kind: 'builtin', id: fn.kind === 'builtin' ? fn.id : 'rosenbrock' };
	});

	/** The box a "reset view" returns to, when there is a fixed one. */
	get homeView(): ViewBox | undefined {
		if (this.external) return this.external.view;
		return this.fn.kind === 'builtin' ? getTestFunction(this.fn.id)?.view : undefined;
	}

	/** Every run's trajectory, recomputed when the function, a run, the start or the budget changes. */
	trajectories: RunView[] = $derived.by(() => {
		const objective = this.objective;
		const steps = this.steps;
		const start = this.start;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, not state
		const live = new Set<number>();
		const out: RunView[] = [];
		for (const run of this.runs) {
			live.add(run.id);
			const opt = getOptimizer(run.optimizer);
			if (!opt) continue;
			let buf = this.#buffers.get(run.id);
			if (!buf || buf.gradNorms.length < steps + 1) {
				buf = createTrajectoryBuffer(steps);
				this.#buffers.set(run.id, buf);
			}
			const s = run.start ?? start;
			const t = runTrajectory(objective, opt, run.hyper, s, steps, buf);
			out.push({
				id: run.id,
				label: runLabel(opt, run.hyper),
				color: runColor(run.color),
				visible: run.visible,
				points: t.points,
				count: t.count,
				status: t.status,
				start: run.start,
				gradNorms: t.gradNorms
			});
		}
		for (const id of this.#buffers.keys()) if (!live.has(id)) this.#buffers.delete(id);
		return out;
	});

	// ---- scene ------------------------------------------------------------------------------------------

	/** The scene as plain data, for the URL and presets. */
	toScene(): SceneConfig {
		return {
			fn: this.fn,
			view: this.view,
			runs: this.runs.map(({ id: _id, ...rest }) => rest),
			start: this.start,
			steps: this.steps,
			iteration: this.iteration,
			camera: this.camera
		};
	}

	/** Replaces the whole scene (URL load, preset). A custom expression is compiled once mathjs is loaded. */
	async applyScene(scene: SceneConfig): Promise<void> {
		this.pause();
		this.view = scene.view;
		this.runs = scene.runs.map((r) => ({ ...r, id: this.#nextId++ }));
		this.start = scene.start;
		this.steps = scene.steps;
		this.iteration = Math.min(scene.iteration, scene.steps);
		this.camera = scene.camera;
		this.newtonModel = null;
		if (scene.fn.kind === 'custom') {
			this.exprDraft = scene.fn.expr;
			await this.setExpression(scene.fn.expr);
		} else {
			this.fn = scene.fn;
		}
	}

	// ---- function ---------------------------------------------------------------------------------------

	/** Picks a built-in function and moves the view to its default box. */
	selectFunction(id: string): void {
		const t = getTestFunction(id);
		if (!t) return;
		this.fn = { kind: 'builtin', id };
		this.view = t.view;
		this.hover = null;
	}

	async loadExpressionModule(): Promise<ExpressionModule> {
		this.#expression ??= await import('../core/expression');
		return this.#expression;
	}

	/**
	 * Validates and, if valid, shows a typed expression. An invalid one leaves the last valid function on
	 * screen and sets exprError with the offending token's position.
	 */
	async setExpression(text: string): Promise<boolean> {
		this.exprDraft = text;
		const mod = await this.loadExpressionModule();
		if (this.exprDraft !== text) return false; // a newer edit arrived meanwhile
		const result = mod.compileExpression(text);
		if (!result.ok) {
			this.exprError = result.error;
			return false;
		}
		const wasCustom = this.fn.kind === 'custom' && this.custom !== null;
		this.exprError = null;
		this.custom = result.value;
		this.fn = { kind: 'custom', expr: text };
		if (!wasCustom) this.hover = null;
		return true;
	}

	// ---- runs -------------------------------------------------------------------------------------------

	addRun(optimizer: string, hyper: Readonly<Record<string, HyperValue>> = {}): number | null {
		const opt = getOptimizer(optimizer);
		if (!opt || this.runs.length >= MAX_RUNS) return null;
		const resolved = resolveHyper(opt, hyper);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local, not state
		const used = new Set(this.runs.map((r) => r.color));
		let color = 0;
		while (used.has(color)) color++;
		const id = this.#nextId++;
		this.runs = [
			...this.runs,
			{ id, optimizer, hyper: resolved.ok ? resolved.value : defaultHyper(opt), color, visible: true }
		];
		return id;
	}

	/** Replaces the whole roster (a shared link's runs), each with a fresh id; at most MAX_RUNS are kept. */
	setRuns(runs: readonly RunConfig[]): void {
		this.runs = runs.slice(0, MAX_RUNS).map((r) => ({ ...r, id: this.#nextId++ }));
		this.newtonModel = null;
	}

	removeRun(id: number): void {
		this.runs = this.runs.filter((r) => r.id !== id);
		if (this.newtonModel === id) this.newtonModel = null;
	}

	updateRun(id: number, patch: Partial<Omit<RunState, 'id'>>): void {
		this.runs = this.runs.map((r) => (r.id === id ? { ...r, ...patch } : r));
	}

	/** Switches a run to another optimizer, keeping the hyperparameters the two share. */
	setOptimizer(id: number, optimizer: string): void {
		const opt = getOptimizer(optimizer);
		const run = this.runs.find((r) => r.id === id);
		if (!opt || !run) return;
		const kept: Record<string, HyperValue> = {};
		for (const spec of opt.hyper) if (run.hyper[spec.key] !== undefined) kept[spec.key] = run.hyper[spec.key];
		let resolved = resolveHyper(opt, kept);
		if (!resolved.ok) resolved = { ok: true, value: defaultHyper(opt) };
		this.updateRun(id, { optimizer, hyper: resolved.value });
	}

	/** Sets one hyperparameter if the whole set stays valid; returns the problem otherwise. */
	setHyper(id: number, key: string, value: HyperValue): string | null {
		const run = this.runs.find((r) => r.id === id);
		const opt = run && getOptimizer(run.optimizer);
		if (!run || !opt) return 'no such run';
		const resolved = resolveHyper(opt, { ...run.hyper, [key]: value });
		if (!resolved.ok) return resolved.message;
		this.updateRun(id, { hyper: resolved.value });
		return null;
	}

	/** Moves the shared start (runId null) or one run's own start. */
	setStart(runId: number | null, x: number, y: number): void {
		if (!Number.isFinite(x) || !Number.isFinite(y)) return;
		if (runId === null) this.start = [x, y];
		else this.updateRun(runId, { start: [x, y] });
	}

	setSteps(n: number): void {
		if (!Number.isInteger(n) || n < 1 || n > MAX_STEPS) return;
		this.steps = n;
		if (this.iteration > n) this.iteration = n;
	}

	// ---- clock ------------------------------------------------------------------------------------------

	seek(k: number): void {
		this.iteration = Math.max(0, Math.min(this.steps, Math.round(k)));
	}

	stepForward(): void {
		this.pause();
		this.seek(this.iteration + 1);
	}

	stepBack(): void {
		this.pause();
		this.seek(this.iteration - 1);
	}

	play(): void {
		if (this.playing || typeof requestAnimationFrame === 'undefined') return;
		if (this.iteration >= this.steps) this.iteration = 0;
		this.playing = true;
		this.#lastTick = performance.now();
		this.#carry = 0;
		const tick = (now: number) => {
			if (!this.playing) return;
			const dt = Math.min(0.25, (now - this.#lastTick) / 1000);
			this.#lastTick = now;
			this.#carry += dt * BASE_RATE * this.speed;
			const advance = Math.floor(this.#carry);
			if (advance > 0) {
				this.#carry -= advance;
				const next = this.iteration + advance;
				if (next >= this.steps) {
					if (this.loop) this.iteration = next % (this.steps + 1);
					else {
						this.iteration = this.steps;
						this.playing = false;
						return;
					}
				} else this.iteration = next;
			}
			this.#raf = requestAnimationFrame(tick);
		};
		this.#raf = requestAnimationFrame(tick);
	}

	pause(): void {
		this.playing = false;
		if (this.#raf && typeof cancelAnimationFrame !== 'undefined') cancelAnimationFrame(this.#raf);
		this.#raf = 0;
	}

	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	dispose(): void {
		this.pause();
	}
}
