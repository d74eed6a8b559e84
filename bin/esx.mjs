#!/usr/bin/env node
// Launcher for the `esx` command: bundles src/cli/main.ts (and the engine it imports) with
// esbuild into .cache/esx-cli.mjs when any source is newer, then runs it. Bundling takes
// ~50 ms and happens only after a change, so a run starts as fast as plain Node.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.cache', 'esx-cli.mjs');

function newestSource(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const stale =
  !existsSync(out) ||
  statSync(out).mtimeMs <
    Math.max(...['core', 'cli', 'trace'].map((d) => newestSource(join(root, 'src', d))));
if (stale) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
}
await import(pathToFileURL(out).href);
