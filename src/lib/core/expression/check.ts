/**
 * Token-level whitelist check: finds the first forbidden character, name, call or bracket in the text,
 * with its exact position, before mathjs ever sees the text.
 */
import { errorAt, where } from './errors';
import { MAX_PAREN_DEPTH } from './limits';
import type { Token } from './tokens';
import type { ExpressionError } from './types';
import {
	CONSTANTS,
	FUNCTIONS,
	VARIABLES,
	arityProblem,
	delimiterReason,
	functionHint,
	symbolHint,
	wordOperatorReason
} from './whitelist';

interface Frame {
	open: Token;
	/** The function name before the parenthesis, if this is a call. */
	callee: Token | undefined;
	commas: number;
	/** Whether anything but line breaks came after the parenthesis. */
	hasContent: boolean;
}

/** Returns the first whitelist violation in the tokens, or undefined when they are all allowed. */
export function checkTokens(text: string, tokens: readonly Token[]): ExpressionError | undefined {
	const stack: Frame[] = [];
	const fail = (message: string, start: number, end: number): ExpressionError =>
		errorAt(text, message, start, end);
	const firstContent = tokens.findIndex((t) => t.kind !== 'newline');
	let lastContent = tokens.length - 1;
	while (lastContent >= 0 && tokens[lastContent].kind === 'newline') lastContent--;

	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
		if (t.kind === 'newline') {
			// Inside parentheses mathjs reads a line break as a space; leading and trailing ones are harmless.
			if (top === undefined && i > firstContent && i < lastContent) {
				return fail('Line breaks are not allowed: type a single expression', t.start, t.end);
			}
			continue;
		}
		if (top !== undefined && t.kind !== 'close') top.hasContent = true;

		switch (t.kind) {
			case 'badNumber':
				return fail(`Malformed number "${t.text}"${where(t.start)}`, t.start, t.end);
			case 'radix':
				return fail(`"${t.text}" is not allowed: only decimal numbers are supported`, t.start, t.end);
			case 'other':
				return fail(
					`"${t.text}" is not allowed${where(t.start)}: ${delimiterReason(t.text)}`,
					t.start,
					t.end
				);
			case 'name': {
				const problem = nameProblem(t, isFollowedByOpen(tokens, i, stack.length > 0));
				if (problem !== undefined) return fail(problem, t.start, t.end);
				break;
			}
			case 'open': {
				let k = i - 1;
				while (stack.length > 0 && k >= 0 && tokens[k].kind === 'newline') k--;
				const callee = k >= 0 && tokens[k].kind === 'name' ? tokens[k] : undefined;
				stack.push({ open: t, callee, commas: 0, hasContent: false });
				if (stack.length > MAX_PAREN_DEPTH) {
					return fail(
						`Too many nested parentheses${where(t.start)}: at most ${MAX_PAREN_DEPTH} levels`,
						t.start,
						t.end
					);
				}
				break;
			}
			case 'comma':
				if (top === undefined || top.callee === undefined) {
					return fail(`"," is only allowed between function arguments${where(t.start)}`, t.start, t.end);
				}
				top.commas++;
				break;
			case 'close': {
				const frame = stack.pop();
				if (frame === undefined) return fail(`Unmatched ")"${where(t.start)}`, t.start, t.end);
				if (frame.callee !== undefined) {
					const count = frame.hasContent ? frame.commas + 1 : 0;
					const problem = arityProblem(frame.callee.text, count);
					if (problem !== undefined) return fail(problem, frame.callee.start, t.end);
				}
				break;
			}
			case 'number':
			case 'operator':
				break;
		}
	}
	const unclosed = stack.pop();
	if (unclosed !== undefined) {
		const t = unclosed.open;
		return fail(`Unclosed "("${where(t.start)}: add ")"`, t.start, t.end);
	}
	return undefined;
}

/** Whether the name at index i is followed by "(" (mathjs then reads it as a function call). */
function isFollowedByOpen(tokens: readonly Token[], i: number, insideParentheses: boolean): boolean {
	let k = i + 1;
	// Line breaks inside parentheses are whitespace to mathjs.
	while (insideParentheses && k < tokens.length && tokens[k].kind === 'newline') k++;
	return k < tokens.length && tokens[k].kind === 'open';
}

/** What is wrong with a name token, or undefined if it is allowed where it stands. */
function nameProblem(t: Token, isCall: boolean): string | undefined {
	const name = t.text;
	const word = wordOperatorReason(name);
	if (word !== undefined) return `"${name}" is not allowed${where(t.start)}: ${word}`;
	const isValue = VARIABLES.has(name) || CONSTANTS.has(name);
	if (isCall) {
		if (FUNCTIONS.has(name)) return undefined;
		if (isValue) return `"${name}" is not a function: write ${name}*(...) to multiply`;
		const hint = functionHint(name);
		return `"${name}" is not an allowed function${hint === undefined ? '' : `: ${hint}`}`;
	}
	if (isValue) return undefined;
	if (FUNCTIONS.has(name)) return `"${name}" needs its argument in parentheses, e.g. ${name}(x)`;
	const hint = symbolHint(name);
	return `Unknown symbol "${name}"${where(t.start)}: ${hint ?? 'use x and y'}`;
}
