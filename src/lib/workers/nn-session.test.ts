/**
 * The training session driven directly, with a fake clock and scheduler: epoch-0 and step updates against
 * independent Trainers (exact numbers), identical starts in a race, play to maxEpochs in many slices,
 * predictions at the grid's cell centres, snapshot thinning, focus and grid commands, bad commands and
 * setups answered with errors, and a diverging run beside a healthy one.
 */
import { describe, expect, it } from 'vitest';
import { circlesSet, sineCurve } from '../core/data/playground-sets';
import { trainTestSplit } from '../core/data/split';
import type { Dataset } from '../core/models/matrix';
import { createMlp, initParams, type MlpSpec } from '../core/nn/mlp';
import { predict } from '../core/nn/mlp-compute';
import { createTrainer } from '../core/nn/train';
import type { NnGrid, NnMessage, NnSetup, NnUpdate } from './nn-protocol';
import { NnSession, SnapshotStore, type NnSessionTiming } from './nn-session';

function split(d: Dataset): { train: Dataset; test: Dataset } {
	return trainTestSplit(d, { testFraction: 0.3, seed: 5 });
}

const circles = split(circlesSet({ n: 120, noise: 0, seed: 1 }));
const spec: MlpSpec = { inputs: 2, hidden: [5, 3], activation: 'tanh', task: 'binary' };
const grid: NnGrid = { box: { xMin: -6, xMax: 6, yMin: -5, yMax: 7 }, nx: 7, ny: 5 };

function setup(over: Partial<NnSetup> = {}): NnSetup {
	return {
		spec,
		...circles,
		runs: [
			{ id: 1, optimizer: 'adam', hyper: { lr: 0.03 } },
			{ id: 2, optimizer: 'sgd', hyper: { lr: 0.1 } },
			{ id: 7, optimizer: 'rmsprop', hyper: {} }
		],
		batchSize: 16,
		seed: 11,
		grid,
		focus: 1,
		snapshotEvery: 1,
		maxEpochs: 50,
		...over
	};
}

/** A session whose clock advances `tick` ms per reading and whose yields run on flush(). */
function harness(tick = 0, timing?: NnSessionTiming) {
	const messages: NnMessage[] = [];
	const queue: (() => void)[] = [];
	let clock = 0;
	const session = new NnSession(
		{
			// Through structured cloning with the transfer list, as postMessage would.
			post: (m, transfer) => messages.push(structuredClone(m, { transfer })),
			now: () => (clock += tick),
			schedule: (fn) => queue.push(fn)
		},
		timing
	);
	return {
		session,
		messages,
		/** Runs scheduled slices until none is left; returns how many ran. */
		flush(limit = 100_000): number {
			let n = 0;
			while (queue.length > 0 && n++ < limit) queue.shift()!();
			return n;
		},
		slice(): boolean {
			const fn = queue.shift();
			fn?.();
			return fn !== undefined;
		},
		updates: () => messages.filter((m): m is NnUpdate => m.type === 'update'),
		errors: () => messages.filter((m) => m.type === 'error').map((m) => (m as { message: string }).message),
		last(): NnUpdate {
			const u = messages.filter((m): m is NnUpdate => m.type === 'update');
			return u[u.length - 1];
		}
	};
}

/** Cell centres of the grid, written out independently of nnGridInputs. */
function centres(g: NnGrid): Float64Array {
	const out: number[] = [];
	const w = (g.box.xMax - g.box.xMin) / g.nx;
	const h = (g.box.yMax - g.box.yMin) / g.ny;
	for (let row = 0; row < g.ny; row++)
		for (let col = 0; col < g.nx; col++) out.push(g.box.xMin + w * (col + 0.5), g.box.yMax - h * (row + 0.5));
	return Float64Array.from(out);
}

function independent(s: NnSetup, runIndex: number) {
	const r = s.runs[runIndex];
	return createTrainer({
		spec: s.spec,
		optimizer: r.optimizer,
		hyper: r.hyper,
		train: s.train,
		test: s.test,
		batchSize: s.batchSize,
		seed: s.seed
	});
}

