import type { MetricName } from '../evaluate/metric-catalogue';
import type { Kpi } from '../evaluate/verdict';
import type { Pipeline } from '../ship/pipeline';
import { typeTable, type ColumnSchema } from '../table/schema';
import {
	findColumn,
	isMissingAt,
	NUMBER_CELL,
	selectRawRows,
	type Column,
	type RawTable
} from '../table/table';
import { CoreError } from '../util/core-error';
import { createRng, type Rng } from '../util/rng';
import { meanStd, quantile } from '../util/stats';
import type { MonitorReference } from './batch-tables';
import type { DriftOptions } from './drift-options';
import { statsTable } from './stats-table';
import { monitorBatch, type MonitorAlertKind } from './monitor-batch';

/** The group of a regression target that a label shift over-samples. */
export const ABOVE_MEDIAN = 'above the median';

/** A drift the user injects into the replayed rows, from the onset batch on. */
export type Injection =
	/** Covariate shift: a number column moves by `sds` of its reference standard deviations. */
	| { kind: 'shift'; column: string; sds: number }
	/** A unit change: a number column is multiplied by `factor` (metres to centimetres: 100). */
	| { kind: 'scale'; column: string; factor: number }
	/** A label the model never saw takes `share` of a category column's cells. */
	| { kind: 'new-category'; column: string; label: string; share: number }
	/**
	 * Label shift: rows of one class (or, for a number target, `ABOVE_MEDIAN`) make up `share` of
	 * the traffic; the inputs of each row are unchanged.
	 */
	| { kind: 'label-shift'; group: string; share: number };

/** How the held-back rows are replayed as traffic. */
export interface SimulationPlan {
	batches: number;
	rowsPerBatch: number;
	/** The first batch (from 1) with the injected drift. */
	onset: number;
	injections: Injection[];
	seed: number;
}

export const SIMULATION_LIMITS = { batches: 30, rowsPerBatch: 5000 } as const;

/** What the monitor found in one replayed batch. */
export interface SimulatedBatch {
	batch: number;
	drifting: boolean;
	/** Each alert's check: its kind and column. */
	fired: { kind: MonitorAlertKind; column: string | null }[];
	/** The primary metric on the batch (its rows have their labels); null when not scored. */
	metric: number | null;
}

/** One check over the replay: when it first fired, and its false alarms. */
export interface SimulatedCheck {
	kind: MonitorAlertKind;
	column: string | null;
	/**
	 * The drift should reach it: a column drifted on purpose (every column, for a label shift, as
	 * the inputs that go with the outcome move with it), the predictions, or the whole batch. Any
	 * other firing is sampling noise, and so is every firing of a replay without drift.
	 */
	expected: boolean;
	/** Batches in which it fired, ascending. */
	batches: number[];
	/** Its first batch at or after the onset; null when it never fired there. */
	firstAfterOnset: number | null;
	/** Batches in which it fired with nothing to catch: before the onset, or any, if not expected. */
	falseAlarms: number;
}

export interface SimulationResult {
	plan: SimulationPlan;
	metric: MetricName | null;
	batches: SimulatedBatch[];
	checks: SimulatedCheck[];
}

/** What a simulation replays and holds the batches against. */
export interface SimulationInput {
	pipeline: Pipeline;
	/** The reference: the train rows (or a retrained version's statistics), as the monitor reads it. */
	reference: MonitorReference;
	/** The rows replayed: held back from training (the validation rows). */
	pool: RawTable;
	target: ColumnSchema;
	plan: SimulationPlan;
	options?: DriftOptions;
	kpis?: readonly Kpi[];
}

function refuse(message: string): never {
	throw new CoreError('bad-simulation', message);
}

/** Returns the typed column of `name` in `raw`, by the pipeline's schema (or the target's). */
function typedColumn(raw: RawTable, input: SimulationInput, name: string): Column {
	const spec =
		input.pipeline.schema.columns.find((c) => c.name === name) ??
		(name === input.target.name ? input.target : null);
	if (!spec || !findColumn(raw.columns, name))
		refuse(`"${name}" is not one of the model's inputs.`);
	return typeTable(raw, { ...input.pipeline.schema, columns: [spec] }).table.columns[0];
}

