import type { TaskKind } from '../brief/task';

/** Every metric the app computes. */
export type MetricName =
	| 'roc_auc'
	| 'accuracy'
	| 'balanced_accuracy'
	| 'precision'
	| 'recall'
	| 'f1'
	| 'f1_macro'
	| 'roc_auc_ovr'
	| 'log_loss'
	| 'rmse'
	| 'mae'
	| 'r2'
	| 'pr_auc'
	| 'brier'
	| 'precision_macro'
	| 'recall_macro'
	| 'f1_weighted'
	| 'precision_weighted'
	| 'recall_weighted'
	| 'mape'
	| 'ndcg_at_10'
	| 'ndcg_at_5'
	| 'map_at_10'
	| 'map';

/** Metric values keyed by metric name (a closed set of names, so a plain record is safe). */
export type MetricValues = Partial<Record<MetricName, number>>;

/** What the app knows about one metric: its label, direction, help text and a starting KPI. */
export interface MetricInfo {
	name: MetricName;
	label: string;
	higherIsBetter: boolean;
	/** What the metric means, in one sentence a learner can read. */
	help: string;
	/** A sensible KPI to start from, when the metric has a natural scale. */
	suggestedKpi: number | null;
}

const INFO: readonly MetricInfo[] = [
	{
		name: 'roc_auc',
		label: 'ROC-AUC',
		higherIsBetter: true,
		suggestedKpi: 0.8,
		help: 'How well scores rank positives above negatives: 0.5 is chance, 1 is perfect. Ignores the threshold.'
	},
	{
		name: 'accuracy',
		label: 'Accuracy',
		higherIsBetter: true,
		suggestedKpi: 0.8,
		help: 'Share of rows predicted right. Misleading when one class dominates.'
	},
	{
		name: 'balanced_accuracy',
		label: 'Balanced accuracy',
		higherIsBetter: true,
		suggestedKpi: 0.75,
		help: 'Mean of the recall of each class: chance is 1 / number of classes, whatever the imbalance.'
	},
	{
		name: 'precision',
		label: 'Precision',
		higherIsBetter: true,
		suggestedKpi: 0.7,
		help: 'Of the rows predicted positive, the share that are positive. Favour it when a false alarm is costly.'
	},
	{
		name: 'recall',
		label: 'Recall',
		higherIsBetter: true,
		suggestedKpi: 0.7,
		help: 'Of the positive rows, the share the model finds. Favour it when a miss is costly.'
	},
	{
		name: 'f1',
		label: 'F1',
		higherIsBetter: true,
		suggestedKpi: 0.7,
		help: 'Harmonic mean of precision and recall for the positive class.'
	},
	{
		name: 'f1_macro',
		label: 'F1 (macro)',
		higherIsBetter: true,
		suggestedKpi: 0.8,
		help: 'F1 of each class, averaged with equal weight per class.'
	},
	{
		name: 'roc_auc_ovr',
		label: 'ROC-AUC (one-vs-rest)',
		higherIsBetter: true,
		suggestedKpi: 0.85,
		help: 'ROC-AUC of each class against the rest, averaged over classes.'
	},
	{
		name: 'log_loss',
		label: 'Log loss',
		higherIsBetter: false,
		suggestedKpi: null,
		help: 'How surprised the model is by the truth; punishes confident mistakes. Lower is better.'
	},
	{
		name: 'rmse',
		label: 'RMSE',
		higherIsBetter: false,
		suggestedKpi: null,
		help: "Root mean squared error, in the target's units; large errors weigh more. Lower is better."
	},
	{
		name: 'mae',
		label: 'MAE',
		higherIsBetter: false,
		suggestedKpi: null,
		help: "Mean absolute error, in the target's units. Lower is better."
	},
	{
		name: 'r2',
		label: 'R²',
		higherIsBetter: true,
		suggestedKpi: 0.6,
		help: "Share of the target's variance explained: 0 is the mean's score, 1 is perfect."
	},
	{
		name: 'pr_auc',
		label: 'PR-AUC (average precision)',
		higherIsBetter: true,
		suggestedKpi: null,
		help: 'Precision averaged over the recall levels as the threshold falls: chance is the share of positives, so it shows rare-class skill that ROC-AUC hides.'
	},
	{
		name: 'brier',
		label: 'Brier score',
		higherIsBetter: false,
		suggestedKpi: null,
		help: 'Mean squared gap between the predicted probability of the positive class and the 0/1 truth: rewards honest probabilities. Lower is better.'
	},
	{
		name: 'precision_macro',
		label: 'Precision (macro)',
		higherIsBetter: true,
		suggestedKpi: 0.8,
		help: 'Precision of each class, averaged with equal weight per class, so rare classes count as much as common ones.'
	},
	{
		name: 'recall_macro',
		label: 'Recall (macro)',
		higherIsBetter: true,
		suggestedKpi: 0.8,
		help: 'Recall of each class, averaged with equal weight per class; the same as balanced accuracy when every class occurs in the truth.'
	},
	{
		name: 'f1_weighted',
		label: 'F1 (weighted)',
		higherIsBetter: true,
		suggestedKpi: 0.8,
		help: 'F1 of each class, averaged with each class weighted by its number of rows, so common classes dominate.'
	},
	{
		name: 'precision_weighted',
		label: 'Precision (weighted)',
		higherIsBetter: true,
		suggestedKpi: 0.8,
		help: 'Precision of each class, averaged with each class weighted by its number of rows, so common classes dominate.'
	},
	{
		name: 'recall_weighted',
		label: 'Recall (weighted)',
		higherIsBetter: true,
		suggestedKpi: 0.8,
		help: 'Recall of each class weighted by its number of rows: always equal to accuracy, shown for comparison with the macro average.'
	},
	{
		name: 'mape',
		label: 'MAPE',
		higherIsBetter: false,
		suggestedKpi: 0.1,
		help: 'Mean absolute error as a fraction of the true value (0.1 is 10% off on average); explodes when targets are near 0. Lower is better.'
	},
	{
		name: 'ndcg_at_10',
		label: 'NDCG@10',
		higherIsBetter: true,
		suggestedKpi: 0.7,
		help: "How close each query's top 10 comes to the best order, gains discounted by position: 1 is the ideal order. Averaged over queries."
	},
	{
		name: 'ndcg_at_5',
		label: 'NDCG@5',
		higherIsBetter: true,
		suggestedKpi: 0.7,
		help: 'NDCG over the top 5 rows of each query only: what a user who reads five results sees.'
	},
	{
		name: 'map_at_10',
		label: 'MAP@10',
		higherIsBetter: true,
		suggestedKpi: 0.7,
		help: 'Mean over queries of the average precision in the top 10, counting any relevance above 0 as relevant.'
	},
	{
		name: 'map',
		label: 'MAP',
		higherIsBetter: true,
		suggestedKpi: 0.7,
		help: 'Mean over queries of the average precision of the whole ranking, relevance above 0 counted as relevant: constant scores get the share of relevant rows.'
	}
];

