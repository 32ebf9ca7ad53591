/**
 * Size limits that keep parsing, differentiation and evaluation fast enough to run on every keystroke.
 */

/** Longest accepted input, in characters. */
export const MAX_LENGTH = 2000;

/** Deepest accepted nesting of parentheses (grouping and function calls together). */
export const MAX_PAREN_DEPTH = 64;

/** Deepest accepted expression tree (long chains like x^x^x^... or x+x+...+x count too). */
export const MAX_TREE_DEPTH = 250;

/**
 * Largest accepted bounds on the size (in tree nodes) of what mathjs's derivative builds: for the gradient
 * (d/dx and d/dy of f) and for the Hessian (three derivatives of the gradient). They keep the worst
 * accepted input near 50 ms to compile; typed test functions stay far below (Goldstein-Price: about 800
 * and 2,800).
 */
export const MAX_GRADIENT_SIZE = 15_000;
export const MAX_HESSIAN_SIZE = 30_000;
