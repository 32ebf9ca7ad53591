/** Reading numbers typed by people (CLI flags, URL parameters, CSV cells, numeric fields): one rule everywhere. */

// A plain decimal: optional sign, digits with an optional fraction, optional exponent. No hex, no Infinity.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The finite number `text` spells (surrounding blanks allowed), or undefined. */
export function parseDecimal(text: string): number | undefined {
	const t = text.trim();
	if (!DECIMAL.test(t)) return undefined;
	const v = Number(t);
	return Number.isFinite(v) ? v : undefined;
}
