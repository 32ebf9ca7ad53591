/**
 * Position-aware scan of the raw text, mirroring how mathjs splits it into tokens, so that errors can
 * point at characters (mathjs trees carry no source positions).
 */

export type TokenKind =
	/** A decimal number, e.g. 12, .5, 1e-3. */
	| 'number'
	/** A number mathjs refuses, e.g. 1e+ or 1e3.5. */
	| 'badNumber'
	/** A binary, octal or hexadecimal literal such as 0xFF. */
	| 'radix'
	/** A name: variable, constant, function or word operator. */
	| 'name'
	/** One of + - * / ^. */
	| 'operator'
	| 'open'
	| 'close'
	| 'comma'
	/** A line break (mathjs separates statements with it outside parentheses). */
	| 'newline'
	/** Anything else: a delimiter mathjs knows but the whitelist forbids, or an unknown character. */
	| 'other';

export interface Token {
	kind: TokenKind;
	text: string;
	/** 0-based, inclusive. */
	start: number;
	/** 0-based, exclusive. */
	end: number;
}

/** mathjs's multi-character delimiters, longest first. */
const LONG_DELIMITERS = ['>>>', '.*', './', '.^', '^|', '?.', '??', '==', '!=', '<=', '>=', '<<', '>>'];

const SINGLE: Record<string, TokenKind> = {
	'+': 'operator',
	'-': 'operator',
	'*': 'operator',
	'/': 'operator',
	'^': 'operator',
	'(': 'open',
	')': 'close',
	',': 'comma'
};

/** Single characters mathjs treats as delimiters (all forbidden here except those in SINGLE). */
const OTHER_DELIMITERS = new Set([
	'[',
	']',
	'{',
	'}',
	'"',
	"'",
	';',
	'%',
	'~',
	'!',
	'&',
	'|',
	'=',
	':',
	'?',
	'<',
	'>',
	'#'
]);

export function isDigit(c: string): boolean {
	return c >= '0' && c <= '9';
}

/** Letters mathjs accepts in names (its Basic Multilingual Plane ranges). */
export function isNameStart(c: string): boolean {
	return /^[a-zA-Z_$\u00C0-\u02AF\u0370-\u03FF\u2100-\u214F]$/.test(c);
}

function isNamePart(c: string): boolean {
	return isNameStart(c) || isDigit(c);
}

/** Space, tab and no-break space; line breaks are tokens of their own. */
export function isBlank(c: string): boolean {
	return c === ' ' || c === '\t' || c === '\u00A0';
}

/** mathjs: a dot is a decimal mark unless it starts .* ./ .^ */
function isDecimalMark(c: string, next: string): boolean {
	return c === '.' && next !== '/' && next !== '*' && next !== '^';
}

/**
 * Splits text into tokens (whitespace dropped). Never throws: characters it does not understand become
 * 'other' tokens, and malformed numbers 'badNumber' tokens, for the checks to report.
 */
export function scan(text: string): Token[] {
	const tokens: Token[] = [];
	const n = text.length;
	const at = (i: number): string => (i < n ? text[i] : '');
	let i = 0;
	const push = (kind: TokenKind, start: number, end: number): void => {
		tokens.push({ kind, text: text.slice(start, end), start, end });
	};

	while (i < n) {
		const c = text[i];
		if (isBlank(c)) {
			i++;
			continue;
		}
		if (c === '\n' || c === '\r') {
			push('newline', i, i + 1);
			i++;
			continue;
		}
		const start = i;

		const long = LONG_DELIMITERS.find((d) => text.startsWith(d, i) && !(d === '?.' && isDigit(at(i + 2))));
		if (long !== undefined) {
			i += long.length;
			push('other', start, i);
			continue;
		}
		const single = SINGLE[c];
		if (single !== undefined) {
			i++;
			push(single, start, i);
			continue;
		}
		if (OTHER_DELIMITERS.has(c)) {
			i++;
			push('other', start, i);
			continue;
		}

		if (isDigit(c) || c === '.') {
			i = scanNumber(text, i, push);
			continue;
		}

		if (isNameStart(c)) {
			while (i < n && isNamePart(text[i])) i++;
			push('name', start, i);
			continue;
		}

		// Unknown character: take a whole code point so that the token is printable.
		const code = text.codePointAt(i) ?? 0;
		i += code > 0xffff ? 2 : 1;
		push('other', start, i);
	}
	return tokens;
}

/** Scans a number starting at i (a digit or a dot); returns the index after it. */
function scanNumber(
	text: string,
	i: number,
	push: (kind: TokenKind, start: number, end: number) => void
): number {
	const n = text.length;
	const at = (k: number): string => (k < n ? text[k] : '');
	const start = i;

	const prefix = text.slice(i, i + 2);
	if (prefix === '0b' || prefix === '0o' || prefix === '0x') {
		i += 2;
		while (i < n && isNamePart(text[i])) i++;
		if (at(i) === '.') {
			i++;
			while (i < n && isNamePart(text[i])) i++;
		}
		push('radix', start, i);
		return i;
	}

	if (text[i] === '.') {
		if (!isDigit(at(i + 1))) {
			// A lone dot: property access in mathjs.
			push('other', start, i + 1);
			return i + 1;
		}
		i++;
	} else {
		while (isDigit(at(i))) i++;
		if (isDecimalMark(at(i), at(i + 1))) i++;
	}
	while (isDigit(at(i))) i++;

	const e = at(i);
	if (e === 'e' || e === 'E') {
		const next = at(i + 1);
		if (isDigit(next) || next === '+' || next === '-') {
			i++;
			if (at(i) === '+' || at(i) === '-') i++;
			if (!isDigit(at(i))) {
				push('badNumber', start, i);
				return i;
			}
			while (isDigit(at(i))) i++;
			if (isDecimalMark(at(i), at(i + 1))) {
				i++;
				while (isDigit(at(i))) i++;
				push('badNumber', start, i);
				return i;
			}
		} else if (isDecimalMark(next, at(i + 2))) {
			i += 2;
			while (isDigit(at(i))) i++;
			push('badNumber', start, i);
			return i;
		}
	}
	push('number', start, i);
	return i;
}
