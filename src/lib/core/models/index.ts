/** The regression models behind one call, for the CLI and the page: model id, data, hyperparameters -> fit. */
import { fitLasso } from './lasso';
import { fitLinear } from './linear';
import { fitLogistic } from './logistic';
import type { Dataset, LinearFit } from './matrix';
import { fitRidge } from './ridge';

export const modelIds = ['linear', 'ridge', 'lasso', 'logistic'] as const;
export type ModelId = (typeof modelIds)[number];

export interface ModelParams {
	/** Penalty strength for ridge and lasso (scikit-learn's default 1.0). */
	alpha?: number;
	/** Inverse penalty strength for logistic regression (scikit-learn's default 1.0). */
	C?: number;
}

export function isModelId(id: string): id is ModelId {
	return (modelIds as readonly string[]).includes(id);
}

export function fitModel(model: ModelId, d: Dataset, params: ModelParams = {}): LinearFit {
	switch (model) {
		case 'linear':
			return fitLinear(d);
		case 'ridge':
			return fitRidge(d, params.alpha ?? 1);
		case 'lasso':
			return fitLasso(d, params.alpha ?? 1);
		case 'logistic':
			return fitLogistic(d, params.C ?? 1);
	}
}

export { ModelError, type Dataset, type LinearFit } from './matrix';
