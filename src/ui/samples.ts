import type { Brief } from '../core/brief/brief';

/**
 * A sample's story: the decision a model would support, a KPI worth holding it to, and a trap
 * in the data for the learner to find (the trap is named, not fixed: finding it is the lesson).
 */
export interface SampleStory {
	decision: string;
	kpi: string;
	trap: string;
	/** What "Fill in the brief from the story" writes; the target's defaults fill the rest. */
	brief: Pick<
		Brief,
		'decision' | 'users' | 'costs' | 'target' | 'positiveClass' | 'metric' | 'kpiThreshold'
	> &
		Partial<Pick<Brief, 'costMatrix' | 'sensitiveColumns'>>;
}

export interface Sample {
	file: string;
	label: string;
	story: SampleStory;
}

/**
 * The sample datasets bundled with the site (public/samples, written by scripts/make-samples.ts),
 * for use without a file of one's own.
 */
export const SAMPLES: readonly Sample[] = [
	{
		file: 'titanic.csv',
		label: 'Titanic passengers: who survived? (binary, 891 rows)',
		story: {
			decision:
				'A museum exhibit shows visitors how class, sex and age decided who survived the sinking: the model gives each passenger a chance of survival.',
			kpi: 'ROC-AUC of at least 0.80 on the test set (a model that knows nothing scores 0.50).',
			trap: 'PassengerId, Name and Ticket identify a person: a model can learn them by heart and fail on anyone new. Cabin is missing for 3 passengers in 4, mostly in third class, so "missing" itself says something.',
			brief: {
				decision:
					'Estimate each passenger’s chance of survival, to show museum visitors who survived and why.',
				users: 'Museum visitors, through the exhibit.',
				costs:
					'A wrong answer misleads a visitor; nobody is harmed, so both mistakes cost the same.',
				target: 'Survived',
				positiveClass: '1',
				metric: 'roc_auc',
				kpiThreshold: 0.8,
				sensitiveColumns: ['Sex']
			}
		}
	},
	{
		file: 'penguins.csv',
		label: 'Palmer penguins: which species? (multiclass, 344 rows)',
		story: {
			decision:
				'Researchers measure a penguin’s bill, flippers and weight in the field: the model names its species, so the team can check the labels in their notebooks.',
			kpi: 'Macro F1 of at least 0.95 on the test set: every species counts the same, the rarer Chinstrap too.',
			trap: 'The test set holds about 69 penguins, so one mistake moves accuracy by 1.5 points: read the confidence interval, not only the number. And island almost names the species (Gentoo live only on Biscoe): will the model know the island in the field?',
			brief: {
				decision: 'Name the species of a measured penguin, to check the field notebook’s label.',
				users: 'The field research team.',
				costs: 'A wrong species sends a researcher back to recheck one bird.',
				target: 'species',
				positiveClass: null,
				metric: 'f1_macro',
				kpiThreshold: 0.95
			}
		}
	},
	{
		file: 'california_housing_5k.csv',
		label: 'California housing: median house value (regression, 5,000 of 20,640 districts)',
		story: {
			decision:
				'A lender makes a first estimate of a district’s median house value from census figures, before an appraiser visits.',
			kpi: 'RMSE of at most $75,000 on the test set (always guessing the mean misses by about $115,000).',
			trap: 'The target is capped: 222 districts read $500,001 however dear their houses are. No model can learn above the cap, so look at the residuals at the top of the range before you trust the RMSE. ISLAND appears in one row only.',
			brief: {
				decision: 'Estimate a district’s median house value before an appraiser visits.',
				users: 'Loan officers, as a first estimate.',
				costs: 'Too high lends against value that is not there; too low turns good borrowers away.',
				target: 'median_house_value',
				positiveClass: null,
				metric: 'rmse',
				kpiThreshold: 75000
			}
		}
	},
	{
		file: 'bike_day.csv',
		label: 'Bike sharing: rentals per day (regression, 731 days)',
		story: {
			decision:
				'A bike-sharing scheme plans tomorrow: how many bikes to put out and how many staff to roster, from the season, the calendar and the weather forecast.',
			kpi: 'RMSE of at most 1,500 rentals a day on the test set, the last days of the record.',
			trap: 'casual + registered = cnt in every row: the answer split in two, known only once the day is over. And the rows are days in order: a random split lets the model learn from the future it is asked to predict. Split by time on dteday.',
			brief: {
				decision: 'Forecast tomorrow’s rentals, to set out bikes and roster staff.',
				users: 'The scheme’s operations team, each evening.',
				costs:
					'Too few bikes lose rentals and annoy riders; too many waste staff time moving them.',
				target: 'cnt',
				positiveClass: null,
				metric: 'rmse',
				kpiThreshold: 1500
			}
		}
	},
	{
		file: 'german_credit.csv',
		label: 'German credit: good or bad risk? (binary, 1,000 rows)',
		story: {
			decision:
				'A bank decides whether to approve a loan application or pass it to a person for review.',
			kpi: 'ROC-AUC of at least 0.75 on the test set; then the threshold is chosen by the costs: approving a bad risk costs 5 times as much as turning away a good one.',
			trap: 'personal_status_sex mixes sex and marital status, and age_years and foreign_worker are there too: check the fairness report by each before a model decides about people. The codes (A11 … A202) mean nothing until decoded.',
			brief: {
				decision: 'Approve a loan application, or pass it to a person for review.',
				users: 'Loan officers.',
				costs:
					'Approving an applicant who will not repay costs 5; turning away one who would costs 1.',
				target: 'credit_risk',
				positiveClass: 'bad',
				metric: 'roc_auc',
				kpiThreshold: 0.75,
				costMatrix: { falsePositive: 1, falseNegative: 5 },
				sensitiveColumns: ['personal_status_sex', 'age_years', 'foreign_worker']
			}
		}
	}
];

/** Returns the sample a file name belongs to, if it is one of the bundled samples. */
export function sampleOf(fileName: string | undefined): Sample | null {
	return SAMPLES.find((s) => s.file === fileName) ?? null;
}

/** Returns the URL of a sample, relative to the page so the site works from any sub-path. */
export function sampleUrl(file: string): string {
	return new URL(`samples/${file}`, document.baseURI).href;
}
