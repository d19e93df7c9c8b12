/** The sample datasets bundled with the site (public/samples), for use without a file of one's own. */
export const SAMPLES = [
	{ file: 'titanic.csv', label: 'Titanic passengers: who survived? (binary, 891 rows)' },
	{ file: 'penguins.csv', label: 'Palmer penguins: which species? (multiclass, 344 rows)' },
	{
		file: 'california_housing.csv',
		label: 'California housing: median house value (regression, 20,640 rows)'
	},
	{ file: 'german_credit.csv', label: 'German credit: good or bad risk? (binary, 1,000 rows)' }
] as const;

/** Returns the URL of a sample, relative to the page so the site works from any sub-path. */
export function sampleUrl(file: string): string {
	return new URL(`samples/${file}`, document.baseURI).href;
}
