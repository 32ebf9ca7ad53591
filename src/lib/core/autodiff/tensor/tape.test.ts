/**
 * Every tape operation's backward rule against central finite differences of its own forward rule, on
 * random inputs from the seeded generator; plus replay (forward after rebinding), accumulation and errors.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../random/rng';
import { Tape } from './tape';
import { Tensor, TensorError } from './tensor';

function randomData(rng: Rng, n: number, lo = -2, hi = 2): Float64Array {
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) out[i] = rng.range(lo, hi);
	return out;
}

/** Values away from zero, for kinks (relu, |x|) that finite differences cannot straddle. */
function awayFromZero(rng: Rng, n: number): Float64Array {
	const out = randomData(rng, n, 0.1, 2);
	for (let i = 0; i < n; i++) if (rng.uniform() < 0.5) out[i] = -out[i];
	return out;
}

/**
 * Checks tape gradients of `loss` with respect to each variable against central differences, recomputing
 * the loss by replaying the tape's forward pass with one coordinate moved.
 */
function checkGradients(tape: Tape, loss: Tensor, variables: Tensor[], tol = 1e-7): void {
	for (const v of variables) v.grad!.fill(0);
	tape.forward();
	tape.backward(loss);
	for (const [vi, v] of variables.entries()) {
		const analytic = Float64Array.from(v.grad!);
		for (let i = 0; i < v.size; i++) {
			const x0 = v.data[i];
			const h = 1e-5 * Math.max(1, Math.abs(x0));
			v.data[i] = x0 + h;
			tape.forward();
			const up = loss.data[0];
			v.data[i] = x0 - h;
			tape.forward();
			const down = loss.data[0];
			v.data[i] = x0;
			const numeric = (up - down) / (2 * h);
			const err = Math.abs(numeric - analytic[i]);
			if (err > tol * Math.max(1, Math.abs(numeric)))
				throw new Error(`variable ${vi}, element ${i}: tape ${analytic[i]} vs finite difference ${numeric}`);
		}
	}
	tape.forward();
}

/** Reduces any tensor to a scalar with random weights, so every output element gets its own gradient. */
function probe(tape: Tape, rng: Rng, t: Tensor): Tensor {
	const w = tape.constant(t.rows, t.cols, randomData(rng, t.size));
	return tape.sum(tape.mul(t, w));
}

