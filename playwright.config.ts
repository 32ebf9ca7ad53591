import { defineConfig } from '@playwright/test';

/** End-to-end tests drive Debian's Chromium (never a downloaded browser) against `vite preview` of the built site. */
export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 30_000,
	retries: 0,
	workers: 1,
	reporter: [['list']],
	webServer: {
		command: 'npm run preview -- --host 127.0.0.1',
		url: 'http://127.0.0.1:4173',
		reuseExistingServer: false,
		timeout: 60_000
	},
	use: {
		baseURL: 'http://127.0.0.1:4173',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	}
});
