/**
 * Each regression model's objective written out: scikit-learn's (what its fit minimises) and the scaled form
 * the loss surface shows (same minimiser, values of a size that reads well). One table for the model panel
 * and the exported fit.
 */
import type { ModelId } from '../core/models';

export interface ObjectiveText {
	/** What scikit-learn minimises. */
	readonly sklearn: string;
	/** What the loss surface shows. */
	readonly surface: string;
	/** How the surface's objective relates to scikit-learn's. */
	readonly scale: string;
}

export const OBJECTIVES: Readonly<Record<ModelId, ObjectiveText>> = {
	linear: { sklearn: '‖y − Xw − b‖²', surface: '(1/n) ‖y − Xw − b‖²', scale: 'divided by n' },
	ridge: {
		sklearn: '‖y − Xw − b‖² + α‖w‖²',
		surface: '(1/n) (‖y − Xw − b‖² + α‖w‖²)',
		scale: 'divided by n'
	},
	lasso: {
		sklearn: '(1/2n) ‖y − Xw − b‖² + α‖w‖₁',
		surface: '(1/2n) ‖y − Xw − b‖² + α‖w‖₁',
		scale: 'as is'
	},
	logistic: {
		sklearn: 'C Σᵢ log(1 + exp(−sᵢ(xᵢ·w + b))) + ½‖w‖²,  sᵢ = ±1',
		surface: '(1/n) Σᵢ log(1 + exp(−sᵢ(xᵢ·w + b))) + ‖w‖²/(2Cn)',
		scale: 'divided by C n'
	}
};
