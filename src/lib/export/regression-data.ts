/**
 * The regression page's results as data: the fitted model as JSON (scikit-learn's objective, its value, the
 * coefficients in the model's units and in the raw features' units, the metrics on both splits), and the
 * optimizer runs on the loss surface as CSV (one row per run and step: the two parameters, the training loss
 * and the test loss). Pure: the page hands plain values in.
 */
import { cell } from './data';

export interface FitExport {
	readonly dataset: string;
	readonly task: 'regression' | 'classification';
	readonly target: string;
	readonly features: readonly string[];
	readonly classes?: readonly string[];
	readonly model: string;
	/** scikit-learn's objective written out, e.g. "(1 / 2n) ||y - Xw - b||^2 + alpha ||w||_1". */
	readonly objectiveText: string;
	readonly penalty: Readonly<Record<string, number>>;
	readonly degree: number;
	readonly standardized: boolean;
	readonly inputNames: readonly string[];
	readonly coef: ArrayLike<number>;
	readonly intercept: number;
	readonly original: { readonly coef: ArrayLike<number>; readonly intercept: number };
	readonly objective: number;
	readonly metrics: {
		readonly names: readonly [string, string];
		readonly train: { readonly primary: number; readonly secondary: number };
		readonly test: { readonly primary: number; readonly secondary: number };
	};
	readonly rows: { readonly train: number; readonly test: number };
	readonly split: { readonly testShare: number; readonly seed: number };
}

/** Non-finite numbers become null (JSON has no NaN or Infinity). */
function finite(v: number): number | null {
	return Number.isFinite(v) ? v : null;
}

export function fitJson(f: FitExport): string {
	const named = (coef: ArrayLike<number>) =>
		Object.fromEntries(f.inputNames.map((name, i) => [name, finite(coef[i])]));
	const [m1, m2] = f.metrics.names;
	const out = {
		dataset: f.dataset,
		task: f.task,
		target: f.target,
		features: [...f.features],
		...(f.classes ? { classes: [...f.classes] } : {}),
		model: f.model,
		objective_formula: f.objectiveText,
		...f.penalty,
		degree: f.degree,
		standardized: f.standardized,
		coef: named(f.coef),
		intercept: finite(f.intercept),
		coef_original_units: named(f.original.coef),
		intercept_original_units: finite(f.original.intercept),
		objective: finite(f.objective),
		train: {
			rows: f.rows.train,
			[m1]: finite(f.metrics.train.primary),
			[m2]: finite(f.metrics.train.secondary)
		},
		test: { rows: f.rows.test, [m1]: finite(f.metrics.test.primary), [m2]: finite(f.metrics.test.secondary) },
		split: { test_share: f.split.testShare, seed: f.split.seed }
	};
	return JSON.stringify(out, null, 1) + '\n';
}

export interface SurfaceRun {
	readonly optimizer: string;
	readonly label: string;
	readonly status: string;
	/** Interleaved [a0, b0, L0, a1, b1, L1, ...]; 3 * count valid. */
	readonly points: Float64Array;
	readonly count: number;
}

/**
 * `run,optimizer,label,status,step,<a>,<b>,train_loss[,test_loss]`: the parameter names as the surface's axes
 * name them; test_loss when a test objective is given.
 */
export function surfaceRunsCsv(
	runs: readonly SurfaceRun[],
	names: readonly [string, string],
	testLoss?: (a: number, b: number) => number
): string {
	const head = ['run', 'optimizer', 'label', 'status', 'step', names[0], names[1], 'train_loss'];
	if (testLoss) head.push('test_loss');
	const rows = [head.map(cell).join(',')];
	runs.forEach((r, i) => {
		for (let k = 0; k < r.count; k++) {
			const a = r.points[3 * k];
			const b = r.points[3 * k + 1];
			const row = [
				String(i + 1),
				cell(r.optimizer),
				cell(r.label),
				r.status,
				String(k),
				String(a),
				String(b)
			];
			row.push(String(r.points[3 * k + 2]));
			if (testLoss) row.push(String(testLoss(a, b)));
			rows.push(row.join(','));
		}
	});
	return rows.join('\n') + '\n';
}
