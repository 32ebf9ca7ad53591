/** The shared protocol helpers: grid points, transfer lists without duplicates, command validation. */
import { describe, expect, it } from 'vitest';
import {
	MAX_GRID_CELLS,
	nnGridInputs,
	nnUpdateTransferables,
	parseNnCommand,
	parseNnSetup,
	type NnSetup,
	type NnUpdate
} from './nn-protocol';

const setup: NnSetup = {
	spec: { inputs: 2, hidden: [3], activation: ['relu'], task: 'binary', l2: 0.01 },
	train: { x: new Float64Array([0, 1, 2, 3]), y: new Float64Array([0, 1]), n: 2, p: 2 },
	test: { x: new Float64Array(0), y: new Float64Array(0), n: 0, p: 2 },
	runs: [{ id: 4, optimizer: 'adam', hyper: { lr: 0.1, betas: [0.8, 0.9], amsgrad: true } }],
	batchSize: 2,
	seed: 1,
	grid: { box: { xMin: 0, xMax: 4, yMin: 0, yMax: 2 }, nx: 2, ny: 2 },
	focus: 4,
	snapshotEvery: 5,
	maxEpochs: Infinity
};

describe('nnGridInputs', () => {
	it('2 inputs: cell centres row-major, row 0 at yMax; 1 input: nx centres; more: null', () => {
		expect(Array.from(nnGridInputs(setup.grid, 2)!)).toEqual([1, 1.5, 3, 1.5, 1, 0.5, 3, 0.5]);
		expect(Array.from(nnGridInputs({ ...setup.grid, nx: 4 }, 1)!)).toEqual([0.5, 1.5, 2.5, 3.5]);
		expect(nnGridInputs(setup.grid, 3)).toBeNull();
	});
});

describe('nnUpdateTransferables', () => {
	it('lists each buffer once (snapshot views share one)', () => {
		const shared = new Float64Array(6);
		const a = () => new Float64Array(1);
		const u: NnUpdate = {
			type: 'update',
			epoch: 0,
			playing: false,
			runs: [
				{
					id: 1,
					status: 'ok',
					epochs: a(),
					trainLoss: a(),
					testLoss: a(),
					trainAccuracy: a(),
					testAccuracy: a()
				}
			],
			focus: {
				id: 1,
				params: a(),
				predictions: null,
				snapshots: { epochs: [0, 1], params: [shared.subarray(0, 3), shared.subarray(3)] }
			},
			epochsPerSecond: 0
		};
		const t = nnUpdateTransferables(u);
		expect(t).toHaveLength(7);
		expect(() => structuredClone(u, { transfer: t })).not.toThrow();
	});
});

describe('parseNnCommand', () => {
	it('accepts every command and returns plain copies', () => {
		const proxied = new Proxy(setup, {});
		const r = parseNnCommand({ type: 'setup', setup: proxied, extra: 1 });
		expect(r.ok).toBe(true);
		if (!r.ok || r.value.type !== 'setup') return;
		expect(r.value.setup).toEqual(setup);
		expect(r.value.setup.train.x).toBe(setup.train.x);
		expect(() => structuredClone(r.value)).not.toThrow();
		for (const type of ['play', 'pause', 'step'] as const)
			expect(parseNnCommand({ type })).toEqual({ ok: true, value: { type } });
		expect(parseNnCommand({ type: 'focus', id: 3 })).toEqual({ ok: true, value: { type: 'focus', id: 3 } });
		expect(parseNnCommand({ type: 'grid', grid: setup.grid })).toEqual({
			ok: true,
			value: { type: 'grid', grid: setup.grid }
		});
	});

	it('rejects bad shapes with a message, never throws', () => {
		const bad: [unknown, RegExp][] = [
			[undefined, /command must be an object/],
			[[1], /command must be an object/],
			[{ type: 'jump' }, /unknown command type "jump"/],
			[{ type: 'focus' }, /focus id must be a number/],
			[{ type: 'grid', grid: { ...setup.grid, nx: 0 } }, /grid.nx/],
			[{ type: 'grid', grid: { ...setup.grid, nx: MAX_GRID_CELLS, ny: 2 } }, /at most/],
			[{ type: 'grid', grid: { ...setup.grid, box: { xMin: 0, xMax: NaN, yMin: 0, yMax: 1 } } }, /xMax/],
			[{ type: 'setup', setup: { ...setup, runs: new Array(9).fill(setup.runs[0]) } }, /1 to 8 runs/],
			[{ type: 'setup', setup: { ...setup, runs: [setup.runs[0], setup.runs[0]] } }, /distinct/],
			[{ type: 'setup', setup: { ...setup, runs: [{ id: 4, optimizer: 3, hyper: {} }] } }, /optimizer/],
			[
				{ type: 'setup', setup: { ...setup, runs: [{ id: 4, optimizer: 'sgd', hyper: { lr: 'big' } }] } },
				/hyper.lr/
			],
			[{ type: 'setup', setup: { ...setup, spec: { ...setup.spec, hidden: 3 } } }, /spec.hidden/],
			[{ type: 'setup', setup: { ...setup, test: null } }, /setup.test must be an object/],
			[{ type: 'setup', setup: { ...setup, snapshotEvery: 0 } }, /snapshotEvery/],
			[{ type: 'setup', setup: { ...setup, maxEpochs: -1 } }, /maxEpochs/]
		];
		for (const [m, msg] of bad) {
			const r = parseNnCommand(m);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.message).toMatch(msg);
		}
		const getterThrows = {
			get type(): string {
				throw new Error('nope');
			}
		};
		expect(parseNnCommand(getterThrows)).toEqual({ ok: false, message: 'nope' });
		expect(parseNnSetup(null).ok).toBe(false);
	});
});
