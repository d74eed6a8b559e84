// Trace import benchmark (not a test): how long the browser takes to import a 1,000,000-line
// kernel trace, from picking the file to the report shown. The trace is the real 6.1 capture in
// test/traces/ repeated until it has a million lines. Builds the site, serves it with
// `vite preview` and drives Chromium with Playwright.
//
//   npm run bench:import               # 1,000,000 lines
//   npm run bench:import -- 200000     # another size
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { executablePath, serveSite } from './serve.mjs';

const LINES = Number(process.argv[2]) || 1_000_000;
const PORT = 4179;

const real = gunzipSync(readFileSync('test/traces/trace-6.1-compact-annotated.txt.gz'))
  .toString('utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'));
const out = [];
while (out.length < LINES) out.push(...real.slice(0, LINES - out.length));
const file = join(mkdtempSync(join(tmpdir(), 'esx-import-')), 'trace.txt');
writeFileSync(file, out.join('\n') + '\n');

const url = await serveSite(PORT);

const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto(url);
await page.getByRole('note', { name: 'Engine status' }).filter({ hasText: 'ready' }).waitFor();
await page.getByRole('tab', { name: 'Import' }).click();
const t0 = Date.now();
await page.getByLabel('Open trace file').setInputFiles(file);
await page
  .getByRole('status', { name: 'Result' })
  .filter({ hasText: 'Imported' })
  .waitFor({ timeout: 300_000 });
const ms = Date.now() - t0;
const result = await page.getByRole('status', { name: 'Result' }).textContent();
console.log(
  `trace import in Chromium: ${LINES.toLocaleString('en')} lines (${(readFileSync(file).length / 1048576).toFixed(0)} MB) in ${(ms / 1000).toFixed(2)} s`,
);
console.log(`  ${result?.trim()}`);
await browser.close();
process.exit(0);
