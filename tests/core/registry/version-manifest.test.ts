import { describe, expect, it } from 'vitest';
import {
	retrainedLineage,
	retrainedVerdict,
	versionName
} from '../../../src/core/registry/version-manifest';
import type { ModelVersion } from '../../../src/core/registry/versions';
import { checkManifest } from '../../../src/core/ship/manifest-schema';
import { buildManifest } from '../../../src/core/ship/manifest';
import { buildModelCard } from '../../../src/core/ship/model-card';
import { expectCoreError } from '../helpers';
import { linePipeline } from '../ship/fixtures';

const pipeline = linePipeline(2, 1);

const version: ModelVersion = {
	number: 2,
	createdAt: '2026-03-01T00:00:00.000Z',
	reason: 'Retrained on b.csv',
	runId: null,
	testLook: 'run-2',
	spec: { kind: 'linear', l2: 1 },
	pipeline,
	valMetrics: { rmse: 10 },
	status: 'live',
	retrain: {
		from: 1,
		fileName: 'b.csv',
		added: 70,
		heldOut: 30,
		unlabelled: 0,
		trainRows: 670,
		recipeHash: 'h',
		seed: 42,
		backend: 'js'
	},
	comparison: [
		{
			name: 'validation rows',
			rows: 100,
			live: { rmse: 10 },
			candidate: { rmse: 10.5 },
			problem: null
		},
		{
			name: 'held-out rows of b.csv',
			rows: 30,
			live: { rmse: 14 },
			candidate: { rmse: 11 },
			problem: null
		}
	],
	decision: { approved: true, note: 'Better on new rows', at: '2026-03-02T00:00:00.000Z' },
	liveSpans: [{ from: '2026-03-02T00:00:00.000Z', until: null }]
};

describe("a retrained version's manifest", () => {
	it('is named 1.N-1.0', () => {
		expect([versionName(1), versionName(2), versionName(10)]).toEqual(['1.0.0', '1.1.0', '1.9.0']);
	});

	it('is judged by the KPI on the held-out new rows, beside the version it replaced', () => {
		const met = retrainedVerdict(version, { metric: 'rmse', threshold: 12 });
		expect(met.pass).toBe(true);
		expect(met.summary).toBe(
			'Retrained from version 1; not judged on the test set, which was revealed once, for version 1. ' +
				'RMSE on the fixed evaluation set, validation rows: 10.5 (version 1: 10); held-out rows of b.csv: 11 (version 1: 14). ' +
				'The KPI (12) is met on the held-out new rows. Approved: "Better on new rows".'
		);
		expect(retrainedVerdict(version, { metric: 'rmse', threshold: 10 }).pass).toBe(false);
		expect(retrainedVerdict(version, { metric: 'mae', threshold: 10 }).pass).toBe(false);
	});

	it('carries its lineage, which the published schema accepts and checks', async () => {
		const retrained = retrainedLineage(version)!;
		expect(retrained).toMatchObject({ fromVersion: 1, addedRows: 70, trainRows: 670 });
		const draft = buildManifest({
			name: 'm',
			version: versionName(2),
			created: '2026-03-02T00:00:00.000Z',
			pipeline,
			spec: version.spec,
			validation: version.valMetrics,
			test: {},
			baselineTest: {},
			kpi: { metric: 'rmse', threshold: 12 },
			verdict: retrainedVerdict(version, { metric: 'rmse', threshold: 12 }),
			lineage: {
				dataFingerprint: 'f',
				fileName: 'd.csv',
				recipeHash: 'h',
				seed: 42,
				backend: 'js',
				testRevealedAt: 't'
			},
			appVersion: '0.1.0',
			retrained
		});
		const manifest = { ...draft, files: { 'model.json': 'a'.repeat(64) } };
		expect(() => checkManifest(manifest)).not.toThrow();
		const bad = structuredClone(manifest);
		(bad.retrained as { addedRows: number }).addedRows = -1;
		await expectCoreError(() => checkManifest(bad), 'bad-bundle', /retrained\/addedRows/);
		expect(retrainedLineage({ ...version, retrain: null })).toBeNull();
		const card = buildModelCard(draft, { decision: 'd', users: 'u', costs: 'c' });
		expect(card).toContain('## Retraining (version 1 retrained; not judged on the test set)');
		expect(card).toContain('| held-out rows of b.csv (30) | 11.0000 | 14.0000 |');
		expect(card).toContain('Approved with the note: Better on new rows');
		expect(card).not.toContain('## Evaluation (test set');
	});
});
