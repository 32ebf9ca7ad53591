/** The regression page's data exports read back to what the page holds. */
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { fitJson, surfaceRunsCsv } from './regression-data';

describe('fitJson', () => {
	it('names each coefficient by its input, keeps both unit systems, turns non-finite numbers into null', () => {
		const json = JSON.parse(
			fitJson({
				dataset: 'Cars',
				task: 'regression',
				target: 'Miles_per_Gallon',
				features: ['Horsepower'],
				model: 'ridge',
				objectiveText: '||y - Xw - b||^2 + alpha ||w||^2',
				penalty: { alpha: 2 },
				degree: 2,
				standardized: true,
				inputNames: ['x', 'x^2'],
				coef: [-6.5, 1.25],
				intercept: 23.4,
				original: { coef: [-0.46, 0.0012], intercept: 56.9 },
				objective: 1234.5,
				metrics: {
					names: ['mse', 'r2'],
					train: { primary: 18.2, secondary: 0.7 },
					test: { primary: Number.NaN, secondary: 0.69 }
				},
				rows: { train: 294, test: 98 },
				split: { testShare: 0.25, seed: 1 }
			})
		);
		expect(json.coef).toEqual({ x: -6.5, 'x^2': 1.25 });
		expect(json.coef_original_units).toEqual({ x: -0.46, 'x^2': 0.0012 });
		expect(json.alpha).toBe(2);
		expect(json.train).toEqual({ rows: 294, mse: 18.2, r2: 0.7 });
		expect(json.test.mse).toBeNull();
	});
});

describe('surfaceRunsCsv', () => {
	it('one row per run and step with the axes’ names, train loss from the run, test loss from the objective', () => {
		const pts = Float64Array.from([0, 0, 5, 0.5, -1, 2.5]);
		const csv = surfaceRunsCsv(
			[{ optimizer: 'adam', label: 'Adam (lr 0.1)', status: 'ok', points: pts, count: 2 }],
			['slope w', 'intercept b'],
			(a, b) => a * a + b * b
		);
		const rows = csvParse(csv);
		expect(rows.columns).toEqual([
			'run',
			'optimizer',
			'label',
			'status',
			'step',
			'slope w',
			'intercept b',
			'train_loss',
			'test_loss'
		]);
		expect(rows.map((r) => [Number(r['slope w']), Number(r['intercept b']), Number(r.test_loss)])).toEqual([
			[0, 0, 0],
			[0.5, -1, 1.25]
		]);
		expect(rows[1].label).toBe('Adam (lr 0.1)');
		expect(surfaceRunsCsv([], ['a', 'b']).trim()).toBe('run,optimizer,label,status,step,a,b,train_loss');
	});
});
