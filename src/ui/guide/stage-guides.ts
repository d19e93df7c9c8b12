import type { StageName } from '../../core/project/stages';

/** What a stage is for and why, in two short paragraphs, and the mistakes it guards against. */
export interface StageGuide {
	what: string;
	why: string;
	mistakes: string[];
}

/** The guided mode's text, one entry per stage; [[term]] links to the glossary (see markup.ts). */
export const STAGE_GUIDES: Record<StageName, StageGuide> = {
	define: {
		what: 'Write the [[brief]] before looking for a model: the decision the model supports, who acts on its answers, what a wrong answer costs, the [[target]] it predicts and the [[KPI]] it must reach on the [[test|test set]].',
		why: 'A model is only as useful as the decision it improves. Setting the KPI now, and checking it against a [[baseline]] that learns nothing, keeps you honest later: a score cannot be called good after the fact if "good" was written down first.',
		mistakes: [
			'Choosing [[accuracy]] when one class dominates: always guessing the majority can already score high. The check under the KPI shows what that guess scores on your data.',
			'A KPI the [[one-rule]] baseline already meets: then a single rule does the job, and a complex model must earn its place.'
		]
	},
	prepare: {
		what: 'Look at the data before trusting it: missing values, odd types, duplicates, and columns that give the answer away. Write a [[recipe]] of preparation steps, then make the [[split]]: [[train|training]], [[validation]] and test rows, with the test rows locked.',
		why: 'Every step is learned on the training rows only and replayed on new rows, so the model meets production data the way it met training data. The lint looks for [[leakage]]: a column that would not exist at prediction time makes validation scores a mirage.',
		mistakes: [
			'Keeping a leaky column: run "See what this leaky column does to validation" on a finding to measure the mirage on your own data.',
			'A random split of rows in time order: the model learns from the days around the ones it is scored on. Use a [[time-split|split by time]] for forecasts, and a [[group-split|split by group]] when one entity has many rows.'
		]
	},
	choose: {
		what: 'Pick a model family that fits the brief: its task, its size and speed budget, and whether a person must be able to read it. Each family lists its [[hyperparameter|hyperparameters]] and what they do.',
		why: 'Start simple. A linear model or a small tree is fast, readable and often close to the best; a bigger model must beat it on validation by enough to pay for what it costs in speed and clarity.',
		mistakes: [
			'Reaching for the most complex model first: without a simple one to compare with, you cannot tell whether the complexity helps.'
		]
	},
	train: {
		what: 'Train the chosen family on the training rows and score it on the validation rows, next to its [[baseline]]. Every run is logged with its data, recipe, settings and [[seed]]; [[tuning]] tries many settings and logs each trial.',
		why: 'The run log is the lab notebook: any result can be traced to what made it and made again. A big gap between training and validation scores is [[overfitting]]; a model that does not beat the baseline has learned nothing useful.',
		mistakes: [
			'Tuning on the test set: choices made while looking at it make its score optimistic. Tune on validation, or with [[cross-validation]].'
		]
	},
	evaluate: {
		what: 'Reveal the [[test|test set]] once, on purpose, for the model chosen on validation, at a [[threshold]] chosen on validation. Read each score with its [[confidence-interval|confidence interval]], then the [[slice|slices]], [[fairness]] by each sensitive column, and the worst errors.',
		why: 'The test set is the only honest estimate of how the model will do on new data, because nothing was chosen by looking at it. Looking again after changing something spends that honesty: each later look is recorded and flagged in the report.',
		mistakes: [
			'Judging by the overall score alone: a slice where the model fails can matter more than the average. Write down what the slices show.',
			'Revealing the test set, adjusting, and revealing again: the second score is no longer a test score.'
		]
	},
	ship: {
		what: 'Download the [[bundle|model bundle]]: the fitted recipe and model with a manifest, a [[model-card|model card]], and programs that predict and serve outside the app. Then check new batches for [[drift]], and keep every version with [[retraining]] and [[rollback]].',
		why: 'A model is a bet that the future looks like the past. [[monitoring|Monitoring]] tells you when the bet is going wrong, before the decision-makers find out the hard way.',
		mistakes: [
			'Shipping and forgetting: without a drift check, a change in the data (a new category, a unit change) goes unnoticed. Try "Simulate production" to see what each check catches.'
		]
	}
};
