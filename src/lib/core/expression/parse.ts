/**
 * Parsing with mathjs: its syntax errors become positioned ExpressionErrors, and the resulting tree is
 * walked again against the whitelist (defence in depth behind the token check).
 */
import { ExpressionFailure, errorAt, where, wholeTextError } from './errors';
import { MAX_TREE_DEPTH } from './limits';
import {
	functionName,
	isConstantNode,
	isFunctionNode,
	isOperatorNode,
	isParenthesisNode,
	isSymbolNode,
	parseText
} from './math';
import type { MathNode } from './math';
import type { Token } from './tokens';
import type { ExpressionError } from './types';
import { CONSTANTS, FUNCTIONS, OPERATOR_FNS, VARIABLES, arityProblem } from './whitelist';

/**
 * Parses text already accepted by checkTokens. Throws ExpressionFailure on syntax errors, on anything
 * outside the whitelist and on trees deeper than MAX_TREE_DEPTH.
 */
export function parseExpression(text: string, tokens: readonly Token[]): MathNode {
	// Same length, so mathjs positions are positions in text. Line breaks that checkTokens let through
	// (inside parentheses, or leading and trailing) are plain spaces to mathjs.
	const plain = text.replace(/[\n\r\t\u00A0]/g, ' ');
	let node: MathNode;
	try {
		node = parseText(plain);
	} catch (e) {
		throw new ExpressionFailure(syntaxError(text, tokens, e));
	}
	validate(node, text, tokens, 0);
	return node;
}

/** Turns a mathjs parse error ("... (char N)", N 1-based) into a positioned error. */
function syntaxError(text: string, tokens: readonly Token[], e: unknown): ExpressionError {
	const raw = e instanceof Error ? e.message : String(e);
	const char = (e as { char?: unknown } | null)?.char;
	const message = raw.replace(/\s*\(char \d+\)\s*$/, '');
	if (!(e instanceof SyntaxError) || typeof char !== 'number' || !Number.isFinite(char)) {
		return wholeTextError(text, `Could not read the expression: ${message}`);
	}
	const start = Math.max(0, char - 1);
	if (start >= text.trimEnd().length) {
		return errorAt(text, 'Unexpected end of expression', text.length, text.length);
	}
	const token = tokens.find((t) => t.start <= start && start < t.end);
	const end = token === undefined ? start + 1 : token.end;
	const from = token === undefined ? start : token.start;
	return errorAt(text, `${message}${where(from)}`, from, end);
}

/** Walks the tree, allowing only whitelisted node kinds, names, operators and argument counts. */
function validate(node: MathNode, text: string, tokens: readonly Token[], depth: number): void {
	if (depth > MAX_TREE_DEPTH) {
		throw new ExpressionFailure(
			wholeTextError(text, `Expression is too deeply nested: at most ${MAX_TREE_DEPTH} levels`)
		);
	}
	const reject = (message: string, name?: string): never => {
		const token = name === undefined ? undefined : tokens.find((t) => t.kind === 'name' && t.text === name);
		throw new ExpressionFailure(
			token === undefined ? wholeTextError(text, message) : errorAt(text, message, token.start, token.end)
		);
	};
	if (isConstantNode(node)) {
		if (typeof node.value !== 'number') reject('Only numbers are allowed as constants');
		return;
	}
	if (isSymbolNode(node)) {
		if (!VARIABLES.has(node.name) && !CONSTANTS.has(node.name)) {
			reject(`Unknown symbol "${node.name}": use x and y`, node.name);
		}
		return;
	}
	if (isParenthesisNode(node)) {
		validate(node.content, text, tokens, depth + 1);
		return;
	}
	if (isOperatorNode(node)) {
		const n = node.args.length;
		const unary = node.fn === 'unaryMinus' || node.fn === 'unaryPlus';
		const variadic = node.fn === 'add' || node.fn === 'multiply';
		if (!OPERATOR_FNS.has(node.fn) || !(unary ? n === 1 : variadic ? n >= 2 : n === 2)) {
			reject(`Operator "${node.op}" is not allowed`);
		}
		for (const arg of node.args) validate(arg, text, tokens, depth + 1);
		return;
	}
	if (isFunctionNode(node)) {
		const name = functionName(node);
		if (name === undefined || !FUNCTIONS.has(name)) {
			reject(`"${name ?? '?'}" is not an allowed function`, name);
		}
		const problem = arityProblem(name as string, node.args.length);
		if (problem !== undefined) reject(problem, name);
		for (const arg of node.args) validate(arg, text, tokens, depth + 1);
		return;
	}
	reject(`${node.type} is not allowed`);
}
