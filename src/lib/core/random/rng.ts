/**
 * Seeded pseudo-random numbers for the core, which never calls Math.random.
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand), seeded
 * through splitmix32 so that nearby integer seeds give unrelated streams.
 * Normals: Box-Muller transform, both values of each pair used.
 */

/** A stream of uniform and normal variates; same seed, same stream, on every platform. */
export interface Rng {
	/** Uniform in [0, 1). */
	uniform(): number;
	/** Uniform in [lo, hi). */
	range(lo: number, hi: number): number;
	/** Standard normal N(0, 1). */
	normal(): number;
	/** Integer uniform in [0, n). */
	int(n: number): number;
}

function splitmix32(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
		return (z ^ (z >>> 16)) >>> 0;
	};
}

/** Creates a generator from any finite number (non-integers and negatives are folded into 32 bits). */
export function createRng(seed: number): Rng {
	const init = splitmix32(Number.isFinite(seed) ? Math.trunc(seed) | 0 : 0);
	let a = init();
	let b = init();
	let c = init();
	let d = init();
	const next32 = (): number => {
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return t >>> 0;
	};
	for (let i = 0; i < 12; i++) next32();

	// 53-bit uniform from two 32-bit draws.
	const uniform = (): number => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
	let spare = 0;
	let hasSpare = false;
	const normal = (): number => {
		if (hasSpare) {
			hasSpare = false;
			return spare;
		}
		let u = 0;
		while (u === 0) u = uniform();
		const v = uniform();
		const r = Math.sqrt(-2 * Math.log(u));
		spare = r * Math.sin(2 * Math.PI * v);
		hasSpare = true;
		return r * Math.cos(2 * Math.PI * v);
	};
	return {
		uniform,
		range: (lo, hi) => lo + (hi - lo) * uniform(),
		normal,
		int: (n) => Math.floor(uniform() * n)
	};
}
