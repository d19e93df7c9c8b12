import { CoreError } from '../util/core-error';

/** The text encodings the app reads. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const TEXT_ENCODINGS: readonly TextEncoding[] = [
	'utf-8',
	'utf-16le',
	'utf-16be',
	'windows-1252'
];

/** How a file's bytes are text: the encoding, and the byte-order mark to skip. */
export interface Encoding {
	encoding: TextEncoding;
	bom: boolean;
	/** Bytes of the byte-order mark at the start of the file (0 without one). */
	bomBytes: number;
}

export interface DecodedText {
	text: string;
	encoding: TextEncoding;
	bom: boolean;
}

const SNIFF_BYTES = 65536;
// Windows-1252 bytes 0x80-0x9F (WHATWG index); the five undefined bytes keep their C1 code point.
const WINDOWS_1252_C1 =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1_PATTERN = /[\u0080-\u009f]/g;

/**
 * Returns the encoding of a file from its first bytes (any length; the whole file when short):
 * UTF-16 when it starts with a UTF-16 BOM, UTF-8 when these bytes are valid UTF-8 (a character cut
 * off at the end is fine), Windows-1252 otherwise. A later invalid UTF-8 byte is found while
 * decoding (`createDecoder` throws `not-utf-8`). Throws `empty-file` or `binary-file`.
 */
export function sniffEncoding(head: Uint8Array): Encoding {
	if (head.length === 0) throw new CoreError('empty-file', 'The file is empty (0 bytes).');
	if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true, bomBytes: 2 };
	if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true, bomBytes: 2 };
	rejectBinary(head);
	const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
	const bomBytes = bom ? 3 : 0;
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(bomBytes), { stream: true });
		return { encoding: 'utf-8', bom, bomBytes };
	} catch {
		return { encoding: 'windows-1252', bom, bomBytes };
	}
}

/** The byte-order mark length of an encoding chosen by the user, given the file's first bytes. */
export function bomBytesFor(encoding: TextEncoding, head: Uint8Array): number {
	if (encoding === 'utf-16le') return head[0] === 0xff && head[1] === 0xfe ? 2 : 0;
	if (encoding === 'utf-16be') return head[0] === 0xfe && head[1] === 0xff ? 2 : 0;
	return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
}

/**
 * Returns a streaming decoder: call it with each chunk of bytes in order (after the BOM), and with
 * `final` on the last. UTF-8 is decoded strictly: an invalid byte throws `not-utf-8` with its
 * offset in the chunk, so the caller can re-read the file as Windows-1252.
 */
export function createDecoder(
	encoding: TextEncoding
): (bytes: Uint8Array, final: boolean) => string {
	const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
	return (bytes, final) => {
		let text: string;
		try {
			text = decoder.decode(bytes, { stream: !final });
		} catch {
			throw new CoreError('not-utf-8', 'The bytes are not valid UTF-8.');
		}
		// Node >= 20.18.3 decodes windows-1252 as Latin-1 (nodejs/node#60888); map 0x80-0x9F ourselves
		// so the bundle (Node) reads a file exactly as the app (browser) does.
		if (encoding === 'windows-1252')
			text = text.replace(C1_PATTERN, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]);
		return text;
	};
}

/** Returns the text of a whole file's bytes, in the encoding `sniffEncoding` finds. */
export function decodeText(bytes: Uint8Array): DecodedText {
	const sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES));
	const { bom, bomBytes } = sniffed;
	let { encoding } = sniffed;
	let text: string;
	try {
		text = createDecoder(encoding)(bytes.subarray(bomBytes), true);
	} catch {
		encoding = 'windows-1252';
		text = createDecoder(encoding)(bytes.subarray(bomBytes), true);
	}
	return { text, encoding, bom };
}

function rejectBinary(bytes: Uint8Array): void {
	const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	if (isZip) {
		throw new CoreError(
			'binary-file',
			'This is a zip archive, not a CSV file (an Excel .xlsx workbook is one). Save the sheet as CSV and load that.'
		);
	}
	const end = Math.min(bytes.length, SNIFF_BYTES);
	for (let i = 0; i < end; i++) {
		if (bytes[i] === 0) {
			throw new CoreError(
				'binary-file',
				`This looks like a binary file, not CSV text: byte ${i + 1} is a NUL character. Load a comma-, semicolon- or tab-separated text file.`
			);
		}
	}
}
