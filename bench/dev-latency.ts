/**
 * `npm run bench:dev`: how long an edit to a page takes to reach the browser
 * under `npm run dev`. Starts the dev server on a free port, opens the
 * upgrade guide in headless Chromium, appends a marker sentence to the page
 * five times, and prints the time from each write until the marker is on
 * the screen (median and all runs). Restores the page afterwards. A script
 * that prints figures, not a test.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/support/browser.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const PAGE = path.join(REPO, 'content/operations/upgrading/upgrade_steps.md');
const RUNS = 5;

if (!existsSync(CHROMIUM)) {
  console.error(`bench:dev needs Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  process.exit(2);
}

const port = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => resolve(p));
  });
});
const server = spawn(path.join(REPO, 'node_modules/.bin/node'), ['src/cli/dev.ts'], {
  cwd: REPO,
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const original = readFileSync(PAGE, 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const url = `http://localhost:${port}/gloo-edge/latest/operations/upgrading/upgrade_steps/`;
  const page = await browser.newPage();
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const response = await page.goto(url);
      if (response?.ok()) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the dev server did not start within 120 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  const times: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const marker = `Dev latency marker ${run}-${Date.now()}.`;
    await new Promise((r) => setTimeout(r, 1500)); // let the previous reload settle
    const started = performance.now();
    writeFileSync(PAGE, `${original}\n${marker}\n`);
    await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: 30_000, polling: 10 });
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`edit → browser, ${RUNS} runs: ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}`);
  console.log(`median ${sorted[Math.floor(RUNS / 2)]!.toFixed(0)} ms (target < 300 ms)`);
} finally {
  writeFileSync(PAGE, original);
  await browser.close();
  server.kill();
}
