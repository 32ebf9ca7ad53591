/**
 * Cached powers base^(k * scale) for the bias corrections and schedules of Adam-like optimizers.
 * Math.pow costs about 100 ns in V8, several times a whole optimizer step, and a drag recomputes the same
 * powers for every run; a running product would be fast but drifts from PyTorch's `beta ** step` by a few
 * ulps, which sensitive trajectories amplify. So each value is computed once with `**`, exactly as PyTorch
 * does, and looked up afterwards.
 */

const MAX_TABLES = 64;
const tables = new Map<string, Float64Array>();

/** A table whose entry k is base ** (k * scale), for k = 0 .. at least minLength - 1. */
export function powerTable(base: number, scale: number, minLength: number): Float64Array {
	const key = `${base}:${scale}`;
	let table = tables.get(key);
	if (table && table.length >= minLength) return table;
	const length = Math.max(minLength, 2 * (table?.length ?? 0), 1024);
	const grown = new Float64Array(length);
	for (let k = 0; k < length; k++) grown[k] = base ** (k * scale);
	if (!table && tables.size >= MAX_TABLES) tables.clear();
	tables.set(key, grown);
	table = grown;
	return table;
}

/** base ** (t * scale) through the cache, refreshing the caller's table reference when it is too short. */
export interface PowerCursor {
	table: Float64Array;
	readonly base: number;
	readonly scale: number;
}

export function powerCursor(base: number, scale = 1): PowerCursor {
	return { table: powerTable(base, scale, 0), base, scale };
}

export function powerAt(c: PowerCursor, t: number): number {
	if (t >= c.table.length) c.table = powerTable(c.base, c.scale, t + 1);
	return c.table[t];
}
