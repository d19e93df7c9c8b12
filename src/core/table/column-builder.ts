import type { RecordView } from './csv-tokenizer';
import { LevelIndex } from './level-index';
import { readNumber, readNumberAt } from './parse-cell';
import { NUMBER_CELL, type RawColumn } from './table';

const INITIAL_ROWS = 1024;
const GROWTH = 1.5;
const KEEP_SHARE = 0.9;

/**
 * Collects one column's cells while a file is read: a cell that reads as a number is stored as a
 * double, any other cell as a code into a dictionary of the distinct texts (see `RawColumn`).
 */
export class RawColumnBuilder {
	private readonly index = new LevelIndex();
	private codes = new Int32Array(INITIAL_ROWS);
	private numbers: Float64Array | null = null;
	private length = 0;

	constructor(private readonly decimalComma: boolean) {}

	/** Adds field `i` of a record: a number read straight from the text, or the field's text. */
	pushField(view: RecordView, i: number): void {
		const start = view.starts[i];
		const end = view.ends[i];
		if (view.escaped[i]) {
			// A field with a quote in it is not a number.
			if (this.length === this.codes.length) this.grow();
			this.codes[this.length++] = this.index.codeOf(view.buf, start, end, view.quote.charCodeAt(0));
			return;
		}
		const value = readNumberAt(view.buf, start, end, this.decimalComma);
		if (value === value) this.pushNumber(value);
		else this.pushText(view.buf, start, end);
	}

	/** Adds a cell's text. */
	push(text: string): void {
		const value = readNumber(text, this.decimalComma);
		if (value === value) this.pushNumber(value);
		else this.pushText(text, 0, text.length);
	}

	private pushNumber(value: number): void {
		if (this.length === this.codes.length) this.grow();
		if (this.numbers === null) this.numbers = new Float64Array(this.codes.length);
		this.numbers[this.length] = value;
		this.codes[this.length++] = NUMBER_CELL;
	}

	private pushText(text: string, start: number, end: number): void {
		if (this.length === this.codes.length) this.grow();
		this.codes[this.length++] = this.index.codeOf(text, start, end);
	}

	/**
	 * Adds the cells of a column read from a later part of the same file: its levels are looked
	 * up (or added) here, in the order the part first wrote them, so the codes are those a single
	 * pass would have given.
	 */
	append(part: RawColumn): void {
		const { codes, levels, numbers } = part;
		const map = Int32Array.from(levels, (level) => this.index.codeOf(level, 0, level.length));
		this.reserve(this.length + codes.length);
		if (numbers && this.numbers === null) this.numbers = new Float64Array(this.codes.length);
		const at = this.length;
		for (let i = 0; i < codes.length; i++) {
			const code = codes[i];
			if (code === NUMBER_CELL) {
				this.numbers![at + i] = numbers![i];
				this.codes[at + i] = NUMBER_CELL;
			} else this.codes[at + i] = map[code];
		}
		this.length += codes.length;
	}

	private grow(): void {
		this.reserve(Math.ceil(this.codes.length * GROWTH));
	}

	/** Makes room for `rows` cells in all (ingest calls it with its estimate of the row count). */
	reserve(rows: number): void {
		if (rows <= this.codes.length) return;
		const codes = new Int32Array(rows);
		codes.set(this.codes.subarray(0, this.length));
		this.codes = codes;
		if (this.numbers) {
			const numbers = new Float64Array(rows);
			numbers.set(this.numbers.subarray(0, this.length));
			this.numbers = numbers;
		}
	}

	/**
	 * Returns the column; the builder must not be used afterwards. Arrays nearly full are handed
	 * over as views (no copy, so no second copy of the table in memory at the end of a read).
	 */
	finish(name: string): RawColumn {
		const fit = <A extends Int32Array | Float64Array>(array: A): A =>
			(this.length >= array.length * KEEP_SHARE
				? array.subarray(0, this.length)
				: array.slice(0, this.length)) as A;
		return {
			name,
			codes: fit(this.codes),
			levels: this.index.levels(),
			numbers: this.numbers ? fit(this.numbers) : null
		};
	}
}
