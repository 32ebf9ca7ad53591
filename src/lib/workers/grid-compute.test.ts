import { describe, expect, it, vi } from 'vitest';
import { compileExpression } from '../core/expression';
import { circlesSet } from '../core/data/playground-sets';
import { rosenbrock } from '../core/functions';
import { cellCentreX, cellCentreY, sampleGrid } from '../core/grid/sample';
import {
	createLandscapeObjective,
	MAX_LANDSCAPE_GRID,
	randomDirections,
	type LandscapeSpec
} from '../core/nn/landscape';
import { createMlp, initParams, type MlpSpec } from '../core/nn/mlp';
import { contourPaths } from '../views/contour/paths';
import { contourSet } from './contours';
import {
	computeGrid,
	createObjectiveCache,
	effectiveGridSize,
	isGridFailure,
	type GridRequest,
	type GridResult
} from './grid-compute';
import { computeGridSync } from './grid-sync';

const box = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };

function request(over: Partial<GridRequest> = {}): GridRequest {
	return { id: 7, source: { kind: 'builtin', id: 'rosenbrock' }, box, nx: 40, ny: 30, levels: 12, ...over };
}

function ok(r: ReturnType<typeof computeGridSync>): GridResult {
	if (isGridFailure(r)) throw new Error(r.error);
	return r;
}

describe('computeGridSync', () => {
	it('samples a built-in function at pixel centres and contours it like contourSet', () => {
		const r = ok(computeGridSync(request()));
		expect(r.id).toBe(7);
		expect(r.grid.nx).toBe(40);
		expect(r.grid.ny).toBe(30);
		expect(r.grid.box).toEqual(box);
		expect(Array.from(r.grid.values)).toEqual(Array.from(sampleGrid(rosenbrock.f, box, 40, 30)));
		const expected = contourSet(r.grid, 12);
		expect(r.scale).toEqual(expected.scale);
		const { paths, ...contours } = r.contours;
		expect(contours).toEqual(expected.contours);
		// The view's paths come prebuilt: one per band, isolines, and no undefined region here.
		expect(paths).toEqual(contourPaths(expected.contours, r.grid));
		expect(paths?.bands).toHaveLength(12);
		expect(paths?.undefinedRegion).toBe('');
		expect(r.contours.bands).toHaveLength(12);
		expect(r.ms).toBeGreaterThanOrEqual(0);
	});

	it('compiles a typed expression', () => {
		const r = ok(computeGridSync(request({ source: { kind: 'custom', expr: 'x^2 + 3*y^2' } })));
		const f = (x: number, y: number) => x * x + 3 * y * y;
		const expected = sampleGrid(f, box, 40, 30);
		for (let k = 0; k < expected.length; k++) expect(r.grid.values[k]).toBeCloseTo(expected[k], 12);
	});

	it('keeps undefined values as NaN in the grid, and outlines them', () => {
		const r = ok(computeGridSync(request({ source: { kind: 'custom', expr: 'log(x) + y' }, nx: 4, ny: 2 })));
		expect(Number.isNaN(r.grid.values[0])).toBe(true);
		expect(Number.isFinite(r.grid.values[3])).toBe(true);
		expect(r.contours.paths?.undefinedRegion).toMatch(/^M/);
	});

	it('reports bad input as an error response instead of throwing', () => {
		const cases: [Partial<GridRequest>, RegExp][] = [
			[{ source: { kind: 'builtin', id: 'nope' } }, /Unknown function: nope/],
			[{ source: { kind: 'custom', expr: 'x +* y' } }, /./],
			[{ source: { kind: 'custom', expr: '' } }, /Empty expression/],
			[{ nx: 0 }, /Grid size/],
			[{ ny: 2.5 }, /Grid size/],
			[{ box: { xMin: 1, xMax: 1, yMin: 0, yMax: 1 } }, /view box/],
			[{ box: { xMin: 0, xMax: Infinity, yMin: 0, yMax: 1 } }, /view box/],
			[{ levels: -1 }, /Levels/],
			[{ source: { kind: 'other' } as unknown as GridRequest['source'] }, /source/]
		];
		for (const [over, message] of cases) {
			const r = computeGridSync(request(over));
			expect(isGridFailure(r)).toBe(true);
			if (isGridFailure(r)) {
				expect(r.id).toBe(7);
				expect(r.error).toMatch(message);
			}
		}
	});
});

