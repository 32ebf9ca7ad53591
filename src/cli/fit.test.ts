/** The fit CLI as scripts use it (through its launcher): a real process, its stdout, stderr and exit code. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await run(process.execPath, ['src/cli/run.mjs', 'fit', ...args]);
		return { code: 0, stdout, stderr };
	} catch (e) {
		const err = e as { code: number; stdout: string; stderr: string };
		return { code: err.code, stdout: err.stdout, stderr: err.stderr };
	}
}

interface Reference {
	model: string;
	params: { alpha?: number; C?: number };
	coef: number[];
	intercept: number;
	objective: number;
	csv: string;
}
const sklearn = JSON.parse(readFileSync('tests/fixtures/regression-sklearn.json', 'utf8')) as {
	fits: Reference[];
	datasets: Record<string, { target: string }>;
};

const tmp = mkdtempSync(join(tmpdir(), 'fit-cli-'));
function tempCsv(name: string, text: string): string {
	const path = join(tmp, name);
	writeFileSync(path, text);
	return path;
}

describe('fit CLI', { timeout: 30_000 }, () => {
	it.each(sklearn.fits.map((f) => [f.model, f] as const))(
		'prints the %s fit as JSON, as scikit-learn',
		async (_, ref) => {
			const args = [
				'--model',
				ref.model,
				'--csv',
				`tests/fixtures/${ref.csv}`,
				'--target',
				sklearn.datasets[ref.csv].target
			];
			if (ref.params.alpha !== undefined) args.push('--alpha', String(ref.params.alpha));
			if (ref.params.C !== undefined) args.push(`--C=${ref.params.C}`);
			const r = await cli(args);
			expect(r.stderr).toBe('');
			expect(r.code).toBe(0);
			const out = JSON.parse(r.stdout);
			expect(Object.keys(out)).toEqual(['model', 'coef', 'intercept', 'objective']);
			expect(out.model).toBe(ref.model);
			const scale = Math.max(...ref.coef.map(Math.abs));
			for (let j = 0; j < ref.coef.length; j++)
				expect(Math.abs(out.coef[j] - ref.coef[j])).toBeLessThan(1e-6 * scale);
			expect(Math.abs(out.intercept - ref.intercept)).toBeLessThan(1e-6 * Math.abs(ref.intercept));
			expect(Math.abs(out.objective - ref.objective)).toBeLessThan(1e-6 * ref.objective);
		}
	);

	it('uses the chosen features, maps two text labels and notes skipped rows on stderr', async () => {
		const path = tempCsv('labels.csv', 'a,b,"the label"\n0,1,no\n1,0,yes\n2,,yes\n0.5,1,yes\n1.5,0.2,no\n');
		const r = await cli(['--model', 'logistic', '--csv', path, '--target', 'the label', '--features', 'a']);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		expect(JSON.parse(r.stdout).coef).toHaveLength(1);
		const skipped = await cli(['--model', 'logistic', '--csv', path, '--target', 'the label']);
		expect(skipped.code).toBe(0);
		expect(skipped.stderr).toBe('fit: skipped 1 row with a missing or non-numeric value (line 4)\n');
		expect(JSON.parse(skipped.stdout).coef).toHaveLength(2);
	});

	it.each([
		[[], 'fit: missing --model (one of: linear, ridge, lasso, logistic)'],
		[['--model', 'tree', '--csv', 'x', '--target', 'y'], 'fit: unknown model "tree"'],
		[['--model', 'linear', '--csv', 'tests/fixtures/nope.csv', '--target', 'y'], 'fit: cannot read --csv'],
		[
			['--model', 'ridge', '--csv', 'tests/fixtures/regression-data.csv', '--target', 'y', '--alpha', '-1'],
			'--alpha must'
		],
		[
			['--model', 'linear', '--csv', 'tests/fixtures/regression-data.csv', '--target', 'y', '--C', '1'],
			'--C applies'
		],
		[
			['--model', 'linear', '--csv', 'tests/fixtures/regression-data.csv', '--target', 'zz'],
			'no column "zz"'
		],
		[
			['--model', 'logistic', '--csv', 'tests/fixtures/regression-data.csv', '--target', 'y'],
			'exactly two distinct'
		]
	])('rejects %j with one line on stderr and exit 2', async (args, message) => {
		const r = await cli(args);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain(message);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
	});

	it('reports a malformed CSV with its line', async () => {
		const path = tempCsv('bad.csv', 'x,y\n1,2\n3,"4\n');
		const r = await cli(['--model', 'linear', '--csv', path, '--target', 'y']);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe(`fit: ${path}: line 3, column 3: quoted field is never closed\n`);
	});

	it('skips rows with the wrong number of fields and renamed header cells, saying so on stderr', async () => {
		const path = tempCsv('ragged.csv', 'x,y,\n1,2,0\n2,4,0\n3,7\n4,8,0\n5,10,0,1\n6,12,0\n');
		const r = await cli(['--model', 'linear', '--csv', path, '--target', 'y', '--features', 'x']);
		expect(r.code).toBe(0);
		expect(r.stderr.split('\n')).toEqual([
			`fit: ${path}: line 1: column 3 has no name; it is called "column 3"`,
			`fit: ${path}: skipped 2 rows with a different number of fields from the header (line 4: 2 fields, ` +
				'line 6: 4 fields; the header has 3)',
			''
		]);
		const out = JSON.parse(r.stdout);
		expect(out.coef[0]).toBeCloseTo(2, 10);
		expect(out.intercept).toBeCloseTo(0, 10);
	});

	it('names the lines of skipped cells, counting all of them', async () => {
		const rows = Array.from({ length: 30 }, (_, i) => `${i},${i % 2 ? 'NA' : 2 * i}`).join('\n');
		const path = tempCsv('gaps.csv', `x,y\n${rows}\n`);
		const r = await cli(['--model', 'linear', '--csv', path, '--target', 'y']);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe(
			'fit: skipped 15 rows with a missing or non-numeric value (line 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, ... (15 in all))\n'
		);
	});

	it('refuses a non-numeric feature, naming it', async () => {
		const path = tempCsv('words.csv', 'x,kind,y\n1,a,2\n2,b,3\n3,a,5\n');
		const r = await cli(['--model', 'linear', '--csv', path, '--target', 'y', '--features', 'x,kind']);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe(`fit: ${path}: the feature "kind" is categorical (a, b), not numeric\n`);
	});

	it('prints help', async () => {
		const r = await cli(['--help']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Usage: npm run --silent fit');
	});
});
