import { describe, expect, it } from 'vitest';
import { minimizeLbfgs, type Objective } from '../../../src/core/util/lbfgs';
import { expectClose } from '../helpers';

// f(x) = 1/2 x'Ax - b'x with A = [[4, 1, 0], [1, 3, 1], [0, 1, 2]]: the minimum solves A x = b.
const A = [
	[4, 1, 0],
	[1, 3, 1],
	[0, 1, 2]
];
const b = [1, 2, 3];
const quadratic: Objective = (x, grad) => {
	let f = 0;
	for (let i = 0; i < 3; i++) {
		let ax = 0;
		for (let j = 0; j < 3; j++) ax += A[i][j] * x[j];
		grad[i] = ax - b[i];
		f += 0.5 * x[i] * ax - b[i] * x[i];
	}
	return f;
};
// A x = b solved by hand: x1 = 1 - 4 x0, x2 = 1 + 2 x0, so -9 x0 = -2.
const SOLUTION = [2 / 9, 1 / 9, 13 / 9];

describe('minimizeLbfgs', () => {
	it('finds the minimum of a quadratic to the gradient tolerance', async () => {
		const result = await minimizeLbfgs(quadratic, new Float64Array(3), {
			maxIterations: 100,
			gradTol: 1e-8,
			memory: 5
		});
		expect(result.converged).toBe(true);
		const grad = new Float64Array(3);
		quadratic(result.x, grad);
		expect(Math.max(...grad.map(Math.abs))).toBeLessThanOrEqual(1e-8);
		// |x - x*| <= |grad| / (smallest eigenvalue of A, about 1.27) <= sqrt(3) * 1e-8 / 1.27.
		expectClose(result.x, SOLUTION, 1.4e-8);
		const f = SOLUTION.reduce((s, x, i) => s - 0.5 * b[i] * x, 0);
		expectClose(result.f, f, 1e-14);
	});

	it('minimises the Rosenbrock function', async () => {
		const rosenbrock: Objective = (x, grad) => {
			grad[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2);
			grad[1] = 200 * (x[1] - x[0] ** 2);
			return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
		};
		const result = await minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), {
			maxIterations: 500,
			gradTol: 1e-8,
			memory: 10
		});
		expectClose(result.x, [1, 1], 1e-6);
	});

	it('reports each iteration, and stops when the callback throws', async () => {
		const seen: number[] = [];
		await minimizeLbfgs(
			quadratic,
			new Float64Array(3),
			{ maxIterations: 100, gradTol: 1e-10, memory: 5 },
			(i) => {
				seen.push(i);
			}
		);
		expect(seen.length).toBeGreaterThan(0);
		expect(seen).toEqual(seen.map((_, i) => i + 1));
		const stop = minimizeLbfgs(
			quadratic,
			new Float64Array(3),
			{ maxIterations: 100, gradTol: 1e-10, memory: 5 },
			() => {
				throw new Error('stop');
			}
		);
		await expect(stop).rejects.toThrow('stop');
	});
});
