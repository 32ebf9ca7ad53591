/**
 * Tests of the closure compiler: powers, constant folding, shared subexpressions and the per-point cache.
 */
import { evaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { CompileError, compileObjective } from './compile';
import { symbolicDerivatives } from './differentiate';
import { powInt, powReal } from './functions';
import { parseText } from './math';
import type { MathNode } from './math';

function single(node: MathNode, sharing: 'auto' | 'always' | 'never' = 'auto') {
	return compileObjective({ f: node, gx: node, gy: node, hxx: node, hxy: node, hyy: node }, sharing);
}

const fOf = (text: string) => single(parseText(text)).f;

describe('powers', () => {
	it('computes integer powers by multiplication, close to Math.pow', () => {
		const rng = createRng(11);
		for (const n of [2, 3, 4, 5, 7, 10, 31, 64, -1, -2, -3, -7, -64]) {
			const f = fOf(`x ^ ${n}`);
			for (let k = 0; k < 20; k++) {
				const x = rng.range(-3, 3);
				const expected = Math.pow(x, n);
				expect(Math.abs(f(x, 0) - expected)).toBeLessThanOrEqual(1e-14 * Math.abs(expected));
			}
		}
		expect(fOf('x ^ 2')(3, 0)).toBe(9);
		expect(fOf('x ^ -2')(2, 0)).toBe(0.25);
		expect(fOf('(x + y) ^ 3')(1, 2)).toBe(27);
	});

	it('uses Math.pow otherwise, so a negative base with a fractional exponent is NaN', () => {
		expect(fOf('x ^ 0.5')(4, 0)).toBe(2);
		expect(fOf('x ^ 1.5')(4, 0)).toBe(8);
		expect(fOf('x ^ 65')(1.01, 0)).toBe(Math.pow(1.01, 65));
		expect(fOf('x ^ 1.5')(-4, 0)).toBeNaN();
		expect(fOf('x ^ y')(2, 10)).toBe(1024);
		expect(fOf('2 ^ x')(10, 0)).toBe(1024);
		expect(fOf('x ^ 0')(Number.NaN, 0)).toBe(1);
	});

	it('has consistent helpers', () => {
		expect(powInt(3, 0)).toBe(1);
		expect(powInt(-2, 5)).toBe(-32);
		expect(powReal(2, -3)).toBe(0.125);
		expect(powReal(-8, 1 / 3)).toBeNaN();
	});
});

describe('compileObjective', () => {
	it('folds constant subtrees away', () => {
		const folded = single(parseText('sin(pi / 2) * x + 2 ^ 10 - log(e) + sqrt(16) * y'));
		expect(folded.f(1, 1)).toBe(1 + 1024 - 1 + 4);
		// One closure per remaining operation: c*x, + c, - c, c*y and the final sum.
		expect(folded.stats.calls[0]).toBe(5);
	});

	it('shares equal subexpressions only when it pays', () => {
		const gp =
			'(1+(x+y+1)^2*(19-14*x+3*x^2-14*y+6*x*y+3*y^2))*(30+(2*x-3*y)^2*(18-32*x+12*x^2+48*y-36*x*y+27*y^2))';
		const compile = (text: string, sharing: 'auto' | 'always' | 'never') => {
			const f = parseText(text);
			return compileObjective({ f, ...symbolicDerivatives(f, text) }, sharing);
		};
		expect(compile(gp, 'auto').stats.sharing).toBe(true);
		expect(compile('(1-x)^2 + 100*(y-x^2)^2', 'auto').stats.sharing).toBe(false);
		const rng = createRng(3);
		for (const text of [gp, '(1-x)^2 + 100*(y-x^2)^2', 'exp(-(x^2+y^2)) * (x - y)^3', 'max(x, y) * abs(x)']) {
			const shared = compile(text, 'always');
			const plain = compile(text, 'never');
			const a = new Float64Array(4);
			const b = new Float64Array(4);
			for (let k = 0; k < 20; k++) {
				const x = rng.range(-2, 2);
				const y = rng.range(-2, 2);
				expect(shared.f(x, y)).toBe(plain.f(x, y));
				shared.grad(x, y, a);
				plain.grad(x, y, b);
				expect(Array.from(a)).toEqual(Array.from(b));
				shared.hessian(x, y, a);
				plain.hessian(x, y, b);
				expect(Array.from(a)).toEqual(Array.from(b));
				expect(shared.f(x, y)).toBeCloseTo(evaluate(text, { x, y }), 6);
			}
		}
	});

	it('writes every output slot, constants included', () => {
		const node = parseText('x * y');
		const o = compileObjective({
			f: node,
			gx: parseText('y'),
			gy: parseText('x'),
			hxx: parseText('0'),
			hxy: parseText('1'),
			hyy: parseText('0')
		});
		const g = new Float64Array([NaN, NaN]);
		const h = new Float64Array([NaN, NaN, NaN, NaN]);
		o.grad(2, 3, g);
		o.hessian(2, 3, h);
		expect(Array.from(g)).toEqual([3, 2]);
		expect(Array.from(h)).toEqual([0, 1, 1, 0]);
	});

	it('refuses what it does not support', () => {
		for (const text of ['x == y', 'gamma(x)', 'z + 1', '"a"', '[x]', 'x!', 'max(x)']) {
			expect(() => single(parseText(text))).toThrow(CompileError);
		}
	});
});
