/** The CLI as scripts use it (through its launcher): a real process, its stdout, stderr and exit code. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { getOptimizer } from '../lib/core/optimizers';
import { getTestFunction } from '../lib/core/functions';
import { runTrajectory, trajectoryPoints } from '../lib/core/run/trajectory';

const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await run(process.execPath, ['src/cli/run.mjs', 'trajectory', ...args]);
		return { code: 0, stdout, stderr };
	} catch (e) {
		const err = e as { code: number; stdout: string; stderr: string };
		return { code: err.code, stdout: err.stdout, stderr: err.stderr };
	}
}

describe('trajectory CLI', { timeout: 30_000 }, () => {
	it('prints the JSON trajectory the core computes', async () => {
		const r = await cli([
			'--function',
			'rosenbrock',
			'--optimizer',
			'adam',
			'--start',
			'-1.5,2',
			'--steps',
			'25',
			'--set',
			'lr=0.05'
		]);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		const out = JSON.parse(r.stdout);
		expect(Object.keys(out)).toEqual(['function', 'optimizer', 'hyper', 'start', 'points', 'status']);
		expect(out.hyper).toEqual({ lr: 0.05, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false });
		const expected = runTrajectory(
			getTestFunction('rosenbrock')!,
			getOptimizer('adam')!,
			{ lr: 0.05 },
			[-1.5, 2],
			25
		);
		expect(out.points).toEqual(trajectoryPoints(expected));
		expect(out.status).toBe('ok');
		expect(out.start).toEqual([-1.5, 2]);
	});

	it('runs a typed expression and prints CSV', async () => {
		const r = await cli([
			'--function',
			'custom',
			'--expr',
			'x^2 + 3*y^2',
			'--optimizer',
			'gd',
			'--start=-1,1',
			'--steps',
			'2',
			'--set',
			'lr=0.1',
			'--format',
			'csv'
		]);
		expect(r.code).toBe(0);
		// x -> 0.8 x, y -> 0.4 y
		const rows = r.stdout.trim().split('\n');
		expect(rows[0]).toBe('step,x,y,f');
		expect(rows).toHaveLength(4);
		const [step, x, y, f] = rows[2].split(',').map(Number);
		expect(step).toBe(1);
		expect(x).toBeCloseTo(-0.8, 15);
		expect(y).toBeCloseTo(0.4, 15);
		expect(f).toBeCloseTo(0.64 + 3 * 0.16, 14);
		const json = JSON.parse(
			(await cli(['--expr', 'x^2 + 3*y^2', '--optimizer', 'gd', '--start', '-1,1', '--steps', '1'])).stdout
		);
		expect(json.function).toBe('custom');
		expect(json.expr).toBe('x^2 + 3*y^2');
	});

	it('exits 0 for a diverged run and reports its status', async () => {
		const r = await cli([
			'--function',
			'rosenbrock',
			'--optimizer',
			'gd',
			'--start',
			'-1.5,2',
			'--set',
			'lr=0.05'
		]);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.status).toBe('diverged');
		expect(out.points.length).toBeLessThan(201);
	});

	it('fails with one line on stderr and a non-zero code for bad arguments', async () => {
		for (const args of [
			['--function', 'nope', '--optimizer', 'adam', '--start', '1,2'],
			['--function', 'rosenbrock', '--optimizer', 'adam', '--start', '1,2', '--set', 'lr=x'],
			['--function', 'custom', '--expr', 'x + z', '--optimizer', 'adam', '--start', '1,2']
		]) {
			const r = await cli(args);
			expect(r.code).not.toBe(0);
			expect(r.stdout).toBe('');
			expect(r.stderr.trim().split('\n')).toHaveLength(1);
			expect(r.stderr).toMatch(/^trajectory: /);
			expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
		}
		const bad = await cli([
			'--function',
			'custom',
			'--expr',
			'x + z',
			'--optimizer',
			'adam',
			'--start',
			'1,2'
		]);
		expect(bad.stderr).toMatch(/"z"/);
	});

	it('lists functions, optimizers and hyperparameters with defaults in --help', async () => {
		const r = await cli(['--help']);
		expect(r.code).toBe(0);
		for (const word of ['rosenbrock', 'saddle', 'custom', 'radam', 'newton', 'momentum_decay', 'amsgrad'])
			expect(r.stdout).toContain(word);
		expect(r.stdout).toMatch(/eps\s+default 1e-10/);
	});
});
