// A fitted decision tree in the user's words: each split traced back through the fitted recipe.
import { assertNever } from '../../util/assert-never';
import { CoreError } from '../../util/core-error';
import { decide, type Decision } from '../../evaluate/metrics';
import type { FeatureMatrix, FittedRecipe } from '../../prepare/recipe';
import {
	missingRow,
	traceFeatures,
	type Meaning,
	type NumberMeaning
} from '../../prepare/feature-meaning';
import { decisionOf, type Pipeline, type TargetSpec } from '../../ship/pipeline';
import { checkFeatureCount } from '../model';
import type { DecisionTreeModel } from './decision-tree';

/** A bound on a number in the user's units: `subject ≤ value` (`<` when strict) answers yes. */
export interface TreeBound {
	subject: string;
	value: number;
	strict: boolean;
	unit: string | null;
}

/** One split in the user's words: the question, what each answer means, where missing cells go. */
export interface TreeSplit {
	/** The model feature tested (`Age`, `Sex=female`) and its threshold in model units. */
	feature: string;
	threshold: number;
	/** `Sex is female?`, `Age ≤ 37?`; the conditions each answer stands for, for rules. */
	question: string;
	yes: string;
	no: string;
	/** True when the model's left branch (value ≤ threshold, and NaN) is the yes answer. */
	yesIsLeft: boolean;
	/** False when the split could not be traced to the user's units and reads in model units. */
	readable: boolean;
	/** The bound on a number the yes answer sets (as displayed), so rules can merge bounds. */
	bound: TreeBound | null;
	/** The answer a row gets when the input column the feature comes from is missing. */
	missing: { column: string; answer: 'yes' | 'no' } | null;
}

/** What a node predicts: the decided class with its share of the node's train rows, or the mean. */
export type NodePrediction =
	{ kind: 'class'; index: number; label: string; share: number } | { kind: 'value'; value: number };

/** One node of the view; `yes` and `no` are the children of a split, null for a leaf. */
export interface TreeNode {
	/** The node's index in the model's arrays. */
	id: number;
	depth: number;
	/** Train rows reaching the node, when counts were given; null otherwise. */
	rows: number | null;
	prediction: NodePrediction;
	split: TreeSplit | null;
	yes: TreeNode | null;
	no: TreeNode | null;
	/** How many nodes hang below this one. */
	below: number;
}

/** A fitted tree as nested, plain-JSON nodes in the user's words. */
export interface TreeView {
	task: DecisionTreeModel['task'];
	/** The target column's name, when known. */
	target: string | null;
	/** Classes in model order (a leaf's colour is its class index); null for regression. */
	classes: string[] | null;
	/** The smallest and largest leaf value of a regression tree (for colours); null for classes. */
	range: [number, number] | null;
	root: TreeNode;
	nodes: number;
	depth: number;
}

/** A pipeline whose model is a decision tree. */
export type TreePipeline = Pipeline & { model: DecisionTreeModel };

/** True when the pipeline's model is a decision tree, which `treeView` can show. */
export function isTreePipeline(pipeline: Pipeline): pipeline is TreePipeline {
	return pipeline.model.kind === 'tree';
}

/** A tree and the fitted recipe that made its features; a `Pipeline` is one. */
export interface TreeSource {
	model: DecisionTreeModel;
	recipe: FittedRecipe;
	/** Sets the target's name and the decision rule (a binary threshold); argmax without it. */
	target?: TargetSpec;
}

/**
 * Returns the tree as nested nodes, each split phrased in the user's units through the fitted
 * recipe. `counts` gives the rows per node (by model index); by default the train rows the model
 * recorded, and none for a tree saved before it recorded them (the view never makes them up).
 */
