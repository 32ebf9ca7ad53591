/**
 * Short number text for the autodiff displays: 4 significant digits, trailing zeros dropped, a true minus
 * sign, and ∞ / NaN spelled out so that non-finite values stay visible.
 */

/** Plain notation for magnitudes in [1e-3, 1e5); scientific notation (e.g. 1.235e6) outside. */
export function formatNumber(value: number, significantDigits = 4): string {
	const digits = Math.max(1, Math.min(17, Math.floor(significantDigits) || 4));
	if (Number.isNaN(value)) return 'NaN';
	if (value === Infinity) return '∞';
	if (value === -Infinity) return '−∞';
	if (value === 0) return '0';
	const magnitude = Math.abs(value);
	let text: string;
	if (magnitude >= 1e-3 && magnitude < 1e5) {
		text = trimZeros(value.toPrecision(digits));
		// Rounding can reach 1e5 (99999.7 -> '1.000e+5'): toPrecision then switches notation itself.
		if (text.includes('e')) text = scientific(value, digits);
	} else {
		text = scientific(value, digits);
	}
	return text.replace(/-/g, '−');
}

function scientific(value: number, digits: number): string {
	const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
	return `${trimZeros(mantissa)}e${exponent.replace('+', '')}`;
}

function trimZeros(text: string): string {
	if (!text.includes('.') || text.includes('e')) return text;
	return text.replace(/\.?0+$/, '');
}
