/**
 * The trajectory runner: one optimizer on one 2D objective from one start, for a budget of steps.
 * Records every iterate so the timeline can scrub backwards and views can replay a run exactly.
 */
import type { Objective2D } from '../objective';
import { defaultHyper } from '../optimizers/hyper';
import type { AnyOptimizer, HyperValues, StepContext } from '../optimizers/types';

/**
 * 'ok': the budget was used up; 'diverged': an iterate or its value left the finite numbers (that point
 * is not kept); 'singular': Newton met a Hessian it could not solve (the point where it did is kept).
 */
export type RunStatus = 'ok' | 'diverged' | 'singular';

export interface Trajectory {
	/** Interleaved iterates [x0, y0, f0, x1, y1, f1, ...]; point k is after k steps; 3 * count used. */
	readonly points: Float64Array;
	/** |grad f| at each kept point (the exact gradient, before any noise or weight decay). */
	readonly gradNorms: Float64Array;
	/** Number of kept points: steps taken + 1, or 0 when the start itself is not finite. */
	readonly count: number;
	readonly status: RunStatus;
}

/** Preallocated storage for a run, reusable across recomputations (one per run while dragging). */
export interface TrajectoryBuffer {
	points: Float64Array;
	gradNorms: Float64Array;
}

export function createTrajectoryBuffer(steps: number): TrajectoryBuffer {
	return { points: new Float64Array(3 * (steps + 1)), gradNorms: new Float64Array(steps + 1) };
}

/**
 * Runs `steps` updates from `start`. `hyper` may omit keys (their defaults are used); values are
 * assumed valid — validate user input with resolveHyper first.
 */
export function runTrajectory(
	objective: Objective2D,
	optimizer: AnyOptimizer,
	hyper: HyperValues,
	start: readonly [number, number],
	steps: number,
	buffer?: TrajectoryBuffer
): Trajectory {
	const budget = Math.max(0, Math.floor(steps));
	const buf = buffer && buffer.gradNorms.length >= budget + 1 ? buffer : createTrajectoryBuffer(budget);
	const { points, gradNorms } = buf;
	const h = { ...defaultHyper(optimizer), ...hyper };
	const p = new Float64Array([start[0], start[1]]);
	const g = new Float64Array(2);
	const ctx: StepContext = {
		hessian: (q, out) => objective.hessian(q[0], q[1], out)
	};
	const state = optimizer.init(2, h);

	let count = 0;
	let status: RunStatus = 'ok';
	for (let k = 0; ; k++) {
		const x = p[0];
		const y = p[1];
		const f = objective.valueAndGrad ? objective.valueAndGrad(x, y, g) : objective.f(x, y);
		if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(f)) {
			status = 'diverged';
			break;
		}
		if (!objective.valueAndGrad) objective.grad(x, y, g);
		const o = 3 * k;
		points[o] = x;
		points[o + 1] = y;
		points[o + 2] = f;
		// sqrt is several times faster than Math.hypot; fall back to hypot only if the squares overflow.
		const norm = Math.sqrt(g[0] * g[0] + g[1] * g[1]);
		gradNorms[k] = norm === Infinity ? Math.hypot(g[0], g[1]) : norm;
		count = k + 1;
		if (k === budget) break;
		if (objective.stochasticGrad) objective.stochasticGrad(k, x, y, g);
		if (optimizer.step(p, g, state, h, ctx) === 'singular') {
			status = 'singular';
			break;
		}
	}
	return { points, gradNorms, count, status };
}

/** The kept points as [x, y, f] triples (for JSON output and tests). */
export function trajectoryPoints(t: Trajectory): [number, number, number][] {
	const out: [number, number, number][] = [];
	for (let k = 0; k < t.count; k++) out.push([t.points[3 * k], t.points[3 * k + 1], t.points[3 * k + 2]]);
	return out;
}
