import type { HyperValue } from '$lib/core/optimizers/types';

/**
 * A HyperControl `onChange` for a page setting that takes any number its spec allows: stores the value and
 * reports no error.
 */
export function setNumber(set: (value: number) => void): (value: HyperValue) => null {
	return (value) => {
		set(value as number);
		return null;
	};
}