describe('tape operations match finite differences', () => {
	const seeds = [1, 2, 3];

	it.each(seeds)('matmul, including one-column and constant-left cases (seed %i)', (seed) => {
		const rng = createRng(seed);
		const tape = new Tape();
		const a = tape.variable(3, 4, randomData(rng, 12));
		const b = tape.variable(4, 5, randomData(rng, 20));
		const c = tape.variable(4, 1, randomData(rng, 4));
		const x = tape.constant(2, 3, randomData(rng, 6));
		const l1 = probe(tape, rng, tape.matmul(a, b));
		const l2 = probe(tape, rng, tape.matmul(a, c));
		const l3 = probe(tape, rng, tape.matmul(x, a));
		checkGradients(tape, l1, [a, b]);
		checkGradients(tape, l2, [a, c]);
		checkGradients(tape, l3, [a]);
	});

	it('matmul computes the matrix product', () => {
		const tape = new Tape();
		const a = tape.constant(2, 3, new Float64Array([1, 2, 3, 4, 5, 6]));
		const b = tape.constant(3, 2, new Float64Array([7, 8, 9, 10, 11, 12]));
		// Row i, column j: sum_k a_ik b_kj, written out.
		const expected = [
			1 * 7 + 2 * 9 + 3 * 11,
			1 * 8 + 2 * 10 + 3 * 12,
			4 * 7 + 5 * 9 + 6 * 11,
			4 * 8 + 5 * 10 + 6 * 12
		];
		expect(Array.from(tape.matmul(a, b).data)).toEqual(expected);
	});

	it.each(seeds)('add, addBias, mul and scale (seed %i)', (seed) => {
		const rng = createRng(seed);
		const tape = new Tape();
		const a = tape.variable(4, 3, randomData(rng, 12));
		const b = tape.variable(4, 3, randomData(rng, 12));
		const bias = tape.variable(1, 3, randomData(rng, 3));
		checkGradients(tape, probe(tape, rng, tape.add(a, b)), [a, b]);
		checkGradients(tape, probe(tape, rng, tape.addBias(a, bias)), [a, bias]);
		checkGradients(tape, probe(tape, rng, tape.mul(a, b)), [a, b]);
		checkGradients(tape, probe(tape, rng, tape.scale(a, -2.5)), [a]);
	});

	it.each(seeds)('tanh, relu, sigmoid, exp and log (seed %i)', (seed) => {
		const rng = createRng(seed);
		const tape = new Tape();
		const a = tape.variable(3, 4, randomData(rng, 12, -3, 3));
		const kinked = tape.variable(3, 4, awayFromZero(rng, 12));
		const wide = tape.variable(2, 3, new Float64Array([-40, -8, -0.5, 0.5, 8, 40]));
		const positive = tape.variable(3, 4, randomData(rng, 12, 0.2, 3));
		checkGradients(tape, probe(tape, rng, tape.tanh(a)), [a]);
		checkGradients(tape, probe(tape, rng, tape.relu(kinked)), [kinked]);
		checkGradients(tape, probe(tape, rng, tape.sigmoid(a)), [a]);
		checkGradients(tape, probe(tape, rng, tape.sigmoid(wide)), [wide]);
		checkGradients(tape, probe(tape, rng, tape.exp(a)), [a]);
		checkGradients(tape, probe(tape, rng, tape.log(positive)), [positive]);
	});

	it('relu and sigmoid values at the edges', () => {
		const tape = new Tape();
		const x = tape.variable(1, 4, new Float64Array([-1000, -1, 0, 1000]));
		const s = tape.sigmoid(x);
		expect(Array.from(s.data).every(Number.isFinite)).toBe(true);
		expect(s.data[0]).toBeGreaterThanOrEqual(0);
		expect(s.data[3]).toBe(1);
		expect(Math.abs(s.data[1] - 1 / (1 + Math.E))).toBeLessThan(1e-15);
		const r = tape.relu(x);
		expect(Array.from(r.data)).toEqual([0, 0, 0, 1000]);
		// relu'(0) = 0, as torch.
		tape.backward(tape.sum(r));
		expect(Array.from(x.grad!)).toEqual([0, 0, 0, 1]);
	});

	it.each(seeds)('sum, mean and the L1 / L2 penalties (seed %i)', (seed) => {
		const rng = createRng(seed);
		const tape = new Tape();
		const a = tape.variable(3, 5, randomData(rng, 15));
		const kinked = tape.variable(3, 5, awayFromZero(rng, 15));
		checkGradients(tape, tape.sum(tape.tanh(a)), [a]);
		checkGradients(tape, tape.mean(tape.tanh(a)), [a]);
		checkGradients(tape, tape.l1Penalty(kinked, 0.3), [kinked]);
		checkGradients(tape, tape.l2Penalty(a, 0.7), [a]);
	});

	it('penalty values follow their formulas', () => {
		const tape = new Tape();
		const w = tape.variable(2, 2, new Float64Array([1, -2, 3, -4]));
		expect(tape.l1Penalty(w, 0.5).data[0]).toBeCloseTo(0.5 * (1 + 2 + 3 + 4), 14);
		expect(tape.l2Penalty(w, 0.5).data[0]).toBeCloseTo((0.5 / 2) * (1 + 4 + 9 + 16), 14);
		expect(tape.mean(w).data[0]).toBeCloseTo((1 - 2 + 3 - 4) / 4, 14);
	});

	it.each(seeds)('softmax cross-entropy (seed %i)', (seed) => {
		const rng = createRng(seed);
		const tape = new Tape();
		const z = tape.variable(6, 4, randomData(rng, 24, -3, 3));
		const labels = tape.constant(
			6,
			1,
			Float64Array.from({ length: 6 }, () => rng.int(4))
		);
		const loss = tape.softmaxCrossEntropy(z, labels);
		checkGradients(tape, loss, [z]);
		// Against the definition -log(e^z_c / sum_j e^z_j), computed directly for these moderate logits.
		let direct = 0;
		for (let i = 0; i < 6; i++) {
			let s = 0;
			for (let j = 0; j < 4; j++) s += Math.exp(z.data[i * 4 + j]);
			direct -= Math.log(Math.exp(z.data[i * 4 + labels.data[i]]) / s);
		}
		expect(Math.abs(loss.data[0] - direct / 6)).toBeLessThan(1e-12);
	});

	it('softmax cross-entropy is shift-invariant and finite for huge logits', () => {
		const rng = createRng(9);
		const base = randomData(rng, 12, -3, 3);
		const labels = new Float64Array([0, 2, 1, 2]);
		const lossAt = (shift: number): number => {
			const tape = new Tape();
			const z = tape.variable(
				4,
				3,
				base.map((v) => v + shift)
			);
			return tape.softmaxCrossEntropy(z, tape.constant(4, 1, labels)).data[0];
		};
		const l0 = lossAt(0);
		expect(Math.abs(lossAt(1000) - l0)).toBeLessThan(1e-9);
		expect(Math.abs(lossAt(-1000) - l0)).toBeLessThan(1e-9);
	});

	it.each(seeds)('binary cross-entropy with logits (seed %i)', (seed) => {
		const rng = createRng(seed);
		const tape = new Tape();
		const z = tape.variable(8, 1, randomData(rng, 8, -4, 4));
		const y = tape.constant(
			8,
			1,
			Float64Array.from({ length: 8 }, (_, i) => (i < 6 ? rng.int(2) : rng.uniform()))
		);
		const loss = tape.bceWithLogits(z, y);
		checkGradients(tape, loss, [z]);
		let direct = 0;
		for (let i = 0; i < 8; i++) {
			const p = 1 / (1 + Math.exp(-z.data[i]));
			direct -= y.data[i] * Math.log(p) + (1 - y.data[i]) * Math.log(1 - p);
		}
		expect(Math.abs(loss.data[0] - direct / 8)).toBeLessThan(1e-12);
	});

	it('binary cross-entropy stays finite and exact for large logits', () => {
		const tape = new Tape();
		const z = tape.variable(1, 4, new Float64Array([800, -800, 800, -800]));
		const y = tape.constant(1, 4, new Float64Array([1, 0, 0, 1]));
		const loss = tape.bceWithLogits(z, y);
		// Two confident right answers (loss ~ 0) and two confident wrong ones (loss ~ |z| each).
		expect(Math.abs(loss.data[0] - 1600 / 4)).toBeLessThan(1e-9);
		tape.backward(loss);
		expect(Array.from(z.grad!)).toEqual([0, 0, 0.25, -0.25]);
	});

	it.each(seeds)('mean squared error, gradient to both sides (seed %i)', (seed) => {
		const rng = createRng(seed);
		const tape = new Tape();
		const p = tape.variable(5, 2, randomData(rng, 10));
		const t = tape.variable(5, 2, randomData(rng, 10));
		checkGradients(tape, tape.mse(p, t), [p, t]);
	});

	it.each(seeds)(
		'a small network end to end: two layers, biases, penalties, shared use (seed %i)',
		(seed) => {
			const rng = createRng(seed);
			const tape = new Tape();
			const x = tape.constant(7, 3, randomData(rng, 21));
			const w1 = tape.variable(3, 5, randomData(rng, 15, -1, 1));
			const b1 = tape.variable(1, 5, randomData(rng, 5, -1, 1));
			const w2 = tape.variable(5, 4, randomData(rng, 20, -1, 1));
			const b2 = tape.variable(1, 4, randomData(rng, 4, -1, 1));
			const labels = tape.constant(
				7,
				1,
				Float64Array.from({ length: 7 }, () => rng.int(4))
			);
			const h = tape.tanh(tape.addBias(tape.matmul(x, w1), b1));
			const z = tape.addBias(tape.matmul(tape.sigmoid(h), w2), b2);
			const data = tape.softmaxCrossEntropy(z, labels);
			const loss = tape.add(tape.add(data, tape.l2Penalty(w1, 0.1)), tape.l2Penalty(w2, 0.1));
			checkGradients(tape, loss, [w1, b1, w2, b2]);
		}
	);

	it('a tensor used twice receives both contributions', () => {
		const rng = createRng(4);
		const tape = new Tape();
		const a = tape.variable(2, 3, randomData(rng, 6));
		const loss = tape.sum(tape.mul(a, a));
		tape.backward(loss);
		for (let i = 0; i < 6; i++) expect(a.grad![i]).toBeCloseTo(2 * a.data[i], 14);
		checkGradients(tape, loss, [a]);
	});
});

