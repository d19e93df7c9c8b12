import { metricWarning } from '../../../core/brief/brief';
import { kpiGuidance, type KpiBaseline } from '../../../core/brief/brief-guidance';
import type { BriefContext } from '../../../core/brief/brief-document';
import { briefHtml, briefMarkdown } from '../../../core/brief/brief-export';
import { download } from '../../download';
import type { Session } from '../../session.svelte';

/** Returns a date as the brief shows it: the user's local day, year first. */
function localDay(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Offers the brief as a Markdown file and as a printable page. */
export class BriefExporter {
	readonly session: Session;
	private readonly baseline: () => KpiBaseline | null;
	/** The page the print frame shows; `id` changes on every request so a repeat prints again. */
	printing = $state.raw<{ html: string; id: number } | null>(null);

	constructor(session: Session, baseline: () => KpiBaseline | null) {
		this.session = session;
		this.baseline = baseline;
	}

	/** Returns what the exported brief says beyond the brief itself: dataset, day and guidance. */
	context(): BriefContext {
		const { brief, dataset } = this.session.project;
		const warning = metricWarning(brief, this.session.target);
		return {
			datasetName: dataset?.fileName ?? null,
			date: localDay(this.session.deps.now()),
			notes: [...(warning ? [warning] : []), ...kpiGuidance(brief, this.baseline())]
		};
	}

	downloadMarkdown(): void {
		const stem = (this.session.project.dataset?.fileName ?? 'project').replace(/\.[^.]*$/, '');
		const name = `${stem.replace(/[^\w.-]+/g, '-') || 'project'}-brief.md`;
		download(name, briefMarkdown(this.session.project.brief, this.context()), 'text/markdown');
	}

	/** Loads the printable page into the print frame, which prints it once loaded. */
	print(): void {
		const html = briefHtml(this.session.project.brief, this.context());
		this.printing = { html, id: (this.printing?.id ?? 0) + 1 };
	}
}
