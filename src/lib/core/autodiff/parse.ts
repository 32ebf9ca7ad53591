/**
 * The validated expression tree for automatic differentiation: the user-function pipeline's own scan,
 * token check and whitelisted mathjs parse (no symbolic differentiation), plus each node's source span.
 */
import { checkTokens } from '../expression/check';
import { ExpressionFailure, errorAt, wholeTextError } from '../expression/errors';
import { MAX_LENGTH } from '../expression/limits';
import {
	functionName,
	isConstantNode,
	isFunctionNode,
	isOperatorNode,
	isParenthesisNode,
	isSymbolNode
} from '../expression/math';
import type { MathNode } from '../expression/math';
import { parseExpression } from '../expression/parse';
import { scan } from '../expression/tokens';
import type { Token } from '../expression/tokens';
import type { ExpressionError } from '../expression/types';

export type { MathNode };

/** Characters [start, end) of the typed text, 0-based. */
export interface SourceSpan {
	readonly start: number;
	readonly end: number;
}

const VALIDATED: unique symbol = Symbol('validated expression');

/** A typed expression that passed the whitelist, with its mathjs tree. Only parseExpressionTree makes one. */
export interface ParsedExpression {
	/** The text as typed. */
	readonly text: string;
	/** The mathjs tree (parentheses kept), already checked against the whitelist. */
	readonly root: MathNode;
	/** Where each tree node stands in text; empty if the tokens could not be matched (never expected). */
	readonly spans: ReadonlyMap<MathNode, SourceSpan>;
	readonly [VALIDATED]: true;
}

export type ParseResult = { ok: true; value: ParsedExpression } | { ok: false; error: ExpressionError };

/**
 * Checks and parses text exactly as compileExpression does before differentiating, with the same error
 * messages and positions. Expressions too large to differentiate symbolically are accepted here. Never throws.
 */
export function parseExpressionTree(text: string): ParseResult {
	const source = typeof text === 'string' ? text : '';
	try {
		if (source.length > MAX_LENGTH) {
			const message = `Expression is too long: at most ${MAX_LENGTH} characters`;
			return { ok: false, error: errorAt(source, message, MAX_LENGTH, source.length) };
		}
		if (source.trim() === '') return { ok: false, error: wholeTextError(source, 'Empty expression') };
		const tokens = scan(source);
		const tokenError = checkTokens(source, tokens);
		if (tokenError !== undefined) return { ok: false, error: tokenError };
		const root = parseExpression(source, tokens);
		const value: ParsedExpression = {
			text: source,
			root,
			spans: sourceSpans(root, tokens),
			[VALIDATED]: true
		};
		return { ok: true, value };
	} catch (e) {
		if (e instanceof ExpressionFailure) return { ok: false, error: e.error };
		if (e instanceof RangeError)
			return { ok: false, error: wholeTextError(source, 'Expression is too complex') };
		const message = e instanceof Error ? e.message : 'unknown failure';
		return { ok: false, error: wholeTextError(source, `Internal error: ${message}`) };
	}
}

/** Whether a value is a ParsedExpression made by parseExpressionTree. */
export function isParsedExpression(value: unknown): value is ParsedExpression {
	return typeof value === 'object' && value !== null && (value as ParsedExpression)[VALIDATED] === true;
}

class SpanMismatch extends Error {}

/**
 * Source spans by matching the tree against the tokens: mathjs keeps tokens in order (an in-order walk of
 * its tree reads them left to right), so each node consumes the tokens it was parsed from. Returns an empty
 * map if anything does not line up.
 */
export function sourceSpans(root: MathNode, tokens: readonly Token[]): Map<MathNode, SourceSpan> {
	const spans = new Map<MathNode, SourceSpan>();
	const list = tokens.filter((t) => t.kind !== 'newline');
	let i = 0;
	const take = (accept: (t: Token) => boolean): Token => {
		const t = list[i];
		if (t === undefined || !accept(t)) throw new SpanMismatch();
		i++;
		return t;
	};
	const visit = (node: MathNode): SourceSpan => {
		let span: SourceSpan;
		if (isConstantNode(node)) {
			const t = take((t) => t.kind === 'number' && Number(t.text) === node.value);
			span = { start: t.start, end: t.end };
		} else if (isSymbolNode(node)) {
			const t = take((t) => t.kind === 'name' && t.text === node.name);
			span = { start: t.start, end: t.end };
		} else if (isParenthesisNode(node)) {
			const open = take((t) => t.kind === 'open');
			visit(node.content);
			const close = take((t) => t.kind === 'close');
			span = { start: open.start, end: close.end };
		} else if (isFunctionNode(node)) {
			const name = functionName(node);
			const first = take((t) => t.kind === 'name' && t.text === name);
			take((t) => t.kind === 'open');
			node.args.forEach((arg, k) => {
				if (k > 0) take((t) => t.kind === 'comma');
				visit(arg);
			});
			const close = take((t) => t.kind === 'close');
			span = { start: first.start, end: close.end };
		} else if (isOperatorNode(node)) {
			if (node.args.length === 1) {
				const op = take((t) => t.kind === 'operator' && t.text === node.op);
				span = { start: op.start, end: visit(node.args[0]).end };
			} else {
				const start = visit(node.args[0]).start;
				let end = start;
				for (let k = 1; k < node.args.length; k++) {
					if (!node.implicit) take((t) => t.kind === 'operator' && t.text === node.op);
					end = visit(node.args[k]).end;
				}
				span = { start, end };
			}
		} else {
			throw new SpanMismatch();
		}
		spans.set(node, span);
		return span;
	};
	try {
		visit(root);
		if (i !== list.length) throw new SpanMismatch();
	} catch (e) {
		if (e instanceof SpanMismatch) return new Map();
		throw e;
	}
	return spans;
}
