import { describe, expect, it } from 'vitest';
import { rawRows } from '../../../src/core/table/table';
import { ingestText } from '../helpers';

describe('ingestCsv', () => {
	it('reads quoted fields, doubled quotes and a quoted newline', async () => {
		const { raw, reports } = await ingestText('name,age\n"Smith, ""Jo""\nJr",42\nAnn,\n');
		expect(rawRows(raw, 0, 2)).toEqual([
			['Smith, "Jo"\nJr', '42'],
			['Ann', '']
		]);
		expect(reports.map((r) => r.kind)).toEqual(['category', 'number']);
	});
});
