/**
 * Source spans of the validated tree: every node's text, re-parsed on its own, prints as the node does,
 * for typed test functions and for the awkward corners of mathjs syntax.
 */
import { describe, expect, it } from 'vitest';
import { childrenOf, parseText } from '../expression/math';
import type { MathNode } from '../expression/math';
import { isParsedExpression, parseExpressionTree } from './parse';
import { ALL_CASES } from './test-cases';

function nodes(root: MathNode): MathNode[] {
	const out: MathNode[] = [root];
	for (const child of childrenOf(root)) out.push(...nodes(child));
	return out;
}

describe('parseExpressionTree source spans', () => {
	const texts = ALL_CASES.map((c) => c.text).concat([
		'1/2x',
		'2(x + 1)y',
		'-2^2 + x^-2 - - y',
		'3 x / 4 y',
		'2.5e3x + .5',
		'  (\n x \n) + y  ',
		'max( x ,y , 1)'
	]);
	for (const text of texts) {
		it(text, () => {
			const r = parseExpressionTree(text);
			if (!r.ok) throw new Error(r.error.message);
			expect(isParsedExpression(r.value)).toBe(true);
			const all = nodes(r.value.root);
			expect(r.value.spans.size).toBe(all.length);
			for (const node of all) {
				const span = r.value.spans.get(node)!;
				const source = text.slice(span.start, span.end);
				expect(source.trim()).toBe(source);
				expect(parseText(source.replace(/\n/g, ' ')).toString(), source).toBe(node.toString());
			}
			const root = r.value.spans.get(r.value.root)!;
			expect(text.slice(root.start, root.end)).toBe(text.trim());
		});
	}

	it('is not fooled by look-alike objects', () => {
		expect(isParsedExpression({ text: 'x', root: parseText('x'), spans: new Map() })).toBe(false);
	});
});
