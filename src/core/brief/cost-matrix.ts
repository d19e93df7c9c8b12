/**
 * What each kind of mistake of a binary classifier costs, in the user's own units (pounds,
 * minutes, "1" and "5"): Evaluate's choice of the decision threshold by cost reads these numbers.
 */
export interface CostMatrix {
	falsePositive: number;
	falseNegative: number;
}

/** The labels of the two costs, as the Define stage and the exported brief show them. */
export const COST_LABELS: Readonly<Record<keyof CostMatrix, string>> = {
	falsePositive: 'Cost of a false positive',
	falseNegative: 'Cost of a false negative'
};

/** Returns what is wrong with a cost matrix, naming the cost, or null when it is usable. */
export function checkCostMatrix(matrix: CostMatrix): string | null {
	for (const field of ['falsePositive', 'falseNegative'] as const) {
		const value = matrix[field];
		if (!Number.isFinite(value))
			return `${COST_LABELS[field]} must be a number (0 or more); it is ${value}.`;
		if (value < 0)
			return `${COST_LABELS[field]} cannot be negative (it is ${value}): a mistake costs 0 or more.`;
	}
	if (matrix.falsePositive === 0 && matrix.falseNegative === 0)
		return 'The costs of a false positive and a false negative cannot both be 0: say what at least one mistake costs, or leave both empty.';
	return null;
}

/** Returns the stored value as a usable cost matrix, or null when it is not one. */
export function parseCostMatrix(value: unknown): CostMatrix | null {
	if (typeof value !== 'object' || value === null) return null;
	const { falsePositive, falseNegative } = value as Record<string, unknown>;
	if (typeof falsePositive !== 'number' || typeof falseNegative !== 'number') return null;
	const matrix = { falsePositive, falseNegative };
	return checkCostMatrix(matrix) === null ? matrix : null;
}

/** Returns how many times a false negative costs a false positive (Infinity when FP is free). */
export function missCostRatio(matrix: CostMatrix): number {
	return matrix.falsePositive === 0 ? Infinity : matrix.falseNegative / matrix.falsePositive;
}

/** Returns what a false positive and a false negative mean for the chosen positive class. */
export function mistakeMeanings(positiveClass: string | null): Record<keyof CostMatrix, string> {
	const positive = positiveClass === null ? 'the positive class' : `"${positiveClass}"`;
	return {
		falsePositive: `the model predicts ${positive} for a row that is not ${positive} (a false alarm)`,
		falseNegative: `the model misses a row that is ${positive} (a miss)`
	};
}