describe('tape replay', () => {
	it('forward after rebinding gives what a fresh tape gives, and leaf gradients accumulate', () => {
		const rng = createRng(5);
		const build = (xData: Float64Array, wData: Float64Array) => {
			const tape = new Tape();
			const x = tape.constant(4, 2, xData);
			const w = tape.variable(2, 3, wData);
			const z = tape.tanh(tape.matmul(x, w));
			return { tape, x, w, z, loss: tape.mean(z) };
		};
		const first = build(randomData(rng, 8), randomData(rng, 6));
		const x2 = randomData(rng, 8);
		const w2 = randomData(rng, 6);
		first.x.bind(x2);
		first.w.bind(w2, new Float64Array(6));
		first.tape.forward();
		const fresh = build(x2, w2);
		expect(Array.from(first.z.data)).toEqual(Array.from(fresh.z.data));
		first.tape.backward(first.loss);
		fresh.tape.backward(fresh.loss);
		expect(Array.from(first.w.grad!)).toEqual(Array.from(fresh.w.grad!));
		first.tape.backward(first.loss);
		for (let i = 0; i < 6; i++) expect(first.w.grad![i]).toBeCloseTo(2 * fresh.w.grad![i], 14);
	});

	it('forward(until) stops after the given node', () => {
		const tape = new Tape();
		const x = tape.variable(1, 2, new Float64Array([1, 2]));
		const y = tape.exp(x);
		const s = tape.sum(y);
		x.data[0] = 0;
		tape.forward(y);
		expect(y.data[0]).toBe(1);
		expect(s.data[0]).toBeCloseTo(Math.E + Math.exp(2), 12);
		tape.forward();
		expect(s.data[0]).toBeCloseTo(1 + Math.exp(2), 12);
	});
});

