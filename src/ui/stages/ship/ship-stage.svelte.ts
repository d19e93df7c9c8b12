import { kpiOf } from '../../../core/brief/brief';
import { judgedPipeline } from '../../../core/evaluate/evaluation-record';
import {
	retrainedLineage,
	retrainedVerdict,
	versionName
} from '../../../core/registry/version-manifest';
import {
	EMPTY_REGISTRY,
	liveVersion,
	nextNumber,
	openCandidate,
	shipEvaluated,
	testLookOf
} from '../../../core/registry/versions';
import { CoreError } from '../../../core/util/core-error';
import { specLabel } from '../train/train-stage.svelte';
import { buildManifest } from '../../../core/ship/manifest';
import { buildModelCard } from '../../../core/ship/model-card';
import { toBundle, type ManifestDraft } from '../../../core/ship/bundle';
import { exportedData, pythonExportZip } from '../../../core/ship/python/export';
import { recipeHash } from '../../../core/prepare/recipe';
import { scoringColumns } from '../../../core/ship/pipeline';
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
	/** Every version shipped or retrained, and their history. */
	registry = $derived.by(() => this.session.project.versions ?? EMPTY_REGISTRY);
	/** The version shipped now; null before the first download. */
	live = $derived.by(() => liveVersion(this.registry));
	/**
	 * The live version when it descends from the project's current test-set evaluation (the
	 * evaluated run, or one retrained from it); null when that evaluation is not shipped yet.
	 */
	current = $derived.by(() =>
		this.live && this.live.testLook === this.testLook ? this.live : null
	);
	/** The project's current look at the test set (`testLookOf`); null before the reveal. */
	testLook = $derived.by(() => {
		const { evaluation } = this.session.project;
		return evaluation ? testLookOf(evaluation) : null;
	});
	/** The retrained version waiting for a decision, if any. */
	candidate = $derived.by(() => openCandidate(this.registry));
	/** The evaluated run's pipeline with the threshold the evaluation chose: what the test judged. */
	evaluated = $derived.by(() => {
		const { evaluation } = this.session.project;
		return this.run && evaluation ? judgedPipeline(this.run.pipeline, evaluation) : null;
	});
	/** What the bundle ships and the monitor checks: the current version, else the evaluated model. */
	pipeline = $derived.by(() => this.current?.pipeline ?? this.evaluated);
	manifest = $derived.by((): ManifestDraft | null => {
		const { project } = this.session;
		const { evaluation, dataset, brief } = project;
		const kpi = kpiOf(brief);
		const run = this.run;
		const pipeline = this.pipeline;
		if (!evaluation || !dataset || !kpi || !run || !pipeline) return null;
		const base = {
			name: `${slug(dataset.fileName)}-${slug(brief.target ?? '')}`,
			version: versionName(this.current?.number ?? nextNumber(this.registry)),
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
		};
		const live = this.current;
		const retrained = live && retrainedLineage(live);
		if (!live?.retrain || !retrained) return buildManifest(base);
		// A retrained version never met the test set: no test scores, its own verdict and lineage.
		return buildManifest({
			...base,
			created: live.liveSpans.at(-1)?.from ?? live.createdAt,
			spec: live.spec,
			validation: live.valMetrics,
			test: {},
			baselineTest: {},
			verdict: retrainedVerdict(live, kpi),
			lineage: {
				...base.lineage,
				recipeHash: live.retrain.recipeHash,
				seed: live.retrain.seed,
				backend: live.retrain.backend
			},
			retrained
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
		const testLook = this.testLook;
		if (!run || !pipeline || !testLook || !project.split || !target) return;
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
			// A retrained version's own reference; else the split's train rows, summed up now.
			const reference =
				this.current?.reference ??
				(await this.session.deps.data.call('referenceStats', { split, pipeline, target }, ctx));
			return { predictSource, serverSource, exampleCsv, reference };
		});
		if (!built) return;
		const shippedAt = this.session.deps.now().toISOString();
		const current = this.session.project;
		const registry = current.versions ?? EMPTY_REGISTRY;
		// A download of the evaluated model that is not a version yet ships it as the next one,
		// live from now on (version 1 the first time).
		let versions = registry;
		if (!this.current) {
			try {
				versions = shipEvaluated(registry, {
					reason: `Shipped ${run.id}, ${specLabel(run.spec)}, evaluated on the test set`,
					runId: run.id,
					testLook,
					spec: run.spec,
					pipeline,
					valMetrics: run.valMetrics,
					createdAt: shippedAt
				});
			} catch (error) {
				if (!(error instanceof CoreError)) throw error;
				this.session.fail(error.code, error.message);
				return;
			}
		}
		const shipped = liveVersion(versions)!;
		this.session.update({
			...current,
			shippedAt,
			versions,
			audit: this.session.audit(
				`Shipped version ${shipped.number} (${versionName(shipped.number)}) as a bundle`
			)
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

	/**
	 * Downloads the evaluated run as Python: a notebook and a script that refit the same recipe
	 * and model with pandas and scikit-learn, a Dask script that scales the boosted trees out,
	 * the split and the package they share. Built here, like the bundle; nothing is uploaded.
	 */
	async downloadPython(): Promise<void> {
		const { project, dataset, targetColumn } = this.session;
		const run = this.run;
		const pipeline = this.evaluated;
		const manifest = this.manifest;
		if (!run || !pipeline || !project.split || !dataset || !targetColumn || !manifest) return;
		const split = project.split;
		const zip = await this.session.run('Writing the Python export', async () => {
			const modules = await pythonModules();
			// The recipe as the user wrote it, when it is still the one this run was fitted with.
			const current = this.session.recipe;
			const userSteps = (await recipeHash(current)) === run.recipeHash ? current.steps : null;
			const trained = run.pipeline.target;
			return pythonExportZip({
				name: manifest.name,
				appVersion: APP_VERSION,
				data: exportedData(dataset),
				schema: {
					...pipeline.schema,
					columns: [...pipeline.schema.columns, targetColumn, ...scoringColumns(pipeline.target)],
					...(dataset.dialect.decimal === ',' ? { decimalComma: true } : {})
				},
				run: {
					id: run.id,
					spec: run.spec,
					specLabel: specLabel(run.spec),
					seed: run.seed,
					recipeHash: run.recipeHash
				},
				pipeline,
				metrics: {
					validation: run.valMetrics,
					test: project.evaluation?.result.metrics ?? null,
					thresholds:
						trained.task === 'binary' && pipeline.target.task === 'binary'
							? { validation: trained.threshold, test: pipeline.target.threshold }
							: null
				},
				userSteps,
				split: split.assignment,
				modules
			});
		});
		if (zip)
			download(`${manifest.name}-python.zip`, zip as Uint8Array<ArrayBuffer>, 'application/zip');
	}
}

/** The `shipshape` Python package's modules, by file name, as the export ships them. */
async function pythonModules(): Promise<Record<string, string>> {
	const found = import.meta.glob<string>('../../../../python/shipshape/*.py', {
		query: '?raw',
		import: 'default'
	});
	const entries = await Promise.all(
		Object.entries(found).map(async ([path, load]) => [path.split('/').pop()!, await load()])
	);
	return Object.fromEntries(entries);
}
