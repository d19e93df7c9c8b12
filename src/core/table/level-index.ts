// V8 keeps a slice of 13 or more characters as a view of its parent string: a level kept from a
// chunk would keep the whole chunk alive. Levels that long are copied (see `detach`).
const SLICE_MIN_LENGTH = 13;
const INITIAL_SLOTS = 64;

/** Copies a string so that it no longer refers to the chunk it was sliced from. */
function detach(text: string): string {
	return text.length < SLICE_MIN_LENGTH ? text : (' ' + text).slice(1);
}

/** FNV-1a over the UTF-16 code units of `text[start, end)`. */
function hashRange(text: string, start: number, end: number): number {
	let h = 0x811c9dc5;
	for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h | 0;
}

/**
 * The distinct texts of a column, each with its code, looked up by a range of the text being
 * read: a text seen before is found without slicing a new string out of the chunk (a `Map` needs
 * the string, then hashes it again). An open-addressing table of codes, keyed by FNV-1a.
 */
export class LevelIndex {
	readonly levels: string[] = [];
	private readonly hashes: number[] = [];
	private slots = new Int32Array(INITIAL_SLOTS).fill(-1);

	/** Returns the code of `text[start, end)`, adding it as a new level the first time. */
	codeOf(text: string, start: number, end: number): number {
		const hash = hashRange(text, start, end);
		const mask = this.slots.length - 1;
		let slot = hash & mask;
		for (;;) {
			const code = this.slots[slot];
			if (code < 0) break;
			if (this.hashes[code] === hash && sameText(this.levels[code], text, start, end)) return code;
			slot = (slot + 1) & mask;
		}
		const code = this.levels.length;
		this.levels.push(detach(start === 0 && end === text.length ? text : text.slice(start, end)));
		this.hashes.push(hash);
		this.slots[slot] = code;
		if (this.levels.length * 2 > this.slots.length) this.rehash();
		return code;
	}

	private rehash(): void {
		const slots = new Int32Array(this.slots.length * 2).fill(-1);
		const mask = slots.length - 1;
		this.hashes.forEach((hash, code) => {
			let slot = hash & mask;
			while (slots[slot] >= 0) slot = (slot + 1) & mask;
			slots[slot] = code;
		});
		this.slots = slots;
	}
}

function sameText(level: string, text: string, start: number, end: number): boolean {
	if (level.length !== end - start) return false;
	for (let i = 0; i < level.length; i++)
		if (level.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
	return true;
}
