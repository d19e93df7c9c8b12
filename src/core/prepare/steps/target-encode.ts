import { CoreError } from '../../util/core-error';
import { createRng, shuffleInPlace } from '../../util/rng';
import type { CategoryColumn, NumberColumn, TextColumn } from '../../table/table';
import { labelColumn, replaceColumn, type Frame } from '../frame';
import { assertNewColumns } from './assert-new-columns';
import type { FitContext, FitTarget, StepFit } from './step';

/** How many train rows' worth of prior each label's mean is pulled towards, by default. */
export const DEFAULT_SMOOTHING = 10;
/** How many folds the train rows are encoded out of, by default. */
export const DEFAULT_FOLDS = 5;

/**
 * Replace a label column by the smoothed train target per label, `(sum + smoothing * prior) /
 * (count + smoothing)`: for a regression target one column `<column> target mean`; for two
 * classes one column `<column> target rate`, the share of the second class (class index 1); for
 * more classes one column `<column> P(<class>)` per class. Unseen and missing labels get the
 * prior. Train rows are encoded out of fold: each from the other folds only, so a row's own
 * target never leaks into its feature.
 */
export interface TargetEncodeStep {
	kind: 'target-encode';
	column: string;
	smoothing?: number;
	folds?: number;
}

/** The encodings learned on all train rows: one value per output column for each label. */
export interface FittedTargetEncode extends TargetEncodeStep {
	/** Names of the new columns, in frame order. */
	outputs: string[];
	/** The train target mean (per output) that unseen and missing labels get. */
	prior: number[];
	/** The labels seen in train with a target, and their encodings, row by row. */
	levels: string[];
	encodings: number[][];
}

/** The train target as per-row vectors, one value per output column. */
interface TargetRows {
	width: number;
	/** Row r's vector is `values[r * width .. (r + 1) * width)`; zeros where `has[r]` is 0. */
	values: Float64Array;
	has: Uint8Array;
	outputs: string[];
}

/** Counts and target sums per label slot; the slot after the last label holds missing labels. */
interface Sums {
	counts: Float64Array;
	sums: Float64Array;
}

/**
 * Returns the step fitted on all train rows, and the train frame encoded out of fold: rows are
 * dealt into folds after a shuffle seeded by `ctx.seed`, and each is encoded from the others.
 * Throws `needs-target` without a target, `empty-train` when no train row has one.
 */
export function fitTargetEncode(
	step: TargetEncodeStep,
	frame: Frame,
	ctx: FitContext
): StepFit<FittedTargetEncode> {
	const column = labelColumn(frame, step.column, 'target-encode');
	const { smoothing, folds } = checkOptions(step);
	const target = targetRows(step.column, column.codes.length, ctx.target);
	assertNewColumns(frame, target.outputs, 'target-encode', step.column);
	const slots = column.levels.length + 1;
	const fold = dealFolds(column.codes.length, folds, ctx.seed);
	const perFold = Array.from({ length: folds }, () => emptySums(slots, target.width));
	column.codes.forEach((code, r) => {
		if (target.has[r]) addRow(perFold[fold[r]], code < 0 ? slots - 1 : code, target, r);
	});
	const total = perFold.reduce(addSums, emptySums(slots, target.width));
	const prior = priorOf(total, target.width);
	if (!prior)
		throw new CoreError(
			'empty-train',
			`The target-encode step on "${step.column}" needs train rows with a target; there are none.`,
			{ column: step.column }
		);
	const fitted = fittedOf(step, column.levels, total, {
		smoothing,
		prior,
		outputs: target.outputs
	});
	const outputs = outOfFold(column, fold, perFold, { smoothing, prior, target });
	return { fitted, frame: replaceColumn(frame, step.column, outputs) };
}

function checkOptions(step: TargetEncodeStep): { smoothing: number; folds: number } {
	const { smoothing = DEFAULT_SMOOTHING, folds = DEFAULT_FOLDS } = step;
	const bad = (message: string) =>
		new CoreError('bad-option', `The target-encode step on "${step.column}" ${message}`, {
			column: step.column
		});
	if (!(Number.isFinite(smoothing) && smoothing >= 0))
		throw bad(`needs a smoothing of zero or more; got ${smoothing}.`);
	if (!(Number.isInteger(folds) && folds >= 2))
		throw bad(`needs a whole number of folds, 2 or more; got ${folds}.`);
	return { smoothing, folds };
}

function targetRows(column: string, rows: number, target: FitTarget | null): TargetRows {
	const needs = (message: string) =>
		new CoreError('needs-target', `The target-encode step on "${column}" ${message}`, { column });
	if (!target) throw needs('learns from the target, but none was chosen: pick a target first.');
	if (target.y.length !== rows) throw needs('got a target that does not match the rows.');
	if (target.kind === 'values') {
		const has = Uint8Array.from(target.y, (v) => (Number.isFinite(v) ? 1 : 0));
		const values = target.y.map((v) => (Number.isFinite(v) ? v : 0));
		return { width: 1, values, has, outputs: [`${column} target mean`] };
	}
	const { classes, y } = target;
	if (classes.length < 2) throw needs('needs a target with at least two classes.');
	const has = Uint8Array.from(y, (c) => (c >= 0 && c < classes.length ? 1 : 0));
	if (classes.length === 2) {
		const values = Float64Array.from(y, (c) => (c === 1 ? 1 : 0));
		return { width: 1, values, has, outputs: [`${column} target rate`] };
	}
	const width = classes.length;
	const values = new Float64Array(y.length * width);
	y.forEach((c, r) => {
		if (has[r]) values[r * width + c] = 1;
	});
	return { width, values, has, outputs: classes.map((c) => `${column} P(${c})`) };
}

