/**
 * Forward mode against independent references: the compiled symbolic gradient the optimizers use and finite
 * differences, for the built-in test functions and hand-picked expressions at seeded random points.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../expression/index';
import { UNARY_FUNCTIONS } from '../expression/functions';
import { FUNCTIONS } from '../expression/whitelist';
import { createRng } from '../random/rng';
import { dApply, dual, dualGradient, dualValueAndGradient, evaluateDual } from './dual';
import { parseExpressionTree } from './parse';
import {
	ALL_CASES,
	BUILT_IN_CASES,
	expectClose,
	finiteDifferenceGradient,
	samplePoints,
	slope,
	symbolic
} from './test-cases';

describe('dualGradient against the symbolic gradient and finite differences', () => {
	it('covers every built-in test function', () => {
		expect(BUILT_IN_CASES.length).toBeGreaterThanOrEqual(16);
	});
	for (const [index, c] of ALL_CASES.entries()) {
		it(c.text, () => {
			const reference = symbolic(c.text);
			const parsed = parseExpressionTree(c.text);
			if (!parsed.ok) throw new Error(parsed.error.message);
			for (const [x, y] of samplePoints(c, 7000 + index, 12)) {
				const { value, gradient } = dualValueAndGradient(parsed.value, x, y);
				const f = reference.f(x, y);
				expectClose(value, f, 1e-12, Math.abs(f), `f at ${x}, ${y}`);
				const [gx, gy] = reference.grad(x, y);
				const scale = Math.max(Math.abs(gx), Math.abs(gy));
				expectClose(gradient[0], gx, 1e-10, scale, `df/dx at ${x}, ${y}`);
				expectClose(gradient[1], gy, 1e-10, scale, `df/dy at ${x}, ${y}`);
				const [fx, fy] = finiteDifferenceGradient(reference.f, x, y);
				const fdScale = Math.max(Math.abs(f), scale);
				expectClose(gradient[0], fx, 1e-7, fdScale, `df/dx vs finite differences at ${x}, ${y}`);
				expectClose(gradient[1], fy, 1e-7, fdScale, `df/dy vs finite differences at ${x}, ${y}`);
			}
		});
	}

	it('gives a directional derivative for any seed (u, w): u df/dx + w df/dy', () => {
		const text = 'sin(x * y) + x^3 / (1 + y^2) - exp(-x) * atan(y)';
		const reference = symbolic(text);
		const parsed = parseExpressionTree(text);
		if (!parsed.ok) throw new Error(parsed.error.message);
		const rng = createRng(11);
		for (let k = 0; k < 20; k++) {
			const [x, y, u, w] = [rng.range(-2, 2), rng.range(-2, 2), rng.normal(), rng.normal()];
			const [gx, gy] = reference.grad(x, y);
			const out = evaluateDual(parsed.value, dual(x, u), dual(y, w));
			expectClose(out.tangent, u * gx + w * gy, 1e-10, Math.abs(gx) + Math.abs(gy), `direction ${u}, ${w}`);
		}
	});

	it('accepts text and a parsed expression alike', () => {
		const parsed = parseExpressionTree('x^2 * y');
		if (!parsed.ok) throw new Error('rejected');
		expect(dualGradient('x^2 * y', 1.5, -2)).toEqual(dualGradient(parsed.value, 1.5, -2));
	});
});

describe('dual rules of every whitelisted one-argument function', () => {
	const domains: Record<string, [number, number]> = {
		asin: [-0.95, 0.95],
		acos: [-0.95, 0.95],
		log: [0.05, 5],
		log10: [0.05, 5],
		sqrt: [0.05, 5],
		tan: [-1.4, 1.4]
	};
	const unary = [...FUNCTIONS.entries()].filter(([, arity]) => arity.max === 1).map(([name]) => name);

	it('has a rule for each', () => {
		expect(unary.length).toBeGreaterThanOrEqual(14);
		for (const name of unary) expect(() => dApply(name, dual(0.5, 1))).not.toThrow();
	});

	for (const name of unary) {
		it(`${name}: tangent = f'(a) b against finite differences of f`, () => {
			const f = UNARY_FUNCTIONS[name];
			const [lo, hi] = domains[name] ?? [-3, 3];
			const rng = createRng(name.length * 97 + name.charCodeAt(0));
			for (let k = 0; k < 25; k++) {
				const a = rng.range(lo, hi);
				if (name === 'abs' && Math.abs(a) < 0.01) continue;
				const b = rng.range(-2, 2);
				const out = dApply(name, dual(a, b));
				expect(out.value).toBe(f(a));
				const expected = slope(f, a) * b;
				expectClose(out.tangent, expected, 1e-8, Math.abs(expected), `${name}'(${a}) * ${b}`);
			}
		});
	}

	it('refuses a function without a rule', () => {
		expect(() => dApply('gamma', dual(1, 1))).toThrow();
	});
});

describe('dual numbers at kinks and edges agree with the symbolic gradient', () => {
	const points: [string, number, number][] = [
		['abs(x - 0.5) * y', 0.5, 2],
		['abs(x) + abs(y)', 0, 0],
		['max(x, y)', 1, 1],
		['min(x, y) * 3', -0.5, -0.5],
		['max(x^2, y)', 2, 4],
		['sqrt(x) * y', 0, 3],
		['(x - 3)^3 + (y + 1)^2', 1, -4],
		['x^y', 2, 0],
		['2^x * y', -1, 3]
	];
	for (const [text, x, y] of points) {
		it(`${text} at (${x}, ${y})`, () => {
			const [gx, gy] = symbolic(text).grad(x, y);
			const [dx, dy] = dualGradient(text, x, y);
			expect(Number.isNaN(dx)).toBe(Number.isNaN(gx));
			expect(Number.isNaN(dy)).toBe(Number.isNaN(gy));
			if (!Number.isNaN(gx)) expectClose(dx, gx, 1e-12, Math.abs(gx), 'df/dx');
			if (!Number.isNaN(gy)) expectClose(dy, gy, 1e-12, Math.abs(gy), 'df/dy');
		});
	}
});

describe('invalid input', () => {
	const bad = [
		'',
		'foo(x)',
		'x +',
		'sin x',
		'f = x',
		'[1, 2]',
		'x ! 2',
		'z + 1',
		'log(x, 2)',
		'x'.repeat(2001)
	];
	for (const text of bad) {
		it(`rejects ${JSON.stringify(text.slice(0, 20))} with the compiler's message`, () => {
			const compiled = compileExpression(text);
			const parsed = parseExpressionTree(text);
			expect(compiled.ok).toBe(false);
			expect(parsed.ok).toBe(false);
			if (compiled.ok || parsed.ok) return;
			expect(parsed.error).toEqual(compiled.error);
			expect(() => dualGradient(text, 0, 0)).toThrow(compiled.error.message);
		});
	}
});