/** Returns what the app knows about a metric. */
export function metricInfo(name: MetricName): MetricInfo {
	return INFO.find((m) => m.name === name)!;
}

const BY_TASK: Record<TaskKind, readonly MetricName[]> = {
	binary: [
		'roc_auc',
		'accuracy',
		'balanced_accuracy',
		'precision',
		'recall',
		'f1',
		'log_loss',
		'pr_auc',
		'brier'
	],
	multiclass: [
		'f1_macro',
		'accuracy',
		'balanced_accuracy',
		'roc_auc_ovr',
		'log_loss',
		'precision_macro',
		'recall_macro',
		'f1_weighted',
		'precision_weighted',
		'recall_weighted'
	],
	regression: ['rmse', 'mae', 'r2', 'mape'],
	ranking: ['ndcg_at_10', 'ndcg_at_5', 'map_at_10', 'map', 'rmse']
};

/** Returns the metrics that fit a task, the recommended primary metric first. */
export function metricsForTask(task: TaskKind): readonly MetricName[] {
	return BY_TASK[task];
}

/** True when `value` meets a KPI threshold on this metric (>= for scores, <= for errors). */
export function meetsThreshold(name: MetricName, value: number, threshold: number): boolean {
	return metricInfo(name).higherIsBetter ? value >= threshold : value <= threshold;
}

/** True when `a` is strictly better than `b` on this metric. */
export function isBetter(name: MetricName, a: number, b: number): boolean {
	return metricInfo(name).higherIsBetter ? a > b : a < b;
}