/** Returns each row's fold: the rows shuffled (seeded), then dealt round-robin into the folds. */
function dealFolds(rows: number, folds: number, seed: number): Int32Array {
	const order = shuffleInPlace(
		Int32Array.from({ length: rows }, (_, i) => i),
		createRng(seed)
	);
	const fold = new Int32Array(rows);
	order.forEach((row, i) => (fold[row] = i % folds));
	return fold;
}

function emptySums(slots: number, width: number): Sums {
	return { counts: new Float64Array(slots), sums: new Float64Array(slots * width) };
}

function addRow(into: Sums, slot: number, target: TargetRows, row: number): void {
	const w = target.width;
	into.counts[slot]++;
	for (let k = 0; k < w; k++) into.sums[slot * w + k] += target.values[row * w + k];
}

/** Returns `into` plus `part`, in place. */
function addSums(into: Sums, part: Sums): Sums {
	part.counts.forEach((n, s) => (into.counts[s] += n));
	part.sums.forEach((v, s) => (into.sums[s] += v));
	return into;
}

/** Returns the target mean per output over every slot, or null when no row has a target. */
function priorOf(stats: Sums, width: number): number[] | null {
	const count = stats.counts.reduce((a, b) => a + b, 0);
	if (count === 0) return null;
	const prior = new Array<number>(width).fill(0);
	stats.sums.forEach((v, i) => (prior[i % width] += v));
	return prior.map((v) => v / count);
}

interface Encoding {
	smoothing: number;
	prior: number[];
}

/** Returns a label slot's smoothed encoding; with no rows and no smoothing, the prior. */
function encodeSlot(stats: Sums, slot: number, { smoothing, prior }: Encoding): number[] {
	const n = stats.counts[slot];
	if (n + smoothing === 0) return prior;
	return prior.map(
		(p, k) => (stats.sums[slot * prior.length + k] + smoothing * p) / (n + smoothing)
	);
}

function fittedOf(
	step: TargetEncodeStep,
	labels: readonly string[],
	total: Sums,
	encoding: Encoding & { outputs: string[] }
): FittedTargetEncode {
	const seen = [...labels.keys()].filter((l) => total.counts[l] > 0);
	return {
		...step,
		outputs: encoding.outputs,
		prior: encoding.prior,
		levels: seen.map((l) => labels[l]),
		encodings: seen.map((l) => encodeSlot(total, l, encoding))
	};
}

/** Returns the train rows' output columns, each row encoded from the other folds' rows only. */
function outOfFold(
	column: CategoryColumn | TextColumn,
	fold: Int32Array,
	perFold: readonly Sums[],
	{ smoothing, prior, target }: Encoding & { target: TargetRows }
): NumberColumn[] {
	const rows = column.codes.length;
	const slots = column.levels.length + 1;
	const values = target.outputs.map(() => new Float64Array(rows));
	perFold.forEach((_, f) => {
		// Summed afresh rather than subtracted from the total, so no rounding residue is left.
		const others = perFold.reduce(
			(all, part, g) => (g === f ? all : addSums(all, part)),
			emptySums(slots, target.width)
		);
		// A fold with no other rows holding a target (tiny data) falls back on the whole train prior.
		const encoding = { smoothing, prior: priorOf(others, target.width) ?? prior };
		const bySlot = Array.from({ length: slots }, (_, s) =>
			s === slots - 1 ? encoding.prior : encodeSlot(others, s, encoding)
		);
		for (let r = 0; r < rows; r++) {
			if (fold[r] !== f) continue;
			const code = column.codes[r];
			const encoded = bySlot[code < 0 ? slots - 1 : code];
			encoded.forEach((v, k) => (values[k][r] = v));
		}
	});
	return target.outputs.map((name, k) => ({ kind: 'number', name, values: values[k] }));
}

/** Returns the frame with the label column replaced by its encodings (unseen, missing: the prior). */
export function applyTargetEncode(step: FittedTargetEncode, frame: Frame): Frame {
	const column = labelColumn(frame, step.column, 'target-encode');
	assertNewColumns(frame, step.outputs, 'target-encode', step.column);
	const index = new Map(step.levels.map((label, i) => [label, i]));
	const byLevel = column.levels.map((label) => {
		const i = index.get(label);
		return i === undefined ? step.prior : step.encodings[i];
	});
	const rows = column.codes.length;
	const outputs: NumberColumn[] = step.outputs.map((name, k) => {
		const values = new Float64Array(rows);
		for (let r = 0; r < rows; r++) {
			const code = column.codes[r];
			values[r] = code < 0 ? step.prior[k] : byLevel[code][k];
		}
		return { kind: 'number', name, values };
	});
	return replaceColumn(frame, step.column, outputs);
}
