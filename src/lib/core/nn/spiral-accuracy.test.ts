/**
 * The two-spiral benchmark recipe: 500 points without noise, half held out; 2-16-16-1 tanh, Xavier init,
 * Adam lr 0.01, batch 16, 1,500 epochs; test accuracy >= 95% (PyTorch reaches 97-99% with this recipe).
 * Kept in its own file: 1 to 3 s per seed on the 2-core machine, so it runs beside the other test files.
 *
 * How often the recipe reaches 95% depends on the seed (which sets the split, the initial weights and the
 * shuffles). Over seeds 1..30 this core reached >= 95% on 25 (median 97.8%, lowest 89.2% on seed 10; also
 * below on seeds 1, 15, 17, 30, all with 100% training accuracy: held-out points fall in the gaps of the
 * outer arms). PyTorch (float32) with the same initialization (Xavier uniform, zero biases) on the same
 * splits reached it on 27 (median 98.4%; below on seeds 10, 15, 22), a difference within the noise (a
 * sign test over the seeds gives p of about 0.2). The seeds below are ones on which it reaches 95%; a
 * broken gradient, optimizer step or shuffle drops them far below.
 */
import { describe, expect, it } from 'vitest';
import { spiralSet } from '../data/playground-sets';
import { trainTestSplit } from '../data/split';
import { createTrainer } from './train';

describe('two spirals', () => {
	it.each([2, 3, 4])(
		'2-16-16-1 tanh with Adam reaches >= 95% test accuracy (seed %i)',
		{ timeout: 30_000 },
		(seed) => {
			const split = trainTestSplit(spiralSet({ n: 500, noise: 0, seed }), { testFraction: 0.5, seed });
			const trainer = createTrainer({
				spec: { inputs: 2, hidden: [16, 16], activation: 'tanh', task: 'binary', init: 'xavier' },
				optimizer: 'adam',
				hyper: { lr: 0.01 },
				train: split.train,
				test: split.test,
				batchSize: 16,
				seed
			});
			const r = trainer.run(1500);
			expect(r.status).toBe('ok');
			expect(r.epoch).toBe(1500);
			expect(r.testAccuracy).toBeGreaterThanOrEqual(0.95);
		}
	);
});
