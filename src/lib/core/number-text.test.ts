import { describe, expect, it } from 'vitest';
import { parseDecimal } from './number-text';

describe('parseDecimal', () => {
	it('reads plain decimals with signs, fractions and exponents', () => {
		expect(parseDecimal('0.05')).toBe(0.05);
		expect(parseDecimal(' -1.5 ')).toBe(-1.5);
		expect(parseDecimal('+.5')).toBe(0.5);
		expect(parseDecimal('1e-3')).toBe(1e-3);
		expect(parseDecimal('2.')).toBe(2);
	});

	it('rejects everything else', () => {
		for (const t of [
			'',
			' ',
			'abc',
			'0x10',
			'1e999',
			'NaN',
			'Infinity',
			'1,2',
			'1 2',
			'--1',
			'.',
			'e5',
			'1e'
		])
			expect(parseDecimal(t), t).toBeUndefined();
	});
});
