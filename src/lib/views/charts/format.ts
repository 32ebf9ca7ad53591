/** Numbers as the charts print them (pure: no DOM). */

const SUPERSCRIPT: Record<string, string> = {
	'-': '⁻',
	'0': '⁰',
	'1': '¹',
	'2': '²',
	'3': '³',
	'4': '⁴',
	'5': '⁵',
	'6': '⁶',
	'7': '⁷',
	'8': '⁸',
	'9': '⁹'
};

/** A whole number as superscript digits, for exponents: -4 → '⁻⁴'. */
export function superscript(n: number): string {
	return Array.from(String(n), (c) => SUPERSCRIPT[c] ?? c).join('');
}

/** A data value for a tooltip: whole numbers as they are, others to 4 significant digits. */
export function formatDatum(v: number): string {
	return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}
