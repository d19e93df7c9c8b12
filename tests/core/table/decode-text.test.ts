import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/table/decode-text';
import { expectCoreError } from '../helpers';

const utf8 = (text: string) => Array.from(new TextEncoder().encode(text));

describe('decodeText', () => {
	it('reads UTF-8, with and without a BOM (the BOM is not part of the text)', () => {
		expect(decodeText(Uint8Array.from(utf8('a,é\n')))).toEqual({
			text: 'a,é\n',
			encoding: 'utf-8',
			bom: false
		});
		const withBom = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('a,b\n')]));
		expect(withBom).toEqual({ text: 'a,b\n', encoding: 'utf-8', bom: true });
	});

	it('reads UTF-16 little- and big-endian by their BOM', () => {
		const units = Array.from('a,é\n', (c) => c.charCodeAt(0));
		const le = Uint8Array.from([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]);
		const be = Uint8Array.from([0xfe, 0xff, ...units.flatMap((u) => [u >> 8, u & 0xff])]);
		expect(decodeText(le)).toEqual({ text: 'a,é\n', encoding: 'utf-16le', bom: true });
		expect(decodeText(be)).toEqual({ text: 'a,é\n', encoding: 'utf-16be', bom: true });
	});

	it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
		// 0xe9 is é and 0x80 is € in Windows-1252; neither is valid UTF-8 on its own.
		const bytes = Uint8Array.from([...utf8('caf'), 0xe9, 0x2c, 0x80, 0x0a]);
		expect(decodeText(bytes)).toEqual({ text: 'café,€\n', encoding: 'windows-1252', bom: false });
	});

	it('maps every Windows-1252 byte from 0x80 to 0x9F as browsers do (WHATWG)', () => {
		const bytes = Uint8Array.from([0xe9, ...Array.from({ length: 32 }, (_, i) => 0x80 + i)]);
		const expected = 'é€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
		expect(decodeText(bytes).text).toBe(expected);
	});

	it('rejects an empty file, a NUL byte (naming its position) and a zip archive', async () => {
		await expectCoreError(() => decodeText(new Uint8Array(0)), 'empty-file');
		await expectCoreError(
			() => decodeText(Uint8Array.from([...utf8('a,b'), 0, 0x31])),
			'binary-file',
			/byte 4 is a NUL/
		);
		await expectCoreError(
			() => decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...utf8('xl/workbook.xml')])),
			'binary-file',
			/zip archive/
		);
	});
});