export function treeView(
	source: TreeSource,
	counts: ArrayLike<number> | undefined = source.model.tree.count
): TreeView {
	const { model, recipe, target } = source;
	const { tree } = model;
	if (counts && counts.length !== tree.feature.length)
		throw new CoreError(
			'bad-counts',
			`The tree has ${tree.feature.length} nodes but ${counts.length} row counts were given.`
		);
	const meanings = traceFeatures(recipe);
	const probe = sameFeatures(recipe.features, model.features) ? missingRow(recipe) : null;
	const decision: Decision = target ? decisionOf(target) : { kind: 'argmax' };
	let depth = 0;
	const build = (id: number, at: number): TreeNode => {
		depth = Math.max(depth, at);
		const prediction = predictionOf(model, id, decision);
		const node = { id, depth: at, rows: counts ? counts[id] : null, prediction };
		const f = tree.feature[id];
		if (f < 0) return { ...node, split: null, yes: null, no: null, below: 0 };
		const name = model.features[f];
		const split = phraseSplit(name, tree.threshold[id], meanings.get(name), probe?.[f]);
		const left = build(tree.left[id], at + 1);
		const right = build(tree.right[id], at + 1);
		const [yes, no] = split.yesIsLeft ? [left, right] : [right, left];
		return { ...node, split, yes, no, below: 2 + left.below + right.below };
	};
	const root = build(0, 0);
	return {
		task: model.task,
		target: target?.name ?? null,
		classes: model.classes,
		range: model.task === 'regression' ? leafRange(model) : null,
		root,
		nodes: tree.feature.length,
		depth
	};
}

/** True when a split node shows its children, given the depth shown and the nodes toggled. */
export function nodeOpen(node: TreeNode, depth: number, toggled: ReadonlySet<number>): boolean {
	return node.split !== null && node.depth < depth !== toggled.has(node.id);
}

/** Returns the train rows reaching each node (by model index) when the tree predicts `x`. */
export function countRows(model: DecisionTreeModel, x: FeatureMatrix): number[] {
	checkFeatureCount(model.features, x);
	const { feature, threshold, left, right } = model.tree;
	const counts = new Array<number>(feature.length).fill(0);
	for (let i = 0; i < x.rows; i++) {
		let node = 0;
		counts[0]++;
		while (feature[node] >= 0) {
			const v = x.values[i * x.width + feature[node]];
			node = v > threshold[node] ? right[node] : left[node];
			counts[node]++;
		}
	}
	return counts;
}

/**
 * Returns one rule per leaf, yes branches first: `IF Sex is female AND Pclass ≤ 2 THEN Survived
 * = 1 (95% of 170 rows)`. Bounds on one number along a path merge into one condition.
 */
export function treeRules(view: TreeView): string[] {
	const rules: string[] = [];
	const walk = (node: TreeNode, path: Condition[]) => {
		const { split, yes, no } = node;
		if (!split || !yes || !no) {
			const conditions = mergeConditions(path);
			const then = outcomeText(view, node);
			rules.push(conditions.length > 0 ? `IF ${conditions.join(' AND ')} THEN ${then}` : then);
			return;
		}
		walk(yes, [...path, { text: split.yes, bound: split.bound, upper: true }]);
		walk(no, [...path, { text: split.no, bound: split.bound, upper: false }]);
	};
	walk(view.root, []);
	return rules;
}

/** Returns what a node predicts, in words: `Survived = 1 (74%)`, `price = 23.4 (mean)`. */
export function predictionText(view: TreeView, node: TreeNode): string {
	const { prediction: p, rows } = node;
	const subject = view.target === null ? '' : `${view.target} = `;
	const of = rows === null ? '' : ` of ${rows} row${rows === 1 ? '' : 's'}`;
	if (p.kind === 'class') return `${subject}${p.label} (${percent(p.share)}${of})`;
	return `${subject}${formatValue(p.value)} (mean${of})`;
}

function outcomeText(view: TreeView, node: TreeNode): string {
	return node.depth === 0 ? `ALWAYS ${predictionText(view, node)}` : predictionText(view, node);
}

interface Condition {
	text: string;
	bound: TreeBound | null;
	/** True on the yes branch: the bound is an upper one. */
	upper: boolean;
}

