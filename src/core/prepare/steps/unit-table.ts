// Units of measure that numbers in a file are written with, and how to convert between them.

/** What a unit measures; only units of the same dimension convert into each other. */
export type Dimension = 'mass' | 'length' | 'volume' | 'temperature' | 'duration';

/** A unit a `units` step converts to or from, by its usual symbol. */
export type Unit =
	| 'mg'
	| 'g'
	| 'kg'
	| 't'
	| 'oz'
	| 'lb'
	| 'mm'
	| 'cm'
	| 'm'
	| 'km'
	| 'in'
	| 'ft'
	| 'yd'
	| 'mi'
	| 'mL'
	| 'cL'
	| 'dL'
	| 'L'
	| 'fl oz'
	| 'gal'
	| '°C'
	| '°F'
	| 'ms'
	| 's'
	| 'min'
	| 'h'
	| 'd'
	| 'wk';

interface UnitInfo {
	dimension: Dimension;
	/** Base value = (value + shift) * scale; the bases are kg, m, L, °C and s. */
	scale: number;
	shift: number;
	/** How files write it, lower-case; a trailing dot is dropped before looking a word up. */
	aliases: string[];
}

const plural = (...words: string[]) => words.flatMap((w) => [w, `${w}s`]);
const linear = (dimension: Dimension, scale: number, aliases: string[]): UnitInfo => ({
	dimension,
	scale,
	shift: 0,
	aliases
});

const UNIT_INFO: ReadonlyMap<Unit, UnitInfo> = new Map([
	['mg', linear('mass', 1e-6, ['mg', ...plural('milligram', 'milligramme')])],
	['g', linear('mass', 1e-3, ['g', ...plural('gram', 'gramme')])],
	['kg', linear('mass', 1, ['kg', 'kgs', ...plural('kilo', 'kilogram', 'kilogramme')])],
	['t', linear('mass', 1000, ['t', ...plural('tonne')])],
	['oz', linear('mass', 0.028349523125, ['oz', ...plural('ounce')])],
	['lb', linear('mass', 0.45359237, ['lb', 'lbs', ...plural('pound')])],
	['mm', linear('length', 1e-3, ['mm', ...plural('millimetre', 'millimeter')])],
	['cm', linear('length', 1e-2, ['cm', ...plural('centimetre', 'centimeter')])],
	['m', linear('length', 1, ['m', ...plural('metre', 'meter')])],
	['km', linear('length', 1000, ['km', 'kms', ...plural('kilometre', 'kilometer')])],
	['in', linear('length', 0.0254, ['in', 'inch', 'inches', '"', '″'])],
	['ft', linear('length', 0.3048, ['ft', 'foot', 'feet', "'", '′'])],
	['yd', linear('length', 0.9144, ['yd', 'yds', ...plural('yard')])],
	['mi', linear('length', 1609.344, ['mi', ...plural('mile')])],
	['mL', linear('volume', 1e-3, ['ml', 'cc', ...plural('millilitre', 'milliliter')])],
	['cL', linear('volume', 1e-2, ['cl', ...plural('centilitre', 'centiliter')])],
	['dL', linear('volume', 0.1, ['dl', ...plural('decilitre', 'deciliter')])],
	['L', linear('volume', 1, ['l', 'ltr', ...plural('litre', 'liter')])],
	// US customary measures, the commoner in data files.
	['fl oz', linear('volume', 0.0295735295625, ['fl oz', 'floz', 'fl. oz'])],
	['gal', linear('volume', 3.785411784, ['gal', ...plural('gallon')])],
	['°C', { dimension: 'temperature', scale: 1, shift: 0, aliases: degrees('c', 'celsius') }],
	[
		'°F',
		{ dimension: 'temperature', scale: 5 / 9, shift: -32, aliases: degrees('f', 'fahrenheit') }
	],
	['ms', linear('duration', 1e-3, ['ms', ...plural('millisecond')])],
	['s', linear('duration', 1, ['s', 'sec', 'secs', ...plural('second')])],
	['min', linear('duration', 60, ['min', 'mins', ...plural('minute')])],
	['h', linear('duration', 3600, ['h', 'hr', 'hrs', ...plural('hour')])],
	['d', linear('duration', 86400, ['d', ...plural('day')])],
	['wk', linear('duration', 604800, ['wk', 'wks', ...plural('week')])]
]);

function degrees(letter: string, name: string): string[] {
	// `º` (the ordinal indicator) often stands in for the degree sign.
	const signs = ['°', 'º', 'deg', 'deg ', 'degree ', 'degrees '];
	return [letter, name, ...signs.flatMap((sign) => [sign + letter, sign + name])];
}

/** Every unit, in `Unit` order (mass, length, volume, temperature, duration). */
export const UNITS: readonly Unit[] = [...UNIT_INFO.keys()];

const BY_ALIAS: ReadonlyMap<string, Unit> = new Map(
	[...UNIT_INFO].flatMap(([unit, info]) => info.aliases.map((alias) => [alias, unit] as const))
);

/** True when the value names a unit `units` steps know, by its symbol (`kg`, `mL`, `°C`). */
export function isUnit(value: unknown): value is Unit {
	return typeof value === 'string' && UNIT_INFO.has(value as Unit);
}

/** Returns the unit a text names, by symbol or as files write it (`kgs`, `ml`, `litres`), or null. */
export function unitOf(text: string): Unit | null {
	if (isUnit(text)) return text;
	return BY_ALIAS.get(text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '')) ?? null;
}

/** Returns what the unit measures. */
export function dimensionOf(unit: Unit): Dimension {
	return UNIT_INFO.get(unit)!.dimension;
}

/** Returns the value in unit `to`; both units must measure the same dimension. */
export function convertUnit(value: number, from: Unit, to: Unit): number {
	if (from === to) return value;
	const a = UNIT_INFO.get(from)!;
	const b = UNIT_INFO.get(to)!;
	// Linear units convert with one multiplication and one division, so 5000 g is exactly 5 kg.
	if (a.shift === 0 && b.shift === 0) return (value * a.scale) / b.scale;
	return ((value + a.shift) * a.scale) / b.scale - b.shift;
}

/** A cell read as a number and its unit (null when it has none), or null when it reads as neither. */
export type Quantity = { value: number; unit: Unit | null } | null;

// A decimal number (thousands may be grouped by commas: 1,234.5), then optional space and a unit.
const QUANTITY = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?)\s*(.*)$/i;

/**
 * Reads a cell such as `5 kg`, `3.5km`, `-4 °C`, `1,234.5 lb` or a bare `12`. A decimal comma
 * (`3,5 kg`) is not read, since `1,500 g` would be ambiguous. Returns null for anything else.
 */
export function readQuantity(text: string): Quantity {
	const match = QUANTITY.exec(text.trim());
	if (!match || !/\d/.test(match[1])) return null;
	const value = Number(match[1].replaceAll(',', ''));
	if (!Number.isFinite(value)) return null;
	if (match[2] === '') return { value, unit: null };
	const unit = unitOf(match[2]);
	return unit === null ? null : { value, unit };
}
