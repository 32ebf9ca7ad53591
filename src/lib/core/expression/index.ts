/**
 * User functions: compileExpression turns an expression in x and y typed by a user into an Objective2D
 * with symbolic gradient and Hessian, or into a positioned error. It never throws.
 */
import { checkTokens } from './check';
import { compileObjective } from './compile';
import { symbolicDerivatives } from './differentiate';
import { ExpressionFailure, errorAt, wholeTextError } from './errors';
import { MAX_LENGTH } from './limits';
import { parseExpression } from './parse';
import { scan } from './tokens';
import type { CompileResult, CompiledExpression } from './types';

export type { CompileResult, CompiledExpression, ExpressionError } from './types';
export { MAX_GRADIENT_SIZE, MAX_HESSIAN_SIZE, MAX_LENGTH, MAX_PAREN_DEPTH, MAX_TREE_DEPTH } from './limits';

/** Parses, checks, differentiates and compiles text. Never throws, whatever the input. */
export function compileExpression(text: string): CompileResult {
	// Non-string input (possible from untyped callers) is treated as empty.
	const source = typeof text === 'string' ? text : '';
	try {
		return { ok: true, value: compile(source) };
	} catch (e) {
		if (e instanceof ExpressionFailure) return { ok: false, error: e.error };
		if (e instanceof RangeError) {
			return { ok: false, error: wholeTextError(source, 'Expression is too complex') };
		}
		return { ok: false, error: wholeTextError(source, `Internal error: ${describe(e)}`) };
	}
}

function compile(text: string): CompiledExpression {
	if (text.length > MAX_LENGTH) {
		throw new ExpressionFailure(
			errorAt(text, `Expression is too long: at most ${MAX_LENGTH} characters`, MAX_LENGTH, text.length)
		);
	}
	if (text.trim() === '') throw new ExpressionFailure(wholeTextError(text, 'Empty expression'));
	const tokens = scan(text);
	const tokenError = checkTokens(text, tokens);
	if (tokenError !== undefined) throw new ExpressionFailure(tokenError);

	const node = parseExpression(text, tokens);
	const d = symbolicDerivatives(node, text);

	const objective = compileObjective({ f: node, ...d });
	return {
		text: node.toString(),
		gradientText: [d.gx.toString(), d.gy.toString()],
		hessianText: [d.hxx.toString(), d.hxy.toString(), d.hyy.toString()],
		f: objective.f,
		grad: objective.grad,
		hessian: objective.hessian
	};
}

function describe(e: unknown): string {
	try {
		return e instanceof Error ? e.message : String(e);
	} catch {
		return 'unknown failure';
	}
}