function checkPlan(input: SimulationInput): void {
	const { plan } = input;
	const whole = (n: number, low: number, high: number, what: string) => {
		if (!Number.isInteger(n) || n < low || n > high)
			refuse(`${what} must be a whole number from ${low} to ${high}, not ${n}.`);
	};
	whole(plan.batches, 2, SIMULATION_LIMITS.batches, 'The number of batches');
	whole(plan.rowsPerBatch, 10, SIMULATION_LIMITS.rowsPerBatch, 'The rows per batch');
	whole(plan.onset, 1, plan.batches, 'The batch where the drift begins');
	if (input.pool.rowCount === 0) refuse('There are no held-back rows to replay.');
	for (const injection of plan.injections) {
		if (injection.kind === 'label-shift' || injection.kind === 'new-category') {
			if (!(injection.share > 0 && injection.share <= 1))
				refuse(`A share must be above 0 and at most 1, not ${injection.share}.`);
		}
		if (injection.kind === 'label-shift') continue;
		const typed = typedColumn(input.pool, input, injection.column);
		const wanted = injection.kind === 'new-category' ? 'category' : 'number';
		if (typed.kind !== wanted)
			refuse(
				`"${injection.column}" is a ${typed.kind} column; this drift needs a ${wanted} column.`
			);
		if (injection.kind === 'new-category') {
			const label = injection.label.trim();
			if (label === '') refuse('A new category needs a label.');
			if (typed.kind === 'category' && typed.levels.includes(label))
				refuse(`"${label}" is already a label of "${injection.column}": choose a new one.`);
			if (input.pipeline.schema.missingTokens.includes(label))
				refuse(`"${label}" is read as a missing value: choose a label that is not.`);
		} else {
			const raw = findColumn(input.pool.columns, injection.column)!;
			if (!raw.numbers || !raw.codes.some((c) => c === NUMBER_CELL))
				refuse(
					`"${injection.column}" holds no plain numbers in the file (its cells are quoted or formatted), so this simulation cannot move them.`
				);
		}
		if (
			injection.kind === 'scale' &&
			!(Number.isFinite(injection.factor) && injection.factor > 0 && injection.factor !== 1)
		)
			refuse(
				`A unit change multiplies by a positive factor other than 1, not ${injection.factor}.`
			);
		if (injection.kind === 'shift' && !(Number.isFinite(injection.sds) && injection.sds !== 0))
			refuse(
				`A shift moves by a number of standard deviations other than 0, not ${injection.sds}.`
			);
	}
}

/** Returns the pool rows in the label-shift group, and the others. */
function labelGroups(input: SimulationInput, group: string): [number[], number[]] {
	const column = typedColumn(input.pool, input, input.target.name);
	const inside: number[] = [];
	const outside: number[] = [];
	if (column.kind === 'number') {
		if (group !== ABOVE_MEDIAN)
			refuse(`A number target shifts by "${ABOVE_MEDIAN}", not "${group}".`);
		const median = quantile(column.values, 0.5);
		column.values.forEach((v, i) => {
			if (Number.isFinite(v)) (v > median ? inside : outside).push(i);
		});
	} else if (column.kind === 'category' || column.kind === 'boolean') {
		const target = column.kind === 'category' ? column.levels.indexOf(group) : -1;
		for (let i = 0; i < input.pool.rowCount; i++) {
			if (isMissingAt(column, i)) continue;
			const inGroup =
				column.kind === 'category'
					? column.codes[i] === target
					: column.words[column.values[i]] === group;
			(inGroup ? inside : outside).push(i);
		}
	} else refuse(`A label shift needs a class or number target, not a ${column.kind} one.`);
	if (inside.length === 0 || outside.length === 0)
		refuse(
			`The held-back rows have no row ${inside.length === 0 ? 'in' : 'outside'} "${group}" to shift the traffic with.`
		);
	return [inside, outside];
}

/** Returns the rows of one batch: uniform over the pool, or with a label shift's share. */
function batchRows(
	rng: Rng,
	count: number,
	poolRows: number,
	shift: { groups: [number[], number[]]; share: number } | null
): Int32Array {
	const rows = new Int32Array(count);
	for (let i = 0; i < count; i++) {
		if (!shift) rows[i] = rng.int(poolRows);
		else {
			const group = rng.next() < shift.share ? shift.groups[0] : shift.groups[1];
			rows[i] = group[rng.int(group.length)];
		}
	}
	return rows;
}

