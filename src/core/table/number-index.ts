const INITIAL_SLOTS = 16;
/** Integers in [0, SMALL) are looked up in a plain array: counts, years, codes, zip codes. */
const SMALL = 1 << 20;

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);

/** A 32-bit hash of a number's IEEE-754 bits, for open-addressing tables of numbers. */
export function hashNumber(v: number): number {
	BITS[0] = v;
	let h = WORDS[0] ^ Math.imul(WORDS[1], 0x9e3779b1);
	h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
	return h ^ (h >>> 13);
}

/**
 * Numbers, each given a dense index (0, 1, 2... in order of first sight): an open-addressing hash
 * table on the number's bits, and an array for small non-negative integers. A `Map` boxes every
 * double key it is asked about; this allocates nothing per lookup. NaN is not a key; -0 is the
 * same key as 0.
 */
export class NumberIndex {
	private small: Int32Array | null = null;
	private keys = new Float64Array(INITIAL_SLOTS).fill(NaN);
	private indices = new Int32Array(INITIAL_SLOTS);
	private count = 0;

	/** How many distinct numbers have been seen. */
	get size(): number {
		return this.count;
	}

	/** Returns the index of `value`, giving it the next one the first time it is seen. */
	indexOf(value: number): number {
		if (value >>> 0 === value && value < SMALL) {
			if (this.small === null) this.small = new Int32Array(SMALL).fill(-1);
			const index = this.small[value];
			if (index >= 0) return index;
			this.small[value] = this.count;
			return this.count++;
		}
		const v = value + 0;
		const keys = this.keys;
		const mask = keys.length - 1;
		let slot = hashNumber(v) & mask;
		for (;;) {
			const key = keys[slot];
			if (key === v) return this.indices[slot];
			if (key !== key) break;
			slot = (slot + 1) & mask;
		}
		keys[slot] = v;
		this.indices[slot] = this.count;
		if (++this.count * 2 > keys.length) this.grow();
		return this.count - 1;
	}

	private grow(): void {
		const keys = this.keys;
		const indices = this.indices;
		this.keys = new Float64Array(keys.length * 2).fill(NaN);
		this.indices = new Int32Array(keys.length * 2);
		const mask = this.keys.length - 1;
		for (let s = 0; s < keys.length; s++) {
			const key = keys[s];
			if (key !== key) continue;
			let slot = hashNumber(key) & mask;
			while (this.keys[slot] === this.keys[slot]) slot = (slot + 1) & mask;
			this.keys[slot] = key;
			this.indices[slot] = indices[s];
		}
	}
}
