import type { RecipeStep } from '../prepare/recipe';
import type { ColumnReport } from '../table/infer-kinds';
import { listLines, type DialectQuestion, type RaggedRows } from '../table/parse-csv';
import type { Table } from '../table/table';
import type { ColumnProfile } from './column-stats';
import type { DatasetProfile } from './profile';

/**
 * One data-quality check, like a data guardrail: passed, or an alert with the evidence from the
 * user's own data and the step that fixes it.
 */
export interface Finding {
	/** Stable identifier of the check (`duplicates`, `mixed-types`...). */
	check: string;
	title: string;
	status: 'passed' | 'alert';
	/** What was found, in plain language with numbers from the data. */
	evidence: string;
	/** What fixes it, when something does. */
	fix: string | null;
	/** The columns concerned. */
	columns: string[];
	/** Recipe steps that fix it, for the user to add in one click (none when it takes judgement). */
	steps?: RecipeStep[];
}

/** What the checks read besides the profile. */
export interface FindingInputs {
	profile: DatasetProfile;
	table: Table;
	/** Columns that identify rows (see `identifierColumns`). */
	identifiers: readonly string[];
	reports: readonly ColumnReport[];
	ragged: RaggedRows;
	questions: readonly DialectQuestion[];
}

const MISSING_ALERT_SHARE = 0.05;
const MOSTLY_MISSING_SHARE = 0.5;
const OUTLIER_ALERT_SHARE = 0.01;
const IMBALANCE_SHARE = 0.8;
const SUSPICIOUS_ASSOCIATION = 0.95;
const LISTED = 5;

const percent = (share: number) => `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`;
const names = (columns: readonly string[]) =>
	columns.length <= LISTED
		? columns.map((c) => `"${c}"`).join(', ')
		: `${columns
				.slice(0, LISTED)
				.map((c) => `"${c}"`)
				.join(', ')} and ${columns.length - LISTED} more`;

function check(
	check: string,
	title: string,
	alert: { evidence: string; fix: string | null; columns: string[]; steps?: RecipeStep[] } | null,
	passed: string
): Finding {
	return alert
		? { check, title, status: 'alert', ...alert }
		: { check, title, status: 'passed', evidence: passed, fix: null, columns: [] };
}

/** Returns every check's finding, alerts first, in a stable order. */
export function dataFindings(inputs: FindingInputs): Finding[] {
	const findings = [
		malformedRows(inputs.ragged),
		openQuestions(inputs),
		duplicates(inputs.profile, inputs.identifiers),
		missingValues(inputs.profile),
		mixedTypes(inputs.reports),
		spellings(inputs.table),
		constants(inputs.profile),
		identifiers(inputs.identifiers),
		highCardinality(inputs.profile),
		outliers(inputs.profile),
		labelBalance(inputs.profile),
		strongAssociations(inputs.profile)
	].filter((f): f is Finding => f !== null);
	return [
		...findings.filter((f) => f.status === 'alert'),
		...findings.filter((f) => f.status === 'passed')
	];
}

function malformedRows(ragged: RaggedRows): Finding {
	return check(
		'malformed-rows',
		'Malformed rows',
		ragged.count === 0
			? null
			: {
					evidence: `${ragged.count} row(s) have a different number of fields than the header and were left out: ${listLines(
						ragged.examples.map((r) => r.line),
						ragged.count
					)}.`,
					fix: 'Fix those lines in the file (a missing or extra separator, or a separator inside an unquoted value), or choose another separator if most rows are affected.',
					columns: []
				},
		'Every row has as many fields as the header.'
	);
}

function openQuestions({ reports, questions }: FindingInputs): Finding {
	const dates = reports.filter((r) => r.kind === 'date' && r.dates?.decidedBy === 'assumed');
	const open = [
		...questions.map((q) => q.question),
		...dates.map(
			(r) =>
				`${r.dates!.ambiguousCells} dates in "${r.name}" (such as 02/07/2019) could be day or month first; they are read ${r.dates!.order === 'dmy' ? 'day' : 'month'} first for now.`
		)
	];
	return check(
		'open-questions',
		'Questions about how to read the file',
		open.length === 0
			? null
			: {
					evidence: open.join(' '),
					fix: 'Answer them under "How the file was read" and in the column kinds (date order).',
					columns: dates.map((r) => r.name)
				},
		'The data settled every reading question (separator, decimal mark, date order).'
	);
}

function duplicates(profile: DatasetProfile, ids: readonly string[]): Finding {
	const { duplicates: all, duplicatesIgnoring: ignoring } = profile;
	const example = all.firstExamples[0];
	const parts: string[] = [];
	if (all.duplicateRows > 0)
		parts.push(
			`${all.duplicateRows} row(s) repeat an earlier row exactly (row ${example.row + 1} repeats row ${example.firstRow + 1}).`
		);
	if (ignoring && ignoring.duplicateRows > all.duplicateRows)
		parts.push(
			`Ignoring the identifier column(s) ${names(ignoring.ignoredColumns)}, ${ignoring.duplicateRows} row(s) repeat an earlier row: the same record entered under two identifiers?`
		);
	return check(
		'duplicates',
		'Duplicate rows',
		parts.length === 0
			? null
			: {
					evidence: parts.join(' '),
					fix: 'Drop repeated rows from training (a recipe step), and split with identical rows kept in one part: a copy in train and another in test makes the test score look better than it is.',
					columns: ignoring && ignoring.duplicateRows > all.duplicateRows ? [...ids] : [],
					steps: all.duplicateRows > 0 ? [{ kind: 'drop-duplicates' }] : []
				},
		'No row repeats another.'
	);
}

