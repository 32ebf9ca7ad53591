import { describe, expect, it } from 'vitest';
import { parseFitArgs } from './fit-args';

const base = ['--model', 'ridge', '--csv', 'd.csv', '--target', 'y'];

describe('parseFitArgs', () => {
	it('parses every flag, with --flag value and --flag=value', () => {
		expect(parseFitArgs([...base, '--features=a,b', '--alpha', '2.5'])).toEqual({
			kind: 'ok',
			request: { model: 'ridge', csv: 'd.csv', target: 'y', features: ['a', 'b'], alpha: 2.5, C: undefined }
		});
		const r = parseFitArgs(['--model=logistic', '--csv=d.csv', '--target=c', '--C', '1e-2']);
		expect(r).toMatchObject({ kind: 'ok', request: { model: 'logistic', C: 0.01, features: undefined } });
	});

	it('returns help for --help or -h', () => {
		expect(parseFitArgs(['-h'])).toEqual({ kind: 'help' });
		expect(parseFitArgs([...base, '--help'])).toEqual({ kind: 'help' });
	});

	it.each([
		[['--model', 'ridge'], 'missing --csv PATH'],
		[['--model', 'ridge', '--csv', 'd.csv'], 'missing --target COLUMN'],
		[[...base, '--alpha', 'abc'], '--alpha must be a finite number >= 0, got "abc"'],
		[[...base, '--alpha', 'Infinity'], '--alpha must be a finite number >= 0, got "Infinity"'],
		[[...base, '--C', '1'], '--C applies to logistic, not ridge'],
		[
			['--model', 'linear', '--csv', 'd', '--target', 'y', '--alpha', '1'],
			'--alpha applies to ridge and lasso, not linear'
		],
		[
			['--model', 'logistic', '--csv', 'd', '--target', 'y', '--C', '0'],
			'--C must be a finite number > 0, got "0"'
		],
		[[...base, '--features', 'a,,b'], '--features takes column names separated by commas, got "a,,b"'],
		[[...base, '--model', 'lasso'], '--model given more than once'],
		[[...base, '--verbose'], 'unknown option "--verbose" (see --help)'],
		[[...base, 'extra'], 'unexpected argument "extra" (flags start with --; see --help)'],
		[[...base, '--alpha'], '--alpha needs a value']
	])('rejects %j', (argv, message) => {
		expect(parseFitArgs(argv)).toEqual({ kind: 'error', message });
	});
});
