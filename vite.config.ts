import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// ES module workers can code-split: mathjs then loads inside the grid worker only for typed expressions.
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
		environment: 'node'
	},
	preview: { port: 4173, strictPort: true }
});
