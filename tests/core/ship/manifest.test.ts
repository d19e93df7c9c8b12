import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from '../../../src/core/ship/manifest';
import { BINARY, REGRESSION, shippedManifest } from './fixtures';

describe('buildManifest', () => {
	it('lists the inputs the model reads, with the categories its one-hot step learned', async () => {
		const manifest = await shippedManifest(BINARY);
		// Train saw "b" before "a": the allowed categories are the one-hot step's sorted levels.
		expect(manifest.inputSchema).toEqual([
			{ name: 'x', kind: 'number' },
			{ name: 'c', kind: 'category', allowedCategories: ['a', 'b'] }
		]);
		expect(manifest.missingTokens).toEqual(['', 'NA']);
	});

	it('describes a binary model: the label, each class probability, then the error', async () => {
		const manifest = await shippedManifest(BINARY);
		expect(manifest.task).toBe('binary');
		expect(manifest.target).toEqual(BINARY);
		expect(manifest.outputSchema).toEqual([
			{ name: 'prediction', kind: 'label', description: 'Predicted y: one of no, yes.' },
			{ name: 'probability_no', kind: 'number', description: 'Probability that y is no.' },
			{ name: 'probability_yes', kind: 'number', description: 'Probability that y is yes.' },
			{ name: 'error', kind: 'text', description: 'Empty, or why the row has no prediction.' }
		]);
		expect(manifest.model).toEqual({
			family: 'linear',
			spec: { kind: 'linear', l2: 1 },
			features: 3
		});
	});

	it('describes a regression model: the number, then the error', async () => {
		const manifest = await shippedManifest(REGRESSION);
		expect(manifest.task).toBe('regression');
		expect(manifest.target).toEqual(REGRESSION);
		expect(manifest.outputSchema).toEqual([
			{ name: 'prediction', kind: 'number', description: 'Predicted price.' },
			{ name: 'error', kind: 'text', description: 'Empty, or why the row has no prediction.' }
		]);
		expect(manifest.inputSchema.map((f) => f.name)).toEqual(['x', 'c']);
	});

	it('passes the metrics, KPI, verdict and lineage through, and states its format', async () => {
		const manifest = await shippedManifest(REGRESSION);
		expect(manifest.format).toBe(BUNDLE_FORMAT);
		expect(manifest.formatVersion).toBe(BUNDLE_FORMAT_VERSION);
		expect(manifest).toMatchObject({
			name: 'churn-model',
			version: '1.0.0',
			created: '2024-03-01T14:00:00.000Z',
			appVersion: '0.1.0',
			kpi: { metric: 'rmse', threshold: 5 }
		});
		expect(manifest.lineage).toEqual({
			dataFingerprint: 'ab'.repeat(32),
			fileName: 'churn.csv',
			recipeHash: 'cd'.repeat(32),
			seed: 7,
			backend: 'js',
			testRevealedAt: '2024-03-01T13:00:00.000Z'
		});
		expect(Object.keys(manifest.metrics.test).sort()).toEqual(['mae', 'mape', 'r2', 'rmse']);
		expect(manifest.metrics.validation).toEqual({ rmse: 0.9 });
		// The fitted line errs by about 5 on test; the mean (the baseline) by about 19.
		expect(manifest.verdict).toEqual({
			pass: true,
			summary: expect.stringMatching(
				/^RMSE on test is 4\.\d{4} \(95 % CI [\d.]+ to [\d.]+\); the KPI asks ≤ 5 \(met\)/
			)
		});
		expect(manifest.runtime).toEqual({
			node: '>=20',
			dependencies: [],
			usage:
				'node predict.mjs rows.csv > predictions.csv\nPORT=8080 node server.mjs  # POST /predict, GET /health, GET /metrics'
		});
	});

	it('is plain JSON that survives a round trip', async () => {
		const manifest = await shippedManifest(BINARY);
		expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
	});
});
