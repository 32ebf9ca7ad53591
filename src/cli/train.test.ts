/** The train CLI as scripts use it (through its launcher): a real process, its stdout, stderr and exit code. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await run(process.execPath, ['src/cli/run.mjs', 'train', ...args]);
		return { code: 0, stdout, stderr };
	} catch (e) {
		const err = e as { code: number; stdout: string; stderr: string };
		return { code: err.code, stdout: err.stdout, stderr: err.stderr };
	}
}

const circles = [
	'--dataset',
	'circles',
	'--hidden',
	'4,2',
	'--optimizer',
	'gd',
	'--set',
	'lr=0.03',
	'--epochs',
	'150'
];

describe('train CLI', { timeout: 30_000 }, () => {
	// One call first: when the sources are newer than the cached bundle, concurrent first calls would each
	// rebuild it and swap it in under each other (run.mjs), which can break an import mid-way.
	beforeAll(async () => {
		await cli(['--help']);
	}, 60_000);

	it('prints the final figures as JSON; the same seed prints the same bytes, another seed others', async () => {
		const [a, b, c] = await Promise.all([
			cli([...circles, '--seed', '7']),
			cli([...circles, '--seed', '7']),
			cli([...circles, '--seed', '8'])
		]);
		expect(a.stderr).toBe('');
		expect(a.code).toBe(0);
		const out = JSON.parse(a.stdout);
		expect(Object.keys(out)).toEqual([
			'train_loss',
			'test_loss',
			'train_accuracy',
			'test_accuracy',
			'epochs',
			'status'
		]);
		expect(out.epochs).toBe(150);
		expect(out.status).toBe('ok');
		// TensorFlow Playground's default setup separates the circles in about a hundred epochs.
		expect(out.test_accuracy).toBeGreaterThanOrEqual(0.95);
		expect(out.train_loss).toBeGreaterThan(0);
		expect(b.stdout).toBe(a.stdout);
		expect(c.stdout).not.toBe(a.stdout);
	});

	it('trains a regression curve (accuracies null) and a model without hidden layers', async () => {
		const [curve, linear] = await Promise.all([
			cli(['--dataset', 'sine', '--hidden', '8', '--optimizer', 'adam', '--set', 'lr=0.01', '--epochs', '5']),
			cli([
				'--dataset',
				'gaussian',
				'--hidden',
				'',
				'--optimizer',
				'adam',
				'--set',
				'lr=0.05',
				'--epochs',
				'5'
			])
		]);
		expect(curve.code).toBe(0);
		expect(JSON.parse(curve.stdout)).toMatchObject({
			train_accuracy: null,
			test_accuracy: null,
			status: 'ok'
		});
		expect(linear.code).toBe(0);
		// Two well-separated clusters: a logistic regression gets nearly all of them.
		expect(JSON.parse(linear.stdout).test_accuracy).toBeGreaterThanOrEqual(0.95);
	});

	it('trains three classes (spiral3, softmax cross-entropy) with PyTorch-style initialisation', async () => {
		const args = ['--dataset', 'spiral3', '--hidden', '16,16', '--optimizer', 'adam', '--set', 'lr=0.01'];
		const [r, linear] = await Promise.all([
			cli([...args, '--batch', '16', '--epochs', '300', '--seed', '2', '--init', 'torch']),
			cli([...args.slice(0, 2), '--hidden', '', ...args.slice(4), '--epochs', '50'])
		]);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.status).toBe('ok');
		// Three interleaved arms: a 2-16-16-3 network separates them; a linear softmax cannot (about 1/3 to 1/2).
		expect(out.test_accuracy).toBeGreaterThanOrEqual(0.95);
		// Mean cross-entropy of a uniform guess over three classes is ln 3; a linear model stays near it.
		const lin = JSON.parse(linear.stdout);
		expect(lin.test_accuracy).toBeLessThan(0.7);
		expect(lin.train_loss).toBeGreaterThan(0.6);
		expect(lin.train_loss).toBeLessThan(Math.log(3) + 0.2);
	});

	it('reports divergence in the JSON, not as an error', async () => {
		const r = await cli([
			'--dataset',
			'sine',
			'--hidden',
			'',
			'--optimizer',
			'gd',
			'--set',
			'lr=1000',
			'--epochs',
			'50'
		]);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.status).toBe('diverged');
		expect(out.epochs).toBeLessThan(50);
	});

	it('rejects bad flags with one line on stderr naming the flag, and exit 2', async () => {
		const cases: [string[], string][] = [
			[
				['--dataset', 'moons', '--optimizer', 'adam'],
				'train: unknown dataset "moons" (one of: spiral, circles, xor, gaussian, spiral3, sine, cubic)'
			],
			[
				['--dataset', 'spiral', '--optimizer', 'adam', '--activation', 'swish'],
				'train: --activation must be one of tanh, relu, sigmoid, linear'
			],
			[['--dataset', 'spiral', '--optimizer', 'newton'], 'train: --optimizer newton needs a Hessian'],
			[
				['--dataset', 'spiral', '--optimizer', 'adam', '--batch', 'ten'],
				'train: --batch must be a whole number'
			]
		];
		const results = await Promise.all(cases.map(([args]) => cli(args)));
		for (const [k, r] of results.entries()) {
			expect(r.code, cases[k][1]).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr.startsWith(cases[k][1]), r.stderr).toBe(true);
			expect(r.stderr.trim().split('\n')).toHaveLength(1);
		}
	});

	it('prints help', async () => {
		const r = await cli(['--help']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Usage: npm run --silent train');
		expect(r.stdout).toContain('adam');
	});
});
