import { formatScore, metricPhrase } from '../../brief/brief-guidance';
import { isBetter, type MetricName } from '../../evaluate/metric-catalogue';
import { assertNever } from '../../util/assert-never';
import type { LeakDemo } from './leak-demo';
import type { MistakeDemo } from './mistake-demo';
import type { TimeSplitDemo } from './time-split-demo';

/**
 * How much better, relative to the larger of the two scores, the mistaken score must be to count
 * as inflated: less is within what another seed or another month of data would change.
 */
export const CLEAR_GAP = 0.02;

/** Returns a demonstration's score for reading: whole numbers from 100 on, in thousands. */
export function formatDemoScore(value: number): string {
	if (!Number.isFinite(value)) return String(value);
	if (Math.abs(value) < 100) return formatScore(value);
	return Math.round(value)
		.toString()
		.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** True when `mistaken` is clearly better than `honest` on the metric (see `CLEAR_GAP`). */
export function clearlyBetter(metric: MetricName, mistaken: number, honest: number): boolean {
	const scale = Math.max(Math.abs(mistaken), Math.abs(honest));
	return isBetter(metric, mistaken, honest) && Math.abs(mistaken - honest) > CLEAR_GAP * scale;
}

/** Returns the few sentences that say what a demonstration's two scores mean. */
export function mistakeLesson(demo: MistakeDemo): string[] {
	switch (demo.kind) {
		case 'leaky-column':
			return [...leakLesson(demo), ...leftOutNote(demo.leftOut)];
		case 'random-split':
			return [...timeLesson(demo), ...leftOutNote(demo.leftOut)];
		default:
			return assertNever(demo, 'mistake demo');
	}
}

function quoted(columns: readonly string[]): string {
	return columns.map((c) => `“${c}”`).join(' and ');
}

function leakLesson(demo: LeakDemo): string[] {
	const { metric, columns } = demo;
	const one = columns.length === 1;
	const it = one ? 'it' : 'them';
	const mistaken = formatDemoScore(demo.withLeak.value);
	const honest = formatDemoScore(demo.withoutLeak.value);
	const scores = `With ${quoted(columns)} the quick model scores ${metricPhrase(metric)} ${mistaken} on the validation rows; without ${it}, ${honest}.`;
	const flag =
		demo.flagged.length > 0
			? [
					`It also saw which cells of ${quoted(demo.flagged)} are empty: a value recorded after the outcome often leaks by being there at all.`
				]
			: [];
	if (!clearlyBetter(metric, demo.withLeak.value, demo.withoutLeak.value))
		return [
			scores,
			`Here ${one ? 'it barely changes' : 'they barely change'} the score: this model gains little from ${it}, and leaving ${it} out costs nothing.`,
			...flag
		];
	return [
		scores,
		`The gap is the leak: when the model predicts, ${one ? 'this column is' : 'these columns are'} not there yet, so the score with ${it} is a mirage, and ${honest} is what the model can really do.`,
		...flag
	];
}

function timeLesson(demo: TimeSplitDemo): string[] {
	const { metric, column } = demo;
	const from =
		demo.timeKind === 'date'
			? new Date(demo.scoredFrom).toISOString().slice(0, 10)
			: String(demo.scoredFrom);
	const scores = `Split at random (the train and validation rows pooled, then drawn apart again), the quick model scores ${metricPhrase(metric)} ${formatDemoScore(demo.random.value)} on the rows it held out; split by time on “${column}” (trained on the earliest rows, scored on those from ${from} on), ${formatDemoScore(demo.byTime.value)}.`;
	if (!clearlyBetter(metric, demo.random.value, demo.byTime.value))
		return [
			scores,
			'Here the random split is not optimistic: these rows depend little on their order in time. A forecast is still scored on the future, so split by time if the model will predict days to come.'
		];
	return [
		scores,
		'The random split is optimistic: the model learned from days around the ones it is scored on. A forecast is scored on the future, and the split by time gives the honest score.'
	];
}

function leftOutNote(leftOut: readonly string[]): string[] {
	if (leftOut.length === 0) return [];
	return [
		`Both fits left out ${quoted(leftOut)}, which the leakage lint also suspects, so that one leak does not hide the lesson.`
	];
}
