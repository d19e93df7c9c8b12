import { NODE_ENGINE } from './deploy-files';
import type { Kpi, Verdict } from '../evaluate/verdict';
import type { MetricValues } from '../evaluate/metric-catalogue';
import type { ColumnKind } from '../table/table';
import type { Pipeline, TargetSpec } from './pipeline';

export const BUNDLE_FORMAT = 'shipshape-bundle';
/**
 * 2: the manifest lists the SHA-256 of every other file (`files`) and has a JSON Schema.
 * 3: the bundle has `reference.json`, and a retrained version's manifest its `retrained` block.
 */
export const BUNDLE_FORMAT_VERSION = 3;

/** One input column of the bundle: its kind and, for labels, the values seen in training. */
export interface InputField {
	name: string;
	kind: ColumnKind;
	/** Labels the model learned; any other label is accepted and encoded as "none of these". */
	allowedCategories?: string[];
}

/** How a retrained version was made and judged (it never met the test set). */
export interface RetrainedLineage {
	fromVersion: number;
	/** The labelled batch it was retrained on. */
	fileName: string;
	addedRows: number;
	/** Train rows in all: the project's, and the batch rows added. */
	trainRows: number;
	/** Its scores beside the version it replaced, on each part of the fixed evaluation set. */
	evaluation: { name: string; rows: number; live: MetricValues; candidate: MetricValues }[];
	/** The note the user approved it with. */
	approval: string;
}

/** The deploy manifest: what the model is, what it reads and writes, how good it is, and its lineage. */
export interface Manifest {
	format: typeof BUNDLE_FORMAT;
	formatVersion: number;
	name: string;
	version: string;
	created: string;
	task: TargetSpec['task'];
	target: TargetSpec;
	inputSchema: InputField[];
	missingTokens: string[];
	outputSchema: { name: string; kind: 'label' | 'number' | 'text'; description: string }[];
	model: { family: string; spec: unknown; features: number };
	metrics: { validation: MetricValues; test: MetricValues; baselineTest: MetricValues };
	kpi: Kpi;
	verdict: { pass: boolean; summary: string };
	lineage: {
		dataFingerprint: string;
		fileName: string;
		recipeHash: string;
		seed: number;
		backend: string;
		testRevealedAt: string;
	};
	appVersion: string;
	/** Present on a retrained version: its metrics.test are empty, as it never met the test set. */
	retrained?: RetrainedLineage;
	runtime: { node: string; dependencies: string[]; usage: string };
	/**
	 * The lowercase hex SHA-256 of every other file of the bundle, by name, so an altered file
	 * fails to load; set when the bundle is written (`toBundle`).
	 */
	files: Record<string, string>;
}

/** What the Ship stage knows when it builds a manifest. */
export interface ManifestInput {
	name: string;
	version: string;
	created: string;
	pipeline: Pipeline;
	spec: unknown;
	validation: MetricValues;
	test: MetricValues;
	baselineTest: MetricValues;
	kpi: Kpi;
	verdict: Pick<Verdict, 'pass' | 'summary'>;
	lineage: Manifest['lineage'];
	appVersion: string;
	retrained?: RetrainedLineage;
}

function inputFields(pipeline: Pipeline): InputField[] {
	return pipeline.schema.columns.map(({ name, kind }) => {
		const oneHot = pipeline.recipe.steps.find((s) => s.kind === 'one-hot' && s.column === name);
		return oneHot?.kind === 'one-hot'
			? { name, kind, allowedCategories: oneHot.levels }
			: { name, kind };
	});
}

function outputFields(target: TargetSpec): Manifest['outputSchema'] {
	const error = {
		name: 'error',
		kind: 'text' as const,
		description: 'Empty, or why the row has no prediction.'
	};
	if (target.task === 'regression') {
		return [
			{ name: 'prediction', kind: 'number', description: `Predicted ${target.name}.` },
			error
		];
	}
	if (target.task === 'ranking') {
		const order = `order the rows of one ${target.query} by it, highest first`;
		const description = `Predicted ${target.name} (a relevance score): ${order}.`;
		return [{ name: 'prediction', kind: 'number', description }, error];
	}
	return [
		{
			name: 'prediction',
			kind: 'label',
			description: `Predicted ${target.name}: one of ${target.classes.join(', ')}.`
		},
		...target.classes.map((c) => ({
			name: `probability_${c}`,
			kind: 'number' as const,
			description: `Probability that ${target.name} is ${c}.`
		})),
		error
	];
}

/** Returns the bundle's manifest. */
export function buildManifest(input: ManifestInput): Omit<Manifest, 'files'> {
	const { pipeline } = input;
	return {
		format: BUNDLE_FORMAT,
		formatVersion: BUNDLE_FORMAT_VERSION,
		name: input.name,
		version: input.version,
		created: input.created,
		task: pipeline.target.task,
		target: pipeline.target,
		inputSchema: inputFields(pipeline),
		missingTokens: pipeline.schema.missingTokens,
		outputSchema: outputFields(pipeline.target),
		model: {
			family: pipeline.model.kind,
			spec: input.spec,
			features: pipeline.recipe.features.length
		},
		metrics: { validation: input.validation, test: input.test, baselineTest: input.baselineTest },
		kpi: input.kpi,
		verdict: { pass: input.verdict.pass, summary: input.verdict.summary },
		lineage: input.lineage,
		appVersion: input.appVersion,
		...(input.retrained ? { retrained: input.retrained } : {}),
		runtime: {
			node: NODE_ENGINE,
			dependencies: [],
			usage: [
				'node predict.mjs rows.csv > predictions.csv',
				'PORT=8080 node server.mjs  # POST /predict, GET /health, GET /metrics'
			].join('\n')
		}
	};
}
