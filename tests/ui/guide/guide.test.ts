import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../src/core/project/stages';
import { GLOSSARY } from '../../../src/ui/guide/glossary';
import { parseGuide } from '../../../src/ui/guide/markup';
import { STAGE_GUIDES } from '../../../src/ui/guide/stage-guides';

describe('guide markup', () => {
	it('links [[term]] and [[term|words]] to glossary entries, and leaves the rest as text', () => {
		expect(parseGuide('Set the [[KPI]] before the [[test|test rows]] are seen.')).toEqual([
			{ text: 'Set the ' },
			{ text: 'KPI', term: 'kpi' },
			{ text: ' before the ' },
			{ text: 'test rows', term: 'test' },
			{ text: ' are seen.' }
		]);
		expect(parseGuide('[[cost matrix]]')).toEqual([{ text: 'cost matrix', term: 'cost-matrix' }]);
		expect(parseGuide('no terms')).toEqual([{ text: 'no terms' }]);
	});

	it('refuses a term the glossary lacks', () => {
		expect(() => parseGuide('a [[widget]] here')).toThrow(
			'The glossary has no entry "widget" (in "[[widget]]").'
		);
	});
});

describe('the guide', () => {
	it('explains every stage in two paragraphs and names its mistakes, every term in the glossary', () => {
		for (const stage of STAGES) {
			const guide = STAGE_GUIDES[stage];
			for (const text of [guide.what, guide.why, ...guide.mistakes]) {
				const segments = parseGuide(text);
				expect(segments.map((s) => s.text).join('').length).toBeGreaterThan(40);
			}
			expect(guide.mistakes.length).toBeGreaterThan(0);
		}
	});

	it('defines each glossary term in words of its own', () => {
		for (const [id, entry] of Object.entries(GLOSSARY)) {
			expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
			expect(entry.meaning.length).toBeGreaterThan(30);
			expect(entry.meaning.toLowerCase().startsWith(entry.term.toLowerCase())).toBe(false);
		}
	});
});
