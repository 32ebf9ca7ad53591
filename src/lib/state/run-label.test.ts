import { describe, expect, it } from 'vitest';
import { defaultHyper } from '../core/optimizers/hyper';
import { getOptimizer } from '../core/optimizers';
import { runLabel } from './run-label';

describe('runLabel', () => {
	it('always shows the learning rate and only non-default others', () => {
		const adam = getOptimizer('adam')!;
		expect(runLabel(adam, { ...defaultHyper(adam), lr: 0.05 })).toBe('Adam (lr 0.05)');
		expect(runLabel(adam, { ...defaultHyper(adam), amsgrad: true, betas: [0.8, 0.99] })).toBe(
			'Adam (lr 0.001, β 0.8,0.99, amsgrad)'
		);
		const newton = getOptimizer('newton')!;
		expect(runLabel(newton, defaultHyper(newton))).toBe("Newton's method");
		expect(runLabel(newton, { lr: 0.5 })).toBe("Newton's method (lr 0.5)");
	});
});
