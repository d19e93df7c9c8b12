// The feature-step recipes the Python export is checked on, and the files made for them from the
// shared datasets (dates with missing cells, a date-and-time column, masses in mixed units, and
// text in many scripts). No vitest import.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureStep } from '../../src/core/prepare/steps/feature-steps';
import type { ColumnKind } from '../../src/core/table/table';
import { DATASETS_DIR } from '../core/reference';

/** One recipe of feature steps on a dataset, fitted on some rows and applied to the others. */
export interface FeatureCase {
	name: string;
	/** A file of the shared datasets, or one of `derivedFiles`. */
	file: string;
	/** Input columns, with a kind where it overrides the one the app infers. */
	inputs: (string | [string, ColumnKind])[];
	steps: FeatureStep[];
	/** True for a held-out row; by default every fourth row. */
	held?: (row: number) => boolean;
}

const AIR = 'air-when.csv';
const BIKE = 'bike-holes.csv';
const MASSES = 'masses.csv';
const SCRIPTS = 'scripts.csv';
const ODD_DATES = 'odd-dates.csv';
const HOUSING = 'dirty/housing_mixed_types_dates.csv';
const PENGUINS = 'dirty/penguins_kitchen_sink.csv';

// Rome's clocks went forward on 2004-03-28 and 2005-03-27 and back on 2004-10-31; Lord Howe's
// move by half an hour. Held out: from March 2005.
const fromMarch2005 = (row: number) => row >= 9000;

