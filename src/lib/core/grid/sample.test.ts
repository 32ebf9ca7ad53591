import { describe, expect, it } from 'vitest';
import { rosenbrock } from '../functions';
import { cellCentreX, cellCentreY, sampleGrid } from './sample';

const box = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };

describe('sampleGrid', () => {
	it('samples at the documented pixel centres', () => {
		const nx = 8;
		const ny = 5;
		const v = sampleGrid((x, y) => rosenbrock.f(x, y), box, nx, ny);
		expect(v).toHaveLength(nx * ny);
		for (const [i, j] of [
			[0, 0],
			[7, 0],
			[0, 4],
			[7, 4],
			[3, 2]
		]) {
			const x = -2 + ((i + 0.5) * 4) / nx;
			const y = 3 - ((j + 0.5) * 4) / ny;
			expect(cellCentreX(box, nx, i)).toBe(x);
			expect(cellCentreY(box, ny, j)).toBe(y);
			expect(v[j * nx + i]).toBe(rosenbrock.f(x, y));
		}
	});

	it('puts row 0 at the top (largest y) and column 0 at the left (smallest x)', () => {
		const nx = 4;
		const ny = 3;
		const ys = sampleGrid((_x, y) => y, box, nx, ny);
		const xs = sampleGrid((x) => x, box, nx, ny);
		expect(ys[0]).toBeCloseTo(3 - 4 / 6, 14);
		expect(ys[(ny - 1) * nx]).toBeCloseTo(-1 + 4 / 6, 14);
		for (let j = 1; j < ny; j++) expect(ys[j * nx]).toBeLessThan(ys[(j - 1) * nx]);
		expect(xs[0]).toBeCloseTo(-2 + 0.5, 14);
		expect(xs[nx - 1]).toBeCloseTo(2 - 0.5, 14);
		for (let i = 1; i < nx; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
		// Every cell of a row shares its y.
		for (let i = 0; i < nx; i++) expect(ys[nx + i]).toBe(ys[nx]);
	});

	it('stores every non-finite value as NaN', () => {
		const v = sampleGrid((x, y) => (x < 0 ? Math.log(x) : y > 0 ? Infinity : -Infinity), box, 4, 2);
		expect(Array.from(v).every(Number.isNaN)).toBe(true);
		const w = sampleGrid((x) => Math.sqrt(x), box, 4, 1);
		expect(Number.isNaN(w[0])).toBe(true);
		expect(Number.isNaN(w[1])).toBe(true);
		expect(w[2]).toBe(Math.sqrt(0.5));
		expect(w[3]).toBe(Math.sqrt(1.5));
	});

	it('reuses an output array of the right length and replaces one of the wrong length', () => {
		const out = new Float64Array(6);
		expect(sampleGrid(() => 1, box, 3, 2, out)).toBe(out);
		expect(Array.from(out)).toEqual([1, 1, 1, 1, 1, 1]);
		const wrong = new Float64Array(5);
		const fresh = sampleGrid(() => 2, box, 3, 2, wrong);
		expect(fresh).not.toBe(wrong);
		expect(fresh).toHaveLength(6);
	});

	it('rejects sizes that are not positive integers', () => {
		for (const [nx, ny] of [
			[0, 3],
			[3, -1],
			[2.5, 3],
			[Number.NaN, 3],
			[5000, 2]
		]) {
			expect(() => sampleGrid(() => 0, box, nx, ny)).toThrow(RangeError);
		}
	});
});
