import { describe, expect, it } from 'vitest';
import { parseTrajectoryArgs } from './trajectory-args';

const base = ['--function', 'rosenbrock', '--optimizer', 'adam', '--start', '1,2'];

function ok(argv: string[]) {
	const r = parseTrajectoryArgs(argv);
	if (r.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
	return r.request;
}

function error(argv: string[]): string {
	const r = parseTrajectoryArgs(argv);
	if (r.kind !== 'error') throw new Error(`expected an error, got ${r.kind}`);
	expect(r.message).not.toContain('\n');
	return r.message;
}

describe('parseTrajectoryArgs', () => {
	it('reads the basic call, with defaults filled in', () => {
		const r = ok(base);
		expect(r.functionId).toBe('rosenbrock');
		expect(r.optimizer.id).toBe('adam');
		expect(r.start).toEqual([1, 2]);
		expect(r.steps).toBe(200);
		expect(r.format).toBe('json');
		expect(r.hyper).toEqual({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false });
	});

	it('accepts negative values in both spellings', () => {
		expect(ok(['--function', 'beale', '--optimizer', 'gd', '--start', '-1.5,2']).start).toEqual([-1.5, 2]);
		expect(ok(['--function=beale', '--optimizer=gd', '--start=-1.5,-2e-1']).start).toEqual([-1.5, -0.2]);
		expect(ok([...base, '--set', 'weight_decay=0']).hyper.weight_decay).toBe(0);
	});

	it('reads --set for numbers, pairs and booleans, repeatedly', () => {
		const r = ok([...base, '--set', 'lr=0.05', '--set', 'betas=0.8,0.99', '--set=amsgrad=true']);
		expect(r.hyper.lr).toBe(0.05);
		expect(r.hyper.betas).toEqual([0.8, 0.99]);
		expect(r.hyper.amsgrad).toBe(true);
	});

	it('takes --expr for custom functions (and implies custom when --function is absent)', () => {
		expect(
			ok(['--function', 'custom', '--expr', 'x^2 + 3*y^2', '--optimizer', 'gd', '--start', '1,1']).expr
		).toBe('x^2 + 3*y^2');
		expect(ok(['--expr', '-x', '--optimizer', 'gd', '--start', '1,1']).functionId).toBe('custom');
	});

	it('asks for help', () => {
		expect(parseTrajectoryArgs(['--help']).kind).toBe('help');
		expect(parseTrajectoryArgs(['-h']).kind).toBe('help');
	});

	it('rejects bad arguments with one clear line', () => {
		expect(error(['--function', 'nope', '--optimizer', 'adam', '--start', '1,2'])).toMatch(
			/unknown function "nope".*rosenbrock/
		);
		expect(error(['--function', 'rosenbrock', '--optimizer', 'adamm', '--start', '1,2'])).toMatch(
			/unknown optimizer "adamm".*adam/
		);
		expect(error([...base, '--set', 'momentum=0.9'])).toMatch(/adam has no hyperparameter "momentum"/);
		expect(error([...base, '--set', 'lr=fast'])).toMatch(/lr must be a number/);
		expect(error([...base, '--set', 'lr=-1'])).toMatch(/lr must be >= 0/);
		expect(error([...base, '--set', 'lr'])).toMatch(/key=value/);
		expect(error([...base, '--set', 'betas=0.9'])).toMatch(/betas/);
		expect(error([...base, '--set', 'amsgrad=1'])).toMatch(/amsgrad must be true or false/);
		expect(error(['--function', 'rosenbrock', '--optimizer', 'adam', '--start', '1'])).toMatch(/--start/);
		expect(error(['--function', 'rosenbrock', '--optimizer', 'adam', '--start', '1,abc'])).toMatch(/--start/);
		expect(error(['--function', 'rosenbrock', '--optimizer', 'adam', '--start', 'NaN,1'])).toMatch(/--start/);
		expect(error([...base, '--steps', '1.5'])).toMatch(/--steps/);
		expect(error([...base, '--steps', '-3'])).toMatch(/--steps/);
		expect(error([...base, '--steps', '1e9'])).toMatch(/--steps/);
		expect(error([...base, '--format', 'xml'])).toMatch(/--format/);
		expect(error([...base, '--bogus', '1'])).toMatch(/unknown option "--bogus"/);
		expect(error([...base, 'stray'])).toMatch(/unexpected argument "stray"/);
		expect(error([...base, '--steps'])).toMatch(/--steps needs a value/);
		expect(error([...base, '--function', 'beale'])).toMatch(/more than once/);
		expect(error(['--optimizer', 'adam', '--start', '1,2'])).toMatch(/missing --function/);
		expect(error(['--function', 'rosenbrock', '--start', '1,2'])).toMatch(/missing --optimizer/);
		expect(error(['--function', 'rosenbrock', '--optimizer', 'adam'])).toMatch(/missing --start/);
		expect(error(['--function', 'custom', '--optimizer', 'adam', '--start', '1,2'])).toMatch(/--expr/);
		expect(error([...base, '--expr', 'x'])).toMatch(/--expr goes with --function custom/);
		expect(error(['--function', 'sgd', ...base.slice(2)])).toMatch(/unknown function/);
		expect(
			error(['--function', 'rosenbrock', '--optimizer', 'nesterov', '--start', '1,2', '--set', 'momentum=0'])
		).toMatch(/nesterov requires momentum/);
	});
});