export const CASES: FeatureCase[] = [
	{
		name: 'air quality: local times across the clock changes in Rome, then their parts',
		file: AIR,
		inputs: ['When', 'Time', 'CO_GT', 'T'],
		held: fromMarch2005,
		steps: [
			{ kind: 'time-zone', column: 'When', zone: 'Europe/Rome' },
			{ kind: 'date-parts', column: 'When', parts: ['year', 'month', 'day', 'hour', 'weekday'] }
		]
	},
	{
		name: "air quality: Lord Howe's half-hour clock changes (the zone in lower case)",
		file: AIR,
		inputs: ['When'],
		held: fromMarch2005,
		steps: [{ kind: 'time-zone', column: 'When', zone: 'australia/lord_howe' }]
	},
	{
		name: 'air quality: date and time read as text with a format, then New York to UTC',
		file: AIR,
		inputs: [['When', 'category']],
		held: fromMarch2005,
		steps: [
			{ kind: 'parse-date', column: 'When', format: '%d/%m/%Y %H:%M:%S' },
			{ kind: 'time-zone', column: 'When', zone: 'America/New_York' },
			{ kind: 'date-parts', column: 'When', parts: ['hour', 'dayofyear'], keep: true }
		]
	},
	{
		name: 'air quality: times of day (18:00:00) read as dates, and their hour',
		file: AIR,
		inputs: ['Time', 'CO_GT'],
		steps: [
			{ kind: 'parse-date', column: 'Time', format: '%H:%M:%S' },
			{ kind: 'date-parts', column: 'Time', parts: ['hour', 'year', 'day'] }
		]
	},
	{
		name: 'bike days: every part of a date with missing cells, one asked twice',
		file: BIKE,
		inputs: ['dteday', 'temp'],
		held: (row) => row >= 550,
		steps: [
			{
				kind: 'date-parts',
				column: 'dteday',
				parts: ['year', 'month', 'day', 'weekday', 'hour', 'dayofyear', 'month']
			}
		]
	},
	{
		name: 'bike days: a kept date, read as Sydney time, then its parts',
		file: BIKE,
		inputs: ['dteday', 'hum'],
		held: (row) => row >= 550,
		steps: [
			{ kind: 'date-parts', column: 'dteday', parts: ['weekday'], keep: true },
			{ kind: 'time-zone', column: 'dteday', zone: 'Australia/Sydney' },
			{ kind: 'date-parts', column: 'dteday', parts: ['day', 'hour', 'dayofyear'] }
		]
	},
	{
		name: 'housing survey dates as text, day/month/year, then their parts',
		file: HOUSING,
		inputs: [['survey_date', 'category'], 'median_income'],
		steps: [
			{ kind: 'parse-date', column: 'survey_date', format: '%d/%m/%Y' },
			{
				kind: 'date-parts',
				column: 'survey_date',
				parts: ['year', 'month', 'day', 'weekday', 'dayofyear']
			}
		]
	},
	{
		name: 'housing survey dates as text: ISO with a Z, then their hour',
		file: HOUSING,
		inputs: [['survey_date', 'text']],
		steps: [
			{ kind: 'parse-date', column: 'survey_date', format: '%Y-%m-%dT%H:%M:%SZ' },
			{ kind: 'date-parts', column: 'survey_date', parts: ['hour', 'month'], keep: true }
		]
	},
	{
		name: 'housing survey dates as text with month names (Jul 02 2019)',
		file: HOUSING,
		inputs: [['survey_date', 'category']],
		steps: [{ kind: 'parse-date', column: 'survey_date', format: '%b %d %Y' }]
	},
	{
		name: 'housing survey dates as numbers (20190702)',
		file: HOUSING,
		inputs: [['survey_date', 'number']],
		steps: [{ kind: 'parse-date', column: 'survey_date', format: '%Y%m%d' }]
	},
	{
		name: 'penguins kitchen sink: observation dates in four formats, two read',
		file: PENGUINS,
		inputs: [['observed_on', 'category'], 'sex'],
		steps: [
			{ kind: 'parse-date', column: 'observed_on', format: '%d %B %Y' },
			{ kind: 'date-parts', column: 'observed_on', parts: ['month', 'weekday'] }
		]
	},
	{
		name: 'penguins kitchen sink: observation dates as day.month.year',
		file: PENGUINS,
		inputs: [['observed_on', 'category']],
		steps: [{ kind: 'parse-date', column: 'observed_on', format: '%d.%m.%Y' }]
	},
	{
		name: 'odd dates: padded, shouting, cut and unknown month names, 29 February',
		file: ODD_DATES,
		inputs: [['named', 'category']],
		steps: [{ kind: 'parse-date', column: 'named', format: '%b %d %Y' }]
	},
	{
		name: 'odd dates: offsets written five ways, one out of range, a leap second',
		file: ODD_DATES,
		inputs: [['stamp', 'text']],
		steps: [{ kind: 'parse-date', column: 'stamp', format: '%Y-%m-%d %H:%M:%S%z' }]
	},
	{
		name: 'odd dates: two-digit years either side of 1969, then their parts',
		file: ODD_DATES,
		inputs: [['short', 'category']],
		steps: [
			{ kind: 'parse-date', column: 'short', format: '%d/%m/%y' },
			{ kind: 'date-parts', column: 'short', parts: ['year', 'dayofyear'], keep: true }
		]
	},
	{
		name: 'penguins kitchen sink: body masses with words in them, bare grams to kilograms',
		file: PENGUINS,
		inputs: ['body_mass_g', 'bill_length_mm'],
		steps: [{ kind: 'units', column: 'body_mass_g', unit: 'kg', bare: 'g' }]
	},
	{
		name: 'masses in kg, lb, g, oz, t and words to pounds; lengths to cm and inches',
		file: MASSES,
		held: (row) => row % 5 === 1,
		inputs: ['body', 'flipper', 'bill_length_mm'],
		steps: [
			{ kind: 'units', column: 'body', unit: 'lb', bare: 'g' },
			{ kind: 'units', column: 'flipper', unit: 'cm', bare: 'mm' },
			{ kind: 'units', column: 'bill_length_mm', unit: 'in', bare: 'mm' }
		]
	},
	{
		name: 'masses: bare numbers left missing, kilograms by their spelling',
		file: MASSES,
		held: (row) => row % 5 === 1,
		inputs: ['body'],
		steps: [{ kind: 'units', column: 'body', unit: 'kilograms' as 'kg', bare: 'missing' }]
	},
	{
		name: 'air quality: temperatures from °C to °F',
		file: 'air_quality.csv',
		inputs: ['T', 'RH'],
		steps: [{ kind: 'units', column: 'T', unit: '°F', bare: '°C' }]
	},
	{
		name: 'titanic: clip by IQR and by quantiles, default and chosen',
		file: 'titanic.csv',
		inputs: ['Age', 'Fare', 'SibSp', 'Parch'],
		steps: [
			{ kind: 'clip', column: 'Fare', method: 'iqr' },
			{ kind: 'clip', column: 'Age', method: 'percentiles', lower: 0.05, upper: 0.95 },
			{ kind: 'clip', column: 'SibSp', method: 'percentiles' },
			{ kind: 'clip', column: 'Parch', method: 'iqr', k: 0 }
		]
	},
	{
		name: 'california: clip with k 3, signed log and square root of negative numbers',
		file: 'california_housing.csv',
		inputs: ['longitude', 'latitude', 'median_income', 'total_bedrooms'],
		steps: [
			{ kind: 'clip', column: 'median_income', method: 'iqr', k: 3 },
			{ kind: 'transform', column: 'longitude', fn: 'log' },
			{ kind: 'transform', column: 'latitude', fn: 'sqrt' },
			{ kind: 'transform', column: 'total_bedrooms', fn: 'log' }
		]
	},
	{
		name: 'titanic: standardise, min-max and robust scaling, with missing cells',
		file: 'titanic.csv',
		inputs: ['Age', 'Fare', 'SibSp', 'Parch', 'Pclass'],
		steps: [
			{ kind: 'transform', column: 'Fare', fn: 'sqrt' },
			{ kind: 'standardize', column: 'Age' },
			{ kind: 'scale', column: 'Fare', method: 'min-max' },
			{ kind: 'scale', column: 'SibSp', method: 'robust' },
			{ kind: 'standardize', column: 'Parch' },
			{ kind: 'scale', column: 'Pclass', method: 'robust' }
		]
	},
	{
		name: 'titanic: ratios and differences (division by zero), named and not',
		file: 'titanic.csv',
		inputs: ['Age', 'Fare', 'SibSp', 'Parch'],
		steps: [
			{ kind: 'derive', op: 'ratio', left: 'Fare', right: 'SibSp' },
			{ kind: 'derive', op: 'difference', left: 'Age', right: 'Parch', name: 'age minus parch' },
			{ kind: 'derive', op: 'ratio', left: 'Parch', right: 'SibSp', name: '' }
		]
	},
	{
		name: 'titanic: constant and all-missing columns standardised and scaled',
		file: 'titanic.csv',
		inputs: ['Age', 'Parch'],
		steps: [
			{ kind: 'derive', op: 'difference', left: 'Parch', right: 'Parch', name: 'zero' },
			{ kind: 'derive', op: 'ratio', left: 'Age', right: 'zero', name: 'nothing' },
			{ kind: 'derive', op: 'difference', left: 'Age', right: 'Age', name: 'zero or missing' },
			{ kind: 'standardize', column: 'zero' },
			{ kind: 'standardize', column: 'nothing' },
			{ kind: 'scale', column: 'zero or missing', method: 'min-max' }
		]
	},
	{
		name: 'titanic: constant and all-missing columns clipped, scaled and binned',
		file: 'titanic.csv',
		inputs: ['Age', 'Parch'],
		steps: [
			{ kind: 'derive', op: 'difference', left: 'Parch', right: 'Parch', name: 'zero' },
			{ kind: 'derive', op: 'ratio', left: 'Age', right: 'zero', name: 'nothing' },
			{ kind: 'derive', op: 'ratio', left: 'Age', right: 'Age', name: 'one' },
			{ kind: 'scale', column: 'nothing', method: 'robust' },
			{ kind: 'clip', column: 'nothing', method: 'iqr' },
			{ kind: 'clip', column: 'one', method: 'percentiles' },
			{ kind: 'scale', column: 'zero', method: 'min-max' },
			{ kind: 'bin', column: 'nothing', method: 'quantile', bins: 4 },
			{ kind: 'bin', column: 'one', method: 'width', bins: 3 }
		]
	},
	{
		name: 'titanic: bins by quantile (tied edges merged) and by width',
		file: 'titanic.csv',
		inputs: ['Age', 'Fare', 'SibSp', 'Parch'],
		steps: [
			{ kind: 'bin', column: 'Fare', method: 'quantile', bins: 4 },
			{ kind: 'bin', column: 'Age', method: 'width', bins: 5 },
			{ kind: 'bin', column: 'SibSp', method: 'quantile', bins: 10 },
			{ kind: 'bin', column: 'Parch', method: 'width', bins: 2 }
		]
	},
	{
		name: 'california: ten income deciles and seven age bins',
		file: 'california_housing.csv',
		inputs: ['median_income', 'housing_median_age', 'total_bedrooms'],
		steps: [
			{ kind: 'bin', column: 'median_income', method: 'quantile', bins: 10 },
			{ kind: 'bin', column: 'housing_median_age', method: 'width', bins: 7 },
			{ kind: 'bin', column: 'total_bedrooms', method: 'quantile', bins: 3 }
		]
	},
	{
		name: 'titanic: hashed words of Name, Ticket and Cabin (missing cells), unseen words',
		file: 'titanic.csv',
		inputs: ['Name', 'Ticket', 'Age', 'Cabin'],
		steps: [
			{ kind: 'hash-tokens', column: 'Name' },
			{ kind: 'hash-tokens', column: 'Ticket', buckets: 7 },
			{ kind: 'hash-tokens', column: 'Cabin', buckets: 1 }
		]
	},
	{
		name: 'hashed words of free text with quotes, new lines and non-ASCII letters',
		file: 'dirty/adult_quoted_multiline.csv',
		inputs: [['comment', 'text'], 'age'],
		steps: [{ kind: 'hash-tokens', column: 'comment', buckets: 64 }]
	},
	{
		name: 'hashed words in many scripts: final sigma, dotted I, digits, emoji, astral letters',
		file: SCRIPTS,
		inputs: [['text', 'text']],
		held: (row) => row >= 8,
		steps: [{ kind: 'hash-tokens', column: 'text', buckets: 5 }]
	}
];

