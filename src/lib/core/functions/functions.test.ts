/**
 * Checks every built-in test function against itself: analytic derivatives against finite
 * differences, the listed minima against f, grad and hessian, and the formula strings against f.
 */
import { evaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { getTestFunction, testFunctionIds, testFunctions } from '.';
import type { TestFunction } from '.';

const IDS = [
	'rosenbrock',
	'beale',
	'himmelblau',
	'booth',
	'matyas',
	'three-hump-camel',
	'six-hump-camel',
	'goldstein-price',
	'rastrigin',
	'ackley',
	'sphere',
	'mccormick',
	'styblinski-tang',
	'levi',
	'easom',
	'saddle'
];

/** Uniform random points in the function's view box, from a seed of its own. */
function randomPoints(fn: TestFunction, n: number, salt: number): Array<[number, number]> {
	const rng = createRng(salt * 7919 + IDS.indexOf(fn.id));
	const { xMin, xMax, yMin, yMax } = fn.view;
	const points: Array<[number, number]> = [];
	for (let i = 0; i < n; i++) points.push([rng.range(xMin, xMax), rng.range(yMin, yMax)]);
	return points;
}

/**
 * Derivative of g along coordinate j (0 = x, 1 = y) at (x, y), by Richardson extrapolation of two
 * central differences: D(h) = (g(+h) - g(-h)) / 2h has error h^2 g'''/6 + O(h^4), and
 * (4 D(h) - D(2h)) / 3 cancels the h^2 term. That matters here: with h = 1e-5 |x| the plain central
 * difference is off by up to 3e-6 (relative) on Levi's fast ripples and Goldstein-Price's steep walls,
 * while the extrapolated one is limited only by rounding, about eps |g| / h. The step is
 * h = 1e-5 max(1, |coordinate|), and the divisor is the step actually taken, (c + h) - (c - h).
 */
function derivative(g: (x: number, y: number) => number, x: number, y: number, j: 0 | 1): number {
	const c = j === 0 ? x : y;
	const h = 1e-5 * Math.max(1, Math.abs(c));
	const central = (step: number): number => {
		const cp = c + step;
		const cm = c - step;
		const gp = j === 0 ? g(cp, y) : g(x, cp);
		const gm = j === 0 ? g(cm, y) : g(x, cm);
		return (gp - gm) / (cp - cm);
	};
	return (4 * central(h) - central(2 * h)) / 3;
}

/**
 * Relative tolerance of the finite-difference checks, applied as |a - b| <= tol * max(1, |a|, |b|).
 * Measured worst cases over 2000 points per function are below 5e-9 for all but Goldstein-Price, so
 * 2e-8 leaves a margin of four and still fails on any coefficient that is wrong beyond its eighth
 * digit. Goldstein-Price reaches f ~ 1e6 in its box, so rounding alone costs eps |f| / h ~ 2e-5 in
 * absolute terms against derivatives of order 1e2 to 1e3 (measured worst 7e-8).
 */
const FD_TOL: Readonly<Record<string, number>> = { 'goldstein-price': 5e-7 };
const DEFAULT_FD_TOL = 2e-8;

/**
 * Ackley is a cone at the origin: its derivatives grow like 1/r, 1/r^2, ... so finite differences
 * with h ~ 1e-5 are poor within r ~ 1e-2 (Richardson error ~ (h / r)^4). Points there are skipped;
 * the origin itself is tested separately below.
 */
function skipForFiniteDifferences(fn: TestFunction, x: number, y: number): boolean {
	return fn.id === 'ackley' && Math.hypot(x, y) < 1e-2;
}

function close(a: number, b: number, tol: number): boolean {
	return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('registry', () => {
	it('holds exactly the 16 functions, in order, with unique ids', () => {
		expect(testFunctionIds).toEqual(IDS);
		expect(testFunctions.map((t) => t.id)).toEqual(IDS);
		expect(new Set(testFunctionIds).size).toBe(IDS.length);
	});

	it('finds every function by id and nothing else', () => {
		for (const fn of testFunctions) expect(getTestFunction(fn.id)).toBe(fn);
		expect(getTestFunction('nope')).toBeUndefined();
		expect(getTestFunction('')).toBeUndefined();
		expect(getTestFunction('Rosenbrock')).toBeUndefined();
	});
});

describe.each(testFunctions)('$id', (fn) => {
	const tol = FD_TOL[fn.id] ?? DEFAULT_FD_TOL;

	it('has a name, a one-line description, a formula and a proper view box', () => {
		expect(fn.name.trim()).not.toBe('');
		expect(fn.formula.trim()).not.toBe('');
		expect(fn.description.trim()).not.toBe('');
		expect(fn.description).not.toMatch(/\n/);
		expect(fn.view.xMin).toBeLessThan(fn.view.xMax);
		expect(fn.view.yMin).toBeLessThan(fn.view.yMax);
	});

	it('has a formula that mathjs evaluates to f', () => {
		for (const [x, y] of randomPoints(fn, 20, 1)) {
			const fromFormula: unknown = evaluate(fn.formula, { x, y });
			expect(typeof fromFormula).toBe('number');
			const value = fn.f(x, y);
			if (!close(fromFormula as number, value, 1e-12)) {
				expect.fail(`formula ${String(fromFormula)} vs f ${value} at (${x}, ${y})`);
			}
		}
	});

	it('writes finite values into every entry of grad and hessian', () => {
		const g = new Float64Array(2);
		const h = new Float64Array(4);
		for (const [x, y] of randomPoints(fn, 50, 2)) {
			g.fill(NaN);
			h.fill(NaN);
			fn.grad(x, y, g);
			fn.hessian(x, y, h);
			expect(Number.isFinite(fn.f(x, y))).toBe(true);
			expect([...g, ...h].every(Number.isFinite)).toBe(true);
		}
	});

	it('has a gradient that matches finite differences of f at 200 random points', () => {
		const g = new Float64Array(2);
		let checked = 0;
		for (const [x, y] of randomPoints(fn, 200, 3)) {
			if (skipForFiniteDifferences(fn, x, y)) continue;
			fn.grad(x, y, g);
			for (const j of [0, 1] as const) {
				const fd = derivative(fn.f, x, y, j);
				if (!close(g[j], fd, tol)) expect.fail(`grad[${j}] ${g[j]} vs ${fd} at (${x}, ${y})`);
			}
			checked++;
		}
		expect(checked).toBeGreaterThan(190);
	});

	it('has a symmetric Hessian that matches finite differences of the gradient at 200 random points', () => {
		const g = new Float64Array(2);
		const h = new Float64Array(4);
		const component =
			(k: number) =>
			(x: number, y: number): number => {
				fn.grad(x, y, g);
				return g[k];
			};
		const gx = component(0);
		const gy = component(1);
		let checked = 0;
		for (const [x, y] of randomPoints(fn, 200, 4)) {
			if (skipForFiniteDifferences(fn, x, y)) continue;
			fn.hessian(x, y, h);
			expect(h[1]).toBe(h[2]);
			// Row-major: h[2k + j] = d(grad_k)/d(coordinate j).
			const fd = [
				derivative(gx, x, y, 0),
				derivative(gx, x, y, 1),
				derivative(gy, x, y, 0),
				derivative(gy, x, y, 1)
			];
			for (let i = 0; i < 4; i++) {
				if (!close(h[i], fd[i], tol)) expect.fail(`hessian[${i}] ${h[i]} vs ${fd[i]} at (${x}, ${y})`);
			}
			checked++;
		}
		expect(checked).toBeGreaterThan(190);
	});

	it('lists minima exactly when it is bounded below, with at least one global one', () => {
		if (fn.fMin === undefined) {
			expect(fn.minima).toEqual([]);
		} else {
			expect(fn.minima.some((m) => m.kind === 'global')).toBe(true);
		}
	});

	it('lists distinct minima inside its view box', () => {
		const { xMin, xMax, yMin, yMax } = fn.view;
		fn.minima.forEach((m, i) => {
			expect(m.x).toBeGreaterThan(xMin);
			expect(m.x).toBeLessThan(xMax);
			expect(m.y).toBeGreaterThan(yMin);
			expect(m.y).toBeLessThan(yMax);
			for (const other of fn.minima.slice(i + 1)) {
				expect(Math.hypot(m.x - other.x, m.y - other.y)).toBeGreaterThan(1e-3);
			}
		});
	});

	it('has f equal to the documented value at every listed minimum', () => {
		for (const m of fn.minima) {
			const value = fn.f(m.x, m.y);
			if (!close(value, m.f, 1e-12)) expect.fail(`f(${m.x}, ${m.y}) = ${value}, documented ${m.f}`);
		}
	});

	it('has a vanishing gradient and a positive-definite Hessian at every listed minimum', () => {
		// No listed minimum is degenerate; Ackley's cone tip gets its documented finite Hessian.
		const g = new Float64Array(2);
		const h = new Float64Array(4);
		for (const m of fn.minima) {
			fn.grad(m.x, m.y, g);
			expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-8);
			fn.hessian(m.x, m.y, h);
			expect(h[0]).toBeGreaterThan(0);
			expect(h[0] * h[3] - h[1] * h[2]).toBeGreaterThan(0);
		}
	});

	it('is higher on a small circle around every listed minimum than at it', () => {
		for (const m of fn.minima) {
			const center = fn.f(m.x, m.y);
			const r = 1e-4 * Math.max(1, Math.abs(m.x), Math.abs(m.y));
			for (let k = 0; k < 16; k++) {
				const t = (k * Math.PI) / 8;
				expect(fn.f(m.x + r * Math.cos(t), m.y + r * Math.sin(t))).toBeGreaterThan(center);
			}
		}
	});

	it('gives its global minima the value fMin and no minimum a lower one', () => {
		for (const m of fn.minima) {
			if (m.kind === 'global') expect(m.f).toBe(fn.fMin);
			else expect(m.f).toBeGreaterThan(fn.fMin!);
		}
	});

	it('never goes below fMin at 1000 random points of its view box', () => {
		if (fn.fMin === undefined) return;
		let least = Infinity;
		for (const [x, y] of randomPoints(fn, 1000, 5)) least = Math.min(least, fn.f(x, y));
		expect(least).toBeGreaterThanOrEqual(fn.fMin - 1e-9);
	});
});

describe('known facts', () => {
	const g = new Float64Array(2);
	const h = new Float64Array(4);

	it('himmelblau has four distinct global minima with f = 0, one per quadrant', () => {
		const fn = getTestFunction('himmelblau')!;
		const globals = fn.minima.filter((m) => m.kind === 'global');
		expect(globals).toHaveLength(4);
		expect(globals.every((m) => m.f === 0)).toBe(true);
		const quadrants = new Set(globals.map((m) => `${Math.sign(m.x)},${Math.sign(m.y)}`));
		expect(quadrants.size).toBe(4);
	});

	it('six-hump camel has two global minima, mirror images under (x, y) -> (-x, -y)', () => {
		const fn = getTestFunction('six-hump-camel')!;
		const [a, b] = fn.minima;
		expect(fn.minima).toHaveLength(2);
		expect(a.kind).toBe('global');
		expect(b.kind).toBe('global');
		expect(b.x).toBe(-a.x);
		expect(b.y).toBe(-a.y);
		expect(fn.fMin).toBeCloseTo(-1.0316284534898774, 15);
		for (const [x, y] of randomPoints(fn, 50, 6)) expect(fn.f(-x, -y)).toBe(fn.f(x, y));
	});

	it('three-hump camel has its global minimum at the origin between two mirror-image local ones', () => {
		const fn = getTestFunction('three-hump-camel')!;
		const [global, l1, l2] = fn.minima;
		expect([global.x, global.y, global.f, global.kind]).toEqual([0, 0, 0, 'global']);
		expect([l1.kind, l2.kind]).toEqual(['local', 'local']);
		expect([l2.x, l2.y]).toEqual([-l1.x, -l1.y]);
		// Closed form: y = -x / 2 with x^2 = 2.1 + sqrt(0.91).
		expect(l1.x).toBeCloseTo(Math.sqrt(2.1 + Math.sqrt(0.91)), 15);
		expect(l1.y).toBe(-l1.x / 2);
	});

	it('goldstein-price factors as A(x + y + 1) B(2x - 3y), with minima 3, 30, 84 and 840', () => {
		const fn = getTestFunction('goldstein-price')!;
		expect(fn.minima.map((m) => m.f)).toEqual([3, 30, 84, 840]);
		expect(fn.f(0, -1)).toBe(3);
	});

	it('mccormick is unbounded below outside its box: the next minimum down the slope is pi lower', () => {
		const fn = getTestFunction('mccormick')!;
		const x = 0.5 - (4 * Math.PI) / 3;
		const y = -0.5 - (4 * Math.PI) / 3;
		fn.grad(x, y, g);
		expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-12);
		expect(fn.f(x, y)).toBeCloseTo(fn.fMin! - Math.PI, 12);
		expect(fn.f(-1000, -1000)).toBeLessThan(-900);
		expect(fn.fMin).toBeCloseTo(-Math.sqrt(3) / 2 - Math.PI / 3, 15);
	});

	it('styblinski-tang has four minima of different depths, the global one at t ~ -2.903534', () => {
		const fn = getTestFunction('styblinski-tang')!;
		const [global, ...locals] = fn.minima;
		expect(global.x).toBeCloseTo(-2.903534, 6);
		expect(global.y).toBe(global.x);
		// 4t^3 - 32t + 5 = 0 at machine precision.
		const t = global.x;
		expect(Math.abs(4 * t * t * t - 32 * t + 5)).toBeLessThan(1e-13);
		expect(fn.fMin).toBeCloseTo(-78.33233140754282, 12);
		expect(locals.map((m) => m.kind)).toEqual(['local', 'local', 'local']);
	});

	it('ackley: zero gradient and a finite, positive-definite Hessian at the cone tip', () => {
		const fn = getTestFunction('ackley')!;
		expect(fn.f(0, 0)).toBeCloseTo(0, 14);
		fn.grad(0, 0, g);
		expect([...g]).toEqual([0, 0]);
		fn.hessian(0, 0, h);
		const documented = 2 * Math.PI * Math.PI * Math.E - 0.4;
		expect([...h]).toEqual([documented, 0, 0, documented]);
	});

	it('ackley: finite derivatives arbitrarily close to the tip, where the gradient has length 2 sqrt(2)', () => {
		const fn = getTestFunction('ackley')!;
		for (const [x, y] of [
			[1e-8, 0],
			[0, -1e-8],
			[3e-9, -4e-9],
			[1e-200, 1e-200],
			[-1e-310, 0],
			[5e-324, 5e-324]
		]) {
			fn.grad(x, y, g);
			fn.hessian(x, y, h);
			expect([...g, ...h].every(Number.isFinite)).toBe(true);
			// Plus the smooth term's 2 pi^2 e r, about 5e-7 at r = 1e-8.
			expect(Math.hypot(g[0], g[1])).toBeCloseTo(2 * Math.SQRT2, 5);
			expect(h[1]).toBe(h[2]);
		}
	});

	it('saddle has no minima, no fMin, and an indefinite Hessian', () => {
		const fn = getTestFunction('saddle')!;
		expect(fn.minima).toEqual([]);
		expect(fn.fMin).toBeUndefined();
		fn.hessian(0.3, -0.7, h);
		expect(h[0] * h[3] - h[1] * h[2]).toBeLessThan(0);
	});

	it('easom is flat far from its hole at (pi, pi)', () => {
		const fn = getTestFunction('easom')!;
		expect(fn.f(Math.PI, Math.PI)).toBe(-1);
		expect(Math.abs(fn.f(-1, -1))).toBeLessThan(1e-10);
		fn.grad(-1, -1, g);
		expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-10);
	});
});
