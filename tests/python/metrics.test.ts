import { describe, expect, it } from 'vitest';
import type { MetricValues } from '../../src/core/evaluate/metric-catalogue';
import { classificationMetrics, regressionMetrics } from '../../src/core/evaluate/metrics';
import { rankingMetrics } from '../../src/core/evaluate/ranking-metrics';
import { runPython } from './python';

// shipshape.metrics against the app's metrics where their definitions are easy to get wrong:
// undefined values, clipped probabilities, ties, absent classes, a threshold on the first class,
// zero and constant truths, and queries of one row, all-zero or negative relevance. (The fitted
// models' test scores are compared in models.test.ts.)

interface MetricCase {
	name: string;
	task: 'binary' | 'multiclass' | 'regression' | 'ranking';
	truth: number[];
	prediction: number[] | number[][];
	classes?: string[];
	positive?: string;
	threshold?: number;
	queries?: number[];
	app: MetricValues;
}

const rows = (proba: number[][]) => Float64Array.from(proba.flat());

function binaryCase(
	name: string,
	truth: number[],
	proba: number[][],
	positive: number,
	threshold: number
): MetricCase {
	const classes = ['no', 'yes'];
	const decision = { kind: 'threshold', positive, threshold } as const;
	const app = classificationMetrics(Int32Array.from(truth), rows(proba), 2, decision);
	return {
		name,
		task: 'binary',
		truth,
		prediction: proba,
		classes,
		positive: classes[positive],
		threshold,
		app
	};
}

const CASES: MetricCase[] = [
	binaryCase(
		'no positive row, probabilities of 0 and 1',
		[0, 0, 0, 0],
		[
			[1, 0],
			[0, 1],
			[0.5, 0.5],
			[0.2, 0.8]
		],
		1,
		0.3
	),
	binaryCase(
		'the first class positive, tied scores',
		[0, 1, 1, 0, 1, 0],
		[
			[0.7, 0.3],
			[0.5, 0.5],
			[0.5, 0.5],
			[0.7, 0.3],
			[0.1, 0.9],
			[0.5, 0.5]
		],
		0,
		0.5
	),
	binaryCase(
		'every row right, threshold 0.9',
		[1, 0, 1],
		[
			[0.05, 0.95],
			[0.95, 0.05],
			[0.08, 0.92]
		],
		1,
		0.9
	),
	(() => {
		const proba = [
			[0.5, 0.5, 0],
			[0.2, 0.2, 0.6],
			[0.1, 0.8, 0.1],
			[0.3, 0.3, 0.4],
			[1, 0, 0]
		];
		const truth = [0, 0, 1, 1, 0];
		const app = classificationMetrics(Int32Array.from(truth), rows(proba), 3, { kind: 'argmax' });
		return {
			name: 'a class absent from the truth but predicted, argmax ties',
			task: 'multiclass',
			truth,
			prediction: proba,
			classes: ['a', 'b', 'c'],
			app
		} as MetricCase;
	})(),
	...[
		['a constant truth', [2, 2, 2], [1, 2, 3]],
		['a zero truth', [0, 1, 10, -4], [0.5, 1, 9, -4]]
	].map(([name, truth, predicted]) => ({
		name: name as string,
		task: 'regression' as const,
		truth: truth as number[],
		prediction: predicted as number[],
		app: regressionMetrics(
			Float64Array.from(truth as number[]),
			Float64Array.from(predicted as number[])
		)
	})),
	(() => {
		// Queries: 7 (one row), 3 (all zero), 5 (a negative relevance), 1 (ties across the cut), 2.
		const queries = [7, 3, 3, 5, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2];
		const truth = [2, 0, 0, -1, 1, 3, 0, 2, 0, 1, 0, 0, 1, 0, 2, 0, 1, 0, 1, 0];
		const scores = [
			1, 0.5, 0.2, 0.3, 0.9, 0.8, 0.8, 0.8, 0.1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.2, 0.9, 0.8, 1, 1, 1
		];
		const app = rankingMetrics(
			Float64Array.from(truth),
			Float64Array.from(scores),
			Int32Array.from(queries)
		);
		return {
			name: 'queries of one row, all zero, negative, and ties across the cut',
			task: 'ranking',
			truth,
			prediction: scores,
			queries,
			app
		} as MetricCase;
	})()
];

const SCRIPT = (cases: string) => `
import json, math
from shipshape.metrics import score

out = []
for case in json.loads(${JSON.stringify(cases)}):
    values = score(case["task"], case["truth"], case["prediction"], classes=case.get("classes"),
                   positive=case.get("positive"), threshold=case.get("threshold", 0.5),
                   queries=case.get("queries"))
    out.append({name: None if math.isnan(v) else v for name, v in values.items()})
print(json.dumps(out))
`;

describe('shipshape.metrics', () => {
	it('scores the awkward cases exactly as the app does', () => {
		const scored = JSON.parse(runPython(SCRIPT(JSON.stringify(CASES)))) as Record<
			string,
			number | null
		>[];
		CASES.forEach((c, i) => {
			for (const [metric, value] of Object.entries(c.app)) {
				const theirs = scored[i][metric];
				if (Number.isNaN(value)) expect(theirs, `${c.name}: ${metric}`).toBeNull();
				else
					expect(Math.abs(theirs! - value), `${c.name}: ${metric}`).toBeLessThanOrEqual(
						1e-12 * Math.max(1, Math.abs(value))
					);
			}
			expect(Object.keys(scored[i]).sort(), c.name).toEqual(Object.keys(c.app).sort());
		});
	});
});
