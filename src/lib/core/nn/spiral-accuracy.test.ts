/**
 * The two-spiral benchmark recipe, on every data seed from 1 to 30: 500 points without noise, half held out;
 * 2-16-16-1 tanh with PyTorch's default initialisation (init 'torch'), Adam lr 0.01, batch 16, 1,500 epochs.
 * Compared with PyTorch itself trained on the very same rows (tests/fixtures/spiral-torch.json, made by
 * make_spiral_splits.ts and make_spiral_reference.py). About 1 s per seed; kept in its own file so it runs
 * beside the other test files.
 *
 * What the recipe reaches depends on the seed (the split, the initial weights, the shuffles): held-out points
 * that fall in the gaps of the outer arms are misclassified even at 100% training accuracy. PyTorch on these
 * splits reaches 95% on 26 of the 30 seeds (median 98.4%, mean 97.7%; below on seeds 10, 15, 22 and 30,
 * lowest 92.4%), so "at least 95% on every seed" does not hold for PyTorch either. This core, with the same
 * recipe and initialisation, reaches it on 25 (median 98.4%, mean 97.7%, lowest 90.8%). The test holds the
 * core to PyTorch's distribution: the same mean within one point (paired over the 30 seeds), a median of at
 * least 97% (the recipe's 97-99%), at least 24 of 30 seeds at 95% or more, none below 90%; and checks that
 * PyTorch's own results meet the same bar. A broken gradient, optimizer step, initialisation or shuffle drops
 * these far below (a network that stops learning the arms sits near 50-70%).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spiralSet } from '../data/playground-sets';
import { trainTestSplit } from '../data/split';
import { createTrainer } from './train';

interface Splits {
	n: number;
	seeds: { seed: number; test_rows: number[] }[];
}
interface Reference {
	seeds: { seed: number; test_accuracy: number }[];
}

const splits = JSON.parse(readFileSync('tests/fixtures/spiral-splits.json', 'utf8')) as Splits;
const torch = JSON.parse(readFileSync('tests/fixtures/spiral-torch.json', 'utf8')) as Reference;

const median = (v: number[]): number => {
	const s = [...v].sort((a, b) => a - b);
	return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

describe('two spirals, seeds 1-30', () => {
	it('the core splits the rows as the PyTorch reference was trained on', () => {
		const all = spiralSet({ n: splits.n, noise: 0, seed: 1 });
		for (const { seed, test_rows } of splits.seeds) {
			const { test } = trainTestSplit(spiralSet({ n: splits.n, noise: 0, seed }), {
				testFraction: 0.5,
				seed
			});
			expect(test.n).toBe(test_rows.length);
			// (+ 0 turns -0 into 0: at noise 0 the origin's sign of zero follows the seed's noise draw.)
			test_rows.forEach((row, i) => {
				expect(test.x[2 * i] + 0).toBe(all.x[2 * row] + 0);
				expect(test.x[2 * i + 1] + 0).toBe(all.x[2 * row + 1] + 0);
				expect(test.y[i]).toBe(all.y[row]);
			});
		}
	});

	it(
		'2-16-16-1 tanh with Adam matches PyTorch: mean within a point, median >= 97%, >= 80% of seeds at 95%',
		{
			timeout: 180_000
		},
		() => {
			const ours: number[] = [];
			const theirs: number[] = [];
			for (const { seed, test_accuracy } of torch.seeds) {
				const split = trainTestSplit(spiralSet({ n: 500, noise: 0, seed }), { testFraction: 0.5, seed });
				const trainer = createTrainer({
					spec: { inputs: 2, hidden: [16, 16], activation: 'tanh', task: 'binary', init: 'torch' },
					optimizer: 'adam',
					hyper: { lr: 0.01 },
					train: split.train,
					test: split.test,
					batchSize: 16,
					seed
				});
				const r = trainer.run(1500);
				expect(r.status).toBe('ok');
				ours.push(r.testAccuracy!);
				theirs.push(test_accuracy);
			}
			expect(ours.length).toBe(30);
			expect(mean(ours)).toBeGreaterThan(mean(theirs) - 0.01);
			expect(median(ours)).toBeGreaterThanOrEqual(0.97);
			expect(ours.filter((a) => a >= 0.95).length).toBeGreaterThanOrEqual(24);
			expect(Math.min(...ours)).toBeGreaterThanOrEqual(0.9);
			// The same bar holds for PyTorch on these rows: it is a bar the reference meets.
			expect(median(theirs)).toBeGreaterThanOrEqual(0.97);
			expect(theirs.filter((a) => a >= 0.95).length).toBeGreaterThanOrEqual(24);
		}
	);
});
