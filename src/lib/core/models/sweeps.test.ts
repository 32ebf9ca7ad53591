import { describe, expect, it } from 'vitest';
import { noisySine } from '../data/synthetic';
import { trainTestSplit } from '../data/split';
import { createRng } from '../random/rng';
import { fitLasso } from './lasso';
import { fitLinear } from './linear';
import { fitLogistic } from './logistic';
import {
	alphaGrid,
	cGrid,
	coefficientPath,
	degreeCurve,
	logisticPath,
	meanSquaredError,
	prepareFeatures
} from './sweeps';

describe('degreeCurve', () => {
	const d = noisySine({ n: 40, noise: 0.2, seed: 3 });
	const { train, test } = trainTestSplit(d, { testFraction: 0.5, seed: 1 });

	it('training error never rises with degree; test error falls from the underfit line, then rises', () => {
		const curve = degreeCurve(train, test, 'linear', {}, true, 15);
		expect(curve).toHaveLength(15);
		for (let k = 1; k < curve.length; k++)
			if (!curve[k].error) expect(curve[k].trainMse).toBeLessThanOrEqual(curve[k - 1].trainMse * (1 + 1e-9));
		const best = curve.reduce((a, b) => (b.testMse < a.testMse ? b : a));
		expect(best.degree).toBeGreaterThan(1);
		expect(best.testMse).toBeLessThan(curve[0].testMse / 2);
		expect(curve[14].testMse).toBeGreaterThan(best.testMse * 2);
	});

	it('is the MSE of the fit on each degree, standardised or not (least squares is scale-free)', () => {
		const raw = degreeCurve(train, test, 'linear', {}, false, 5);
		const std = degreeCurve(train, test, 'linear', {}, true, 5);
		for (let k = 0; k < 5; k++) {
			const f = prepareFeatures(train, test, k + 1, false);
			const fit = fitLinear(f.train);
			expect(raw[k].trainMse).toBeCloseTo(meanSquaredError(f.train, fit), 12);
			expect(std[k].testMse).toBeCloseTo(raw[k].testMse, 8);
		}
	});
});

describe('coefficient paths', () => {
	const rng = createRng(8);
	const n = 100;
	const p = 3;
	const x = Float64Array.from({ length: n * p }, () => rng.normal());
	const y = Float64Array.from(
		{ length: n },
		(_, i) => 2 * x[i * p] - x[i * p + 1] + 0.1 * x[i * p + 2] + 0.3 * rng.normal()
	);
	const d = { x, y, n, p };

	it('lasso: every weight is exactly 0 at the top of its grid and non-zero at the bottom', () => {
		const alphas = alphaGrid('lasso', d, 30);
		expect(alphas[0]).toBeLessThan(alphas[29]);
		const path = coefficientPath('lasso', d, alphas);
		expect([...path.coefs[29]]).toEqual([0, 0, 0]);
		expect([...path.coefs[0]].every((w) => w !== 0)).toBe(true);
		// Just below alpha_max the strongest feature is the only one in.
		const justBelow = fitLasso(d, alphas[29] * 0.98).coef;
		expect(justBelow[0]).not.toBe(0);
		expect(justBelow[1]).toBe(0);
	});

	it('ridge: the weight vector norm shrinks monotonically as alpha grows', () => {
		const path = coefficientPath('ridge', d, alphaGrid('ridge', d, 20));
		const norms = path.coefs.map((c) => Math.hypot(...c));
		for (let k = 1; k < norms.length; k++) expect(norms[k]).toBeLessThan(norms[k - 1]);
		expect(norms[19]).toBeLessThan(norms[0] / 100);
	});

	it('logistic: the weights grow from near 0 as C grows, each the fit at its C', () => {
		const yc = Float64Array.from(y, (v) => (v > 0 ? 1 : 0));
		const dc = { x, y: yc, n, p };
		const Cs = cGrid(13);
		expect(Cs[0]).toBeCloseTo(1e-3, 15);
		expect(Cs[12]).toBeCloseTo(1e3, 9);
		const path = logisticPath(dc, Cs);
		const norms = path.coefs.map((c) => Math.hypot(...c));
		for (let k = 1; k < norms.length; k++) expect(norms[k]).toBeGreaterThan(norms[k - 1]);
		expect(norms[0]).toBeLessThan(0.1);
		expect([...path.coefs[6]]).toEqual([...fitLogistic(dc, Cs[6]).coef]);
	});
});