describe('createObjectiveCache', () => {
	it('compiles each source once and evicts the least recently used', () => {
		const compile = vi.fn(compileExpression);
		const cache = createObjectiveCache(2);
		const a = { kind: 'custom', expr: 'x + y' } as const;
		const b = { kind: 'custom', expr: 'x - y' } as const;
		const c = { kind: 'custom', expr: 'x * y' } as const;
		computeGrid(request({ source: a }), cache, compile);
		computeGrid(request({ source: a }), cache, compile);
		expect(compile).toHaveBeenCalledTimes(1);
		computeGrid(request({ source: b }), cache, compile);
		computeGrid(request({ source: a }), cache, compile); // a is now the most recent
		computeGrid(request({ source: c }), cache, compile); // evicts b
		expect(compile).toHaveBeenCalledTimes(3);
		expect(cache.has(a)).toBe(true);
		expect(cache.has(b)).toBe(false);
		expect(cache.has(c)).toBe(true);
	});

	it('asks for the compiler only when a custom source is not cached', () => {
		const cache = createObjectiveCache();
		const r = computeGrid(request({ source: { kind: 'custom', expr: 'x' } }), cache, undefined);
		expect(isGridFailure(r) && r.error).toMatch(/compiler/);
		expect(isGridFailure(computeGrid(request(), cache, undefined))).toBe(false);
	});
});

function landscapeSpec(mlpSpec: MlpSpec, n = 250): LandscapeSpec {
	const data = circlesSet({ n, noise: 0.1, seed: 1 });
	const mlp = createMlp(mlpSpec);
	const params = initParams(mlp, 2);
	const [d1, d2] = randomDirections(mlp, params, 3);
	return { mlp, params, d1, d2, x: data.x, y: data.y, n: data.n, p: data.p };
}

const smallNet: MlpSpec = { inputs: 2, hidden: [4, 2], activation: 'tanh', task: 'binary', l2: 0.01 };

