const INITIAL_LEVELS = 64;
const INITIAL_CHARS = 1024;
// Levels are turned back into strings this many characters at a time.
const DECODE_BATCH = 1 << 16;

/** FNV-1a over the UTF-16 code units of `text[start, end)`. */
function hashRange(text: string, start: number, end: number): number {
	let h = 0x811c9dc5;
	for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h | 0;
}

/**
 * The distinct texts of a column, each with its code, looked up by a range of the text being
 * read: a text seen before is found without slicing a new string out of the chunk (a `Map` needs
 * the string, then hashes it again). An open-addressing table of codes keyed by FNV-1a, over the
 * levels' characters kept end to end in one typed array: comparing a range with a level reads
 * contiguous memory, not a string object per level, no string is made while reading, and no level
 * keeps a chunk of the file alive. `levels()` makes the strings once, at the end.
 */
export class LevelIndex {
	private count = 0;
	private hashes = new Int32Array(INITIAL_LEVELS);
	private slots = new Int32Array(INITIAL_LEVELS * 2).fill(-1);
	private chars = new Uint16Array(INITIAL_CHARS);
	/** Level `k`'s characters are `chars[offsets[k], offsets[k + 1])`. */
	private offsets = new Int32Array(INITIAL_LEVELS + 1);

	/** Returns the code of `text[start, end)`, adding it as a new level the first time. */
	codeOf(text: string, start: number, end: number): number {
		const hash = hashRange(text, start, end);
		const mask = this.slots.length - 1;
		let slot = hash & mask;
		for (;;) {
			const code = this.slots[slot];
			if (code < 0) break;
			if (this.hashes[code] === hash && this.sameText(code, text, start, end)) return code;
			slot = (slot + 1) & mask;
		}
		const code = this.count++;
		if (this.count === this.hashes.length) {
			this.hashes = grown(this.hashes, this.count * 2);
			this.offsets = grown(this.offsets, this.count * 2 + 1);
		}
		this.hashes[code] = hash;
		this.store(code, text, start, end);
		this.slots[slot] = code;
		if (this.count * 2 > this.slots.length) this.rehash();
		return code;
	}

	/** The distinct texts, by code. */
	levels(): string[] {
		const decoder = new TextDecoder('utf-16le');
		const { chars, offsets } = this;
		const levels: string[] = new Array(this.count);
		// One decode per batch of levels, then slices: a decode per level costs more than its text.
		for (let first = 0; first < this.count;) {
			let last = first + 1;
			while (last < this.count && offsets[last + 1] - offsets[first] <= DECODE_BATCH) last++;
			const batch = decoder.decode(chars.subarray(offsets[first], offsets[last]));
			for (let k = first; k < last; k++)
				levels[k] = batch.slice(offsets[k] - offsets[first], offsets[k + 1] - offsets[first]);
			first = last;
		}
		return levels;
	}

	private sameText(code: number, text: string, start: number, end: number): boolean {
		const from = this.offsets[code];
		if (this.offsets[code + 1] - from !== end - start) return false;
		const chars = this.chars;
		for (let i = start, k = from; i < end; i++, k++)
			if (chars[k] !== text.charCodeAt(i)) return false;
		return true;
	}

	private store(code: number, text: string, start: number, end: number): void {
		const from = this.offsets[code];
		const to = from + end - start;
		if (to > this.chars.length) this.chars = grown(this.chars, Math.max(to, this.chars.length * 2));
		const chars = this.chars;
		for (let i = start, k = from; i < end; i++, k++) chars[k] = text.charCodeAt(i);
		this.offsets[code + 1] = to;
	}

	private rehash(): void {
		const slots = new Int32Array(this.slots.length * 2).fill(-1);
		const mask = slots.length - 1;
		for (let code = 0; code < this.count; code++) {
			let slot = this.hashes[code] & mask;
			while (slots[slot] >= 0) slot = (slot + 1) & mask;
			slots[slot] = code;
		}
		this.slots = slots;
	}
}

function grown<A extends Int32Array | Uint16Array>(array: A, length: number): A {
	const next = new (array.constructor as new (length: number) => A)(length);
	next.set(array);
	return next;
}