/** Every entry of a run over all updates, concatenated. */
function history(updates: NnUpdate[], id: number) {
	const h = {
		epochs: [] as number[],
		trainLoss: [] as number[],
		testLoss: [] as number[],
		testAccuracy: [] as number[]
	};
	for (const u of updates)
		for (const r of u.runs)
			if (r.id === id) {
				h.epochs.push(...r.epochs);
				h.trainLoss.push(...r.trainLoss);
				h.testLoss.push(...r.testLoss);
				h.testAccuracy.push(...r.testAccuracy);
			}
	return h;
}

describe('NnSession', () => {
	it('setup posts epoch 0: identical starts, initParams, predictions at the cell centres, snapshot 0', () => {
		const h = harness();
		const s = setup();
		h.session.handle({ type: 'setup', setup: s });
		expect(h.errors()).toEqual([]);
		const u = h.last();
		expect(u.epoch).toBe(0);
		expect(u.playing).toBe(false);
		expect(u.runs.map((r) => r.id)).toEqual([1, 2, 7]);
		const ref = independent(s, 0).report();
		for (const r of u.runs) {
			expect(r.status).toBe('ok');
			expect(Array.from(r.epochs)).toEqual([0]);
			expect(r.trainLoss[0]).toBe(ref.trainLoss);
			expect(r.testLoss[0]).toBe(ref.testLoss);
			expect(r.testAccuracy[0]).toBe(ref.testAccuracy);
		}
		const mlp = createMlp(spec);
		const p0 = initParams(mlp, s.seed);
		expect(Array.from(u.focus.params)).toEqual(Array.from(p0));
		expect(u.focus.predictions).toHaveLength(grid.nx * grid.ny);
		expect(Array.from(u.focus.predictions!)).toEqual(Array.from(predict(mlp, p0, centres(grid))));
		expect(u.focus.snapshots?.epochs).toEqual([0]);
		expect(Array.from(u.focus.snapshots!.params[0])).toEqual(Array.from(p0));
	});

	it('step: epoch 1, exactly one entry per run, equal to independent trainers', () => {
		const h = harness();
		const s = setup();
		h.session.handle({ type: 'setup', setup: s });
		h.messages.length = 0;
		h.session.handle({ type: 'step' });
		h.flush();
		expect(h.updates()).toHaveLength(1);
		const u = h.last();
		expect(u.epoch).toBe(1);
		expect(u.playing).toBe(false);
		s.runs.forEach((_, i) => {
			const t = independent(s, i);
			const ref = t.epoch();
			const r = u.runs[i];
			expect(Array.from(r.epochs)).toEqual([1]);
			expect(r.trainLoss[0]).toBe(ref.trainLoss);
			expect(r.testLoss[0]).toBe(ref.testLoss);
			expect(r.trainAccuracy[0]).toBe(ref.trainAccuracy);
			expect(r.testAccuracy[0]).toBe(ref.testAccuracy);
			if (i === 0) {
				expect(Array.from(u.focus.params)).toEqual(Array.from(t.params));
				expect(Array.from(u.focus.predictions!)).toEqual(Array.from(predict(t.mlp, t.params, centres(grid))));
				expect(u.focus.snapshots?.epochs).toEqual([0, 1]);
			}
		});
		// The runs really differ after training.
		expect(u.runs[0].trainLoss[0]).not.toBe(u.runs[1].trainLoss[0]);
	});

	it('play trains in slices, posts at most every 33 ms, reaches maxEpochs and pauses', () => {
		const h = harness(1);
		const s = setup({ maxEpochs: 12 });
		h.session.handle({ type: 'setup', setup: s });
		h.session.handle({ type: 'play' });
		expect(h.last().playing).toBe(true);
		const slices = h.flush();
		expect(slices).toBeGreaterThan(3);
		const updates = h.updates();
		const u = h.last();
		expect(u.epoch).toBe(12);
		expect(u.playing).toBe(false);
		expect(h.session.isPlaying).toBe(false);
		expect(u.epochsPerSecond).toBeGreaterThan(0);
		// Every epoch exactly once, across however many updates.
		for (const [i, run] of s.runs.entries()) {
			const hist = history(updates, run.id);
			expect(hist.epochs).toEqual(Array.from({ length: 13 }, (_, e) => e));
			const t = independent(s, i);
			const losses = [t.report().trainLoss];
			for (let e = 0; e < 12; e++) losses.push(t.epoch().trainLoss);
			expect(hist.trainLoss).toEqual(losses);
		}
		// Playing again at maxEpochs does nothing but say so.
		h.session.handle({ type: 'play' });
		expect(h.last().playing).toBe(false);
		expect(h.flush()).toBe(0);
	});

	it('pause mid-play stops at a completed epoch with the runs in step', () => {
		const h = harness(1);
		const s = setup({ maxEpochs: 1000 });
		h.session.handle({ type: 'setup', setup: s });
		h.session.handle({ type: 'play' });
		for (let i = 0; i < 5; i++) h.slice();
		h.session.handle({ type: 'pause' });
		const u = h.last();
		expect(u.playing).toBe(false);
		const e = u.epoch;
		expect(e).toBeGreaterThan(0);
		h.flush();
		expect(h.session.completedEpochs).toBe(e);
		const t = independent(s, 0);
		for (let k = 0; k < e; k++) t.epoch();
		expect(Array.from(u.focus.params)).toEqual(Array.from(t.params));
		// Two steps: two more epochs.
		h.session.handle({ type: 'step' });
		h.session.handle({ type: 'step' });
		h.flush();
		expect(h.last().epoch).toBe(e + 2);
		for (const r of s.runs)
			expect(history(h.updates(), r.id).epochs).toEqual(Array.from({ length: e + 3 }, (_, k) => k));
	});

	it('throttles predictions while playing and sends them after a pause', () => {
		const h = harness(1, { predictEveryMs: 100 });
		h.session.handle({ type: 'setup', setup: setup({ maxEpochs: 10_000 }) });
		h.session.handle({ type: 'play' });
		for (let i = 0; i < 60; i++) h.slice();
		const playing = h.updates().slice(1);
		const withPredictions = playing.filter((u) => u.focus.predictions !== null).length;
		expect(playing.length).toBeGreaterThan(3);
		expect(withPredictions).toBeLessThan(playing.length);
		h.session.handle({ type: 'pause' });
		const u = h.last();
		const mlp = createMlp(spec);
		expect(Array.from(u.focus.predictions!)).toEqual(Array.from(predict(mlp, u.focus.params, centres(grid))));
	});

	it('focus switches params, predictions and snapshots at once; grid recomputes predictions', () => {
		const h = harness();
		const s = setup();
		h.session.handle({ type: 'setup', setup: s });
		h.session.handle({ type: 'step' });
		h.flush();
		h.session.handle({ type: 'step' });
		h.flush();
		h.session.handle({ type: 'focus', id: 7 });
		let u = h.last();
		expect(u.focus.id).toBe(7);
		const t = independent(s, 2);
		t.epoch();
		t.epoch();
		expect(Array.from(u.focus.params)).toEqual(Array.from(t.params));
		expect(u.focus.snapshots?.epochs).toEqual([0, 1, 2]);
		expect(Array.from(u.focus.predictions!)).toEqual(Array.from(predict(t.mlp, t.params, centres(grid))));
		expect(u.runs.every((r) => r.epochs.length === 0)).toBe(true);

		const g2: NnGrid = { box: { xMin: 0, xMax: 1, yMin: 0, yMax: 2 }, nx: 3, ny: 4 };
		h.session.handle({ type: 'grid', grid: g2 });
		u = h.last();
		expect(u.focus.snapshots).toBeNull();
		expect(Array.from(u.focus.predictions!)).toEqual(Array.from(predict(t.mlp, t.params, centres(g2))));
		// Unchanged since: null.
		h.session.handle({ type: 'pause' });
		expect(h.last().focus.predictions).toBeNull();
	});

	it('multiclass predictions are the k class probabilities per cell; 1-input regression predicts nx points along x', () => {
		const h = harness();
		const labels = Float64Array.from({ length: circles.train.n }, (_, i) => i % 3);
		const train = { ...circles.train, y: labels };
		const test = { ...circles.test, y: Float64Array.from({ length: circles.test.n }, (_, i) => i % 3) };
		const mc: MlpSpec = { inputs: 2, hidden: [4], task: 'multiclass', classes: 3 };
		h.session.handle({ type: 'setup', setup: setup({ spec: mc, train, test }) });
		const u = h.last();
		const probs = predict(createMlp(mc), u.focus.params, centres(grid));
		expect(u.focus.predictions!.length).toBe(3 * grid.nx * grid.ny);
		expect(Array.from(u.focus.predictions!)).toEqual(Array.from(probs));
		// Each cell's probabilities sum to 1.
		for (let i = 0; i < grid.nx * grid.ny; i += 97) {
			const p = u.focus.predictions!;
			expect(p[3 * i] + p[3 * i + 1] + p[3 * i + 2]).toBeCloseTo(1, 12);
		}

		const sine = split(sineCurve({ n: 40, noise: 0.1, seed: 2 }));
		const reg: MlpSpec = { inputs: 1, hidden: [6], task: 'regression' };
		const g: NnGrid = { box: { xMin: -5, xMax: 5, yMin: -2, yMax: 2 }, nx: 20, ny: 1 };
		h.session.handle({ type: 'setup', setup: setup({ spec: reg, ...sine, grid: g }) });
		const r = h.last();
		const xs = Float64Array.from({ length: 20 }, (_, i) => -5 + 0.5 * (i + 0.5));
		expect(Array.from(r.focus.predictions!)).toEqual(Array.from(predict(createMlp(reg), r.focus.params, xs)));
	});

	it('snapshots: at most 400 per run, epoch 0 kept, interval doubled when full', () => {
		const store = new SnapshotStore(3);
		const p = new Float64Array(2);
		for (let e = 0; e <= 5000; e++) {
			p[0] = e;
			store.add(e, p);
			expect(store.epochs.length).toBeLessThanOrEqual(400);
		}
		expect(store.epochs[0]).toBe(0);
		expect(store.every).toBe(24);
		expect(store.epochs).toEqual(Array.from({ length: store.epochs.length }, (_, i) => i * 24));
		expect(store.params.map((q) => q[0])).toEqual(store.epochs);

		const h = harness();
		const tiny = split(circlesSet({ n: 12, noise: 0, seed: 3 }));
		h.session.handle({
			type: 'setup',
			setup: setup({
				...tiny,
				spec: { inputs: 2, hidden: [2], task: 'binary' },
				maxEpochs: 450,
				runs: [{ id: 1, optimizer: 'sgd', hyper: {} }]
			})
		});
		h.session.handle({ type: 'play' });
		h.flush();
		const snaps = h.last().focus.snapshots!;
		expect(h.last().epoch).toBe(450);
		expect(snaps.epochs).toEqual(Array.from({ length: 226 }, (_, i) => 2 * i));
		expect(snaps.params).toHaveLength(226);
	});

	it('bad commands and setups get an error message; the session keeps working', () => {
		const h = harness();
		h.session.handle({ type: 'step' });
		expect(h.errors()).toHaveLength(1);
		h.session.handle({ type: 'setup', setup: setup() });
		h.messages.length = 0;
		const bad: unknown[] = [
			null,
			42,
			'play',
			{ type: 'bogus' },
			{ type: 'focus', id: 'x' },
			{ type: 'focus', id: 99 },
			{ type: 'grid', grid: { box: { xMin: 1, xMax: 0, yMin: 0, yMax: 1 }, nx: 3, ny: 3 } },
			{ type: 'grid', grid: { box: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, nx: 2.5, ny: 3 } },
			{ type: 'setup' },
			{ type: 'setup', setup: { ...setup(), runs: [] } },
			{ type: 'setup', setup: { ...setup(), train: { x: [1, 2], y: [0], n: 1, p: 2 } } },
			{ type: 'setup', setup: { ...setup(), focus: 3 } }
		];
		for (const m of bad) expect(() => h.session.handle(m)).not.toThrow();
		expect(h.errors()).toHaveLength(bad.length);
		expect(h.updates()).toHaveLength(0);
		h.session.handle({ type: 'step' });
		h.flush();
		expect(h.last().epoch).toBe(1);

		// The core's messages, and an empty session after a failed setup.
		const core = (over: Partial<NnSetup>) => {
			h.messages.length = 0;
			h.session.handle({ type: 'setup', setup: setup(over) });
			return h.errors()[0];
		};
		expect(core({ runs: [{ id: 1, optimizer: 'nope', hyper: {} }] })).toBe('unknown optimizer "nope"');
		expect(core({ runs: [{ id: 1, optimizer: 'newton', hyper: {} }] })).toMatch(/Hessian/);
		expect(core({ spec: { ...spec, hidden: [0] } })).toMatch(/hidden layer widths/);
		expect(core({ runs: [{ id: 1, optimizer: 'adam', hyper: { lr: -1 } }] })).toMatch(/lr/);
		h.messages.length = 0;
		h.session.handle({ type: 'play' });
		expect(h.errors()).toHaveLength(1);
		h.session.handle({ type: 'setup', setup: setup() });
		h.session.handle({ type: 'step' });
		h.flush();
		expect(h.last().epoch).toBe(1);
	});

	it('a diverging run stops and says so; the other goes on', () => {
		const h = harness();
		const sine = split(sineCurve({ n: 60, noise: 0.1, seed: 4 }));
		const s = setup({
			spec: { inputs: 1, hidden: [8], task: 'regression' },
			...sine,
			grid: { box: { xMin: -5, xMax: 5, yMin: 0, yMax: 1 }, nx: 10, ny: 1 },
			runs: [
				{ id: 1, optimizer: 'sgd', hyper: { lr: 50 } },
				{ id: 2, optimizer: 'adam', hyper: { lr: 0.01 } }
			],
			maxEpochs: 30
		});
		h.session.handle({ type: 'setup', setup: s });
		h.session.handle({ type: 'play' });
		h.flush();
		const u = h.last();
		expect(u.epoch).toBe(30);
		const byId = new Map(u.runs.map((r) => [r.id, r]));
		expect(byId.get(1)!.status).toBe('diverged');
		expect(byId.get(2)!.status).toBe('ok');
		const bad = history(h.updates(), 1).epochs;
		expect(bad.length).toBeLessThan(31);
		expect(bad).toEqual(Array.from({ length: bad.length }, (_, k) => k));
		expect(history(h.updates(), 2).epochs).toHaveLength(31);
		expect(Number.isFinite(history(h.updates(), 2).trainLoss[30])).toBe(true);
	});

	it('stops when every run has diverged', () => {
		const h = harness();
		h.session.handle({
			type: 'setup',
			setup: setup({
				spec: { inputs: 1, hidden: [8], task: 'regression' },
				...split(sineCurve({ n: 60, noise: 0.1, seed: 4 })),
				runs: [{ id: 1, optimizer: 'sgd', hyper: { lr: 50 } }],
				maxEpochs: 1000
			})
		});
		h.session.handle({ type: 'play' });
		h.flush();
		const u = h.last();
		expect(u.playing).toBe(false);
		expect(u.runs[0].status).toBe('diverged');
		expect(u.epoch).toBeLessThan(1000);
	});
});