function present(column: ColumnProfile): number {
	return column.count - column.missing;
}

function missingValues(profile: DatasetProfile): Finding {
	const rows = profile.rowCount;
	const heavy = profile.columns.filter((c) => c.missing / rows >= MISSING_ALERT_SHARE);
	const mostly = heavy.filter((c) => c.missing / rows >= MOSTLY_MISSING_SHARE);
	return check(
		'missing-values',
		'Missing values',
		heavy.length === 0
			? null
			: {
					evidence: heavy
						.map(
							(c) => `"${c.name}" is missing in ${c.missing} rows (${percent(c.missing / rows)})`
						)
						.join('; ')
						.concat('.'),
					fix:
						'The recipe fills missing cells (median for numbers, most frequent for categories), learned on train only.' +
						(mostly.length > 0
							? ` ${names(mostly.map((c) => c.name))} ${mostly.length > 1 ? 'are' : 'is'} mostly empty: consider leaving ${mostly.length > 1 ? 'them' : 'it'} out, or a missing-indicator column.`
							: ''),
					columns: heavy.map((c) => c.name)
				},
		`No column is missing in ${percent(MISSING_ALERT_SHARE)} or more of the rows.`
	);
}

const LEADING_ZERO_CODE = /^[+-]?0\d+$/;

function mixedTypes(reports: readonly ColumnReport[]): Finding {
	const mixed = reports.filter((r) => r.mixed && r.mixed.numberCells >= r.mixed.textCells);
	// Numbers whose text cells are all leading-zero codes (zip codes, phone numbers) are codes.
	const isCode = (r: ColumnReport) => r.mixed!.textExamples.every((t) => LEADING_ZERO_CODE.test(t));
	const describe = (r: ColumnReport) => {
		const { numberCells, textCells, textExamples } = r.mixed!;
		const examples = textExamples
			.slice(0, 4)
			.map((t) => `"${t}"`)
			.join(', ');
		return isCode(r)
			? `"${r.name}" has ${textCells} values with leading zeros such as ${examples} among ${numberCells} numbers: a code (a zip or phone number), read as ${r.kind} so the zeros are kept`
			: `"${r.name}" has ${numberCells} numbers and ${textCells} text cells such as ${examples}, so it is read as ${r.kind}`;
	};
	const fixes = [
		mixed.some((r) => !isCode(r))
			? 'If those texts mean "no value", add them to the missing-value tokens and the column becomes numbers; otherwise clean them (e.g. "1,234" to 1234) in the recipe.'
			: '',
		mixed.some(isCode) ? 'Keep codes as text or category: their size means nothing.' : ''
	].filter((f) => f !== '');
	return check(
		'mixed-types',
		'Numbers mixed with text',
		mixed.length === 0
			? null
			: {
					evidence: mixed.map(describe).join('; ').concat('.'),
					fix: fixes.join(' '),
					columns: mixed.map((r) => r.name)
				},
		'No column mixes numbers with text.'
	);
}

/** Category levels that differ only by spaces around them or by letter case (`male`, ` Male`). */
function spellings(table: Table): Finding {
	const found: string[] = [];
	const steps: RecipeStep[] = [];
	for (const column of table.columns) {
		if (column.kind !== 'category') continue;
		const counts = new Int32Array(column.levels.length);
		for (const code of column.codes) if (code >= 0) counts[code]++;
		const groups = new Map<string, number[]>();
		column.levels.forEach((level, l) => {
			const key = level.trim().toLowerCase();
			groups.set(key, [...(groups.get(key) ?? []), l]);
		});
		const variants = [...groups.values()].filter((g) => g.length > 1);
		if (variants.length === 0) continue;
		found.push(
			`"${column.name}" writes ${variants
				.slice(0, 3)
				.map((g) => g.map((l) => `"${column.levels[l]}"`).join(' / '))
				.join('; ')}`
		);
		steps.push(spellingStep(column.name, column.levels, counts, variants));
	}
	return check(
		'spellings',
		'One value, several spellings',
		found.length === 0
			? null
			: {
					evidence: `${found.join('. ')}: each spelling counts as a different category.`,
					fix: "Trim spaces and merge each value's spellings into its most frequent one (a label clean-up step).",
					columns: steps.map((s) => ('column' in s ? s.column : '')),
					steps
				},
		'No category has the same value written with different spaces or letter case.'
	);
}

