/**
 * The regression panel's two sweeps: training and test error against polynomial degree (the bias-variance
 * picture: training error falls with degree, test error falls then rises), and the coefficient path of ridge
 * and lasso against alpha (ridge shrinks every weight smoothly towards 0; the lasso sets them to exactly 0
 * one by one), and logistic regression's weights against C. Feature preparation (polynomial expansion, then standardisation fitted on the training rows
 * only, as scikit-learn's PolynomialFeatures + StandardScaler pipeline) is shared with the panel.
 */
import { polynomialFeatures } from '../data/polynomial';
import { applyStandardizer, fitStandardizer, type Standardizer } from '../data/standardize';
import { fitModel, type ModelId, type ModelParams } from './index';
import { centre, predict, type Dataset, type LinearFit } from './matrix';
import { fitLasso } from './lasso';
import { fitLogistic } from './logistic';
import { fitRidge } from './ridge';

export interface PreparedFeatures {
	train: Dataset;
	test: Dataset;
	/** Fitted on the (expanded) training rows; null when not standardising. */
	standardizer: Standardizer | null;
}

/** Expands a one-feature dataset to `degree` powers (degree 1 leaves any data as is), then standardises. */
export function prepareFeatures(
	train: Dataset,
	test: Dataset,
	degree: number,
	standardize: boolean
): PreparedFeatures {
	let tr = degree > 1 ? polynomialFeatures(train, degree) : train;
	let te = degree > 1 ? polynomialFeatures(test, degree) : test;
	if (!standardize) return { train: tr, test: te, standardizer: null };
	const s = fitStandardizer(tr);
	tr = applyStandardizer(tr, s);
	te = applyStandardizer(te, s);
	return { train: tr, test: te, standardizer: s };
}

/** Mean squared error of a linear model on d. */
export function meanSquaredError(d: Dataset, fit: Pick<LinearFit, 'coef' | 'intercept'>): number {
	if (d.n === 0) return Number.NaN;
	const z = predict(d, fit.coef, fit.intercept);
	let s = 0;
	for (let i = 0; i < d.n; i++) s += (d.y[i] - z[i]) ** 2;
	return s / d.n;
}

export interface DegreePoint {
	degree: number;
	/** NaN when the fit failed at this degree (see error). */
	trainMse: number;
	testMse: number;
	error?: string;
}

/** Train and test MSE of `model` on polynomial features of degree 1..maxDegree. */
export function degreeCurve(
	train: Dataset,
	test: Dataset,
	model: Exclude<ModelId, 'logistic'>,
	params: ModelParams,
	standardize: boolean,
	maxDegree: number
): DegreePoint[] {
	const out: DegreePoint[] = [];
	for (let degree = 1; degree <= maxDegree; degree++) {
		try {
			const f = prepareFeatures(train, test, degree, standardize);
			const fit = fitModel(model, f.train, params);
			out.push({ degree, trainMse: meanSquaredError(f.train, fit), testMse: meanSquaredError(f.test, fit) });
		} catch (e) {
			out.push({
				degree,
				trainMse: Number.NaN,
				testMse: Number.NaN,
				error: e instanceof Error ? e.message : String(e)
			});
		}
	}
	return out;
}

/**
 * Log-spaced alphas for a path. Lasso: from alpha_max = max_j |xc_j . yc| / n (the smallest alpha at which
 * every weight is 0) down to 1e-3 alpha_max, as scikit-learn's lasso_path. Ridge, which never reaches 0:
 * 1e-3 to 1e5 times the mean squared column norm of the centred features, so the path spans "no shrinkage"
 * to "almost everything shrunk".
 */
export function alphaGrid(model: 'ridge' | 'lasso', train: Dataset, count = 40): number[] {
	const { xc, yc } = centre(train);
	const { n, p } = train;
	let top: number;
	let bottom: number;
	if (model === 'lasso') {
		let amax = 0;
		for (let j = 0; j < p; j++) {
			let s = 0;
			for (let i = 0; i < n; i++) s += xc[i * p + j] * yc[i];
			amax = Math.max(amax, Math.abs(s) / n);
		}
		top = amax > 0 ? amax : 1;
		bottom = top * 1e-3;
	} else {
		let ss = 0;
		for (let i = 0; i < n * p; i++) ss += xc[i] * xc[i];
		const scale = p > 0 && ss > 0 ? ss / p : 1;
		bottom = 1e-3 * scale;
		top = 1e5 * scale;
	}
	const out: number[] = [];
	for (let k = 0; k < count; k++) out.push(bottom * (top / bottom) ** (k / (count - 1)));
	return out;
}

export interface CoefficientPath {
	alphas: number[];
	/** coefs[k][j]: weight j at alphas[k]. */
	coefs: Float64Array[];
}

export function coefficientPath(
	model: 'ridge' | 'lasso',
	train: Dataset,
	alphas: readonly number[]
): CoefficientPath {
	const coefs = alphas.map((a) => (model === 'ridge' ? fitRidge(train, a) : fitLasso(train, a)).coef);
	return { alphas: [...alphas], coefs };
}

/** Log-spaced C values for a logistic regularisation path: strong (C = 1e-3) to weak (C = 1e3) shrinkage. */
export function cGrid(count = 31): number[] {
	return Array.from({ length: count }, (_, k) => 1e-3 * 1e6 ** (k / (count - 1)));
}

/** Logistic weights against C (L2, as scikit-learn's LogisticRegression): they grow from 0 as C grows. */
export function logisticPath(train: Dataset, Cs: readonly number[]): CoefficientPath {
	return { alphas: [...Cs], coefs: Cs.map((c) => fitLogistic(train, c).coef) };
}
