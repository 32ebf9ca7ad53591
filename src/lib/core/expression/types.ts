/**
 * Public types of the user-functions module: what compileExpression returns.
 */
import type { Objective2D } from '../objective';

/** Why an expression was rejected; [start, end) are 0-based character offsets into the typed text. */
export interface ExpressionError {
	message: string;
	/** The offending text, always text.slice(start, end) (empty when pointing past the end). */
	token: string;
	start: number;
	end: number;
}

/** A user expression compiled to allocation-free closures, with its symbolic derivatives as text. */
export interface CompiledExpression extends Objective2D {
	/** The expression as mathjs prints it. */
	text: string;
	/** df/dx and df/dy in mathjs syntax. */
	gradientText: [string, string];
	/** d2f/dx2, d2f/dxdy and d2f/dy2 in mathjs syntax. */
	hessianText: [string, string, string];
}

export type CompileResult = { ok: true; value: CompiledExpression } | { ok: false; error: ExpressionError };
