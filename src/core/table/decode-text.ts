import { CoreError } from '../util/core-error';

/** The text encodings the app reads. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

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

/**
 * Returns the text of a file's bytes: UTF-16 when it has a UTF-16 BOM, UTF-8 when the bytes are
 * valid UTF-8, Windows-1252 otherwise. Throws `empty-file` or `binary-file` with a specific message.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	if (bytes.length === 0) throw new CoreError('empty-file', 'The file is empty (0 bytes).');
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return decodeWith('utf-16le', bytes.subarray(2), true);
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return decodeWith('utf-16be', bytes.subarray(2), true);
	rejectBinary(bytes);
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = bom ? bytes.subarray(3) : bytes;
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
	} catch {
		return decodeWith('windows-1252', body, bom);
	}
}

function decodeWith(encoding: TextEncoding, bytes: Uint8Array, bom: boolean): DecodedText {
	let text = new TextDecoder(encoding).decode(bytes);
	// Node >= 20.18.3 decodes windows-1252 as Latin-1 (nodejs/node#60888); map 0x80-0x9F ourselves
	// so the bundle (Node) reads a file exactly as the app (browser) does.
	if (encoding === 'windows-1252') {
		text = text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]);
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
