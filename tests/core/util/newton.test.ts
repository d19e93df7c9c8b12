import { describe, expect, it } from 'vitest';
import {
	minimizeNewton,
	newtonStep,
	type SecondOrderObjective
} from '../../../src/core/util/newton';
import { expectClose, expectCoreError } from '../helpers';

// f(x) = 1/2 x'Ax - b'x with the Hessian A given as its lower triangle.
const A = [
	[4, 1, 0],
	[1, 3, 1],
	[0, 1, 2]
];
const b = [1, 2, 3];
const quadratic: SecondOrderObjective = (x, grad, hessian) => {
	let f = 0;
	for (let i = 0; i < 3; i++) {
		let ax = 0;
		for (let j = 0; j < 3; j++) ax += A[i][j] * x[j];
		grad[i] = ax - b[i];
		f += 0.5 * x[i] * ax - b[i] * x[i];
		if (hessian) for (let j = 0; j <= i; j++) hessian[i * 3 + j] = A[i][j];
	}
	return f;
};

describe('minimizeNewton', () => {
	it('solves a quadratic in one step', async () => {
		const result = await minimizeNewton(quadratic, new Float64Array(3), {
			maxIterations: 20,
			gradTol: 1e-12
		});
		expect(result.converged).toBe(true);
		expect(result.iterations).toBe(1);
		expectClose(result.x, [2 / 9, 1 / 9, 13 / 9], 1e-12);
	});

	it('minimises a smooth non-quadratic convex function', async () => {
		// f(x) = sum of exp(x_i) - 2 x_i: the minimum is at x_i = ln 2.
		const f: SecondOrderObjective = (x, grad, hessian) => {
			let v = 0;
			for (let i = 0; i < x.length; i++) {
				v += Math.exp(x[i]) - 2 * x[i];
				grad[i] = Math.exp(x[i]) - 2;
				if (hessian) hessian[i * x.length + i] = Math.exp(x[i]);
			}
			return v;
		};
		const result = await minimizeNewton(f, Float64Array.from([3, -4]), {
			maxIterations: 50,
			gradTol: 1e-12
		});
		expect(result.converged).toBe(true);
		expectClose(result.x, [Math.LN2, Math.LN2], 1e-12);
	});
});

describe('newtonStep', () => {
	it('solves H s = -g from the lower triangle of H', () => {
		// H = [[4, 2], [2, 3]]: 4 s0 + 2 s1 = -8 and 2 s0 + 3 s1 = -6.
		const h = Float64Array.from([4, 0, 2, 3]);
		expectClose(newtonStep(h, Float64Array.from([8, 6])), [-1.5, -1], 1e-12);
	});

	it('rejects a matrix that is not positive definite', async () => {
		await expectCoreError(
			() => newtonStep(Float64Array.from([1, 0, 1, 1]), Float64Array.from([1, 1])),
			'singular'
		);
	});
});
