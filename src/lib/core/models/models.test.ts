/** The four models against scikit-learn 1.2.1 (tests/fixtures/regression-sklearn.json) on the fixture CSVs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../data/csv-reader';
import { defaultFeatures, selectDataset } from '../data/select';
import { fitModel, type ModelId } from './index';
import { fitLasso, lassoObjective } from './lasso';
import { fitLinear, linearObjective } from './linear';
import { accuracy, fitLogistic, logisticObjective, logLoss, sigmoid, softplus } from './logistic';
import { datasetFromColumns, ModelError, type Dataset } from './matrix';
import { fitRidge, ridgeObjective } from './ridge';

interface Reference {
	model: ModelId;
	params: { alpha?: number; C?: number };
	coef: number[];
	intercept: number;
	objective: number;
	csv: string;
}

const fixtures = 'tests/fixtures/';
const sklearn = JSON.parse(readFileSync(`${fixtures}regression-sklearn.json`, 'utf8')) as {
	fits: Reference[];
};
const reference = (model: ModelId): Reference => sklearn.fits.find((f) => f.model === model)!;

function load(csv: string, target: string, binary: boolean): Dataset {
	const table = readCsv(readFileSync(fixtures + csv, 'utf8'), csv);
	const task = binary ? 'classification' : 'regression';
	return selectDataset(table, { features: defaultFeatures(table, target), target, task }).dataset;
}
const data = load('regression-data.csv', 'y', false);
const classes = load('regression-classes.csv', 'label', true);

function expectRelative(actual: number, expected: number, tol: number, scale = Math.abs(expected)): void {
	expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(scale, 1e-300));
}

/** Objective as a function of theta = (w, b). */
type Objective = (coef: Float64Array, intercept: number) => number;
const objectives: Record<ModelId, (r: Reference) => { d: Dataset; f: Objective }> = {
	linear: () => ({ d: data, f: (w, b) => linearObjective(data, w, b) }),
	ridge: (r) => ({ d: data, f: (w, b) => ridgeObjective(data, w, b, r.params.alpha!) }),
	lasso: (r) => ({ d: data, f: (w, b) => lassoObjective(data, w, b, r.params.alpha!) }),
	logistic: (r) => ({ d: classes, f: (w, b) => logisticObjective(classes, w, b, r.params.C!) })
};

/** Central difference of f along coordinate k of theta = (w, b); k = p is the intercept. */
function partial(f: Objective, coef: Float64Array, intercept: number, k: number, h: number): number {
	const w = Float64Array.from(coef);
	const p = w.length;
	const at = (delta: number): number => {
		if (k === p) return f(w, intercept + delta);
		const saved = w[k];
		w[k] = saved + delta;
		const v = f(w, intercept);
		w[k] = saved;
		return v;
	};
	return (at(h) - at(-h)) / (2 * h);
}

describe.each([
	['linear', 1e-8],
	['ridge', 1e-8],
	['lasso', 1e-6],
	['logistic', 1e-6]
] as const)('%s regression against scikit-learn', (model, tol) => {
	const ref = reference(model);
	const { d, f } = objectives[model](ref);
	const fit = fitModel(model, d, ref.params);

	it(`matches coef, intercept and objective to ${tol} relative`, () => {
		const scale = Math.max(...ref.coef.map(Math.abs));
		expect(fit.coef.length).toBe(ref.coef.length);
		for (let j = 0; j < ref.coef.length; j++) expectRelative(fit.coef[j], ref.coef[j], tol, scale);
		expectRelative(fit.intercept, ref.intercept, tol);
		expectRelative(fit.objective, ref.objective, tol);
	});

	it('reaches an objective no worse than scikit-learn at its own solution', () => {
		expect(fit.objective).toBeLessThanOrEqual(ref.objective * (1 + 1e-12));
		expectRelative(fit.objective, f(fit.coef, fit.intercept), 1e-14);
	});

	it('has a (sub)gradient of zero at the optimum (central differences)', () => {
		const p = fit.coef.length;
		const h = 1e-6;
		// Finite differences of an O(f) function carry rounding of about eps * |f| / h.
		const noise = (1e-15 * Math.max(1, Math.abs(fit.objective))) / h + 1e-7;
		for (let k = 0; k <= p; k++) {
			const g = partial(f, fit.coef, fit.intercept, k, h);
			if (model === 'lasso' && k < p && fit.coef[k] === 0) {
				// At w_k = 0 the one-sided slopes straddle 0: |smooth part| <= alpha.
				const right =
					(f(
						Float64Array.from(fit.coef, (c, j) => (j === k ? h : c)),
						fit.intercept
					) -
						fit.objective) /
					h;
				const left =
					(f(
						Float64Array.from(fit.coef, (c, j) => (j === k ? -h : c)),
						fit.intercept
					) -
						fit.objective) /
					h;
				expect(right).toBeGreaterThan(0);
				expect(left).toBeGreaterThan(0);
			} else expect(Math.abs(g)).toBeLessThan(noise * 10);
		}
	});
});

