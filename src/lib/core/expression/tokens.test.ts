/**
 * Tests of the position-aware scanner, including that it splits text the way mathjs does.
 */
import { parse } from 'mathjs';
import type { MathNode } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { scan } from './tokens';

const brief = (text: string): string[] => scan(text).map((t) => `${t.kind}:${t.text}@${t.start}-${t.end}`);

describe('scan', () => {
	it('gives each token its kind and 0-based [start, end)', () => {
		expect(brief('x + 2.5e-3*sin(y)')).toEqual([
			'name:x@0-1',
			'operator:+@2-3',
			'number:2.5e-3@4-10',
			'operator:*@10-11',
			'name:sin@11-14',
			'open:(@14-15',
			'name:y@15-16',
			'close:)@16-17'
		]);
	});

	it('splits numbers like mathjs', () => {
		expect(brief('1e')).toEqual(['number:1@0-1', 'name:e@1-2']);
		expect(brief('2x')).toEqual(['number:2@0-1', 'name:x@1-2']);
		expect(brief('.5 1. 1.e5 1E+2')).toEqual([
			'number:.5@0-2',
			'number:1.@3-5',
			'number:1.e5@6-10',
			'number:1E+2@11-15'
		]);
		expect(brief('1e+x')).toEqual(['badNumber:1e+@0-3', 'name:x@3-4']);
		expect(brief('1e3.5')).toEqual(['badNumber:1e3.5@0-5']);
		expect(brief('1e.5')).toEqual(['badNumber:1e.5@0-4']);
		expect(brief('0xFF+0b1 0o7')).toEqual([
			'radix:0xFF@0-4',
			'operator:+@4-5',
			'radix:0b1@5-8',
			'radix:0o7@9-12'
		]);
		expect(brief('2.3.4')).toEqual(['number:2.3@0-3', 'number:.4@3-5']);
	});

	it('recognizes mathjs multi-character delimiters, longest first', () => {
		expect(brief('a>>>b')).toEqual(['name:a@0-1', 'other:>>>@1-4', 'name:b@4-5']);
		expect(brief('x.*y x^|y x==y')).toEqual([
			'name:x@0-1',
			'other:.*@1-3',
			'name:y@3-4',
			'name:x@5-6',
			'other:^|@6-8',
			'name:y@8-9',
			'name:x@10-11',
			'other:==@11-13',
			'name:y@13-14'
		]);
		// As in mathjs, ?. followed by a digit is a question mark and a number.
		expect(brief('x?.5')).toEqual(['name:x@0-1', 'other:?@1-2', 'number:.5@2-4']);
		expect(brief('a.b')).toEqual(['name:a@0-1', 'other:.@1-2', 'name:b@2-3']);
	});

	it('skips blanks, keeps line breaks, and takes whole code points', () => {
		expect(brief('\tx\u00A0\n')).toEqual(['name:x@1-2', 'newline:\n@3-4']);
		expect(brief('π😀')).toEqual(['name:π@0-1', 'other:😀@1-3']);
		expect(brief('$a_1')).toEqual(['name:$a_1@0-4']);
	});

	it('finds the same names as mathjs', () => {
		const names = (node: MathNode): string[] =>
			node.filter((n) => n.type === 'SymbolNode').map((n) => (n as unknown as { name: string }).name);
		for (const text of [
			'2x y',
			'sin(x)cos(y)',
			'1e-3x + 2e',
			'x^-y^2',
			'pi(x+1)',
			'max(x, y, x y)',
			'θ + x_1'
		]) {
			const mine = scan(text)
				.filter((t) => t.kind === 'name')
				.map((t) => t.text)
				.sort();
			expect(mine).toEqual(names(parse(text)).sort());
		}
	});
});
