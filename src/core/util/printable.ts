// A document as data (titled sections of blocks), rendered as Markdown and as a standalone
// printable HTML page: the one renderer behind the brief, the evaluation report and the model card.
import { assertNever } from './assert-never';

/** A piece of a section: words, an aside, a list, a table, a subheading, or a flagged box. */
export type DocBlock =
	| { kind: 'text'; text: string }
	| { kind: 'note'; text: string }
	| { kind: 'list'; items: string[] }
	| { kind: 'table'; header: string[]; rows: string[][] }
	| { kind: 'heading'; text: string }
	| { kind: 'flag'; title: string; items: string[]; text: string };

/** One titled part of a document. */
export interface DocSection {
	title: string;
	blocks: DocBlock[];
}

/** A document: a title, lines under it, an optional warning banner, and its sections. */
export interface PrintableDocument {
	title: string;
	meta: string[];
	/** A line that must stand out above everything (an unfinished brief). */
	banner?: string | null;
	sections: DocSection[];
}

/** Returns text with the characters that HTML gives meaning to escaped. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Returns text on one line, so that it cannot end a list item, a heading or a table row. */
function oneLine(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Returns text as one Markdown table cell: pipes and backslashes escaped. */
function markdownCell(text: string): string {
	return oneLine(text).replace(/[\\|]/g, (c) => `\\${c}`);
}

/** Returns a block as Markdown; sections' headings are level 2, so a subheading is level 3. */
export function markdownBlock(block: DocBlock): string {
	switch (block.kind) {
		case 'text':
			return block.text.trim();
		case 'note':
			return `_${oneLine(block.text)}_`;
		case 'list':
			return block.items.map((item) => `- ${oneLine(item)}`).join('\n');
		case 'table': {
			const row = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
			const rule = `|${block.header.map(() => '---|').join('')}`;
			return [row(block.header), rule, ...block.rows.map(row)].join('\n');
		}
		case 'heading':
			return `### ${oneLine(block.text)}`;
		case 'flag': {
			const items = block.items.map((item) => `> - ${oneLine(item)}`);
			const title = `> **⚠ ${oneLine(block.title)}**`;
			return [title, '>', ...items, '>', `> ${oneLine(block.text)}`].join('\n');
		}
		default:
			return assertNever(block, 'document block');
	}
}

/** Returns sections as Markdown, each a level-2 heading and its blocks, blank lines between. */
export function markdownSections(sections: readonly DocSection[]): string {
	return sections
		.map((s) => [`## ${oneLine(s.title)}`, ...s.blocks.map(markdownBlock)].join('\n\n'))
		.join('\n\n');
}

/** Returns a document as Markdown. */
export function toMarkdown(doc: PrintableDocument): string {
	const head = [`# ${oneLine(doc.title)}`, doc.meta.map(oneLine).join('  \n')];
	if (doc.banner) head.push(`> **${oneLine(doc.banner)}**`);
	return `${[...head, markdownSections(doc.sections)].join('\n\n')}\n`;
}

function htmlBlock(block: DocBlock): string {
	switch (block.kind) {
		case 'text':
			return `<p class="words">${escapeHtml(block.text.trim())}</p>`;
		case 'note':
			return `<p class="note">${escapeHtml(block.text)}</p>`;
		case 'list':
			return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
		case 'table': {
			const cells = (tag: string, row: string[]) =>
				`<tr>${row.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
			const body = block.rows.map((row) => cells('td', row)).join('');
			return `<table><thead>${cells('th', block.header)}</thead><tbody>${body}</tbody></table>`;
		}
		case 'heading':
			return `<h3>${escapeHtml(block.text)}</h3>`;
		case 'flag': {
			const list = htmlBlock({ kind: 'list', items: block.items });
			return `<div class="flag" role="note"><p class="flag-title">${escapeHtml(block.title)}</p>${list}<p>${escapeHtml(block.text)}</p></div>`;
		}
		default:
			return assertNever(block, 'document block');
	}
}

// Printable on A4; a section, table or flag is not split across pages when it can be kept whole.
const PAGE_CSS = `
body { font: 11pt/1.4 system-ui, sans-serif; color: #111; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 0.3rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; margin: 0.8rem 0 0.2rem; }
.meta { color: #555; margin: 0.2rem 0 0.8rem; }
.banner { border: 2px solid #b45309; padding: 0.4rem 0.6rem; font-weight: 600; }
.words { white-space: pre-wrap; margin: 0.3rem 0; }
.note { font-style: italic; color: #555; margin: 0.3rem 0; }
.flag { border: 2px solid #b45309; background: #fff7ed; padding: 0.4rem 0.6rem; margin: 0.4rem 0; }
.flag-title { font-weight: 700; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.3rem 0; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
ul { margin: 0.3rem 0; padding-left: 1.2rem; }
@media print {
	@page { size: A4; margin: 14mm; }
	body { font-size: 10pt; max-width: none; margin: 0; padding: 0; }
	h2 { break-after: avoid; }
	section, table, .flag { break-inside: avoid; }
	.flag, .banner { background: none; border-color: #000; }
}`;

/**
 * Returns a document as a standalone printable HTML page: inline CSS with print rules, no scripts
 * and no external requests (its own CSP forbids both), all text escaped. `pageTitle` names the
 * browser tab (the document's title by default).
 */
export function toHtml(doc: PrintableDocument, pageTitle = doc.title): string {
	const sections = doc.sections
		.map(
			(s) => `<section><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(htmlBlock).join('')}</section>`
		)
		.join('\n');
	const banner = doc.banner ? `<p class="banner">${escapeHtml(doc.banner)}</p>\n` : '';
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(pageTitle)}</title>
<style>${PAGE_CSS}
</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${doc.meta.map(escapeHtml).join('<br>')}</p>
${banner}${sections}
</body>
</html>
`;
}
