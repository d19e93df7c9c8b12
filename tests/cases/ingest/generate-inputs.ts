// Writes the `input.csv` of every ingest case, so that bytes an editor would change (a BOM, CR,
// CRLF, tabs, UTF-16, Windows-1252, a missing final newline) are spelled out here. The generated
// files are committed; `expected.json` is written by hand. Run: `npx tsx tests/cases/ingest/generate-inputs.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** UTF-16 code units of `text`, with a BOM, in the given byte order. */
function utf16(text: string, littleEndian: boolean): Uint8Array {
	const units = `\ufeff${text}`;
	const bytes = new Uint8Array(units.length * 2);
	const view = new DataView(bytes.buffer);
	for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
	return bytes;
}

/** ASCII text with `\xNN` escapes kept as single bytes (for Windows-1252 files). */
function bytesOf(text: string): Uint8Array {
	return Uint8Array.from(text, (c) => {
		const code = c.charCodeAt(0);
		if (code > 0xff) throw new Error(`not a byte: ${c}`);
		return code;
	});
}

const UNICODE_ROWS = 'name,city,n\r\nJosé,Zürich,1\r\n日本,東京,2\r\n😀,"a,b",3\r\n';

/** A file of 2000 ASCII rows (past the 64 KiB read to detect the encoding), then `é` as 0xE9. */
function lateWindows1252(): Uint8Array {
	const rows = ['id,name,score'];
	for (let i = 1; i <= 2000; i++) rows.push(`${i},row number ${i} padded text,${i % 7}`);
	rows.push('2001,Caf\xe9 cr\xe8me,3');
	return bytesOf(`${rows.join('\n')}\n`);
}

