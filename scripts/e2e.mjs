// Runs the Playwright specs in real Chromium: Debian's /usr/bin/chromium when present, otherwise
// Playwright's own build, installed on first use. Where neither can be had it stops with one
// clear message instead of a stack trace.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => existsSync(p));
if (!system) {
  let ok = false;
  try {
    const { chromium } = await import('@playwright/test');
    ok = existsSync(chromium.executablePath());
  } catch {
    ok = false;
  }
  if (!ok) {
    const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'ignore' });
    if (r.status !== 0) {
      console.error(
        'esx e2e: no Chromium to test in. Install one: `apt-get install -y chromium` (Debian/Ubuntu), ' +
          'or let Playwright download its own with `npx playwright install chromium`.',
      );
      process.exit(1);
    }
  }
}
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
