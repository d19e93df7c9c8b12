const INITIAL_LEVELS = 64;
const INITIAL_CHARS = 1024;
// Levels are turned back into strings this many characters at a time (an argument list).
const STRING_BATCH = 1 << 13;

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
	// One byte a character while every character is below 256 (most files), two after that.
	private chars: Uint8Array | Uint16Array = new Uint8Array(INITIAL_CHARS);
	/** Level `k`'s characters are `chars[offsets[k], offsets[k + 1])`. */
	private offsets = new Int32Array(INITIAL_LEVELS + 1);

	/**
	 * Returns the code of `text[start, end)`, adding it as a new level the first time. With a
	 * `quote` character code, the range is a quoted field's inside: a doubled quote is one quote.
	 */
	codeOf(text: string, start: number, end: number, quote = -1): number {
		// FNV-1a over the UTF-16 code units, and the length, of the text the range writes.
		let hash = 0x811c9dc5;
		let length = 0;
		for (let i = start; i < end; i++, length++) {
			const c = text.charCodeAt(i);
			if (c === quote) i++;
			hash = Math.imul(hash ^ c, 0x01000193);
		}
		hash |= 0;
		const mask = this.slots.length - 1;
		let slot = hash & mask;
		for (;;) {
			const code = this.slots[slot];
			if (code < 0) break;
			if (this.hashes[code] === hash && this.sameText(code, text, start, end, length, quote))
				return code;
			slot = (slot + 1) & mask;
		}
		const code = this.count++;
		if (this.count === this.hashes.length) {
			this.hashes = grown(this.hashes, this.count * 2);
			this.offsets = grown(this.offsets, this.count * 2 + 1);
		}
		this.hashes[code] = hash;
		this.store(code, text, start, end, length, quote);
		this.slots[slot] = code;
		if (this.count * 2 > this.slots.length) this.rehash();
		return code;
	}

	/** The distinct texts, by code. */
	levels(): string[] {
		const { chars, offsets } = this;
		const levels: string[] = new Array(this.count);
		// One string per batch of levels, then slices: a string per level costs more than its text.
		for (let first = 0; first < this.count;) {
			let last = first + 1;
			while (last < this.count && offsets[last + 1] - offsets[first] <= STRING_BATCH) last++;
			const batch = textOf(chars, offsets[first], offsets[last]);
			for (let k = first; k < last; k++)
				levels[k] = batch.slice(offsets[k] - offsets[first], offsets[k + 1] - offsets[first]);
			first = last;
		}
		return levels;
	}

	private sameText(
		code: number,
		text: string,
		start: number,
		end: number,
		length: number,
		quote: number
	): boolean {
		const from = this.offsets[code];
		if (this.offsets[code + 1] - from !== length) return false;
		const chars = this.chars;
		for (let i = start, k = from; i < end; i++, k++) {
			const c = text.charCodeAt(i);
			if (chars[k] !== c) return false;
			if (c === quote) i++;
		}
		return true;
	}

	private store(
		code: number,
		text: string,
		start: number,
		end: number,
		length: number,
		quote: number
	): void {
		const from = this.offsets[code];
		const to = from + length;
		if (to > this.chars.length) this.chars = grown(this.chars, Math.max(to, this.chars.length * 2));
		let chars = this.chars;
		for (let i = start, k = from; i < end; i++, k++) {
			const c = text.charCodeAt(i);
			if (c > 255 && chars instanceof Uint8Array) chars = this.chars = Uint16Array.from(chars);
			chars[k] = c;
			if (c === quote) i++;
		}
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

function grown<A extends Int32Array | Uint16Array | Uint8Array>(array: A, length: number): A {
	const next = new (array.constructor as new (length: number) => A)(length);
	next.set(array);
	return next;
}

/** The code units `chars[start, end)` as a string, exactly (a decoder would mend lone surrogates). */
function textOf(chars: Uint8Array | Uint16Array, start: number, end: number): string {
	let text = '';
	for (let at = start; at < end; at += STRING_BATCH)
		text += String.fromCharCode.apply(
			null,
			chars.subarray(at, Math.min(end, at + STRING_BATCH)) as unknown as number[]
		);
	return text;
}
