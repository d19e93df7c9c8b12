import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { driftReport, type DriftReport } from '../../../src/core/monitor/drift-report';
import { columnSchema } from '../../../src/core/table/infer-kinds';
import { bytesSource, ingestCsv } from '../../../src/core/table/ingest';
import { toSchema, typeTable } from '../../../src/core/table/schema';
import { selectColumnRows, type Table } from '../../../src/core/table/table';
import { DATASETS_DIR } from '../reference';
import { expectAllFinite, expectRelative } from './monitor-helpers';

async function readDirty(file: string): Promise<Table> {
	const bytes = new Uint8Array(readFileSync(`${DATASETS_DIR}dirty/${file}`));
	const { raw, reports, missingTokens } = await ingestCsv(bytesSource(bytes));
	return typeTable(raw, toSchema(reports.map(columnSchema), missingTokens)).table;
}

// MANIFEST.json, "housing_drift_reference.csv + housing_drift_current.csv": two disjoint 3000-row
// samples of California housing; four columns drifted on purpose.
const DRIFTED = ['housing_median_age', 'total_bedrooms', 'median_income', 'ocean_proximity'];

// Golden values computed with Python 3 (pandas, numpy 1.24, scipy 1.10.1) on the same files, after
// dropna(): scipy wasserstein_distance(ref, cur) / max(np.std(ref), 0.001) for the numbers,
// scipy jensenshannon of the value shares over the union of labels for ocean_proximity, and PSI
// by Evidently's get_binned_data (Sturges edges of both samples pooled, zeros floored) + psi.
const GOLDEN: [string, 'wasserstein' | 'jensenshannon', number, number][] = [
	['longitude', 'wasserstein', 0.03531495854563343, 0.00609252192590348],
	['latitude', 'wasserstein', 0.03591804510775932, 0.008283199265005092],
	['housing_median_age', 'wasserstein', 0.40214519371196694, 0.8862940981229877],
	['total_rooms', 'wasserstein', 0.02486034141145396, 0.002069240697297336],
	['total_bedrooms', 'wasserstein', 0.023835690207050536, 0.003943746702511864],
	['population', 'wasserstein', 0.02768921644844767, 0.00795750239697847],
	['households', 'wasserstein', 0.02570813056955659, 0.00428594247679977],
	['median_income', 'wasserstein', 0.5081852611159934, 0.2549124264503796],
	['median_house_value', 'wasserstein', 0.02644725191030134, 0.018507805518129583],
	['ocean_proximity', 'jensenshannon', 0.10637625396151973, 0.09032990238774694]
];

