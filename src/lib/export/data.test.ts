import { describe, expect, it } from 'vitest';
import { getTestFunction } from '../core/functions';
import { getOptimizer, resolveHyper } from '../core/optimizers';
import { runTrajectory } from '../core/run/trajectory';
import { toCsv, toJson, type DataRun } from './data';
import { exportFileName } from './filename';

function run(optimizer: string, given: Record<string, number | boolean>, start: [number, number]): DataRun {
	const opt = getOptimizer(optimizer)!;
	const r = resolveHyper(opt, given);
	if (!r.ok) throw new Error(r.message);
	const t = runTrajectory(getTestFunction('rosenbrock')!, opt, r.value, start, 5);
	return { optimizer, hyper: r.value, start, points: t.points, count: t.count, status: t.status };
}

describe('data export', () => {
	const scene = {
		functionId: 'rosenbrock',
		expr: undefined,
		runs: [run('adam', { lr: 0.05 }, [-1.5, 2]), run('gd', { lr: 0.05 }, [-1.5, 2])]
	};

	it('writes per run the record the CLI prints', () => {
		const parsed = JSON.parse(toJson(scene));
		expect(parsed).toHaveLength(2);
		expect(Object.keys(parsed[0])).toEqual(['function', 'optimizer', 'hyper', 'start', 'points', 'status']);
		expect(parsed[0].hyper).toEqual({
			lr: 0.05,
			betas: [0.9, 0.999],
			eps: 1e-8,
			weight_decay: 0,
			amsgrad: false
		});
		expect(parsed[0].points).toHaveLength(6);
		expect(parsed[0].points[0]).toEqual([-1.5, 2, 12.5]);
	});

	it('writes CSV with a header, one row per point, quoted pair values and exact numbers', () => {
		const rows = toCsv(scene).trim().split('\n');
		expect(rows[0]).toBe('run,optimizer,step,x,y,f,lr,betas,eps,weight_decay,amsgrad');
		expect(rows).toHaveLength(1 + 6 + scene.runs[1].count);
		expect(rows[1]).toBe('1,adam,0,-1.5,2,12.5,0.05,"0.9,0.999",1e-8,0,false');
		const [, , , x] = rows[2].split(',');
		expect(Number(x)).toBe(scene.runs[0].points[3]);
		expect(rows[rows.length - 1].startsWith('2,gd,')).toBe(true);
	});

	it('names files after the function, the optimizers and the budget', () => {
		expect(exportFileName('rosenbrock', ['adam', 'momentum', 'newton', 'adam'], 200, 'gif')).toBe(
			'rosenbrock_adam-momentum-newton_200steps.gif'
		);
		expect(exportFileName('Custom <x>', [], 10, 'json')).toBe('custom-x_no-runs_10steps.json');
		expect(exportFileName('beale', ['a', 'b', 'c', 'd', 'e', 'f'], 5, 'csv')).toBe(
			'beale_a-b-c-d-and-2-more_5steps.csv'
		);
	});
});
