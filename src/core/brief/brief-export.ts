import { assertNever } from '../util/assert-never';
import type { Brief } from './brief';
import { briefDocument, type BriefBlock, type BriefContext } from './brief-document';

/** Returns text as one line of a Markdown table cell: pipes and backslashes escaped. */
function markdownCell(text: string): string {
	return oneLine(text).replace(/[\\|]/g, (c) => `\\${c}`);
}

/** Returns text on one line, so that it cannot end a list item or a table row. */
function oneLine(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function markdownBlock(block: BriefBlock): string {
	switch (block.kind) {
		case 'text':
			return block.text.trim();
		case 'missing':
			return `_${block.text}_`;
		case 'list':
			return block.items.map((item) => `- ${oneLine(item)}`).join('\n');
		case 'table': {
			const row = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
			const rule = `|${block.header.map(() => ' --- |').join('')}`;
			return [row(block.header), rule, ...block.rows.map(row)].join('\n');
		}
		default:
			return assertNever(block, 'brief block');
	}
}

/** Returns the one-page brief as Markdown; table cells keep the user's pipes from breaking rows. */
export function briefMarkdown(brief: Brief, context: BriefContext): string {
	const doc = briefDocument(brief, context);
	const parts = [`# ${doc.title}`, oneLine(doc.meta)];
	if (doc.unfinished) parts.push(`> **${doc.unfinished}**`);
	for (const section of doc.sections)
		parts.push(`## ${section.title}`, ...section.blocks.map(markdownBlock));
	return `${parts.join('\n\n')}\n`;
}

/** Returns text with the characters that HTML gives meaning to escaped. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function htmlBlock(block: BriefBlock): string {
	switch (block.kind) {
		case 'text':
			return `<p class="words">${escapeHtml(block.text.trim())}</p>`;
		case 'missing':
			return `<p class="missing">${escapeHtml(block.text)}</p>`;
		case 'list':
			return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
		case 'table': {
			const cells = (tag: string, row: string[]) =>
				`<tr>${row.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
			const body = block.rows.map((row) => cells('td', row)).join('');
			return `<table><thead>${cells('th', block.header)}</thead><tbody>${body}</tbody></table>`;
		}
		default:
			return assertNever(block, 'brief block');
	}
}

// Fits one A4 page at 10pt; sections are not split across pages when they can be kept whole.
const PAGE_CSS = `
body { font: 11pt/1.4 system-ui, sans-serif; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0; }
h2 { font-size: 1.05rem; margin: 1rem 0 0.3rem; border-bottom: 1px solid #ccc; }
.meta { color: #555; margin: 0.2rem 0 0.8rem; }
.unfinished { border: 2px solid #b45309; padding: 0.4rem 0.6rem; font-weight: 600; }
.words { white-space: pre-wrap; margin: 0.3rem 0; }
.missing { font-style: italic; color: #555; margin: 0.3rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
ul { margin: 0.3rem 0; padding-left: 1.2rem; }
@media print {
	@page { size: A4; margin: 14mm; }
	body { font-size: 10pt; max-width: none; margin: 0; padding: 0; }
	section { break-inside: avoid; }
	.unfinished { border-color: #000; }
}`;

/**
 * Returns the one-page brief as a standalone printable HTML page: inline CSS with print rules,
 * no scripts and no external requests (its own CSP forbids both), all user text escaped.
 */
export function briefHtml(brief: Brief, context: BriefContext): string {
	const doc = briefDocument(brief, context);
	const sections = doc.sections
		.map(
			(s) => `<section><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(htmlBlock).join('')}</section>`
		)
		.join('\n');
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`${doc.title}: ${context.datasetName ?? 'no dataset'}`)}</title>
<style>${PAGE_CSS}
</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${escapeHtml(doc.meta)}</p>
${doc.unfinished ? `<p class="unfinished">${escapeHtml(doc.unfinished)}</p>\n` : ''}${sections}
</body>
</html>
`;
}
