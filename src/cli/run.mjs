// Launcher for the Node CLIs: `node src/cli/run.mjs <name> [args]` runs src/cli/<name>.ts.
// The TypeScript is bundled by esbuild (tree-shaken, code-split so mathjs loads only for typed expressions)
// into node_modules/.cache and rebuilt only when a source file is newer than the bundle, so a call costs
// a plain `node` start-up (~0.1 s) rather than a TypeScript loader walking mathjs's thousand modules (~2.5 s).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const name = process.argv[2];
const entry = join(here, `${name ?? ''}.ts`);
if (!name || !/^[a-z-]+$/.test(name) || !existsSync(entry)) {
	process.stderr.write(`run.mjs: no CLI named "${name ?? ''}" in src/cli\n`);
	process.exit(2);
}
const outdir = join(root, 'node_modules', '.cache', 'optimizer-playground-cli');
const bundle = join(outdir, `${name}.js`);

/** Newest modification time of the TypeScript sources a CLI may import (core and cli). */
function newestSource(dir) {
	let newest = 0;
	for (const item of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, item.name);
		if (item.isDirectory()) newest = Math.max(newest, newestSource(path));
		else if (item.name.endsWith('.ts') && !item.name.endsWith('.test.ts'))
			newest = Math.max(newest, statSync(path).mtimeMs);
	}
	return newest;
}

const sources = Math.max(newestSource(join(root, 'src', 'lib', 'core')), newestSource(here));
const stale = () => !existsSync(bundle) || statSync(bundle).mtimeMs < sources;
// One build at a time: concurrent first calls (a test suite) wait for the builder instead of swapping the
// cache under each other's imports. mkdir is atomic; a lock older than a minute is left from a crash.
const lock = `${outdir}.lock`;
let locked = false;
while (stale()) {
	mkdirSync(dirname(outdir), { recursive: true });
	try {
		mkdirSync(lock);
		locked = true;
		break;
	} catch {
		try {
			if (Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
		} catch {
			// The builder finished meanwhile.
		}
		await new Promise((r) => setTimeout(r, 50));
	}
}
if (locked && !stale()) rmSync(lock, { recursive: true, force: true });
else if (locked) {
	try {
		const { build } = await import('esbuild');
		// Build beside the cache and swap it in, so a concurrent call never imports half-written files.
		const staging = `${outdir}.${process.pid}`;
		const entryPoints = readdirSync(here)
			.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('-'))
			.map((f) => join(here, f));
		await build({
			entryPoints,
			outdir: staging,
			bundle: true,
			splitting: true,
			format: 'esm',
			platform: 'node',
			target: 'node20',
			logLevel: 'error'
		});
		mkdirSync(dirname(outdir), { recursive: true });
		rmSync(outdir, { recursive: true, force: true });
		try {
			renameSync(staging, outdir);
		} catch {
			// Another call swapped in its (identical) build first.
			rmSync(staging, { recursive: true, force: true });
		}
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

// The CLI reads process.argv.slice(2): drop the launcher's own <name> argument.
process.argv.splice(2, 1);
await import(pathToFileURL(bundle).href);
