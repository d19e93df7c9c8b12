/** A seeded source of uniform numbers; every random choice in the core takes one. */
export interface Rng {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [0, n). */
	int(n: number): number;
}

/**
 * Returns a deterministic generator for a 32-bit seed (sfc32 seeded through splitmix32),
 * so the same seed gives the same split and the same model on every platform.
 */
export function createRng(seed: number): Rng {
	let s = seed >>> 0;
	const splitmix = (): number => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
		return (z ^ (z >>> 16)) >>> 0;
	};
	let a = splitmix();
	let b = splitmix();
	let c = splitmix();
	let d = splitmix();
	const nextUint = (): number => {
		const t = (((a + b) >>> 0) + d) >>> 0;
		d = (d + 1) >>> 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) >>> 0;
		c = ((c << 21) | (c >>> 11)) >>> 0;
		c = (c + t) >>> 0;
		return t;
	};
	for (let i = 0; i < 12; i++) nextUint();
	return {
		next: () => nextUint() / 4294967296,
		int: (n) => Math.floor((nextUint() / 4294967296) * n)
	};
}

/** Shuffles `items` in place (Fisher-Yates) with the given generator and returns it. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(
	items: T,
	rng: Rng
): T {
	for (let i = items.length - 1; i > 0; i--) {
		const j = rng.int(i + 1);
		const tmp = items[i];
		items[i] = items[j];
		items[j] = tmp;
	}
	return items;
}
