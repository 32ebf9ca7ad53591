/**
 * Tests of the symbolic derivatives: what mathjs emits for each function, the abs and min/max handling,
 * and the size bound that keeps differentiation fast.
 */
import { evaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { compileObjective } from './compile';
import { derivativeSizeBound, derive, rewriteMinMax, symbolicDerivatives } from './differentiate';
import { ExpressionFailure } from './errors';
import { isCompilable } from './functions';
import { childrenOf, differentiateNode, functionName, isFunctionNode, parseText } from './math';
import type { MathNode } from './math';
import { FUNCTIONS } from './whitelist';

/** Node count as if shared subtrees were copied. */
function size(node: MathNode): number {
	let n = 1;
	for (const child of childrenOf(node)) n += size(child);
	return n;
}

/** Every function call in a tree, as name/argument count. */
function calls(node: MathNode, out = new Set<string>()): Set<string> {
	if (isFunctionNode(node)) out.add(`${functionName(node)}/${node.args.length}`);
	for (const child of childrenOf(node)) calls(child, out);
	return out;
}

/** A closure for one tree. */
function closureOf(node: MathNode): (x: number, y: number) => number {
	return compileObjective({ f: node, gx: node, gy: node, hxx: node, hxy: node, hyy: node }).f;
}

describe('what mathjs derivative emits', () => {
	it('differentiates abs(u) as abs(u) / u, NaN at u = 0, which derive turns into sign(u)', () => {
		const raw = differentiateNode(parseText('abs(x)'), 'x');
		expect(raw.toString()).toContain('abs(x) / x');
		expect(closureOf(raw)(0, 0)).toBeNaN();
		const ours = derive(parseText('abs(x)'), 'x');
		expect(ours.toString()).toBe('sign(x)');
		expect(closureOf(ours)(0, 0)).toBe(0);
		// sign is held constant when differentiating again: its derivative is 0 wherever it exists.
		expect(derive(ours, 'x').toString()).toBe('0');
		expect(derive(parseText('x * abs(x)'), 'x').toString()).toBe('abs(x) + x * sign(x)');
	});

	it('needs only functions the compiler accepts, for every whitelisted function differentiated twice', () => {
		const emitted = new Set<string>();
		for (const [name, arity] of FUNCTIONS) {
			const args = arity.max === 1 ? 'x * y' : 'x * y, x + y, y';
			const f = rewriteMinMax(parseText(`${name}(${args})`));
			for (const v1 of ['x', 'y'] as const) {
				const d1 = differentiateNode(f, v1);
				calls(d1, emitted);
				for (const v2 of ['x', 'y'] as const) calls(differentiateNode(d1, v2), emitted);
			}
		}
		// Beyond the whitelist, mathjs brings in sec (from tan) and sech (from tanh); min and max are
		// rewritten with abs before differentiating.
		expect([...emitted].filter((c) => !FUNCTIONS.has(c.split('/')[0])).sort()).toEqual(['sec/1', 'sech/1']);
		for (const call of emitted) {
			const [name, count] = call.split('/');
			expect({ call, compilable: isCompilable(name, Number(count)) }).toEqual({ call, compilable: true });
		}
	});

	const KNOWN: [string, string][] = [
		['cbrt(u)', '0.5 + x * y'],
		['sqrt(u)', '0.5 + x * y'],
		['nthRoot(u)', '0.5 + x * y'],
		['nthRoot(u, 3)', '0.5 + x * y'],
		['log10(u)', '0.5 + x * y'],
		['log(u)', '0.5 + x * y'],
		['log(u, 2)', '0.5 + x * y'],
		['log(u, y + 2)', '0.5 + x * y'],
		['pow(u, 2.5)', '0.5 + x * y'],
		['pow(u, y)', '0.5 + x * y'],
		['exp(u)', '0.3 + x * y'],
		['sin(u)', '0.3 + x * y'],
		['cos(u)', '0.3 + x * y'],
		['tan(u)', '0.3 + x * y'],
		['sec(u)', '0.3 + x * y'],
		['csc(u)', '0.3 + x * y'],
		['cot(u)', '0.3 + x * y'],
		['asin(u)', '0.3 + x * y / 4'],
		['acos(u)', '0.3 + x * y / 4'],
		['atan(u)', '0.3 + x * y'],
		['asec(u)', '1.5 + x * y'],
		['acsc(u)', '1.5 + x * y'],
		['acot(u)', '0.3 + x * y'],
		['sinh(u)', '0.3 + x * y'],
		['cosh(u)', '0.3 + x * y'],
		['tanh(u)', '0.3 + x * y'],
		['sech(u)', '0.3 + x * y'],
		['csch(u)', '0.3 + x * y'],
		['coth(u)', '0.3 + x * y'],
		['asinh(u)', '0.3 + x * y'],
		['acosh(u)', '1.5 + x * y'],
		['atanh(u)', '0.3 + x * y / 4'],
		['asech(u)', '0.5 + x * y / 4'],
		['acsch(u)', '0.3 + x * y'],
		['acoth(u)', '1.5 + x * y'],
		['abs(u)', '0.3 + x * y']
	];

	it('compiles every function mathjs derivative knows, and its first and second derivatives', () => {
		for (const [template, u] of KNOWN) {
			const text = template.replace('u', `(${u})`);
			const f = parseText(text);
			const d1 = differentiateNode(f, 'x');
			const d2 = differentiateNode(d1, 'y');
			for (const node of [f, d1, d2]) {
				const fn = closureOf(node);
				for (const [x, y] of [
					[0.2, 0.4],
					[0.45, 0.1]
				]) {
					const expected = evaluate(node.toString(), { x, y }) as number;
					expect(typeof expected).toBe('number');
					const got = fn(x, y);
					expect({
						text: node.toString(),
						close: Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected))
					}).toEqual({
						text: node.toString(),
						close: true
					});
				}
			}
		}
	});
});

