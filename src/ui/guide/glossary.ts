/** One glossary entry: the term as shown, and what it means in a sentence or two. */
export interface GlossaryEntry {
	term: string;
	meaning: string;
}

/**
 * The glossary, keyed by id (the guide's [[id]] and [[id|text]] markup names entries by id).
 * Written for a learner: what the word means here, and why it matters.
 */
export const GLOSSARY = {
	target: {
		term: 'Target',
		meaning:
			'The column the model learns to predict (also called the label or outcome). Every other column it reads is an input.'
	},
	input: {
		term: 'Input (feature)',
		meaning:
			'A column the model reads to make its prediction. It must be known at the moment the prediction is made.'
	},
	task: {
		term: 'Task',
		meaning:
			'What kind of answer the model gives: a class out of two (binary), a class out of several (multiclass), a number (regression), or an order of items within a query (ranking).'
	},
	binary: {
		term: 'Binary classification',
		meaning:
			'Predicting one of two classes, such as survived or not. One class is called positive: the one the metrics count hits and misses of.'
	},
	regression: {
		term: 'Regression',
		meaning: 'Predicting a number, such as a house value or a count of rentals.'
	},
	brief: {
		term: 'Brief',
		meaning:
			'The written problem statement: the decision the model supports, who uses it, what mistakes cost, and the KPIs it must meet. Written before any model is trained.'
	},
	kpi: {
		term: 'KPI',
		meaning:
			'Key performance indicator: the score on a metric that the model must reach on the test set for the project to count as a success. Set it from what the decision needs, before seeing results.'
	},
	metric: {
		term: 'Metric',
		meaning:
			'A number that scores predictions against the truth, such as accuracy or RMSE. The primary metric is the one the KPI and model choice rest on.'
	},
	baseline: {
		term: 'Baseline',
		meaning:
			'The score of a model that learns (almost) nothing: always the most frequent class, or always the mean. A real model must beat it clearly, or it adds nothing.'
	},
	'one-rule': {
		term: 'One-rule baseline',
		meaning:
			'The best single rule on one column (for example "women survived"). If it already meets the KPI, a complex model may not be needed.'
	},
	'cost-matrix': {
		term: 'Cost matrix',
		meaning:
			'What each kind of mistake costs: a false positive (a false alarm) and a false negative (a miss). It decides where the threshold goes.'
	},
	threshold: {
		term: 'Threshold',
		meaning:
			'The probability above which a binary model says "positive". Chosen on the validation rows (by costs or a target precision or recall), never on the test rows.'
	},
	split: {
		term: 'Split',
		meaning:
			'Dividing the rows into a training set, a validation set and a test set, so that every score is measured on rows the model did not learn from.'
	},
	train: {
		term: 'Training set',
		meaning:
			'The rows the model learns from. Everything fitted, even an average to fill gaps, is fitted on them only.'
	},
	validation: {
		term: 'Validation set',
		meaning:
			'Rows held out of training to compare models, tune settings and choose a threshold. Used many times, so its score slowly becomes optimistic.'
	},
	test: {
		term: 'Test set',
		meaning:
			'Rows locked away until the end and looked at once, to give an honest score of the final model. Every further look is recorded, because choices made after seeing it make it less honest.'
	},
	stratify: {
		term: 'Stratified split',
		meaning:
			'A random split that keeps each class in the same proportion in every part, so a rare class is not missing from one.'
	},
	'time-split': {
		term: 'Split by time',
		meaning:
			'The earliest rows train, later rows validate and the latest rows test, as in real forecasting: the model never learns from the future it is scored on.'
	},
	'group-split': {
		term: 'Split by group',
		meaning:
			'Keeping every row of one entity (a patient, a customer) in the same part, so the model is scored on entities it has never seen.'
	},
	'cross-validation': {
		term: 'Cross-validation',
		meaning:
			'Scoring a model k times, each time validating on a different fold of the rows and training on the rest; the spread of the k scores shows how stable it is.'
	},
	leakage: {
		term: 'Leakage',
		meaning:
			'Information in the inputs that would not be available when predicting, often a copy or a consequence of the target. It makes validation scores look far better than the model will be.'
	},
	overfitting: {
		term: 'Overfitting',
		meaning:
			'Learning the training rows by heart, noise included: a high training score and a much lower validation score.'
	},
	recipe: {
		term: 'Recipe',
		meaning:
			'The preparation steps applied to the data before the model (fill gaps, encode categories, scale, drop columns), learned on the training rows and replayed on any new rows.'
	},
	imputation: {
		term: 'Imputation',
		meaning:
			'Filling a missing value, for example with the median of the training rows. The bundle fills new rows the same way.'
	},
	'one-hot': {
		term: 'One-hot encoding',
		meaning:
			'Turning a category column into one 0/1 column per category, so that a model that reads numbers can use it.'
	},
	hyperparameter: {
		term: 'Hyperparameter',
		meaning:
			'A setting of a model family chosen before training, such as the depth of a tree or the strength of regularisation.'
	},
	tuning: {
		term: 'Tuning',
		meaning:
			'Trying many hyperparameter settings and keeping the best on validation (or cross-validation). Every trial is logged.'
	},
	seed: {
		term: 'Seed',
		meaning:
			'The number that starts the random choices (the split, the trees). The same data, recipe and seed give the same model.'
	},
	accuracy: {
		term: 'Accuracy',
		meaning:
			'The share of rows predicted right. Misleading when one class dominates: always guessing the majority can score high.'
	},
	precision: {
		term: 'Precision',
		meaning: 'Of the rows the model calls positive, the share that are positive.'
	},
	recall: {
		term: 'Recall',
		meaning: 'Of the rows that are positive, the share the model finds.'
	},
	f1: {
		term: 'F1',
		meaning:
			'The harmonic mean of precision and recall. Macro F1 averages it over classes, so a rare class counts as much as a common one.'
	},
	'roc-auc': {
		term: 'ROC-AUC',
		meaning:
			'How well the scores rank positives above negatives, from 0.5 (chance) to 1 (perfect), whatever the threshold.'
	},
	rmse: {
		term: 'RMSE',
		meaning:
			'Root mean squared error: the typical size of a regression error, in the target’s units. Large errors weigh more than in MAE.'
	},
	mae: {
		term: 'MAE',
		meaning: 'Mean absolute error: the average size of a regression error, in the target’s units.'
	},
	'confidence-interval': {
		term: 'Confidence interval',
		meaning:
			'The range a score would likely fall in on other test rows like these. Shipshape finds it by the bootstrap: rescoring on 1,000 resamples of the test rows.'
	},
	calibration: {
		term: 'Calibration',
		meaning:
			'Whether predicted probabilities mean what they say: of the rows given 70 %, about 70 % should be positive.'
	},
	slice: {
		term: 'Slice',
		meaning:
			'A group of test rows that share a value (women, passengers over 60, one region). A model can score well overall and badly on one slice.'
	},
	fairness: {
		term: 'Fairness',
		meaning:
			'Whether the model treats groups of a sensitive column alike: the same selection rate (demographic parity), or the same error rates (equalized odds).'
	},
	'permutation-importance': {
		term: 'Permutation importance',
		meaning:
			'How much the score drops when one input’s values are shuffled: the inputs the model leans on most.'
	},
	bundle: {
		term: 'Model bundle',
		meaning:
			'The shipped model as files that run outside the app: the fitted recipe and model, a manifest, a model card, and programs to predict and serve.'
	},
	'model-card': {
		term: 'Model card',
		meaning:
			'A plain-words description of a model: what it is for, the data, how it was evaluated, and its limits.'
	},
	drift: {
		term: 'Drift',
		meaning:
			'New data that no longer looks like the training data (inputs, predictions or the target), so the model’s scores may no longer hold.'
	},
	monitoring: {
		term: 'Monitoring',
		meaning:
			'Checking each batch of new rows against the training rows for drift, and the predictions against the KPI when labels arrive.'
	},
	retraining: {
		term: 'Retraining',
		meaning:
			'Fitting the same recipe and model family again with newer labelled rows, then comparing the candidate with the live model before it replaces it.'
	},
	rollback: {
		term: 'Rollback',
		meaning: 'Putting an earlier model version live again when a new one does worse.'
	}
} as const satisfies Record<string, GlossaryEntry>;

export type TermId = keyof typeof GLOSSARY;

/** Returns true when `id` names a glossary entry. */
export function isTerm(id: string): id is TermId {
	return Object.hasOwn(GLOSSARY, id);
}
