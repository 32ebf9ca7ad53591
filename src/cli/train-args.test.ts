import { describe, expect, it } from 'vitest';
import { parseTrainArgs, trainOptimizerIds } from './train-args';

const base = ['--dataset', 'spiral', '--optimizer', 'adam'];

describe('parseTrainArgs', () => {
	it('fills in the defaults', () => {
		const r = parseTrainArgs(base);
		if (r.kind !== 'ok') throw new Error(JSON.stringify(r));
		const { dataset, optimizer, hyper, ...rest } = r.request;
		expect(dataset.id).toBe('spiral');
		expect(optimizer.id).toBe('adam');
		expect(hyper.lr).toBe(0.001);
		expect(rest).toEqual({
			points: 500,
			noise: 0,
			testRatio: 0.5,
			hidden: [4, 2],
			activation: ['tanh', 'tanh'],
			init: 'xavier',
			l1: 0,
			l2: 0,
			epochs: 100,
			batch: 10,
			seed: 0
		});
	});

	it('parses every flag, with --flag value and --flag=value', () => {
		const r = parseTrainArgs([
			'--dataset=sine',
			'--optimizer',
			'momentum',
			'--set',
			'lr=0.05',
			'--set=momentum=0.8',
			'--hidden',
			'8,16,3',
			'--activation',
			'relu,sigmoid,linear',
			'--init',
			'he',
			'--l1',
			'1e-3',
			'--l2=0.01',
			'--epochs',
			'0',
			'--batch',
			'32',
			'--seed',
			'42',
			'--points',
			'200',
			'--noise',
			'0.25',
			'--test-ratio',
			'0.2'
		]);
		expect(r).toMatchObject({
			kind: 'ok',
			request: {
				dataset: { id: 'sine', task: 'regression' },
				optimizer: { id: 'momentum' },
				hyper: { lr: 0.05, momentum: 0.8, dampening: 0 },
				hidden: [8, 16, 3],
				activation: ['relu', 'sigmoid', 'linear'],
				init: 'he',
				l1: 0.001,
				l2: 0.01,
				epochs: 0,
				batch: 32,
				seed: 42,
				points: 200,
				noise: 0.25,
				testRatio: 0.2
			}
		});
	});

	it.each([[''], ['0'], [' 0 ']])('reads --hidden %j as no hidden layer', (text) => {
		expect(parseTrainArgs([...base, '--hidden', text])).toMatchObject({
			kind: 'ok',
			request: { hidden: [], activation: [] }
		});
	});

	it('returns help for --help or -h', () => {
		expect(parseTrainArgs(['-h'])).toEqual({ kind: 'help' });
		expect(parseTrainArgs([...base, '--help'])).toEqual({ kind: 'help' });
	});

	it('offers every optimizer except Newton', () => {
		expect(trainOptimizerIds).toContain('adam');
		expect(trainOptimizerIds).toContain('gd');
		expect(trainOptimizerIds).not.toContain('newton');
	});

	it.each([
		[
			['--optimizer', 'adam'],
			'missing --dataset (one of: spiral, circles, xor, gaussian, spiral3, sine, cubic)'
		],
		[
			['--dataset', 'moons', '--optimizer', 'adam'],
			'unknown dataset "moons" (one of: spiral, circles, xor, gaussian, spiral3, sine, cubic)'
		],
		[
			['--dataset', 'xor'],
			'missing --optimizer (one of: gd, sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, radam)'
		],
		[['--dataset', 'xor', '--optimizer', 'lbfgs'], 'unknown optimizer "lbfgs" (one of: gd, sgd'],
		[['--dataset', 'xor', '--optimizer', 'newton'], '--optimizer newton needs a Hessian'],
		[
			[...base, '--hidden', '8,0'],
			'--hidden takes layer widths from 1 to 32 separated by commas, e.g. 8,8 (0 or \'\' for none), got "8,0"'
		],
		[[...base, '--hidden', '64'], '--hidden takes layer widths from 1 to 32'],
		[[...base, '--hidden', '8,,8'], '--hidden takes layer widths'],
		[
			[...base, '--activation', 'softplus'],
			'--activation must be one of tanh, relu, sigmoid, linear (or one per hidden layer), got "softplus"'
		],
		[
			[...base, '--activation', 'tanh,relu,relu'],
			'--activation lists 3 activations for 2 hidden layers (give one, or one per layer)'
		],
		[[...base, '--init', 'zeros'], '--init must be one of xavier, he, torch, got "zeros"'],
		[[...base, '--epochs', '-1'], '--epochs must be a whole number from 0 to 100000, got "-1"'],
		[[...base, '--epochs', '2.5'], '--epochs must be a whole number'],
		[[...base, '--batch', '0'], '--batch must be a whole number from 1 to 100000, got "0"'],
		[[...base, '--points', '1'], '--points must be a whole number from 2 to 100000, got "1"'],
		[[...base, '--seed', 'abc'], '--seed must be a whole number from 0 to 4294967295, got "abc"'],
		[[...base, '--noise', '-0.1'], '--noise must be a finite number >= 0, got "-0.1"'],
		[[...base, '--l2', 'x'], '--l2 must be a finite number >= 0, got "x"'],
		[[...base, '--test-ratio', '1'], '--test-ratio must be a number strictly between 0 and 1, got "1"'],
		[[...base, '--set', 'lr'], '--set takes key=value, got "lr"'],
		[
			[...base, '--set', 'momentum=0.9'],
			'--set: adam has no hyperparameter "momentum" (it has: lr, betas, eps, weight_decay, amsgrad)'
		],
		[[...base, '--set', 'lr=-1'], '--set: lr must be >= 0'],
		[
			['--dataset', 'xor', '--optimizer', 'nesterov', '--set', 'momentum=0'],
			'--set: nesterov requires momentum > 0'
		],
		[[...base, '--epochs', '5', '--epochs', '6'], '--epochs given more than once'],
		[[...base, '--layers', '3'], 'unknown option "--layers" (see --help)'],
		[[...base, 'extra'], 'unexpected argument "extra" (flags start with --; see --help)'],
		[[...base, '--batch'], '--batch needs a value']
	])('rejects %j', (argv, message) => {
		const r = parseTrainArgs(argv);
		expect(r.kind).toBe('error');
		expect((r as { message: string }).message.startsWith(message)).toBe(true);
	});
});
