/**
 * Page-side figures for `npm run bench`, measured in Debian's headless Chromium on the built site (printed,
 * never asserted):
 *   - drag latency: from a pointer move on the start handle to the frame drawn after it, 6 runs x 1,000 steps
 *   - contour grid + bands: worker time and round trip as the page requests them, and the same computation
 *     at exactly 400 x 400 in Node (it is the worker's code)
 *   - the JavaScript the first page load fetches (gzip), and the lazy chunks
 */
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { computeGridSync } from '../src/lib/workers/grid-sync';
import { median, quantile } from './stats';

const PORT = 4176;
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} kB`;
}

async function waitForServer(url: string, ms: number): Promise<void> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`preview server did not start at ${url}`);
}

function firstLoadJs(): { total: number; files: string[] } {
	const html = readFileSync('build/index.html', 'utf8');
	const files = new Set<string>();
	for (const m of html.matchAll(/(?:href|src)="([^"]+\.js)"/g)) files.add(m[1]);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) files.add(m[1]);
	let total = 0;
	for (const f of files) total += gzipSync(readFileSync(join('build', f.replace(/^\.?\//, '')))).length;
	return { total, files: [...files] };
}

function chunkSizes(): { name: string; gzip: number }[] {
	const out: { name: string; gzip: number }[] = [];
	const walk = (dir: string) => {
		for (const f of readdirSync(dir)) {
			const p = join(dir, f);
			if (statSync(p).isDirectory()) walk(p);
			else if (f.endsWith('.js'))
				out.push({ name: p.replace('build/', ''), gzip: gzipSync(readFileSync(p)).length });
		}
	};
	walk('build/_app/immutable');
	return out.sort((a, b) => b.gzip - a.gzip);
}

console.log('');
console.log('Page benchmark — building the site…');
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = spawn(
	'npx',
	['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
	{
		stdio: 'ignore',
		detached: true
	}
);

try {
	await waitForServer(BASE, 30_000);
	const baseArgs = [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	];
	const runs = [
		'gd;c=0',
		'momentum;c=1',
		'adam;c=2;lr=0.05',
		'rmsprop;c=3',
		'nadam;c=4;lr=0.05',
		'newton;c=5'
	];
	const dragUrl = `${BASE}/?v=1&fn=rosenbrock&view=-2,2,-1,3&start=-1.5,2&steps=1000&it=1000&${runs.map((r) => `run=${r}`).join('&')}`;

	/** Latencies (ms) from each pointer move on the start handle to the end of the frame drawn after it. */
	async function measureDrag(extraArgs: string[]): Promise<number[]> {
		const b = await chromium.launch({ executablePath: CHROMIUM, args: [...baseArgs, ...extraArgs] });
		const p = await b.newPage({ viewport: { width: 1400, height: 900 } });
		await p.goto(dragUrl);
		const h = p.getByRole('button', { name: 'Start point', exact: true });
		await h.waitFor();
		await p.waitForTimeout(2000);
		await p.evaluate(() => {
			const w = window as unknown as { __latencies: number[] };
			w.__latencies = [];
			window.addEventListener(
				'pointermove',
				(e) => {
					const t0 = e.timeStamp;
					// rAF runs before the frame is rendered; a message posted from it runs after that frame.
					requestAnimationFrame(() => {
						const ch = new MessageChannel();
						ch.port1.onmessage = () => w.__latencies.push(performance.now() - t0);
						ch.port2.postMessage(0);
					});
				},
				{ capture: true }
			);
		});
		const box = (await h.boundingBox())!;
		const cx = box.x + box.width / 2;
		const cy = box.y + box.height / 2;
		await p.mouse.move(cx, cy);
		await p.mouse.down();
		for (let i = 1; i <= 120; i++) {
			const a = (i / 120) * 4 * Math.PI;
			await p.mouse.move(cx + 60 * Math.sin(a) + i * 0.4, cy + 40 * (1 - Math.cos(a)));
		}
		await p.mouse.up();
		await p.waitForTimeout(300);
		const lat = await p.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
		await b.close();
		return lat.slice(5);
	}

	console.log('');
	console.log('Drag: pointer move -> next frame drawn, 6 runs x 1,000 steps (target: under 16 ms):');
	for (const [name, extra] of [
		['contour, chart, table (WebGL off)', ['--disable-webgl']],
		['all panels, 3D in software WebGL', []]
	] as const) {
		const moves = await measureDrag([...extra]);
		console.log(
			`  ${name.padEnd(34)} median ${median(moves).toFixed(1)} ms, p95 ${quantile(moves, 0.95).toFixed(1)} ms, ` +
				`${moves.filter((v) => v > 16.7).length} of ${moves.length} over one frame`
		);
	}

	const browser = await chromium.launch({ executablePath: CHROMIUM, args: baseArgs });
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	await page.goto(dragUrl);
	await page.getByRole('button', { name: 'Start point', exact: true }).waitFor();

	// --- contour grid + bands in the worker, as the page requests them ---
	const plot = page.getByTestId('contour-plot');
	const worker: number[] = [];
	const round: number[] = [];
	let size = '';
	for (const fn of [
		'himmelblau',
		'beale',
		'goldstein-price',
		'rastrigin',
		'ackley',
		'levi',
		'rosenbrock',
		'easom'
	]) {
		const previous = await plot.getAttribute('data-grid-roundtrip-ms');
		await page.getByRole('combobox', { name: 'Function', exact: true }).selectOption(fn);
		await page.waitForFunction(
			(prev) =>
				document.querySelector('[data-testid="contour-plot"]')?.getAttribute('data-grid-roundtrip-ms') !==
				prev,
			previous
		);
		await page.waitForTimeout(150);
		worker.push(Number(await plot.getAttribute('data-grid-worker-ms')));
		round.push(Number(await plot.getAttribute('data-grid-roundtrip-ms')));
		size = (await plot.getAttribute('data-grid-size')) ?? '';
	}
	console.log('');
	console.log(`Contour grid + bands in the page's worker (${size} samples, 24 levels, 8 functions):`);
	console.log(
		`  worker median ${median(worker).toFixed(1)} ms (max ${Math.max(...worker).toFixed(1)}), ` +
			`request -> drawn median ${median(round).toFixed(1)} ms  (target: under 50 ms, off the main thread)`
	);
	const node: number[] = [];
	for (let i = 0; i < 25; i++) {
		const r = computeGridSync({
			id: i,
			source: { kind: 'builtin', id: i % 2 ? 'rosenbrock' : 'himmelblau' },
			box: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
			nx: 400,
			ny: 400,
			levels: 24
		});
		if ('ms' in r) node.push(r.ms);
	}
	console.log(`  same code at exactly 400 x 400 in Node: median ${median(node.slice(5)).toFixed(1)} ms`);

	// --- export: a 10-second 720p clip at 30 fps (301 frames), as MP4 and as GIF ---
	console.log('');
	console.log('Export of a 10 s clip, 1280 x 720 at 30 fps (301 frames, contour view, 4 runs):');
	const clip = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
	await clip.goto(
		`${BASE}/?v=1&fn=rosenbrock&view=-2,2,-1,3&start=-1.5,2&steps=300&it=300&run=gd;c=0&run=momentum;c=1&run=adam;c=2;lr=0.1&run=newton;c=3`
	);
	await clip.locator('.bands path').first().waitFor({ state: 'attached' });
	const cdp = await clip.context().newCDPSession(clip);
	await cdp.send('Performance.enable');
	for (const [format, target] of [
		['MP4', 'faster than real time (< 10 s)'],
		['GIF', '< 15 s']
	] as const) {
		await clip.getByRole('button', { name: 'Export', exact: true }).click();
		const dialog = clip.getByRole('dialog', { name: 'Export' });
		await dialog.getByLabel('Size').selectOption('720p');
		await dialog.getByLabel('Frames per second').fill('30');
		await dialog.getByLabel('Every k-th step').fill('1');
		await dialog.getByLabel('Hold last frame (s)').fill('0');
		let peak = 0;
		let sampling = true;
		const sampler = (async () => {
			while (sampling) {
				const { metrics } = await cdp.send('Performance.getMetrics');
				const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
				peak = Math.max(peak, heap);
				await new Promise((r) => setTimeout(r, 100));
			}
		})();
		const t0 = performance.now();
		const pending = clip.waitForEvent('download', { timeout: 300_000 });
		await dialog.getByRole('button', { name: format, exact: true }).click();
		const d = await pending;
		const seconds = (performance.now() - t0) / 1000;
		sampling = false;
		await sampler;
		const size = statSync(await d.path()).size;
		console.log(
			`  ${format.padEnd(4)} ${seconds.toFixed(1)} s (target ${target}), file ${(size / 1e6).toFixed(1)} MB, ` +
				`peak JS heap ${(peak / 1e6).toFixed(0)} MB`
		);
		await dialog.getByRole('button', { name: 'Close export' }).click();
	}

	// --- network training in the worker while the page animates ---
	// TensorFlow Playground's defaults: circles, 500 points (half for testing), 2-4-2-1 tanh, batch 10, gradient
	// descent with lr 0.03. Epochs per second come from the epoch counter; frame gaps from requestAnimationFrame.
	console.log('');
	// Then three classes (three spirals, 2-16-16-3 tanh): the worker sends three probabilities per cell and the
	// page draws three margins' boundaries.
	console.log('Network training in the worker (GD lr 0.03, batch 10), 6 s of training:');
	const setups = [
		{ label: 'circles 4-2, one run (GD)          ', query: '', race: false },
		{ label: 'circles 4-2, race of 2 (GD, Adam)  ', query: '', race: true },
		{ label: 'three spirals 16-16 (3 classes), GD', query: '?v=1&data=spiral3&hidden=16,16', race: false }
	];
	for (const { label, query, race } of setups) {
		const nn = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
		await nn.goto(`${BASE}/network${query}`);
		await nn.getByTestId('boundary-plot').locator('circle').first().waitFor({ state: 'attached' });
		const epochs = nn.getByLabel('epochs epochs');
		await epochs.fill('1000000');
		await epochs.press('Enter');
		if (race) {
			await nn.getByRole('combobox', { name: 'Optimizer to add' }).selectOption('adam');
			await nn.getByRole('button', { name: 'Add run' }).click();
			await nn.getByRole('checkbox', { name: /Race/ }).check();
		}
		await nn.waitForTimeout(500);
		const count = async () => Number(await nn.getByTestId('epoch').locator('strong').innerText());
		// A string, not a function: tsx would wrap a named function in a helper the page does not have.
		await nn.evaluate(`(() => {
			window.__gaps = [];
			let last = performance.now();
			const tick = (t) => {
				window.__gaps.push(t - last);
				last = t;
				if (window.__gaps.length < 100000) requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		})()`);
		await nn.getByRole('button', { name: 'Train', exact: true }).click();
		await nn.waitForTimeout(1000);
		const e0 = await count();
		const t0 = performance.now();
		await nn.evaluate('window.__gaps = []');
		await nn.waitForTimeout(5000);
		const e1 = await count();
		const seconds = (performance.now() - t0) / 1000;
		const gaps = (await nn.evaluate(() => (window as unknown as { __gaps: number[] }).__gaps)).sort(
			(a, b) => a - b
		);
		const q = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor(p * (gaps.length - 1)))];
		console.log(
			`  ${label}  ${((e1 - e0) / seconds).toFixed(0)} epochs/s ` +
				`(target >= 600); page frames: median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms ` +
				`(${(1000 / q(0.5)).toFixed(0)} fps)`
		);
		await nn.close();
	}
	await browser.close();

	// --- JavaScript on first load ---
	const first = firstLoadJs();
	const chunks = chunkSizes();
	console.log('');
	console.log(
		`JavaScript the first page load fetches: ${kb(first.total)} gzip in ${first.files.length} files`
	);
	console.log('  largest chunks (gzip), loaded lazily unless listed above:');
	for (const c of chunks.slice(0, 5)) {
		const eager = first.files.some((f) => c.name.endsWith(f.replace(/^\.?\//, '').replace('_app/', '')));
		console.log(`    ${kb(c.gzip).padStart(9)}  ${c.name}${eager ? '  (first load)' : ''}`);
	}
} finally {
	if (server.pid) process.kill(-server.pid);
}