describe('tape errors', () => {
	it.each([
		['matmul shapes', (t: Tape) => t.matmul(t.constant(2, 3), t.constant(2, 3)), 'do not chain'],
		['add shapes', (t: Tape) => t.add(t.constant(2, 3), t.constant(3, 2)), 'add: shapes'],
		['bias shape', (t: Tape) => t.addBias(t.constant(2, 3), t.constant(1, 2)), 'bias must be [1, 3]'],
		['labels shape', (t: Tape) => t.softmaxCrossEntropy(t.constant(2, 3), t.constant(3, 1)), 'labels must'],
		[
			'label range',
			(t: Tape) => t.softmaxCrossEntropy(t.constant(1, 3), t.constant(1, 1, new Float64Array([3]))),
			'not a class'
		],
		['target gradient', (t: Tape) => t.bceWithLogits(t.variable(2, 1), t.variable(2, 1)), 'cannot carry'],
		['penalty strength', (t: Tape) => t.l2Penalty(t.variable(2, 1), -1), 'strength'],
		['non-scalar loss', (t: Tape) => t.backward(t.tanh(t.variable(2, 1))), 'must be [1, 1]'],
		[
			'foreign tensor',
			(t: Tape) => t.backward(new Tensor(1, 1, undefined, true)),
			'not produced by this tape'
		],
		['bad shape', (t: Tape) => t.constant(0, 2), 'positive integers'],
		['bad bind', (t: Tape) => t.constant(2, 2).bind(new Float64Array(3)), 'cannot bind']
	])('%s', (_name, action, message) => {
		expect(() => action(new Tape())).toThrow(TensorError);
		expect(() => action(new Tape())).toThrow(message);
	});
});