describe('driftReport on housing_drift_reference.csv vs housing_drift_current.csv', () => {
	let report: DriftReport;
	beforeAll(async () => {
		report = driftReport(
			await readDirty('housing_drift_reference.csv'),
			await readDirty('housing_drift_current.csv')
		);
	});

	it("flags exactly the manifest's 4 drifted columns and none of the 6 others", () => {
		expect(report.schema).toEqual([]);
		expect(report.columns).toHaveLength(10);
		expect(report.columns.filter((c) => c.drifted).map((c) => c.name)).toEqual(DRIFTED);
		const others = report.columns.filter((c) => !DRIFTED.includes(c.name));
		for (const c of others) {
			expect([c.name, c.distributionDrifted, c.missing.alert, c.unseenCategories]).toEqual([
				c.name,
				false,
				false,
				[]
			]);
		}
		expect(report.alerts.filter((a) => a.column !== null && !DRIFTED.includes(a.column))).toEqual(
			[]
		);
		expectAllFinite(report);
	});

	it('uses the distances (3000 reference rows > 1000) and matches scipy', () => {
		for (const [name, method, statistic, psi] of GOLDEN) {
			const column = report.columns.find((c) => c.name === name)!;
			expect([name, column.method, column.pValue, column.threshold]).toEqual([
				name,
				method,
				null,
				0.1
			]);
			expectRelative(column.statistic, statistic, 1e-9);
			expectRelative(column.psi, psi, 1e-9);
		}
	});

	it('flags total_bedrooms by its missing rate alone: 31 -> 483 of 3000', () => {
		const column = report.columns.find((c) => c.name === 'total_bedrooms')!;
		expect(column.distributionDrifted).toBe(false);
		expect(column.missing).toMatchObject({
			referenceMissing: 31,
			currentMissing: 483,
			alert: true
		});
		// Python: pooled two-proportion z-test, 2 * scipy.stats.norm.sf(|z|).
		expectRelative(column.missing.pValue, 1.5264604285222704e-96, 1e-9);
		expectRelative(column.missing.change, 452 / 3000, 1e-12);
	});

	it('sees the relabelled ocean_proximity shares and the one unseen ISLAND row', () => {
		const column = report.columns.find((c) => c.name === 'ocean_proximity')!;
		const bins = column.bins;
		expect(bins?.kind).toBe('categories');
		if (bins?.kind !== 'categories') return;
		const share = (side: number[], label: string) => side[bins.labels.indexOf(label)];
		expectRelative(share(bins.reference, 'INLAND'), 961 / 3000, 1e-12); // manifest: 0.3203
		expectRelative(share(bins.current, 'INLAND'), 1360 / 3000, 1e-12); // manifest: 0.4533
		expect(column.unseenCategories).toEqual([{ label: 'ISLAND', count: 1 }]);
	});

	it('reports 4 of 10 columns drifted, under the 50% needed for dataset drift', () => {
		expect(report.datasetDrift).toEqual({
			drifted: 4,
			total: 10,
			share: 0.4,
			threshold: 0.5,
			detected: false
		});
		expect(report.alerts.map((a) => a.message)).toEqual([
			'housing_median_age drifted: normed Wasserstein distance 0.402 >= 0.1 (PSI 0.886).',
			'total_bedrooms missing rate rose from 1.03% to 16.1% (+15.1 points; two-proportion z-test p = 1.53e-96).',
			'median_income drifted: normed Wasserstein distance 0.508 >= 0.1 (PSI 0.255).',
			'ocean_proximity drifted: Jensen-Shannon distance 0.106 >= 0.1 (PSI 0.0903).',
			'ocean_proximity has 1 value the reference never had: "ISLAND" (1 row).'
		]);
	});

	it('takes the p-value tests on 500-row samples and matches scipy there too', async () => {
		const head = (table: Table): Table => {
			const rows = Int32Array.from({ length: 500 }, (_, i) => i);
			return { rowCount: 500, columns: table.columns.map((c) => selectColumnRows(c, rows)) };
		};
		const small = driftReport(
			head(await readDirty('housing_drift_reference.csv')),
			head(await readDirty('housing_drift_current.csv'))
		);
		// Python on the first 500 rows of each file, after dropna(): scipy ks_2samp(ref, cur).
		const ks: [string, number, number][] = [
			['longitude', 0.04, 0.8191511303355717],
			['latitude', 0.058, 0.3699050405997647],
			['housing_median_age', 0.22, 5.192824619177708e-11],
			['total_rooms', 0.052, 0.5089169658042532],
			['total_bedrooms', 0.04659154929577465, 0.6763766409605005],
			['population', 0.07, 0.1725563396262406],
			['households', 0.048, 0.6126241113875229],
			['median_income', 0.174, 5.009206937519233e-7],
			['median_house_value', 0.068, 0.19804212658711798]
		];
		for (const [name, d, p] of ks) {
			const column = small.columns.find((c) => c.name === name)!;
			expect([name, column.method, column.threshold]).toEqual([name, 'ks', 0.05]);
			expectRelative(column.statistic, d, 1e-12);
			expectRelative(column.pValue, p, 1e-9);
		}
		// The first 500 current rows hold the one ISLAND row, which the reference never had: scipy's
		// chisquare gives an infinite statistic and p = 0, so Evidently's default flags the column.
		expect(small.columns.find((c) => c.name === 'ocean_proximity')).toMatchObject({
			method: 'chisquare',
			statistic: null,
			pValue: 0,
			distributionDrifted: true
		});
		expect(small.columns.filter((c) => c.drifted).map((c) => c.name)).toEqual(DRIFTED);
		expectAllFinite(small);
	});
});