describe('min and max', () => {
	it('become abs forms sharing (not copying) their arguments', () => {
		expect(rewriteMinMax(parseText('max(x, y)')).toString()).toBe('(x + y + abs(x - y)) / 2');
		expect(rewriteMinMax(parseText('min(x, y)')).toString()).toBe('(x + y - abs(x - y)) / 2');
		const many = rewriteMinMax(parseText(`max(${Array(16).fill('x * y').join(', ')})`));
		// Balanced pairing: each argument appears 2^log2(16) = 16 times once expanded, not 2^15.
		expect(size(many)).toBeLessThan(16 * 16 * 8);
	});

	it('give the gradient of the active argument', () => {
		const gx = derive(rewriteMinMax(parseText('max(x^2, y)')), 'x');
		const fn = closureOf(gx);
		expect(fn(3, 1)).toBe(6);
		expect(fn(0.5, 1)).toBe(0);
	});
});

describe('derivativeSizeBound', () => {
	it('bounds what mathjs builds', () => {
		for (const text of [
			'(1 - x) ^ 2 + 100 * (y - x ^ 2) ^ 2',
			'sin(x * y) / (x + cos(y)) ^ 3',
			'x ^ y ^ x',
			'abs(x - y) * exp(-x) * log(y + 2) * sqrt(x ^ 2 + 1)',
			'asin(x / 2) + tan(y) * tanh(x) - sec(x)',
			'(x + y) * (x - y) * (2 * x + y) * x * y',
			'-(x / y) + +(2 ^ x) - 3 * x'
		]) {
			const f = parseText(text);
			for (const v of ['x', 'y'] as const) {
				const d1 = differentiateNode(f, v);
				expect(size(d1)).toBeLessThanOrEqual(derivativeSizeBound(f, v));
				const d2 = differentiateNode(d1, v);
				expect(size(d2)).toBeLessThanOrEqual(derivativeSizeBound(d1, v));
			}
		}
	});

	it('rejects what would be too big to build quickly, as a whole-text error', () => {
		const text = Array(40).fill('(x + y)').join(' * ');
		try {
			symbolicDerivatives(parseText(text), text);
			throw new Error('accepted');
		} catch (e) {
			expect(e).toBeInstanceOf(ExpressionFailure);
			expect((e as ExpressionFailure).error).toMatchObject({ start: 0, end: text.length });
		}
	});
});
