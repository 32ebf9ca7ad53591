/**
 * Tests of the cheap algebraic folding that replaces mathjs's simplify.
 */
import { evaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { constValue, fold } from './fold';
import { parseText } from './math';

const folded = (text: string, absToSign = false): string => fold(parseText(text), { absToSign }).toString();

describe('fold', () => {
	it('folds constants and drops neutral elements', () => {
		const cases: [string, string][] = [
			['x * 1 + 0', 'x'],
			['0 * sin(x) + y', 'y'],
			['2 * 3 * x', '6 * x'],
			['x * 2 * y * 3', '6 * x * y'],
			['-(-x)', 'x'],
			['+x', 'x'],
			['x ^ 1 + y ^ 0', 'x + 1'],
			['(2 - 1) * x ^ (3 - 1)', 'x ^ 2'],
			['sin(0) + cos(0) * x', 'x'],
			['log(e) * x', 'x'],
			['x / 1 - y / -1', 'x + y'],
			['0 / x', '0'],
			['1 ^ x', '1'],
			['0 ^ 2 + x', 'x'],
			['1 - 2 * x + 3', '4 - 2 * x'],
			['x - (y - 1)', 'x - y + 1'],
			['-1 * (x + y)', '-(x + y)'],
			['x * (-2) * y', '-2 * x * y'],
			['2 * pi', '6.283185307179586']
		];
		for (const [input, output] of cases) expect({ input, output: folded(input) }).toEqual({ input, output });
	});

	it('keeps the parentheses a negative constant needs', () => {
		const text = folded('(0 - 2) ^ x');
		expect(text).toBe('(-2) ^ x');
		expect(evaluate(text, { x: 2 })).toBe(4);
		expect(folded('x ^ (0 - 2)')).toBe('x ^ (-2)');
	});

	it('turns abs(u)/u into sign(u) only when asked', () => {
		expect(folded('abs(x - y) / (x - y)', true)).toBe('sign(x - y)');
		expect(folded('abs(x - y) / (x - y)')).toBe('abs(x - y) / (x - y)');
		expect(folded('abs(x) / y', true)).toBe('abs(x) / y');
	});

	it('reads constants', () => {
		expect(constValue(parseText('-(2)'))).toBe(-2);
		expect(constValue(parseText('pi'))).toBe(Math.PI);
		expect(constValue(parseText('x'))).toBeUndefined();
	});

	it('preserves values', () => {
		const rng = createRng(5);
		for (const text of [
			'(1 - x) ^ 2 + 100 * (y - x ^ 2) ^ 2',
			'2 * (3 * x - (y - 4)) / (1 * 2) - -(x * -3)',
			'(x + 0) * (0 + y) ^ (1 + 1) - 2 ^ 3 * x',
			'-(2 * x) * -(3 * y) + -(-(x - y))'
		]) {
			const simple = folded(text);
			for (let k = 0; k < 10; k++) {
				const scope = { x: rng.range(-3, 3), y: rng.range(-3, 3) };
				expect(evaluate(simple, scope)).toBeCloseTo(evaluate(text, scope), 10);
			}
		}
	});

	it('folds long chains in linear time', () => {
		const sum = parseText(Array(2000).fill('x').join(' + '));
		const t0 = performance.now();
		fold(sum);
		expect(performance.now() - t0).toBeLessThan(200);
	});
});
