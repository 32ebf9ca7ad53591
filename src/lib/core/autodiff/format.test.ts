/** The 4-significant-digit number text: round trip within half a unit of the 4th digit, and its notation. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { formatNumber } from './format';

describe('formatNumber', () => {
	it('keeps 4 significant digits across magnitudes', () => {
		const rng = createRng(5);
		for (let k = 0; k < 2000; k++) {
			const v = (rng.uniform() < 0.5 ? -1 : 1) * Math.pow(10, rng.range(-12, 12));
			const text = formatNumber(v);
			const back = Number(text.replace(/−/g, '-'));
			expect(Math.abs(back - v), `${v} -> ${text}`).toBeLessThanOrEqual(Math.abs(v) * 5.0001e-4);
			const mantissa = text.replace(/−/g, '').split('e')[0].replace('.', '').replace(/^0+/, '');
			expect(mantissa.length, text).toBeLessThanOrEqual(4);
			expect(text).not.toContain('-');
			expect(text).not.toContain('+');
		}
	});

	it('writes plain decimals between 1e-3 and 1e5 and drops trailing zeros', () => {
		expect(formatNumber(2)).toBe('2');
		expect(formatNumber(-0.5)).toBe('−0.5');
		expect(formatNumber(85.5625)).toBe('85.56');
		expect(formatNumber(0.001234567)).toBe('0.001235');
		expect(formatNumber(99999.7)).toBe('1e5');
		expect(formatNumber(1234567)).toBe('1.235e6');
		expect(formatNumber(-2.5e-7)).toBe('−2.5e−7');
	});

	it('spells out zero and non-finite values', () => {
		expect(formatNumber(0)).toBe('0');
		expect(formatNumber(-0)).toBe('0');
		expect(formatNumber(NaN)).toBe('NaN');
		expect(formatNumber(Infinity)).toBe('∞');
		expect(formatNumber(-Infinity)).toBe('−∞');
	});
});
