// Types for the parts of ydf-training (a dev dependency for the benchmark) that bench/ uses.
declare module 'ydf-training' {
	interface YdfModel {
		/** Probabilities (of the second label for binary classification), one per CSV row. */
		predict(csv: string): number[];
		describe(): string;
		unload(): void;
	}
	interface YdfLearner {
		train(csv: string): YdfModel;
	}
	interface Ydf {
		GradientBoostedTreesLearner: new (
			label: string,
			task: 'CLASSIFICATION' | 'REGRESSION'
		) => YdfLearner;
		RandomForestLearner: new (label: string, task: 'CLASSIFICATION' | 'REGRESSION') => YdfLearner;
	}
	export default function YDFTraining(options?: {
		print?: (text: string) => void;
		printErr?: (text: string) => void;
	}): Promise<Ydf>;
}
