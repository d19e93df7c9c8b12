import { kpiOf } from '../../../core/brief/brief';
import { judgedPipeline } from '../../../core/evaluate/evaluation-record';
import { buildManifest } from '../../../core/ship/manifest';
import { buildModelCard } from '../../../core/ship/model-card';
import { toBundle, type ManifestDraft } from '../../../core/ship/bundle';
import { rawRows } from '../../../core/table/table';
import { toCsv } from '../../../core/table/to-csv';
import { download } from '../../download';
import type { Session } from '../../session.svelte';

const APP_VERSION = '0.1.0';
const EXAMPLE_ROWS = 5;

function slug(text: string): string {
	return (
		text
			.toLowerCase()
			.replace(/\.csv$/, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'model'
	);
}

/**
 * The Ship stage: builds the model bundle (manifest, recipe, model, model card, predict.mjs and
 * server.mjs).
 */
export class ShipStage {
	readonly session: Session;
	run = $derived.by(
		() =>
			this.session.project.runs.find((r) => r.id === this.session.project.evaluation?.runId) ?? null
	);
	/** The evaluated run's pipeline with the threshold the evaluation chose: what the test judged. */
	pipeline = $derived.by(() => {
		const { evaluation } = this.session.project;
		return this.run && evaluation ? judgedPipeline(this.run.pipeline, evaluation) : null;
	});
	manifest = $derived.by((): ManifestDraft | null => {
		const { project } = this.session;
		const { evaluation, dataset, brief } = project;
		const kpi = kpiOf(brief);
		const run = this.run;
		const pipeline = this.pipeline;
		if (!evaluation || !dataset || !kpi || !run || !pipeline) return null;
		return buildManifest({
			name: `${slug(dataset.fileName)}-${slug(brief.target ?? '')}`,
			version: '1.0.0',
			created: project.shippedAt ?? evaluation.revealedAt,
			pipeline,
			spec: run.spec,
			validation: run.valMetrics,
			test: evaluation.result.metrics,
			baselineTest: evaluation.result.baselineMetrics,
			kpi,
			verdict: evaluation.result.verdict,
			lineage: {
				dataFingerprint: dataset.fingerprint,
				fileName: dataset.fileName,
				recipeHash: run.recipeHash,
				seed: run.seed,
				backend: run.backend,
				testRevealedAt: evaluation.revealedAt
			},
			appVersion: APP_VERSION
		});
	});

	constructor(session: Session) {
		this.session = session;
	}

	/** Builds the bundle zip and offers it as a download; records when the model was shipped. */
	async downloadBundle(): Promise<void> {
		const { project, targetColumn: target } = this.session;
		const run = this.run;
		const pipeline = this.pipeline;
		if (!run || !pipeline || !project.split || !target) return;
		const split = project.split;
		const built = await this.session.run('Building the bundle', async (ctx) => {
			const { predictSource, serverSource } = await import('virtual:bundle-runtime');
			const example = await this.session.deps.data.call(
				'rows',
				{ split, part: 'train', limit: EXAMPLE_ROWS },
				ctx
			);
			const inputs = pipeline.schema.columns.map((c) => c.name);
			const columns = example.columns.filter((c) => inputs.includes(c.name));
			const exampleCsv = toCsv(
				columns.map((c) => c.name),
				rawRows({ rowCount: example.rowCount, columns }, 0, EXAMPLE_ROWS)
			);
			const reference = await this.session.deps.data.call(
				'referenceStats',
				{ split, pipeline, target },
				ctx
			);
			return { predictSource, serverSource, exampleCsv, reference };
		});
		if (!built) return;
		const shippedAt = this.session.deps.now().toISOString();
		this.session.update({
			...this.session.project,
			shippedAt,
			audit: this.session.audit(`Shipped ${run.id} as a bundle`)
		});
		const manifest = this.manifest!;
		const modelCard = buildModelCard(manifest, project.brief, project.evaluation);
		const zip = await toBundle(manifest, pipeline, {
			modelCard,
			runtimeSource: built.predictSource,
			serverSource: built.serverSource,
			exampleCsv: built.exampleCsv,
			reference: built.reference
		});
		download(`${manifest.name}-bundle.zip`, zip as Uint8Array<ArrayBuffer>, 'application/zip');
	}
}
