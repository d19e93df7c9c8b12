import { CoreError } from '../util/core-error';

/** Why the server refused one row, as its log writes it; `column` is null for the whole row. */
export interface LogRowError {
	column: string | null;
	reason: string;
}

/** What the server did with a logged row: its prediction, or why it refused the row. */
export type LogOutcome =
	{ kind: 'output'; prediction: string | number } | { kind: 'error'; errors: LogRowError[] };

/** One line of the server's prediction log (`runtime/serve/prediction-log.ts`), checked. */
export interface LogLine {
	/** When the request arrived, as written (ISO 8601). */
	time: string;
	/** `time` as epoch milliseconds. */
	instant: number;
	model: string;
	version: string;
	/** The request's number since the server started: groups the lines of one request. */
	request: number;
	/** The row's index in its request. */
	row: number;
	latencyMs: number;
	/** The model's inputs as the request sent them, by column name (a Map: any name is safe). */
	inputs: Map<string, unknown>;
	outcome: LogOutcome;
}

/** An ISO 8601 date and time with its zone, as `Date.toISOString` writes (offsets allowed too). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Characters of a bad value quoted in a message. */
const QUOTED_CHARS = 40;

/**
 * Returns one line of a prediction log, checked field by field; throws a `CoreError`
 * (`bad-log-line`) naming the line and what is wrong with it. `last` marks the file's last line
 * without a line break, which a server stopped mid-write leaves cut off.
 */
export function parseLogLine(text: string, line: number, last = false): LogLine {
	const fail = (problem: string): never => {
		throw new CoreError('bad-log-line', `Line ${line} of the prediction log ${problem}.`, { line });
	};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		const cut = last ? ' (it may have been cut off while the server was writing it)' : '';
		return fail(`is not valid JSON${cut}: ${quote(text)}`);
	}
	if (!isRecord(value)) return fail(`is ${kindOf(value)}, not a JSON object`);
	const fields = new Map(Object.entries(value));
	const time = stringField(fields, 'time', fail);
	// Only ISO 8601 with a zone: Date.parse reads other texts differently in each engine.
	const instant = ISO_INSTANT.test(time) ? Date.parse(time) : NaN;
	if (!Number.isFinite(instant))
		fail(`has "time" ${quote(time)}, which is not an ISO date and time with its time zone`);
	return {
		time,
		instant,
		model: stringField(fields, 'model', fail),
		version: stringField(fields, 'version', fail),
		request: countField(fields, 'request', fail),
		row: countField(fields, 'row', fail),
		latencyMs: latencyField(fields, fail),
		inputs: inputsField(fields, fail),
		outcome: outcomeOf(fields, fail)
	};
}

type Fail = (problem: string) => never;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function quote(text: string): string {
	return JSON.stringify(text.length > QUOTED_CHARS ? `${text.slice(0, QUOTED_CHARS)}…` : text);
}

function stringField(fields: Map<string, unknown>, name: string, fail: Fail): string {
	const value = fields.get(name);
	if (typeof value !== 'string') return fail(`has no "${name}" text (found ${kindOf(value)})`);
	return value;
}

function countField(fields: Map<string, unknown>, name: string, fail: Fail): number {
	const value = fields.get(name);
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
		return fail(`has "${name}" ${describe(value)}; it must be a whole number >= 0`);
	return value;
}

function latencyField(fields: Map<string, unknown>, fail: Fail): number {
	const value = fields.get('latencyMs');
	if (typeof value !== 'number' || !(value >= 0))
		return fail(`has "latencyMs" ${describe(value)}; it must be a number of milliseconds >= 0`);
	return value;
}

function describe(value: unknown): string {
	return value === undefined
		? 'missing'
		: typeof value === 'number'
			? String(value)
			: kindOf(value);
}

function inputsField(fields: Map<string, unknown>, fail: Fail): Map<string, unknown> {
	const inputs = fields.get('inputs');
	if (!isRecord(inputs)) return fail(`has "inputs" ${describe(inputs)}; it must be an object`);
	return new Map(Object.entries(inputs));
}

function outcomeOf(fields: Map<string, unknown>, fail: Fail): LogOutcome {
	const output = fields.get('output');
	const error = fields.get('error');
	if ((output === undefined) === (error === undefined))
		return fail('must have either an "output" or an "error" field, not both or neither');
	if (error !== undefined) return { kind: 'error', errors: rowErrors(error, fail) };
	if (!isRecord(output)) return fail(`has "output" ${describe(output)}; it must be an object`);
	const prediction = new Map(Object.entries(output)).get('prediction');
	if (typeof prediction === 'string' || (typeof prediction === 'number' && isFinite(prediction)))
		return { kind: 'output', prediction };
	return fail(
		`has an "output" whose "prediction" is ${describe(prediction)}, not a label or a number`
	);
}

function rowErrors(error: unknown, fail: Fail): LogRowError[] {
	if (!Array.isArray(error)) return fail(`has "error" ${describe(error)}; it must be a list`);
	return error.map((item: unknown) => {
		const entry = isRecord(item) ? new Map(Object.entries(item)) : null;
		const column = entry?.get('column');
		const reason = entry?.get('reason');
		if (typeof reason !== 'string' || !(typeof column === 'string' || column === null))
			return fail('has an "error" entry without a "column" (text or null) and a "reason" (text)');
		return { column, reason };
	});
}