describe('lasso', () => {
	const ref = reference('lasso');
	const fit = fitLasso(data, ref.params.alpha!);

	it('zeroes exactly the coefficients scikit-learn zeroes', () => {
		expect(ref.coef.filter((c) => c === 0).length).toBe(1);
		for (let j = 0; j < ref.coef.length; j++) expect(fit.coef[j] === 0).toBe(ref.coef[j] === 0);
		expect(fit.converged).toBe(true);
	});

	it('gives all-zero coefficients and the mean as intercept for a large alpha', () => {
		const big = fitLasso(data, 1e6);
		expect(Array.from(big.coef)).toEqual([0, 0, 0]);
		expectRelative(big.intercept, data.y.reduce((a, b) => a + b) / data.n, 1e-14);
	});

	it('equals least squares at alpha = 0', () => {
		const lasso = fitLasso(data, 0);
		const ols = fitLinear(data);
		for (let j = 0; j < 3; j++) expectRelative(lasso.coef[j], ols.coef[j], 1e-9);
	});
});

describe('ridge and linear', () => {
	it('ridge with alpha = 0 is least squares', () => {
		const r = fitRidge(data, 0);
		const l = fitLinear(data);
		expect(Array.from(r.coef)).toEqual(Array.from(l.coef));
	});

	it('recovers an exact linear relation', () => {
		const x1 = Float64Array.from([1, 2, 3, 4, 5]);
		const x2 = Float64Array.from([2, -1, 0, 3, 1]);
		const y = Float64Array.from(x1, (v, i) => 0.5 + 2 * v - 3 * x2[i]);
		const fit = fitLinear(datasetFromColumns([x1, x2], y));
		expect(fit.coef[0]).toBeCloseTo(2, 12);
		expect(fit.coef[1]).toBeCloseTo(-3, 12);
		expect(fit.intercept).toBeCloseTo(0.5, 12);
		expect(fit.objective).toBeLessThan(1e-20);
	});

	it('reports collinear features instead of returning infinities', () => {
		const x1 = Float64Array.from([1, 2, 3, 4]);
		const x2 = Float64Array.from(x1, (v) => 2 * v);
		expect(() => fitLinear(datasetFromColumns([x1, x2], Float64Array.from([1, 3, 2, 5])))).toThrow(
			ModelError
		);
	});
});

describe('logistic helpers', () => {
	it('softplus and sigmoid stay finite and accurate far from 0', () => {
		expect(softplus(1000)).toBe(1000);
		expect(softplus(-1000)).toBe(0);
		expect(softplus(-40)).toBeCloseTo(Math.exp(-40), 30);
		expect(sigmoid(-1000)).toBe(0);
		expect(sigmoid(1000)).toBe(1);
		expect(sigmoid(0)).toBe(0.5);
	});

	it('accuracy and log-loss agree with the objective at the fit', () => {
		const ref = reference('logistic');
		const fit = fitLogistic(classes, ref.params.C!);
		const ll = logLoss(classes, fit.coef, fit.intercept);
		let penalty = 0;
		for (const c of fit.coef) penalty += c * c;
		expectRelative(ref.params.C! * classes.n * ll + 0.5 * penalty, fit.objective, 1e-13);
		const acc = accuracy(classes, fit.coef, fit.intercept);
		expect(acc).toBeGreaterThan(0.7);
		expect(acc).toBeLessThanOrEqual(1);
		expect(fit.converged).toBe(true);
	});

	it('stays finite on separable data (the penalty bounds w)', () => {
		const x = Float64Array.from([-2, -1, 1, 2]);
		const fit = fitLogistic(datasetFromColumns([x], Float64Array.from([0, 0, 1, 1])), 100);
		expect(Number.isFinite(fit.coef[0])).toBe(true);
		expect(fit.converged).toBe(true);
		expect(accuracy(datasetFromColumns([x], Float64Array.from([0, 0, 1, 1])), fit.coef, fit.intercept)).toBe(
			1
		);
	});

	it('rejects labels other than 0 and 1', () => {
		const x = Float64Array.from([1, 2, 3]);
		expect(() => fitLogistic(datasetFromColumns([x], Float64Array.from([0, 2, 1])), 1)).toThrow(/0 or 1/);
	});
});
