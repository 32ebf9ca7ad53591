import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		// The JSON files of vega-datasets (cars, penguins), imported lazily by the regression page; the package's
		// "exports" field does not expose its data folder.
		alias: { $vega: 'node_modules/vega-datasets/data' }
	}
};

export default config;
