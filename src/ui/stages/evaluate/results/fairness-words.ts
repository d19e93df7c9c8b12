// Fairlearn's four disparity measures, each with a one-line plain reading of its value.
import type { FairnessReport } from '../../../../core/evaluate/fairness';
import { formatPercent, formatPoints, formatScore } from './format';

type BinaryReport = Extract<FairnessReport, { kind: 'binary' }>;

/** One disparity measure: its name, its value as text, and what the value means. */
export interface FairnessMeasure {
	label: string;
	value: string;
	reading: string;
}

const UNDEFINED_READING = 'undefined for these groups (see the notes).';

/** Returns the reading of a measure, or the undefined reading when the value is not a number. */
function read(value: number, words: (value: number) => string): string {
	return Number.isFinite(value) ? words(value) : UNDEFINED_READING;
}

/** Returns the four measures of a report with a plain reading of each, in Fairlearn's order. */
export function fairnessMeasures(report: BinaryReport): FairnessMeasure[] {
	return [
		{
			label: 'Demographic parity difference',
			value: formatScore(report.demographicParityDifference),
			reading: read(
				report.demographicParityDifference,
				(v) => `selection rates differ by ${formatPoints(v)} between groups (0 is parity).`
			)
		},
		{
			label: 'Demographic parity ratio',
			value: formatScore(report.demographicParityRatio),
			reading: read(
				report.demographicParityRatio,
				(v) =>
					`the least-selected group is selected at ${formatPercent(v)} of the rate of the most-selected (1 is parity; under 0.8 is often flagged).`
			)
		},
		{
			label: 'Equalized odds difference',
			value: formatScore(report.equalizedOddsDifference),
			reading: read(
				report.equalizedOddsDifference,
				(v) =>
					`true or false positive rates differ by up to ${formatPoints(v)} between groups (0 is parity).`
			)
		},
		{
			label: 'Equalized odds ratio',
			value: formatScore(report.equalizedOddsRatio),
			reading: read(
				report.equalizedOddsRatio,
				(v) =>
					`the lowest group's true or false positive rate is ${formatPercent(v)} of the highest's (1 is parity).`
			)
		}
	];
}
