import type { TopLevelSpec } from 'vega-lite';

/** Rows a chart's table shows; a chart with more says how many it left out. */
export const CHART_TABLE_ROWS = 1000;

/** A chart's data as a table: headers, the first `CHART_TABLE_ROWS` rows as text, and the count. */
export interface ChartTable {
	headers: string[];
	rows: string[][];
	totalRows: number;
}

/** What the table reads of one field: its header, and whether its numbers are instants. */
interface FieldUse {
	header: string;
	time: boolean;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Returns a table for each inline dataset of a chart spec (the top level's and each layer's),
 * with a column for each field an encoding channel shows, headed by its tooltip or axis title.
 * Reference layers (`datum` encodings over a row with no fields) and the fields that only order
 * or group marks are left out. A chart whose data is not inline gets no table.
 */
export function chartTables(spec: TopLevelSpec): ChartTable[] {
	return viewTables(spec as unknown as Json, {});
}

function viewTables(view: Json, inherited: Json): ChartTable[] {
	const encoding = { ...inherited, ...(isObject(view.encoding) ? view.encoding : {}) };
	const layers = Array.isArray(view.layer) ? view.layer.filter(isObject) : [];
	const own = isObject(view.data) && Array.isArray(view.data.values) ? view.data.values : null;
	const table = own ? tableOf(own.filter(isObject), fieldUses(encoding)) : null;
	return [...(table ? [table] : []), ...layers.flatMap((layer) => viewTables(layer, encoding))];
}

function tableOf(rows: Json[], uses: Map<string, FieldUse>): ChartTable | null {
	const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((f) => uses.has(f));
	if (fields.length === 0) return null;
	const columns = fields.map((f) => uses.get(f)!);
	return {
		headers: columns.map((c) => c.header),
		rows: rows
			.slice(0, CHART_TABLE_ROWS)
			.map((row) => fields.map((f, j) => cellText(row[f], columns[j].time))),
		totalRows: rows.length
	};
}

/** Channels that order or group marks: their fields are not what the chart shows. */
const UNSHOWN_CHANNELS = new Set(['order', 'detail']);

/** Returns what each shown field is called and whether it holds instants, by channel. */
function fieldUses(encoding: Json): Map<string, FieldUse> {
	const uses = new Map<string, FieldUse>();
	const tooltips = [encoding.tooltip].flat().filter(isObject);
	for (const def of tooltips)
		if (typeof def.field === 'string' && typeof def.title === 'string')
			uses.set(def.field, { header: def.title, time: isTime(def) });
	for (const [channel, def] of Object.entries(encoding)) {
		if (UNSHOWN_CHANNELS.has(channel) || !isObject(def) || typeof def.field !== 'string') continue;
		if (uses.has(def.field)) continue;
		// A range's ends (a bin, a bar from x to x2) share the axis title: their fields tell them apart.
		const end = channel === 'x2' || channel === 'y2';
		const ranged = end || def.bin !== undefined || encoding[`${channel}2`] !== undefined;
		const title = !ranged && typeof def.title === 'string' ? def.title : def.field;
		const partner = end ? encoding[channel[0]] : def;
		uses.set(def.field, { header: title, time: isObject(partner) && isTime(partner) });
	}
	for (const def of tooltips)
		if (typeof def.field === 'string' && !uses.has(def.field))
			uses.set(def.field, { header: def.field, time: isTime(def) });
	return uses;
}

function isTime(def: Json): boolean {
	return def.type === 'temporal' || def.timeUnit !== undefined;
}

/** Returns a cell as text: instants as UTC ISO dates, other numbers to four significant digits. */
function cellText(value: unknown, time: boolean): string {
	if (value === null || value === undefined) return '';
	if (typeof value !== 'number') return String(value);
	if (time && Number.isFinite(value)) {
		const iso = new Date(value).toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
	}
	if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
	const wholeDigits = Math.max(1, Math.floor(Math.log10(Math.abs(value))) + 1);
	return String(Number(value.toPrecision(Math.max(4, wholeDigits))));
}