describe('landscape sources', () => {
	it(`caps the grid at ${MAX_LANDSCAPE_GRID} per side, keeping the aspect ratio, and samples f at cell centres`, () => {
		const spec = landscapeSpec(smallNet);
		const lbox = { xMin: -1, xMax: 1, yMin: -0.5, yMax: 0.5 };
		const r = ok(
			computeGridSync(
				request({ source: { kind: 'landscape', key: 'cap', spec }, box: lbox, nx: 400, ny: 200 })
			)
		);
		expect(r.grid.nx).toBe(MAX_LANDSCAPE_GRID);
		expect(r.grid.ny).toBe(MAX_LANDSCAPE_GRID / 2);
		const f = createLandscapeObjective(spec);
		for (let j = 0; j < r.grid.ny; j += 7)
			for (let i = 0; i < r.grid.nx; i += 5) {
				const v = f.f(cellCentreX(lbox, r.grid.nx, i), cellCentreY(lbox, r.grid.ny, j));
				expect(r.grid.values[j * r.grid.nx + i]).toBe(v);
			}
		expect(r.contours.bands).toHaveLength(12);
	});

	it('leaves small grids and other sources alone', () => {
		const spec = landscapeSpec(smallNet);
		expect(effectiveGridSize({ kind: 'landscape', key: 'k', spec }, 30, 50)).toEqual({ nx: 30, ny: 50 });
		expect(effectiveGridSize({ kind: 'landscape', key: 'k', spec }, 4096, 1)).toEqual({
			nx: MAX_LANDSCAPE_GRID,
			ny: 1
		});
		expect(effectiveGridSize({ kind: 'builtin', id: 'rosenbrock' }, 400, 300)).toEqual({ nx: 400, ny: 300 });
		const r = ok(
			computeGridSync(request({ source: { kind: 'landscape', key: 'small', spec }, nx: 20, ny: 10 }))
		);
		expect([r.grid.nx, r.grid.ny]).toEqual([20, 10]);
	});

	it('resolves a key once from the cache', () => {
		const cache = createObjectiveCache();
		const source = { kind: 'landscape', key: 'once', spec: landscapeSpec(smallNet) } as const;
		expect(cache.has(source)).toBe(false);
		ok(computeGrid(request({ source, nx: 10, ny: 10 }), cache, undefined));
		expect(cache.has(source)).toBe(true);
		expect(cache.has({ ...source, key: 'other' })).toBe(false);
	});

	it('reports an invalid landscape spec as an error response', () => {
		const good = landscapeSpec(smallNet);
		const cases: [unknown, RegExp][] = [
			[{ ...good, params: new Float64Array(2) }, /Invalid loss landscape: params has 2 entries/],
			[{ ...good, n: 3 }, /Invalid loss landscape: inconsistent data/],
			[{ ...good, mlp: { layers: 'no' } }, /Invalid loss landscape/],
			[null, /Invalid function source/]
		];
		cases.forEach(([spec, message], i) => {
			const source = { kind: 'landscape', key: `bad${i}`, spec } as unknown as GridRequest['source'];
			const r = computeGridSync(request({ source }));
			expect(isGridFailure(r) && r.error).toMatch(message);
		});
		const noKey = { kind: 'landscape', spec: good } as unknown as GridRequest['source'];
		expect(isGridFailure(computeGridSync(request({ source: noKey })))).toBe(true);
	});
});

describe('performance', () => {
	for (const [name, hidden] of [
		['2-4-2-1', [4, 2]],
		['2-16-16-1', [16, 16]]
	] as const) {
		it(`samples an ${MAX_LANDSCAPE_GRID} x ${MAX_LANDSCAPE_GRID} landscape of a ${name} tanh net on 250 rows`, () => {
			const spec = landscapeSpec({ inputs: 2, hidden, activation: 'tanh', task: 'binary' });
			const cache = createObjectiveCache();
			const source = { kind: 'landscape', key: name, spec } as const;
			const req = request({ source, box: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, nx: 80, ny: 80 });
			const run = (): number => {
				const t0 = performance.now();
				const r = ok(computeGrid(req, cache, undefined));
				expect(r.grid.nx * r.grid.ny).toBe(6400);
				return performance.now() - t0;
			};
			const cold = run();
			const ms = run();
			console.log(
				`80 x 80 landscape, ${name} tanh, 250 rows: ${ms.toFixed(0)} ms (first ${cold.toFixed(0)} ms)`
			);
			// Each cell is a forward pass over 250 rows; generous bound for slow CI machines.
			expect(ms).toBeLessThan(30_000);
		}, 60_000);
	}

	it('samples and contours Rosenbrock on 400 x 400 with 20 levels quickly', () => {
		computeGridSync(request({ nx: 400, ny: 400, levels: 20 })); // warm up the JIT
		const times: number[] = [];
		for (let i = 0; i < 7; i++) {
			const t0 = performance.now();
			ok(computeGridSync(request({ nx: 400, ny: 400, levels: 20 })));
			times.push(performance.now() - t0);
		}
		times.sort((p, q) => p - q);
		const median = times[3];
		console.log(
			`400 x 400 Rosenbrock, 20 levels: median ${median.toFixed(1)} ms (min ${times[0].toFixed(1)})`
		);
		// Generous bound for slow CI machines; the budget in the worker is 50 ms.
		expect(median).toBeLessThan(250);
	});
});
