/**
 * Building ExpressionError values, and the exception used to carry one out of deep recursion.
 */
import type { ExpressionError } from './types';

/** An error covering text[start, end); the token is always the covered text. */
export function errorAt(text: string, message: string, start: number, end: number): ExpressionError {
	const s = Math.max(0, Math.min(start, text.length));
	const e = Math.max(s, Math.min(end, text.length));
	return { message, token: text.slice(s, e), start: s, end: e };
}

/** An error covering the whole text. */
export function wholeTextError(text: string, message: string): ExpressionError {
	return errorAt(text, message, 0, text.length);
}

/** " at character N", 1-based for people. */
export function where(start: number): string {
	return ` at character ${start + 1}`;
}

/** Thrown inside the pipeline when a stage rejects the expression; caught by compileExpression. */
export class ExpressionFailure extends Error {
	readonly error: ExpressionError;

	constructor(error: ExpressionError) {
		super(error.message);
		this.name = 'ExpressionFailure';
		this.error = error;
	}
}
