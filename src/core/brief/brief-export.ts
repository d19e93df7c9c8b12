import { toHtml, toMarkdown } from '../util/printable';
import type { Brief } from './brief';
import { briefDocument, type BriefContext } from './brief-document';

/** Returns the one-page brief as Markdown; table cells keep the user's pipes from breaking rows. */
export function briefMarkdown(brief: Brief, context: BriefContext): string {
	return toMarkdown(briefDocument(brief, context));
}

/**
 * Returns the one-page brief as a standalone printable HTML page: inline CSS with print rules,
 * no scripts and no external requests (its own CSP forbids both), all user text escaped.
 */
export function briefHtml(brief: Brief, context: BriefContext): string {
	const doc = briefDocument(brief, context);
	return toHtml(doc, `${doc.title}: ${context.datasetName ?? 'no dataset'}`);
}
