/**
 * End-to-end tests of compileExpression: values against mathjs, derivatives against finite differences,
 * rejections with positions, syntax errors, limits and a fuzz run.
 */
import { evaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { compileExpression } from './index';
import type { CompiledExpression, CompileResult, ExpressionError } from './index';

const GOLDSTEIN_PRICE =
	'(1+(x+y+1)^2*(19-14*x+3*x^2-14*y+6*x*y+3*y^2))*(30+(2*x-3*y)^2*(18-32*x+12*x^2+48*y-36*x*y+27*y^2))';
const ROSENBROCK = '(1-x)^2 + 100*(y-x^2)^2';

function compiled(text: string): CompiledExpression {
	const r = compileExpression(text);
	if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
	return r.value;
}

function rejected(text: string): ExpressionError {
	const r = compileExpression(text);
	if (r.ok) throw new Error(`${text} was accepted as ${r.value.text}`);
	return r.error;
}

/** Central difference refined by one Richardson step: error O(h^4). */
function slope(fn: (t: number) => number, t: number): number {
	const h = 1e-3 * Math.max(1, Math.abs(t));
	const d = (k: number): number => (fn(t + k) - fn(t - k)) / (2 * k);
	return (4 * d(h / 2) - d(h)) / 3;
}

function expectClose(actual: number, expected: number, tol: number, scale: number, what: string): void {
	const err = Math.abs(actual - expected);
	if (!(err <= tol * Math.max(1, scale))) {
		throw new Error(`${what}: got ${actual}, expected ${expected} (error ${err}, scale ${scale})`);
	}
}

type Box = [number, number, number, number];

interface Case {
	text: string;
	box?: Box;
	/** Points too close to a kink for finite differences. */
	avoid?: (x: number, y: number) => boolean;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.02;

const CASES: Case[] = [
	{ text: 'x' },
	{ text: 'y' },
	{ text: '3' },
	{ text: 'x + y - 1' },
	{ text: 'x * y' },
	{ text: 'x / y', box: [0.5, 2, 0.5, 2] },
	{ text: 'sin(x) + cos(y)' },
	{ text: 'tan(x) * y', box: [-1.2, 1.2, -2, 2] },
	{ text: 'asin(x) - acos(y / 2)', box: [-0.9, 0.9, -1.8, 1.8] },
	{ text: 'atan(x * y)' },
	{ text: 'sinh(x) + cosh(y) - tanh(x - y)' },
	{ text: 'exp(x / 2) * y' },
	{ text: 'log(x) + log10(y)', box: [0.1, 3, 0.1, 3] },
	{ text: 'sqrt(x) * y', box: [0.1, 3, -2, 2] },
	{ text: 'abs(x - 0.5) * y', avoid: (x) => near(x, 0.5) },
	{ text: 'min(x, y)', avoid: (x, y) => near(x, y) },
	{ text: 'max(x, y)', avoid: (x, y) => near(x, y) },
	{ text: 'min(x, y, x * y)', avoid: (x, y) => near(x, y) || near(x, x * y) || near(y, x * y) },
	{ text: 'max(x^2, y, 1 - x)', avoid: (x, y) => near(x * x, y) || near(x * x, 1 - x) || near(y, 1 - x) },
	{ text: 'max(sin(x), cos(y))', avoid: (x, y) => near(Math.sin(x), Math.cos(y)) },
	{ text: 'sin(cos(x * y)) * exp(sin(y))' },
	{ text: 'log(1 + exp(sqrt(x^2 + y^2 + 1)))' },
	{ text: '2x + 3(x + 1) y' },
	{ text: '2x^2y - x y y' },
	{ text: 'pi * x + e^y' },
	{ text: '-x^2 + +y - -x' },
	{ text: '-(x - y)^2' },
	{ text: 'x^0.5 + y^1.5', box: [0.1, 3, 0.1, 3] },
	{ text: 'x^-2 + y^-1', box: [0.5, 3, 0.5, 3] },
	{ text: '(x + y)^3' },
	{ text: 'x^y', box: [0.2, 3, -2, 2] },
	{ text: '2^x * y^4' },
	{ text: 'x^10 - y^7 + x^65 / 1e20' },
	{ text: '1e-3 * x^2 + 1.5E2 * y + .5' },
	{ text: 'x / y + y / x', box: [0.5, 2, 0.5, 2] },
	{ text: 'sin(x)^2 + cos(x)^2 + y' },
	{ text: 'abs(sin(x)) + abs(y)', avoid: (x, y) => Math.abs(Math.sin(x)) < 0.02 || Math.abs(y) < 0.02 },
	{ text: 'sqrt(abs(x) + 1)', avoid: (x) => Math.abs(x) < 0.02 },
	{ text: 'exp(-(x^2 + y^2)) * (x - y)^3' },
	{
		text: '-20 exp(-0.2 sqrt(0.5 (x^2 + y^2))) - exp(0.5 (cos(2 pi x) + cos(2 pi y))) + e + 20',
		avoid: (x, y) => Math.hypot(x, y) < 0.05
	},
	{ text: 'log10(x^2 + 1) * atan(y)' },
	{ text: 'tanh(x) * sinh(y) / cosh(x)' },
	{ text: ROSENBROCK },
	{ text: GOLDSTEIN_PRICE },
	{ text: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2' },
	{ text: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2' }
];

/** Random points in the box, away from kinks. */
function points(c: Case, seed: number, count: number): [number, number][] {
	const rng = createRng(seed);
	const [x0, x1, y0, y1] = c.box ?? [-2, 2, -2, 2];
	const out: [number, number][] = [];
	while (out.length < count) {
		const x = rng.range(x0, x1);
		const y = rng.range(y0, y1);
		if (!c.avoid?.(x, y)) out.push([x, y]);
	}
	return out;
}

describe('compileExpression: valid expressions', () => {
	for (const [index, c] of CASES.entries()) {
		it(`evaluates and differentiates ${c.text}`, () => {
			const e = compiled(c.text);
			const g = new Float64Array(2);
			const h = new Float64Array(4);
			const dg = new Float64Array(2);
			for (const [x, y] of points(c, 1000 + index, 12)) {
				const f = e.f(x, y);
				const reference = evaluate(c.text, { x, y });
				expect(typeof reference).toBe('number');
				expectClose(f, reference, 1e-12, Math.abs(reference), `f${c.text} at ${x},${y}`);

				// Gradient against finite differences of the compiled f.
				e.grad(x, y, g);
				const fx = slope((t) => e.f(t, y), x);
				const fy = slope((t) => e.f(x, t), y);
				const scale = Math.max(Math.abs(f), Math.abs(g[0]), Math.abs(g[1]));
				expectClose(g[0], fx, 1e-7, scale, `df/dx of ${c.text} at ${x},${y}`);
				expectClose(g[1], fy, 1e-7, scale, `df/dy of ${c.text} at ${x},${y}`);

				// Hessian against finite differences of the compiled gradient; symmetric by construction.
				e.hessian(x, y, h);
				expect(h[1]).toBe(h[2]);
				const gxAt = (px: number, py: number): number => (e.grad(px, py, dg), dg[0]);
				const gyAt = (px: number, py: number): number => (e.grad(px, py, dg), dg[1]);
				const hScale = Math.max(scale, ...Array.from(h, Math.abs));
				expectClose(
					h[0],
					slope((t) => gxAt(t, y), x),
					1e-7,
					hScale,
					`fxx of ${c.text}`
				);
				expectClose(
					h[1],
					slope((t) => gxAt(x, t), y),
					1e-7,
					hScale,
					`fxy of ${c.text}`
				);
				expectClose(
					h[2],
					slope((t) => gyAt(t, y), x),
					1e-7,
					hScale,
					`fyx of ${c.text}`
				);
				expectClose(
					h[3],
					slope((t) => gyAt(x, t), y),
					1e-7,
					hScale,
					`fyy of ${c.text}`
				);

				// The derivative texts are mathjs expressions with the same values as the closures.
				e.grad(x, y, g);
				e.hessian(x, y, h);
				const texts = [...e.gradientText, ...e.hessianText];
				const values = [g[0], g[1], h[0], h[1], h[3]];
				texts.forEach((text, k) => {
					const v = evaluate(text, { x, y });
					expectClose(v, values[k], 1e-10, Math.abs(values[k]), `text ${text}`);
				});
			}
		});
	}

	it('normalizes the text the way mathjs prints it', () => {
		expect(compiled('2x+3').text).toBe('2 x + 3');
		expect(compiled(ROSENBROCK).text).toBe('(1 - x) ^ 2 + 100 * (y - x ^ 2) ^ 2');
	});

	it('reads implicit multiplication as mathjs does', () => {
		const e = compiled('x y y');
		expect(e.f(2, 3)).toBe(18);
		// mathjs binds implicit multiplication tighter than division: x / 2y = x / (2 y).
		expect(compiled('x / 2y').f(6, 3)).toBe(1);
	});

	it('gives the exact Rosenbrock gradient and Hessian', () => {
		const e = compiled(ROSENBROCK);
		const g = new Float64Array(2);
		const h = new Float64Array(4);
		for (const [x, y] of points({ text: ROSENBROCK }, 7, 50)) {
			e.grad(x, y, g);
			e.hessian(x, y, h);
			const b = y - x * x;
			const gx = -2 * (1 - x) - 400 * x * b;
			const gy = 200 * b;
			expectClose(g[0], gx, 1e-12, Math.abs(gx) + 400 * Math.abs(x * y), 'gx');
			expectClose(g[1], gy, 1e-12, Math.abs(gy) + 200 * Math.abs(y), 'gy');
			const hxx = 2 - 400 * y + 1200 * x * x;
			expectClose(h[0], hxx, 1e-12, 2 + 400 * Math.abs(y) + 1200 * x * x, 'hxx');
			expect(h[1]).toBeCloseTo(-400 * x, 12);
			expect(h[2]).toBeCloseTo(-400 * x, 12);
			expect(h[3]).toBe(200);
		}
		expect(e.gradientText).toEqual(['-2 * (1 - x) - 400 * x * (y - x ^ 2)', '200 * (y - x ^ 2)']);
	});

	it('keeps abs, min and max gradients finite, using sign() rather than abs(u)/u', () => {
		const g = new Float64Array(2);
		const h = new Float64Array(4);
		const abs = compiled('abs(x) + abs(y - 1)');
		expect(abs.gradientText).toEqual(['sign(x)', 'sign(y - 1)']);
		abs.grad(0.5, -2, g);
		expect(Array.from(g)).toEqual([1, -1]);
		// At the kink: the mean of the one-sided slopes, not 0/0.
		abs.grad(0, 1, g);
		expect(Array.from(g)).toEqual([0, 0]);
		abs.hessian(0, 1, h);
		expect(Array.from(h)).toEqual([0, 0, 0, 0]);

		const max = compiled('max(x, y)');
		max.grad(2, 1, g);
		expect(Array.from(g)).toEqual([1, 0]);
		max.grad(1, 1, g);
		expect(Array.from(g)).toEqual([0.5, 0.5]);
		const min3 = compiled('min(x, y, 2 - x)');
		min3.grad(0.5, 1, g);
		expect(Array.from(g)).toEqual([1, 0]);
		min3.grad(1.5, 1, g);
		expect(Array.from(g)).toEqual([-1, 0]);
		for (const [x, y] of points({ text: '' }, 3, 200)) {
			for (const e of [abs, max, min3]) {
				e.grad(x, y, g);
				e.hessian(x, y, h);
				expect(Number.isFinite(g[0]) && Number.isFinite(g[1])).toBe(true);
				expect(h.every(Number.isFinite)).toBe(true);
			}
		}
	});

	it('gives NaN (reported downstream as divergence) where mathjs would give a complex number', () => {
		const e = compiled('x^0.5 + log(y)');
		expect(e.f(-1, 1)).toBeNaN();
		expect(e.f(1, -1)).toBeNaN();
		expect(compiled('x^1.5').f(-2, 0)).toBeNaN();
		// Integer exponents of negative bases stay real.
		expect(compiled('x^3 + x^-2').f(-2, 0)).toBe(-8 + 0.25);
	});

	it('reuses work when grad and hessian follow f at the same point, and not at another', () => {
		for (const text of [GOLDSTEIN_PRICE, ROSENBROCK, GOLDSTEIN_PRICE + ' + 1/x']) {
			const e = compiled(text);
			const fresh = (): CompiledExpression => compiled(text);
			const g = new Float64Array(2);
			const h = new Float64Array(4);
			const g2 = new Float64Array(2);
			const h2 = new Float64Array(4);
			for (const [x, y] of [
				[0.3, -0.2],
				[0.3, -0.2],
				[-1, 0.5],
				[0.3, -0.2]
			]) {
				const f = e.f(x, y);
				e.grad(x, y, g);
				e.hessian(x, y, h);
				const other = fresh();
				other.hessian(x, y, h2);
				other.grad(x, y, g2);
				expect(f).toBe(other.f(x, y));
				expect(Array.from(g)).toEqual(Array.from(g2));
				expect(Array.from(h)).toEqual(Array.from(h2));
			}
		}
		// 0 and -0 are different points for 1/x.
		const e = compiled(GOLDSTEIN_PRICE + ' + 1/x');
		expect(e.f(0, 0.5)).toBe(Infinity);
		expect(e.f(-0, 0.5)).toBe(-Infinity);
		expect(e.f(Number.NaN, 0.5)).toBeNaN();
	});
});

interface Rejection {
	text: string;
	token: string;
	start: number;
	message?: RegExp;
}

const REJECTIONS: Rejection[] = [
	{ text: 'x + z*2', token: 'z', start: 4, message: /^Unknown symbol "z" at character 5: use x and y$/ },
	{ text: 'foo + x', token: 'foo', start: 0, message: /Unknown symbol "foo"/ },
	{ text: 'PI * x', token: 'PI', start: 0, message: /did you mean "pi"/ },
	{ text: 'x + i', token: 'i', start: 4 },
	{ text: '2 tau x', token: 'tau', start: 2 },
	{ text: 'f(x)', token: 'f', start: 0, message: /^"f" is not an allowed function$/ },
	{ text: 'y + gamma(x)', token: 'gamma', start: 4, message: /^"gamma" is not an allowed function$/ },
	{ text: 'evaluate("1+1")', token: 'evaluate', start: 0 },
	{ text: 'import(x)', token: 'import', start: 0 },
	{ text: 'createUnit(x)', token: 'createUnit', start: 0 },
	{ text: 'Sin(x)', token: 'Sin', start: 0, message: /did you mean "sin"/ },
	{ text: 'ln(x)', token: 'ln', start: 0, message: /use log/ },
	{ text: 'x = 1', token: '=', start: 2, message: /"=" is not allowed at character 3/ },
	{ text: 'f(x) = x^2', token: 'f', start: 0 },
	{ text: 'x; y', token: ';', start: 1 },
	{ text: 'x\ny', token: '\n', start: 1, message: /Line breaks/ },
	{ text: 'x # comment', token: '#', start: 2, message: /comments/ },
	{ text: 'x + "1"', token: '"', start: 4, message: /strings/ },
	{ text: "x + 'a'", token: "'", start: 4 },
	{ text: '[1, 2] * x', token: '[', start: 0, message: /matrices/ },
	{ text: 'x + {a: 1}', token: '{', start: 4, message: /objects/ },
	{ text: 'x!', token: '!', start: 1, message: /factorial/ },
	{ text: "x'", token: "'", start: 1, message: /transpose/ },
	{ text: 'x % 2', token: '%', start: 2, message: /modulo/ },
	{ text: 'x mod 2', token: 'mod', start: 2, message: /modulo/ },
	{ text: 'x < y', token: '<', start: 2, message: /comparisons/ },
	{ text: 'x == y', token: '==', start: 2, message: /comparisons/ },
	{ text: 'x >= y', token: '>=', start: 2 },
	{ text: 'x != y', token: '!=', start: 2 },
	{ text: 'x ? 1 : 2', token: '?', start: 2, message: /conditionals/ },
	{ text: '1:3', token: ':', start: 1, message: /ranges/ },
	{ text: 'x .* y', token: '.*', start: 2, message: /element-wise/ },
	{ text: 'x ./ y', token: './', start: 2 },
	{ text: 'x .^ 2', token: '.^', start: 2 },
	{ text: 'x and y', token: 'and', start: 2, message: /logical/ },
	{ text: 'x or y', token: 'or', start: 2 },
	{ text: 'not x', token: 'not', start: 0 },
	{ text: 'x xor y', token: 'xor', start: 2 },
	{ text: 'x to cm', token: 'to', start: 2, message: /units/ },
	{ text: 'x in cm', token: 'in', start: 2 },
	{ text: '0xFF + x', token: '0xFF', start: 0, message: /only decimal numbers/ },
	{ text: 'x + 0b101', token: '0b101', start: 4 },
	{ text: '0o17', token: '0o17', start: 0 },
	{ text: '5 cm', token: 'cm', start: 2 },
	{ text: 'a.b', token: 'a', start: 0 },
	{ text: 'x.y', token: '.', start: 1, message: /dot/ },
	{ text: 'x ^| y', token: '^|', start: 2, message: /bitwise/ },
	{ text: 'x & y', token: '&', start: 2 },
	{ text: 'x | y', token: '|', start: 2 },
	{ text: '~x', token: '~', start: 0 },
	{ text: 'x << 2', token: '<<', start: 2 },
	{ text: 'x >>> 2', token: '>>>', start: 2 },
	{ text: 'sin + x', token: 'sin', start: 0, message: /parentheses/ },
	{ text: 'x(y + 1)', token: 'x', start: 0, message: /^"x" is not a function/ },
	{ text: '2 pi(x)', token: 'pi', start: 2 },
	{ text: 'sin(x, y)', token: 'sin(x, y)', start: 0, message: /^"sin" takes 1 argument, got 2$/ },
	{ text: 'x + sin()', token: 'sin()', start: 4, message: /^"sin" takes 1 argument, got 0$/ },
	{ text: 'log(x, 2)', token: 'log(x, 2)', start: 0 },
	{ text: 'max(x)', token: 'max(x)', start: 0, message: /^"max" takes at least 2 arguments, got 1$/ },
	{ text: 'x, y', token: ',', start: 1, message: /between function arguments/ },
	{ text: '(x, y)', token: ',', start: 2 },
	{ text: '1e+ x', token: '1e+', start: 0, message: /Malformed number "1e\+"/ },
	{ text: 'x * 1e3.5', token: '1e3.5', start: 4 },
	{ text: 'π * x', token: 'π', start: 0, message: /use pi/ },
	{ text: 'x + 😀', token: '😀', start: 4 },
	{ text: '$x', token: '$x', start: 0 },
	{ text: 'x @ y', token: '@', start: 2 },
	{ text: 'x \\ y', token: '\\', start: 2 },
	{ text: 'NaN', token: 'NaN', start: 0 },
	{ text: 'Infinity * x', token: 'Infinity', start: 0 },
	{ text: 'true', token: 'true', start: 0 },
	{ text: 'x\r\ny', token: '\r', start: 1 }
];

/** Checks the invariants every error has: a message, and a token that is the text it points at. */
function expectWellFormed(text: string, r: CompileResult): void {
	if (r.ok) {
		expect(typeof r.value.text).toBe('string');
		expect(r.value.gradientText).toHaveLength(2);
		expect(r.value.hessianText).toHaveLength(3);
		return;
	}
	const { message, token, start, end } = r.error;
	expect(typeof message).toBe('string');
	expect(message.length).toBeGreaterThan(0);
	expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
	expect(0 <= start && start <= end && end <= text.length).toBe(true);
	expect(token).toBe(text.slice(start, end));
}

describe('compileExpression: rejections', () => {
	for (const c of REJECTIONS) {
		it(`rejects ${JSON.stringify(c.text)} at ${JSON.stringify(c.token)}`, () => {
			const error = rejected(c.text);
			expect(error.token).toBe(c.token);
			expect(error.start).toBe(c.start);
			expect(error.end).toBe(c.start + c.token.length);
			if (c.message) expect(error.message).toMatch(c.message);
			expectWellFormed(c.text, { ok: false, error });
		});
	}

	it('reports syntax errors found by mathjs at their position', () => {
		const cases: [string, string, number, RegExp][] = [
			['x +', '', 3, /^Unexpected end of expression$/],
			['sin(x) ^   ', '', 11, /^Unexpected end of expression$/],
			['(x', '(', 0, /^Unclosed "\(" at character 1: add "\)"$/],
			['((x + 1) * (y)', '(', 0, /Unclosed/],
			[')', ')', 0, /^Unmatched "\)" at character 1$/],
			['x + y)', ')', 5, /Unmatched/],
			['*x', '*', 0, /^Value expected at character 1$/],
			['x * * y', '*', 4, /^Value expected at character 5$/],
			['max(x,)', ')', 6, /Value expected/],
			['()', ')', 1, /Value expected/],
			['2 3', '3', 2, /Unexpected part "3" at character 3/],
			['x^', '', 2, /Unexpected end/]
		];
		for (const [text, token, start, message] of cases) {
			const error = rejected(text);
			expect({ text, token: error.token, start: error.start }).toEqual({ text, token, start });
			expect(error.message).toMatch(message);
			expectWellFormed(text, { ok: false, error });
		}
	});

	it('rejects empty input', () => {
		for (const text of ['', '   ', '\n\t ']) {
			expect(rejected(text)).toEqual({
				message: 'Empty expression',
				token: text,
				start: 0,
				end: text.length
			});
		}
	});

	it('accepts line breaks inside parentheses and around the expression', () => {
		expect(compiled('(x +\n y)').f(1, 2)).toBe(3);
		expect(compiled('\n x * y \n').f(2, 3)).toBe(6);
	});
});

describe('compileExpression: limits', () => {
	it('rejects 10,000 nested parentheses quickly', () => {
		const text = '('.repeat(10_000) + 'x' + ')'.repeat(10_000);
		const t0 = performance.now();
		const error = rejected(text);
		expect(performance.now() - t0).toBeLessThan(50);
		expect(error.message).toMatch(/too long/);
		// Within the length limit, the nesting limit applies, pointing at the first parenthesis too deep.
		const deep = rejected('('.repeat(100) + 'x' + ')'.repeat(100));
		expect(deep.message).toMatch(/^Too many nested parentheses at character 65: at most 64 levels$/);
		expect(deep.start).toBe(64);
		expect(deep.token).toBe('(');
	});

	it('rejects a 100 kB string quickly', () => {
		const text = 'x+'.repeat(50_000) + 'x';
		const t0 = performance.now();
		const error = rejected(text);
		expect(performance.now() - t0).toBeLessThan(50);
		expect(error.message).toBe('Expression is too long: at most 2000 characters');
		expect(error.start).toBe(2000);
		expect(error.end).toBe(text.length);
	});

	it('rejects deep chains and explosive derivatives within a bounded time', () => {
		const hostile = [
			'-'.repeat(1999) + 'x',
			Array(1000).fill('x').join('*'),
			Array(1000).fill('x').join('^'),
			'sin('.repeat(64) + 'x*y' + ')'.repeat(64),
			'max(x,'.repeat(63) + 'y' + ')'.repeat(63),
			Array(60).fill('(x+y)').join('*'),
			Array(60).fill('x^y').join('*'),
			'max(' + Array(500).fill('x').join(',') + ')'
		];
		for (const text of hostile) {
			const t0 = performance.now();
			const error = rejected(text);
			expect(performance.now() - t0).toBeLessThan(500);
			expect(error.message).toMatch(/too (deeply nested|complex)/);
			expect({ start: error.start, end: error.end }).toEqual({ start: 0, end: text.length });
		}
	});

	it('accepts long but tame expressions', () => {
		const sum = Array(200).fill('x*y').join('+');
		expect(compiled(sum).f(2, 3)).toBe(1200);
		const poly = Array.from({ length: 60 }, (_, i) => `${i}*x^${i % 7}*y^${i % 5}`).join('+');
		expect(compiled(poly).f(1, 1)).toBe((59 * 60) / 2);
	});
});

/** Random strings mixing allowed and hostile pieces. */
const PIECES = [
	...['x', 'y', '2', '3.5', '1e-3', '.5', 'pi', 'e', '+', '-', '*', '/', '^', '(', ')', ',', ' '],
	...['sin(', 'max(', 'min(', 'abs(', 'log(', 'sqrt(', 'exp(', 'tan(', 'z', 'foo(', '=', ';', '#', '"'],
	...["'", '[', ']', '{', '}', '!', '%', ':', '?', '<', '>', '&', '|', '~', '.', '\n', '\t', 'mod', 'and'],
	...['0x', 'é', 'π', '😀', '\\', '@', '$', '.*', '^|', 'Infinity', 'NaN', '1e', 'E', '\u00A0', '\r']
];

describe('compileExpression: fuzz', () => {
	it('never throws and always returns a well-formed result', () => {
		const rng = createRng(20240607);
		const g = new Float64Array(2);
		const h = new Float64Array(4);
		let accepted = 0;
		for (let n = 0; n < 3000; n++) {
			const length = 1 + rng.int(16);
			let text = '';
			for (let k = 0; k < length; k++) text += PIECES[rng.int(PIECES.length)];
			const r = compileExpression(text);
			expectWellFormed(text, r);
			if (r.ok) {
				accepted++;
				expect(typeof r.value.f(0.3, -0.7)).toBe('number');
				r.value.grad(0.3, -0.7, g);
				r.value.hessian(0.3, -0.7, h);
			}
		}
		expect(accepted).toBeGreaterThan(30);
	});

	it('agrees with mathjs and finite differences on random well-formed expressions', () => {
		const rng = createRng(99);
		const unary = ['sin', 'cos', 'atan', 'exp', 'sinh', 'tanh', 'abs', 'sqrt', 'log'];
		const leaf = (): string => ['x', 'y', '2', '0.5', 'pi', 'e', '3x', '1.25'][rng.int(8)];
		const expr = (depth: number): string => {
			if (depth === 0 || rng.uniform() < 0.25) return leaf();
			const pick = rng.int(8);
			const a = expr(depth - 1);
			const b = expr(depth - 1);
			if (pick < 4) return `(${a} ${'+-*/'[pick]} ${b})`;
			if (pick === 4) return `(${a})^${1 + rng.int(4)}`;
			if (pick === 5) return `-${a}`;
			if (pick === 6) return `${rng.uniform() < 0.5 ? 'min' : 'max'}(${a}, ${b})`;
			const f = unary[rng.int(unary.length)];
			// Keep log and sqrt real: their argument is made positive.
			return f === 'log' || f === 'sqrt' ? `${f}(1 + (${a})^2)` : `${f}(${a})`;
		};
		const g = new Float64Array(2);
		let checked = 0;
		for (let n = 0; n < 300; n++) {
			const text = expr(4);
			const e = compiled(text);
			const x = rng.range(-1.5, 1.5);
			const y = rng.range(-1.5, 1.5);
			const reference = evaluate(text, { x, y });
			const f = e.f(x, y);
			if (typeof reference !== 'number' || !Number.isFinite(reference)) continue;
			expectClose(f, reference, 1e-12, Math.abs(reference), text);
			// Finite differences only where f is smooth nearby (no kink of abs, min or max in the stencil).
			const smooth = [1e-3, 5e-4, 2.5e-4].every((k) => {
				const fx = (e.f(x + k, y) - e.f(x - k, y)) / (2 * k);
				const fx2 = (e.f(x + k / 2, y) - e.f(x - k / 2, y)) / k;
				return Math.abs(fx - fx2) <= 1e-4 * Math.max(1, Math.abs(fx));
			});
			if (!smooth || !/x/.test(text)) continue;
			e.grad(x, y, g);
			const fx = slope((t) => e.f(t, y), x);
			expectClose(g[0], fx, 1e-6, Math.max(Math.abs(f), Math.abs(g[0])), `d/dx ${text}`);
			checked++;
		}
		expect(checked).toBeGreaterThan(100);
	});
});
