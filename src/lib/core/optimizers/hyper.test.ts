import { describe, expect, it } from 'vitest';
import { checkHyperValue, defaultHyper, formatHyperValue, parseHyperValue, resolveHyper } from './hyper';
import { getOptimizer, optimizers } from '.';

describe('hyperparameter tables', () => {
	it.each(optimizers.map((o) => [o.id, o] as const))('%s declares consistent, valid specs', (_id, opt) => {
		const keys = opt.hyper.map((s) => s.key);
		expect(new Set(keys).size).toBe(keys.length);
		for (const spec of opt.hyper) {
			expect(checkHyperValue(spec, spec.default), spec.key).toBeNull();
			expect(spec.label.length).toBeGreaterThan(0);
			expect(spec.help.length).toBeGreaterThan(0);
			if (spec.kind !== 'boolean') {
				expect(spec.min, spec.key).toBeLessThan(spec.max);
				if (spec.log) expect(spec.min, `${spec.key}: a log slider needs min > 0`).toBeGreaterThan(0);
			}
		}
		expect(resolveHyper(opt, {}).ok).toBe(true);
		expect(opt.rule.length).toBeGreaterThan(0);
		expect(opt.reference.length).toBeGreaterThan(0);
	});

	it("uses PyTorch's defaults", () => {
		const d = (id: string) => defaultHyper(getOptimizer(id)!);
		expect(d('adam')).toEqual({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false });
		expect(d('adamw').weight_decay).toBe(1e-2);
		expect(d('adagrad')).toEqual({
			lr: 1e-2,
			lr_decay: 0,
			weight_decay: 0,
			initial_accumulator_value: 0,
			eps: 1e-10
		});
		expect(d('rmsprop')).toEqual({
			lr: 1e-2,
			alpha: 0.99,
			eps: 1e-8,
			weight_decay: 0,
			momentum: 0,
			centered: false
		});
		expect(d('adadelta')).toEqual({ lr: 1, rho: 0.9, eps: 1e-6, weight_decay: 0 });
		expect(d('adamax').lr).toBe(2e-3);
		expect(d('nadam')).toEqual({
			lr: 2e-3,
			betas: [0.9, 0.999],
			eps: 1e-8,
			weight_decay: 0,
			momentum_decay: 4e-3
		});
		expect(d('momentum').momentum).toBe(0.9);
		expect(d('nesterov').momentum).toBe(0.9);
		expect(d('newton').lr).toBe(1);
	});
});

describe('parseHyperValue', () => {
	const adam = getOptimizer('adam')!;
	const spec = (key: string) => adam.hyper.find((s) => s.key === key)!;

	it('reads numbers, booleans and pairs', () => {
		expect(parseHyperValue(spec('lr'), '0.05')).toEqual({ ok: true, value: 0.05 });
		expect(parseHyperValue(spec('lr'), '1e-3')).toEqual({ ok: true, value: 1e-3 });
		expect(parseHyperValue(spec('amsgrad'), 'true')).toEqual({ ok: true, value: true });
		expect(parseHyperValue(spec('amsgrad'), 'FALSE')).toEqual({ ok: true, value: false });
		expect(parseHyperValue(spec('betas'), '0.8,0.99')).toEqual({ ok: true, value: [0.8, 0.99] });
	});

	it('rejects malformed text with a message naming the key', () => {
		for (const [key, text] of [
			['lr', 'abc'],
			['lr', ''],
			['lr', '0x10'],
			['lr', '1e999'],
			['lr', 'NaN'],
			['lr', 'Infinity'],
			['lr', '1,2'],
			['amsgrad', 'yes'],
			['betas', '0.9'],
			['betas', '0.9,0.99,0.1'],
			['betas', '0.9,x']
		]) {
			const r = parseHyperValue(spec(key), text);
			expect(r.ok, `${key}=${text}`).toBe(false);
			if (!r.ok) expect(r.message).toContain(key);
		}
	});

	it("enforces PyTorch's domains", () => {
		expect(parseHyperValue(spec('lr'), '-0.1').ok).toBe(false);
		expect(parseHyperValue(spec('eps'), '-1e-8').ok).toBe(false);
		expect(parseHyperValue(spec('betas'), '0.9,1').ok).toBe(false);
		expect(parseHyperValue(spec('betas'), '-0.1,0.9').ok).toBe(false);
		expect(parseHyperValue(spec('betas'), '0,0.5').ok).toBe(true);
		const rho = getOptimizer('adadelta')!.hyper.find((s) => s.key === 'rho')!;
		expect(parseHyperValue(rho, '1').ok).toBe(true);
		expect(parseHyperValue(rho, '1.01').ok).toBe(false);
		const seed = getOptimizer('sgd')!.hyper.find((s) => s.key === 'seed')!;
		expect(parseHyperValue(seed, '1.5').ok).toBe(false);
		expect(parseHyperValue(seed, '17').ok).toBe(true);
	});

	it('round-trips through formatHyperValue', () => {
		for (const opt of optimizers)
			for (const s of opt.hyper) {
				const r = parseHyperValue(s, formatHyperValue(s.default));
				expect(r).toEqual({ ok: true, value: s.default });
			}
	});
});

describe('resolveHyper', () => {
	it('fills defaults and keeps given values', () => {
		const r = resolveHyper(getOptimizer('adam')!, { lr: 0.1 });
		expect(r).toEqual({
			ok: true,
			value: { lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false }
		});
	});

	it('rejects unknown keys, listing the known ones', () => {
		const r = resolveHyper(getOptimizer('gd')!, { momentum: 0.9 });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/no hyperparameter "momentum".*lr, weight_decay/);
	});

	it('rejects values of the wrong type', () => {
		expect(resolveHyper(getOptimizer('adam')!, { amsgrad: 1 }).ok).toBe(false);
		expect(resolveHyper(getOptimizer('adam')!, { lr: Number.NaN }).ok).toBe(false);
		expect(resolveHyper(getOptimizer('adam')!, { betas: 0.9 }).ok).toBe(false);
	});

	it("applies PyTorch's Nesterov check", () => {
		const sgd = getOptimizer('sgd')!;
		expect(resolveHyper(sgd, { nesterov: true }).ok).toBe(false);
		expect(resolveHyper(sgd, { nesterov: true, momentum: 0.9, dampening: 0.1 }).ok).toBe(false);
		expect(resolveHyper(sgd, { nesterov: true, momentum: 0.9 }).ok).toBe(true);
		expect(resolveHyper(getOptimizer('nesterov')!, { momentum: 0 }).ok).toBe(false);
	});
});