/** Returns the clean-up that trims labels and merges each group into its most frequent spelling. */
function spellingStep(
	column: string,
	levels: readonly string[],
	counts: Int32Array,
	variants: readonly number[][]
): RecipeStep {
	const merge: [string, string][] = [];
	for (const group of variants) {
		const top = group.reduce((a, b) => (counts[b] > counts[a] ? b : a));
		const to = levels[top].trim();
		const from = new Set(group.map((l) => levels[l].trim()).filter((text) => text !== to));
		for (const text of from) merge.push([text, to]);
	}
	return { kind: 'clean-labels', column, trim: true, caseFold: 'none', merge };
}

function constants(profile: DatasetProfile): Finding {
	return check(
		'constant-columns',
		'Constant columns',
		profile.constantColumns.length === 0
			? null
			: {
					evidence: `${names(profile.constantColumns)} ${profile.constantColumns.length > 1 ? 'have' : 'has'} at most one value: no information for a model.`,
					fix: 'Leave them out of the features (they are out by default).',
					columns: profile.constantColumns
				},
		'Every column has at least two values.'
	);
}

function identifiers(ids: readonly string[]): Finding {
	return check(
		'identifiers',
		'Identifier columns',
		ids.length === 0
			? null
			: {
					evidence: `${names(ids)} ${ids.length > 1 ? 'are' : 'is'} unique in every row (once exact copies of rows are set aside): an identifier, not a property of the row. A model that uses one learns the rows by heart.`,
					fix: 'Keep identifiers out of the features; use one as a group column if rows of the same entity must stay in one split.',
					columns: [...ids]
				},
		'No column is unique in every row.'
	);
}

function highCardinality(profile: DatasetProfile): Finding {
	const columns = profile.highCardinalityColumns;
	return check(
		'high-cardinality',
		'Columns with very many distinct values',
		columns.length === 0
			? null
			: {
					evidence: columns
						.map((name) => {
							const column = profile.columns.find((c) => c.name === name)!;
							return `"${name}" has ${column.distinct} distinct values in ${present(column)} rows`;
						})
						.join('; ')
						.concat(
							': free text or codes, which one-hot encoding would turn into a column per value.'
						),
					fix: 'Leave them out, group rare values into "other", or derive features (text token counts).',
					columns
				},
		'No category or text column has mostly unique values.'
	);
}

function outliers(profile: DatasetProfile): Finding {
	const flagged = profile.columns.flatMap((c) => {
		if (c.kind !== 'number' || !c.summary) return [];
		const { below, above, lowerFence, upperFence } = c.summary.outliers;
		const share = (below + above) / present(c);
		if (share < OUTLIER_ALERT_SHARE) return [];
		const text = `"${c.name}" has ${below + above} value(s) (${percent(share)}) outside [${round(lowerFence)}, ${round(upperFence)}]`;
		return [{ name: c.name, text }];
	});
	return check(
		'outliers',
		'Outliers (IQR rule)',
		flagged.length === 0
			? null
			: {
					evidence: `${flagged.map((f) => f.text).join('; ')}. The fences are 1.5 interquartile ranges beyond the quartiles.`,
					fix: 'Check whether they are errors (a unit slip, a sentinel such as -200 meaning "missing") or real extremes; clip, log-transform or use a robust scaler.',
					columns: flagged.map((f) => f.name)
				},
		`No number column has ${percent(OUTLIER_ALERT_SHARE)} or more of its values outside the IQR fences.`
	);
}

function round(value: number): string {
	return Number(value.toPrecision(4)).toString();
}

function labelBalance(profile: DatasetProfile): Finding | null {
	const balance = profile.labelBalance;
	if (!balance || balance.majorityShare === null) return null;
	const [top] = balance.classes;
	const share = balance.majorityShare;
	return check(
		'label-balance',
		'Label balance',
		share >= IMBALANCE_SHARE
			? {
					evidence: `${percent(share)} of the rows are "${top.label}": always answering "${top.label}" is ${percent(share)} accurate without learning anything.`,
					fix: 'Judge models with a metric that sees the rare class (PR-AUC, balanced accuracy, recall) and stratify the split.',
					columns: profile.target ? [profile.target] : []
				}
			: null,
		`The largest class, "${top.label}", is ${percent(share)} of the rows.`
	);
}

function strongAssociations(profile: DatasetProfile): Finding | null {
	if (!profile.target) return null;
	const strong = profile.targetAssociations.filter(
		(a) => a.value !== null && a.value >= SUSPICIOUS_ASSOCIATION
	);
	return check(
		'target-association',
		'Columns that give the target away',
		strong.length === 0
			? null
			: {
					evidence: strong
						.map((a) => `"${a.column}" (${a.measure.replace('_', ' ')} ${a.value!.toFixed(3)})`)
						.join(', ')
						.concat(
							` ${strong.length > 1 ? 'are' : 'is'} almost perfectly associated with "${profile.target}". Real features rarely are: it may be a copy of the target or known only after the outcome (a leak).`
						),
					fix: 'Check when each is known; leave out any that would not be available at prediction time.',
					columns: strong.map((a) => a.column)
				},
		`No column is associated with "${profile.target}" at ${SUSPICIOUS_ASSOCIATION} or above.`
	);
}
