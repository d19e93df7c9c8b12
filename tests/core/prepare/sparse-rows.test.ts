import { describe, expect, it } from 'vitest';
import { toSparseRows } from '../../../src/core/prepare/sparse-rows';
import { featureMatrix } from '../helpers';

describe('toSparseRows', () => {
	it('keeps the non-zero entries of each row, in column order', () => {
		const sparse = toSparseRows(
			featureMatrix([
				[0, 2, 0],
				[0, 0, 0],
				[-1, 0, 3]
			])
		);
		expect(Array.from(sparse.start)).toEqual([0, 1, 1, 3]);
		expect(Array.from(sparse.index)).toEqual([1, 0, 2]);
		expect(Array.from(sparse.value)).toEqual([2, -1, 3]);
		expect([sparse.rows, sparse.width]).toEqual([3, 3]);
	});
});
