import { describe, expect, it, vi } from 'vitest';
import { pageShortcuts } from './page-keys';

function keydown(key: string, init: { ctrlKey?: boolean; defaultPrevented?: boolean } = {}) {
	const event = {
		key,
		target: null,
		ctrlKey: init.ctrlKey ?? false,
		metaKey: false,
		altKey: false,
		defaultPrevented: init.defaultPrevented ?? false,
		preventDefault: vi.fn()
	};
	return event as typeof event & KeyboardEvent;
}

describe('pageShortcuts', () => {
	it("runs the key's action and takes the key", () => {
		const play = vi.fn();
		const e = keydown(' ');
		pageShortcuts({ ' ': play })(e);
		expect(play).toHaveBeenCalledOnce();
		expect(e.preventDefault).toHaveBeenCalledOnce();
	});

	it('leaves other keys, keys with a modifier and keys already handled alone', () => {
		const play = vi.fn();
		const onKey = pageShortcuts({ ' ': play });
		for (const e of [
			keydown('x'),
			keydown('toString'),
			keydown(' ', { ctrlKey: true }),
			keydown(' ', { defaultPrevented: true })
		]) {
			onKey(e);
			expect(e.preventDefault).not.toHaveBeenCalled();
		}
		expect(play).not.toHaveBeenCalled();
	});
});