/** Returns a path's conditions, repeats dropped and each number's bounds merged at its first use. */
function mergeConditions(path: readonly Condition[]): string[] {
	const out: string[] = [];
	const done = new Set<string>();
	for (const c of path) {
		if (!c.bound) {
			if (!done.has(c.text)) out.push(c.text);
			done.add(c.text);
			continue;
		}
		const { subject } = c.bound;
		if (done.has(`bound ${subject}`)) continue;
		done.add(`bound ${subject}`);
		const same = path.filter((d) => d.bound?.subject === subject);
		out.push(rangeText(c.bound, tightest(same, true), tightest(same, false)));
	}
	return out;
}

/** Returns the tightest upper (or lower) bound among conditions on one number. */
function tightest(conditions: readonly Condition[], upper: boolean): TreeBound | null {
	let best: TreeBound | null = null;
	for (const { bound, upper: u } of conditions) {
		if (!bound || u !== upper) continue;
		// An upper bound x < v is tighter than x ≤ v; a lower bound x > v (strict false) than x ≥ v.
		const tighter = upper
			? !best || bound.value < best.value || (bound.value === best.value && bound.strict)
			: !best || bound.value > best.value || (bound.value === best.value && !bound.strict);
		if (tighter) best = bound;
	}
	return best;
}

function rangeText(b: TreeBound, upper: TreeBound | null, lower: TreeBound | null): string {
	const value = (bound: TreeBound) => `${formatNumber(bound.value)}${b.unit ? ` ${b.unit}` : ''}`;
	// The no answer of `x ≤ v` is `x > v`; of `x < v`, `x ≥ v`.
	if (upper && lower)
		return `${value(lower)} ${lower.strict ? '≤' : '<'} ${b.subject} ${upper.strict ? '<' : '≤'} ${value(upper)}`;
	if (lower) return `${b.subject} ${lower.strict ? '≥' : '>'} ${value(lower)}`;
	return `${b.subject} ${upper?.strict ? '<' : '≤'} ${value(upper ?? b)}`;
}

function predictionOf(model: DecisionTreeModel, id: number, decision: Decision): NodePrediction {
	if (model.task === 'regression') return { kind: 'value', value: model.tree.value[id] };
	const proba = model.tree.value[id];
	const index = decide(Float64Array.from(proba), proba.length, decision)[0];
	return { kind: 'class', index, label: model.classes[index], share: proba[index] };
}

function leafRange(model: DecisionTreeModel & { task: 'regression' }): [number, number] {
	const { feature, value } = model.tree;
	const leaves = value.filter((_, i) => feature[i] < 0);
	return [leaves.reduce((a, b) => Math.min(a, b)), leaves.reduce((a, b) => Math.max(a, b))];
}

function sameFeatures(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((name, i) => name === b[i]);
}

// ---- Phrasing a split ----

type Phrase = Omit<TreeSplit, 'feature' | 'threshold' | 'missing'>;

const plain = { yesIsLeft: true, readable: true, bound: null };

function phraseSplit(
	feature: string,
	threshold: number,
	meaning: Meaning | undefined,
	missingValue: number | undefined
): TreeSplit {
	const phrase =
		(meaning?.kind === 'number' && phraseBase(meaning, threshold)) ||
		boundPhrase(
			{ subject: `${feature} (model units)`, value: threshold, strict: false, unit: null },
			false
		);
	return { feature, threshold, ...phrase, missing: missingAnswer(meaning, missingValue) };

	// A row missing the feature's one input column has `missingValue` there; NaN goes left.
	function missingAnswer(m: Meaning | undefined, v: number | undefined): TreeSplit['missing'] {
		if (m?.kind !== 'number' || m.sources.length !== 1 || m.base.kind === 'missing') return null;
		if (v === undefined) return null;
		const left = Number.isNaN(v) || v <= threshold;
		return { column: m.sources[0], answer: left === phrase.yesIsLeft ? 'yes' : 'no' };
	}
}