/** Returns a CSV cell, quoted when it holds a comma, a quote or a new line. */
function csvCell(text: string): string {
	return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function readShared(file: string): { header: string[]; rows: string[][] } {
	const [header, ...lines] = readFileSync(DATASETS_DIR + file, 'utf8')
		.trim()
		.split('\n');
	return { header: header.split(','), rows: lines.map((line) => line.split(',')) };
}

function writeCsv(path: string, header: string[], rows: string[][]): string {
	const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
	writeFileSync(path, `${lines.join('\n')}\n`);
	return path;
}

/** Air quality with `When` (its date and time in one cell), some `When` and `Time` cells blank. */
function airWhen(dir: string): string {
	const { header, rows } = readShared('air_quality.csv');
	const out = rows.map((row, i) => {
		const when = i % 29 === 11 ? '' : `${row[0]} ${row[1]}`;
		return [when, i % 31 === 4 ? '' : row[1], ...row.slice(2)];
	});
	return writeCsv(join(dir, AIR), ['When', ...header.slice(1)], out);
}

/** Bike days with some dates and weather cells blank. */
function bikeHoles(dir: string): string {
	const { header, rows } = readShared('bike_day.csv');
	const blank = (i: number, j: number) =>
		(header[j] === 'dteday' && i % 23 === 7) || (header[j] === 'hum' && i % 17 === 3);
	const out = rows.map((row, i) => row.map((cell, j) => (blank(i, j) ? '' : cell)));
	return writeCsv(join(dir, BIKE), header, out);
}

/** A penguin's mass (grams) written the ways files write masses: units, spellings, words. */
function massText(grams: number, i: number): string {
	switch (i % 8) {
		case 0:
			return `${grams / 1000} kg`;
		case 1:
			return `${(grams / 453.59237).toFixed(2)} lb`;
		case 2:
			return `${grams.toLocaleString('en-US')} g`;
		case 3:
			return String(grams);
		case 4:
			return `${grams} grams`;
		case 5:
			return `${(grams / 28.349523125).toFixed(1)}oz`;
		case 6:
			return `${grams / 1000} KGS.`;
		default:
			return i % 16 === 7 ? 'heavy' : `${grams / 100} m`;
	}
}

/** Penguins with their masses and flipper lengths in mixed units. */
function masses(dir: string): string {
	const { header, rows } = readShared('penguins.csv');
	const at = (name: string) => header.indexOf(name);
	const out = rows.map((row, i) => {
		const grams = row[at('body_mass_g')];
		const flipper = row[at('flipper_length_mm')];
		const mm = Number(flipper);
		return [
			row[at('species')],
			grams === 'NA' ? 'NA' : massText(Number(grams), i),
			flipper === 'NA' ? '' : [`${mm} mm`, `${mm / 10} cm`, flipper, `${mm / 25.4} in`][i % 4],
			row[at('bill_length_mm')]
		];
	});
	return writeCsv(join(dir, MASSES), ['species', 'body', 'flipper', 'bill_length_mm'], out);
}

/** Texts whose lower case and letters differ across scripts; the last three rows are held out. */
function scripts(dir: string): string {
	const texts = [
		'Ümlaut café, naïve — résumé',
		'ΣΊΣΥΦΟΣ and ΟΔΟΣ ΣΑΣ',
		'İstanbul İZMİR KELVIN',
		'😀 emoji😀x 𝒜𝒷𝒸 𐐀𐐁',
		'12½ ٣٤ x² Ⅻ',
		'',
		'Straße STRASSE ẞ ǅemal ǈ',
		'tab\tand\u3000ideographic\u00a0space',
		'CAFÉ café cafe\u0301',
		'ﬁne ﬂow',
		'日本語のテキスト 123'
	];
	return writeCsv(
		join(dir, SCRIPTS),
		['text', 'n'],
		texts.map((text, i) => [text, String(i)])
	);
}

/** Date texts a format reads or refuses for a reason: month names, offsets, two-digit years. */
function oddDates(dir: string): string {
	const named = [
		' Jul 02 2019 ',
		'Sept 2 2019',
		'sept. 2 2019',
		'JUL.  4   2020',
		'Feb 29 2019',
		'Feb 29 2020',
		'Mar 1 1700',
		'Janu 5 2001',
		'Ju 5 2001',
		'Foo 5 2001',
		'June 31 2001',
		'',
		'December 31 1999',
		'Dec 31 99'
	];
	const stamp = [
		'2019-07-02 10:00:00+02:00',
		'2019-07-02 10:00:00 +0200',
		'2019-07-02 10:00:00+02',
		'2019-07-02 10:00:00Z',
		'2019-07-02 10:00:00z',
		'2019-07-02 10:00:00+19:00',
		'2019-07-02 10:00:00-03:30',
		'2019-07-02 10:00:00+0199',
		'2016-12-31 23:59:60+00:00',
		'2019-07-02 24:00:00Z',
		'2019-7-2 1:2:3Z',
		'2019-07-02\t10:00:00Z',
		'',
		'2019-07-02'
	];
	const short = ['01/02/68', '01/02/69', '31/12/99', '1/1/00', '29/02/00', '29/02/01'];
	const rows = named.map((text, i) => [text, stamp[i], short[i] ?? '']);
	return writeCsv(join(dir, ODD_DATES), ['named', 'stamp', 'short'], rows);
}

/** Writes the files made from the shared datasets; returns their paths by name. */
export function derivedFiles(dir: string): Record<string, string> {
	return {
		[AIR]: airWhen(dir),
		[BIKE]: bikeHoles(dir),
		[MASSES]: masses(dir),
		[SCRIPTS]: scripts(dir),
		[ODD_DATES]: oddDates(dir)
	};
}
