// Shared by the browser benchmarks: build the site (unless ESX_BENCH_NO_BUILD is set), serve it
// with `vite preview` on 127.0.0.1, and find the Chromium to drive.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Builds and serves the site on `port`; resolves with its URL once it answers. */
export async function serveSite(port) {
  // ESX_BENCH_OUTDIR: build elsewhere than dist/, so two benchmarks can run side by side
  const outDir = process.env.ESX_BENCH_OUTDIR ?? 'dist';
  if (!process.env.ESX_BENCH_NO_BUILD) {
    const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], {
      stdio: 'inherit',
    });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      outDir,
    ],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  process.on('exit', () => {
    try {
      process.kill(-server.pid);
    } catch {
      /* already gone */
    }
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return url;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

/** Debian's Chromium when present, else Playwright's own. */
export const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) =>
  existsSync(p),
);