/** Returns the split's phrase in the user's units, or null when the base cannot say it. */
function phraseBase(meaning: NumberMeaning, threshold: number): Phrase | null {
	const { base } = meaning;
	const t = meaning.toBase(threshold);
	// A 0/1 column's threshold lies in [0, 1): at or below it means 0.
	const flag = t >= 0 && t < 1;
	switch (base.kind) {
		case 'quantity':
			if (base.flag && flag) return isPhrase(`${base.name} is true`, `${base.name} is false`);
			return boundPhrase({ subject: base.name, value: t, strict: false, unit: base.unit }, true);
		case 'level':
			if (!flag) return null;
			return isPhrase(`${base.column} is ${base.level}`, `${base.column} is not ${base.level}`);
		case 'missing':
			return flag ? isPhrase(`${base.column} is missing`, `${base.column} is known`) : null;
		case 'order': {
			const k = Math.floor(t);
			const low = base.order.slice(0, k + 1);
			const high = base.order.slice(k + 1);
			if (k < 0 || high.length === 0) return null;
			const yes = `${base.column} is ${labelsText(low)}`;
			return { question: `${yes}?`, yes, no: `${base.column} is ${labelsText(high)}`, ...plain };
		}
		case 'bins': {
			// A bin index at most k means a value below the (k+1)th edge.
			const k = Math.floor(t);
			const inner = base.inner;
			if (k < 0 || k >= base.edges.length || inner.base.kind !== 'quantity') return null;
			const { name, unit } = inner.base;
			const value = inner.toBase(base.edges[k]);
			return boundPhrase({ subject: name, value, strict: true, unit }, true);
		}
		default:
			return assertNever(base, 'feature meaning');
	}
}

/** A 0/1 split phrased by its 1: yes is the right branch. */
function isPhrase(yes: string, no: string): Phrase {
	return { question: `${yes}?`, yes, no, yesIsLeft: false, readable: true, bound: null };
}

function boundPhrase(given: TreeBound, readable: boolean): Phrase {
	const bound = { ...given, value: Number(formatNumber(given.value)) };
	const { subject: x, strict } = bound;
	const value = `${formatNumber(bound.value)}${bound.unit ? ` ${bound.unit}` : ''}`;
	const yes = `${x} ${strict ? '<' : '≤'} ${value}`;
	const no = `${x} ${strict ? '≥' : '>'} ${value}`;
	return { question: `${yes}?`, yes, no, ...plain, readable, bound };
}

/** `S`, `S or M`, `S, M or L`, and for more, the range `S to XL` of the order. */
function labelsText(labels: readonly string[]): string {
	if (labels.length <= 1) return labels.join('');
	if (labels.length > 3) return `${labels[0]} to ${labels[labels.length - 1]}`;
	return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/**
 * Returns a threshold without the rounding noise of undoing a scaling (`36.99999999999999` is
 * `37`), to at most 6 significant digits after the integer part.
 */
function formatNumber(x: number): string {
	if (!Number.isFinite(x)) return String(x);
	let digits = 1;
	while (digits < 15 && Math.abs(Number(x.toPrecision(digits)) - x) > 1e-9 * Math.abs(x)) digits++;
	const whole = x === 0 ? 1 : Math.floor(Math.log10(Math.abs(x))) + 1;
	return String(Number(x.toPrecision(Math.min(digits, Math.max(6, whole)))));
}

/** Returns a mean to 4 significant digits (whole numbers from 10 000 on). */
function formatValue(x: number): string {
	return Math.abs(x) >= 1e4 ? String(Math.round(x)) : String(Number(x.toPrecision(4)));
}

/** Returns a share as a whole percentage that never rounds a mixed node to 0% or 100%. */
function percent(share: number): string {
	const p = share * 100;
	if (p > 99 && p < 100) return '>99%';
	if (p > 0 && p < 1) return '<1%';
	return `${Math.round(p)}%`;
}
