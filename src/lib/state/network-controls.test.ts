import { describe, expect, it } from 'vitest';
import { parseHidden } from './network-controls';

describe('parseHidden', () => {
	it('reads widths, and no hidden layer from an empty field or 0', () => {
		expect(parseHidden('8, 8')).toEqual({ ok: true, value: [8, 8] });
		expect(parseHidden(' 4,2 ')).toEqual({ ok: true, value: [4, 2] });
		expect(parseHidden('')).toEqual({ ok: true, value: [] });
		expect(parseHidden('0')).toEqual({ ok: true, value: [] });
	});

	it('names the layer and the problem', () => {
		expect(parseHidden('8,x')).toEqual({ ok: false, message: 'layer 2: "x" is not a whole number' });
		expect(parseHidden('40')).toEqual({ ok: false, message: 'layer 1: width 40 is not in 1..32' });
		expect(parseHidden('8,,8')).toMatchObject({ ok: false, message: expect.stringContaining('layer 2') });
		expect(parseHidden('1,1,1,1,1,1,1')).toMatchObject({
			ok: false,
			message: expect.stringContaining('at most 6')
		});
		expect(parseHidden('2.5')).toMatchObject({ ok: false });
	});
});
