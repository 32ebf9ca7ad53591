/**
 * Tests of the token-level whitelist check and of the tree walk behind it (defence in depth).
 */
import { describe, expect, it } from 'vitest';
import { checkTokens } from './check';
import { ExpressionFailure } from './errors';
import { parseExpression } from './parse';
import { scan } from './tokens';
import { arityProblem, functionHint, symbolHint } from './whitelist';

const check = (text: string) => checkTokens(text, scan(text));

describe('checkTokens', () => {
	it('accepts the whitelist', () => {
		for (const text of [
			'sin(x) + cos(y) - tan(x) * asin(y) / acos(x) ^ atan(y)',
			'sinh(x) + cosh(y) + tanh(x) + exp(y) + log(x) + log10(y) + sqrt(x) + abs(y)',
			'min(x, y) + max(x, y, pi, e) - -2.5e-3 + +x',
			'2x 3(y + 1)',
			'(x\n+ y)'
		]) {
			expect(check(text)).toBeUndefined();
		}
	});

	it('reports the first problem in the text', () => {
		expect(check('z + w')?.token).toBe('z');
		expect(check('x = z')?.token).toBe('=');
	});

	it('counts arguments per call, nested calls included', () => {
		expect(check('max(sin(x), min(x, y))')).toBeUndefined();
		expect(check('max(sin(x, y), y)')?.message).toBe('"sin" takes 1 argument, got 2');
		expect(check('max(x, min(y))')?.token).toBe('min(y)');
	});

	it('reads a name before a parenthesis as a call, as mathjs does, even across blanks', () => {
		expect(check('sin (x)')).toBeUndefined();
		expect(check('x (y)')?.message).toMatch(/^"x" is not a function/);
		expect(check('(sin\n(x))')).toBeUndefined();
	});
});

describe('whitelist messages', () => {
	it('explains arity', () => {
		expect(arityProblem('sin', 1)).toBeUndefined();
		expect(arityProblem('min', 5)).toBeUndefined();
		expect(arityProblem('exp', 0)).toBe('"exp" takes 1 argument, got 0');
		expect(arityProblem('max', 1)).toBe('"max" takes at least 2 arguments, got 1');
	});

	it('suggests what to type instead', () => {
		expect(symbolHint('X')).toBe('did you mean "x"?');
		expect(symbolHint('Pi')).toBe('did you mean "pi"?');
		expect(symbolHint('w')).toBeUndefined();
		expect(functionHint('SQRT')).toBe('did you mean "sqrt"?');
		expect(functionHint('arctan')).toBe('use atan');
		expect(functionHint('gamma')).toBeUndefined();
	});
});

describe('parseExpression (defence in depth)', () => {
	const failure = (text: string) => {
		try {
			parseExpression(text, scan(text));
		} catch (e) {
			if (e instanceof ExpressionFailure) return e.error;
			throw e;
		}
		throw new Error(`${text} was accepted`);
	};

	it('rejects by itself what the token check would have caught', () => {
		expect(failure('x == y').message).toMatch(/not allowed/);
		expect(failure('[x, y]').message).toMatch(/not allowed/);
		expect(failure('x = 2').message).toMatch(/not allowed/);
		expect(failure('x!').message).toMatch(/not allowed/);
		expect(failure('"a"').message).toMatch(/Only numbers/);
		const unknown = failure('x + zz');
		expect(unknown).toMatchObject({ token: 'zz', start: 4, end: 6 });
		expect(failure('gamma(x)')).toMatchObject({
			message: '"gamma" is not an allowed function',
			token: 'gamma'
		});
		expect(failure('sin(x, y)').message).toBe('"sin" takes 1 argument, got 2');
	});

	it('limits the depth of the tree', () => {
		expect(failure('-'.repeat(300) + 'x').message).toMatch(/too deeply nested/);
		expect(() => parseExpression('-'.repeat(200) + 'x', scan('x'))).not.toThrow();
	});
});