/** Applies a column injection to a batch's raw cells (its own copy of the column). */
function inject(
	raw: RawTable,
	injection: Exclude<Injection, { kind: 'label-shift' }>,
	delta: number,
	rng: Rng
): void {
	const index = raw.columns.findIndex((c) => c.name === injection.column);
	const column = raw.columns[index];
	if (injection.kind === 'new-category') {
		const levels = [...column.levels, injection.label];
		const code = levels.length - 1;
		const codes = column.codes.map((c) => (rng.next() < injection.share ? code : c));
		raw.columns[index] = { ...column, codes, levels };
		return;
	}
	if (!column.numbers) return;
	const numbers = column.numbers.map((v, i) =>
		column.codes[i] !== NUMBER_CELL
			? v
			: injection.kind === 'shift'
				? v + delta
				: v * injection.factor
	);
	raw.columns[index] = { ...column, numbers };
}

/**
 * Replays held-back rows as production traffic: `plan.batches` batches drawn (seeded, with
 * replacement) from the pool, the injected drift applied from the onset batch on, each checked
 * by the monitor (`monitorBatch`) against the train rows. Returns, per batch, the checks that
 * fired, and per check, when it first fired after the onset and its false alarms before it.
 * Throws `bad-simulation` for a plan it cannot run, saying why.
 */
export function simulateTraffic(input: SimulationInput): SimulationResult {
	checkPlan(input);
	const { plan, pipeline, target } = input;
	const rng = createRng(plan.seed);
	const labelShift = plan.injections.find((i) => i.kind === 'label-shift');
	const shift = labelShift && {
		groups: labelGroups(input, labelShift.group),
		share: labelShift.share
	};
	const deltas = plan.injections.map((injection) => {
		if (injection.kind !== 'shift') return 0;
		const column =
			'source' in input.reference
				? statsTable(input.reference).columns.find((c) => c.name === injection.column)
				: typedColumn(input.reference, input, injection.column);
		if (!column) refuse(`"${injection.column}" is not in the reference.`);
		const sd = column.kind === 'number' ? meanStd(column.values).std : NaN;
		if (!(sd > 0))
			refuse(
				`"${injection.column}" has a single value in the reference: a shift in standard deviations would not move it.`
			);
		return injection.sds * sd;
	});
	const metric = input.kpis?.[0]?.metric ?? null;
	const batches: SimulatedBatch[] = [];
	let prediction: string | null = null;
	for (let batch = 1; batch <= plan.batches; batch++) {
		const drifting = plan.injections.length > 0 && batch >= plan.onset;
		const rows = batchRows(
			rng,
			plan.rowsPerBatch,
			input.pool.rowCount,
			drifting ? (shift ?? null) : null
		);
		const raw = selectRawRows(input.pool, rows);
		if (drifting)
			plan.injections.forEach((injection, i) => {
				if (injection.kind !== 'label-shift') inject(raw, injection, deltas[i], rng);
			});
		const report = monitorBatch({
			pipeline,
			reference: input.reference,
			batch: { kind: 'csv', fileName: `batch ${batch}`, raw, notes: [] },
			target,
			options: input.options,
			kpis: input.kpis
		});
		prediction = report.prediction ?? prediction;
		batches.push({
			batch,
			drifting,
			fired: report.alerts.map(({ kind, column }) => ({ kind, column })),
			metric: (metric && report.performance?.metrics?.[metric]) ?? null
		});
	}
	// What the drift can reach: the columns drifted on purpose, the predictions and the whole
	// batch; with a label shift every column, as inputs that go with the outcome move with it.
	const drifted = (name: string | null) =>
		plan.injections.length > 0 &&
		(name === null ||
			name === prediction ||
			plan.injections.some((i) => i.kind === 'label-shift' || i.column === name));
	const onset = plan.injections.length > 0 ? plan.onset : Infinity;
	return { plan, metric, batches, checks: checksOf(batches, onset, drifted) };
}

/** Returns every check that fired, in the order it first did. */
function checksOf(
	batches: readonly SimulatedBatch[],
	onset: number,
	drifted: (column: string | null) => boolean
): SimulatedCheck[] {
	const checks = new Map<string, SimulatedCheck>();
	for (const { batch, fired } of batches) {
		for (const { kind, column } of fired) {
			const key = `${kind}\u0000${column ?? ''}`;
			let check = checks.get(key);
			if (!check) {
				const expected = drifted(column);
				check = { kind, column, expected, batches: [], firstAfterOnset: null, falseAlarms: 0 };
				checks.set(key, check);
			}
			if (check.batches.at(-1) === batch) continue;
			check.batches.push(batch);
			if (batch < onset || !check.expected) check.falseAlarms++;
			if (batch >= onset) check.firstAfterOnset ??= batch;
		}
	}
	return [...checks.values()];
}