const INPUTS: Record<string, string | Uint8Array> = {
	// RFC 4180 structure
	'quoted-delimiters': 'name,city,code\n"Smith, Jo","Paris, FR","42"\n"Lee, Al",Rome,"007"\n',
	'doubled-quotes': 'id,quote\n1,"He said ""hi"""\n2,""""\n3,""\n4,"a""b""c"\n',
	'quoted-newline-lf': 'id,note\n1,"line one\nline two"\n2,plain\n3,"a\n\nb"\n',
	'quoted-newline-crlf': 'id,note\r\n1,"first\r\nsecond"\r\n2,"x\ny"\r\n3,z\r\n',
	'crlf-inside-quotes-lf-outside': 'id,note\n1,"caf\u00e9\r\nbar"\n2,"\r\n"\n3,end\n',
	'line-endings-crlf': 'name,qty,sym\r\nJosé,1,€\r\nZoë,2,"€, ¢"\r\n日本,3,😀\r\n\r\nÅsa,4,𝄞\r\n',
	'line-endings-cr': 'a,b\r1,x\r2,y\r3,x\r',
	'line-endings-lf-no-final-newline': 'a,b\n1,2\n3,4',
	'no-final-newline-quoted': 'a,b\r\n1,"x"\r\n2,"y, z"',
	'trailing-delimiter': 'a,b,\n1,x,\n2,y,\n3,x,',
	'empty-fields': 'a,b,c\n1,,x\n,2,\n,,\n4,5,y\n',
	'utf8-bom': '\ufeffid,name\n1,Ann\n2,Bob\n3,Ann\n',
	'blank-lines': '\na,b\n\n1,x\n   \n2,y\n\n\n',
	'header-only': 'a,b,c\n',
	'header-only-after-blank-lines': '\n\nx,y\n\n',
	'empty-file': '',
	'whitespace-only': '\r\n \r\n\t\r\n',
	'unterminated-quote': 'id,note\n1,ok\n2,"never closed\n3,x\n4,y\n',
	'unterminated-quote-after-multiline': 'id,note\n1,"two\nlines"\n2,"open\n',
	'text-after-closing-quote': 'id,note\n1,ok\n2,"quoted"tail\n',
	'text-after-closing-quote-multiline': 'id,note\n1,"a\nb"c\n',
	'ragged-rows': 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n\n13,14,15\n',
	'cr-quoted-ragged': 'a,b\r1,"x\ry"\r2,z,extra\r3,w\r',
	'only-ragged-rows': 'a,b\n1,2,3\n4\n',
	'bom-only': '\ufeff\r\n',
	'unterminated-quote-crlf': 'id,note\r\n1,"a\r\nb"\r\n2,"c\r\n3,d\r\n',
	'ragged-after-multiline': 'id,note,n\n1,"x\ny",2\n3,z\n4,"p\r\nq",5\n6,w,7,8\n9,"é",10\n',
	'one-column': 'value\n1\n2\n3\n',
	'binary-file': 'a,b\n1,\u0000\n',
	// Dialects
	'semicolon-decimal-comma':
		'product;price;qty;note\nApfel;1,5;3;rot, süß\nBirne;22,75;4;grün\nKiwi;-0,5;10;\nMango;1000,0;2;gelb\n',
	'semicolon-commas-in-text':
		'name;age;fare\r\nBraund, Mr. Owen;22;7,25\r\nCumings, Mrs. John;38;71,2833\r\nHeikkinen, Miss. Laina;26;7,925\r\n',
	'tab-delimited': 'name\tage\tcity\nAnn Lee\t30\tSan José\nBob\t\tRome\nCy, Jr\t41\tOslo\n',
	'pipe-delimited': 'id|label|score\n1|a, b|0.5\n2|c;d|1.25\n3|e|2\n',
	'utf16le-bom': utf16(UNICODE_ROWS, true),
	'utf16be-bom': utf16(UNICODE_ROWS, false),
	'windows-1252': bytesOf(
		'name,price,quote\r\nCaf\xe9,\x80 5,\x93hi\x94\r\nCr\xe8me br\xfbl\xe9e,\x80 7,\x91ok\x92\r\nNa\xefve,\x80 5,\x84low\x93\r\n'
	),
	'windows-1252-late': lateWindows1252(),
	'no-header-numeric': '1,2.5,3\n4,5.5,6\n7,8.5,9\n',
	'skip-initial-space':
		'name, age, city, note\nAnn, 30, Paris, "x, y"\nBob, 25, Rome, plain\nCy, , Oslo, "z"\n',
	// Type inference
	'leading-zero-codes': 'zip,pop\n00601,10\n00602,20\n00601,30\n00603,15\n00602,25\n00601,5\n',
	'big-integers':
		'account,balance,small\n12345678901234567,1.5,1000000000000000\n9007199254740993,2,999999999999999\n9007199254740992,3,-1000000000000000\n-12345678901234567890,4,123\n',
	'number-precision':
		'x,y\n0.1,a\n0.30000000000000004,b\n1e-7,a\n2.5E+3,b\n-0,a\n123456789012345.6,b\n9007199254740993.5,a\n1.7976931348623157e308,b\n5e-324,a\n.5,b\n5.,a\n+7,b\n3.141592653589793238462,a\n0.000001,b\n 42 ,a\n',
	booleans:
		't,y,s,mixed,bits\ntrue,yes,Y,yes,1\nFalse,no,n,f,0\nTRUE,Yes,y,yes,1\nfalse,NO,N,f,0\nNA,yes,y,yes,1\n',
	'dates-iso-offsets':
		'when,v\n2019-07-02T10:00:00+02:00,1\n2019-07-02T10:00:00-03:00,2\n2019-07-02T10:00:00Z,3\n2019-07-02 08:30:15.250+05:30,4\n2019-07-02T10:00:00+0545,5\n2019-07-03,6\n',
	'dates-day-first': 'd,v\n02/07/2019,1\n25/12/2019,2\n01/03/2020,3\n13/01/2020,4\n',
	'dates-month-first': 'd,v\n02/07/2019,1\n12/25/2019,2\n',
	'dates-ambiguous': 'd,v\n02/07/2019,1\n03/08/2019,2\n11/12/2020,3\n',
	'dates-same-day-month': 'd,v\n05/05/2019,1\n12/25/2019,2\n02/07/2019,3\n',
	'id-like':
		'user_id,n,score,group,code\nU001,1,3.5,a,X1\nU002,2,3.5,b,X2\nU003,3,4,a,\nU004,4,2,b,X4\n',
	'missing-tokens': 'a,b,c\n1,NA,x\nN/A,2,y\nnull,?,x\n-,3,y\n,4,x\n 5 , ,y\nNaN,None,x\n6,n/a,y\n',
	'missing-tokens-custom': 'a,b\n1,x\n-999,unknown\n3,NA\n-999,x\n',
	'hostile-headers':
		'__proto__,constructor,toString,,dup,dup,<img src=x onerror=alert(1)>,valueOf,x,x_2,x\n1,a,x,p,1,2,<b>,v,7,8,9\n2,b,y,q,3,4,<i>,w,10,11,12\n'
};

for (const [name, content] of Object.entries(INPUTS)) {
	const path = join(HERE, name, 'input.csv');
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
}
