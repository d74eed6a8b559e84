// UI scale benchmark (not a test): builds big trees in the browser through a workload, then
// measures what a person feels. Headless Chromium on this machine renders in software; the
// figures are what it gives.
//
//   1. Pan and zoom on a tree of about 100,000 extents: the interval between animation frames
//      while wheel zooms and drags arrive one per frame (p50, p95, max), and the main-thread work
//      each input costs (event, React, canvas drawing).
//   2. An op and a step on a tree of about 1,000,000 extents: clock time from the request to the
//      painted frame (an insert through Command; step back into it, step forward, step over).
//   3. Memory: the page's JS heap (the worker's engine memory is measured by `npm run bench`).
//
//   npm run bench:ui:scale            # both sizes
//   ESX_SCALE_BIG=300000 ...          # a smaller "big" tree
//   ESX_BENCH_PORT=4290 ...           # another port than 4179
import { chromium } from '@playwright/test';
import { executablePath, serveSite } from './serve.mjs';

// ESX_BENCH_PORT: serve elsewhere, so two runs (or two worktrees) can go side by side
const PORT = Number(process.env.ESX_BENCH_PORT ?? 4179);
const FRAMES = 240;
const BIG = Number(process.env.ESX_SCALE_BIG ?? 1_000_000);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
};
const fmt = (x) => x.toFixed(1);

/** Runs the fallocate-then-convert workload: each write splits an unwritten extent. */
async function build(page, ops, fileSize) {
  const t0 = Date.now();
  await page.evaluate(
    async ([maxOps, size]) => {
      await window.__esx.state().runWorkload({
        kind: 'fallocate-convert',
        files: 1,
        firstIno: 1,
        fileSize: size,
        maxOps,
        seed: 1,
        shrinkEvery: 0,
        shrinkNr: 16,
      });
    },
    [ops, fileSize],
  );
  const extents = await page.evaluate(() => window.__esx.state().snapshot.detail.count);
  return { extents, ms: Date.now() - t0 };
}

/** Frame intervals while one synthetic input arrives per frame. */
async function frames(page, kind) {
  return page.evaluate(
    ([n, how]) =>
      new Promise((resolve) => {
        const canvas = document.querySelector('.big-tree-canvas');
        const r = canvas.getBoundingClientRect();
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        const gaps = [];
        const work = [];
        let last = 0;
        let i = 0;
        if (how === 'pan')
          canvas.dispatchEvent(
            new MouseEvent('mousedown', { clientX: cx, clientY: cy, bubbles: true, view: window }),
          );
        const tick = (now) => {
          if (last) gaps.push(now - last);
          last = now;
          if (i++ >= n) {
            if (how === 'pan')
              window.dispatchEvent(
                new MouseEvent('mouseup', { clientX: cx, clientY: cy, view: window }),
              );
            resolve({ gaps, work });
            return;
          }
          const t0 = performance.now();
          if (how === 'zoom') {
            // in for half the frames, then out again, around a point off the centre
            const deltaY = i <= n / 2 ? -60 : 60;
            canvas.dispatchEvent(
              new WheelEvent('wheel', {
                deltaY,
                clientX: cx - 90,
                clientY: cy,
                bubbles: true,
                cancelable: true,
              }),
            );
          } else {
            const dx = 6 * Math.sin((i / n) * Math.PI * 4) * 10;
            window.dispatchEvent(
              new MouseEvent('mousemove', {
                clientX: cx + dx,
                clientY: cy + (i % 7),
                bubbles: true,
                view: window,
              }),
            );
          }
          // React renders (and the canvas draws) in a task queued by the event; a message posted
          // now runs after it: the main-thread work this input cost
          const ch = new MessageChannel();
          ch.port1.onmessage = () => work.push(performance.now() - t0);
          ch.port2.postMessage(0);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    [FRAMES, kind],
  );
}

/** Clock time from calling `action` in the page to the frame painted after its reply. */
async function timed(page, action) {
  return page.evaluate(async (what) => {
    const s = window.__esx.state();
    const t0 = performance.now();
    if (what.startsWith('run ')) {
      const line = what.slice(4);
      const [ino, lblk, len, pblk, st] = line.split(' ');
      await s.run([{ op: 'insert', ino: +ino, lblk: +lblk, len: +len, pblk: +pblk, status: st }]);
      // the op must have run: a refused one would measure nothing
      const r = window.__esx.state().results.at(-1);
      if (!r || 'err' in r) throw new Error(`the benchmark's insert failed: ${JSON.stringify(r)}`);
    } else await s.move(what);
    await new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = resolve;
        ch.port2.postMessage(0);
      }),
    );
    return performance.now() - t0;
  }, action);
}

async function heapMb(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1e6;
}

{
  const url = await serveSite(PORT);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.getByText('Engine ready in a worker').waitFor();
  console.log('esx UI scale benchmark (headless Chromium, software rendering)');

  // 1. pan and zoom at about 100,000 extents
  const mid = await build(page, 140_000, 4_000_000);
  await page.waitForTimeout(1000);
  for (const kind of ['zoom', 'pan']) {
    await page.evaluate(() => document.querySelector('.big-tree-canvas').focus());
    await page.keyboard.press('0');
    await page.waitForTimeout(400);
    const { gaps, work } = await frames(page, kind);
    console.log(
      `${kind.padEnd(4)} on ${mid.extents.toLocaleString('en-US')} extents: frame interval p50 ${fmt(pct(gaps, 0.5))} ms, p95 ${fmt(pct(gaps, 0.95))} ms, max ${fmt(Math.max(...gaps))} ms;` +
        ` main-thread work per frame p50 ${fmt(pct(work, 0.5))} ms, p95 ${fmt(pct(work, 0.95))} ms (${gaps.length} frames)`,
    );
  }
  console.log(
    `page JS heap with ${mid.extents.toLocaleString('en-US')} extents: ${fmt(await heapMb(page))} MB`,
  );

  // 2. an op and steps at about 1,000,000 extents
  await page.evaluate(() => window.__esx.state().newSession(1));
  await page.waitForTimeout(500);
  const big = await build(page, Math.round(BIG * 1.25), 16_000_000);
  console.log(
    `built ${big.extents.toLocaleString('en-US')} extents with ${Math.round(BIG * 1.25).toLocaleString('en-US')} ops in ${(big.ms / 1000).toFixed(1)} s`,
  );
  await page.waitForTimeout(1500);
  const rounds = { op: [], back: [], fwd: [], over: [] };
  for (let r = 0; r < 8; r++) {
    const at = 16_100_000 + r * 10;
    rounds.op.push(await timed(page, `run 1 ${at} 1 ${at} W`));
    rounds.back.push(await timed(page, 'prev'));
    rounds.back.push(await timed(page, 'prev'));
    rounds.fwd.push(await timed(page, 'next'));
    rounds.over.push(await timed(page, 'end'));
  }
  const line = (name, xs) =>
    `${name}: median ${fmt(pct(xs, 0.5))} ms, p95 ${fmt(pct(xs, 0.95))} ms, max ${fmt(Math.max(...xs))} ms`;
  const n = big.extents.toLocaleString('en-US');
  console.log(`on ${n} extents, clock time from request to painted frame:`);
  console.log('  ' + line('insert (Command)      ', rounds.op));
  console.log('  ' + line('step back (into the op)', rounds.back));
  console.log('  ' + line('step forward          ', rounds.fwd));
  console.log('  ' + line('to the end           ', rounds.over));
  console.log(`page JS heap with ${n} extents and their op log: ${fmt(await heapMb(page))} MB`);
  await browser.close();
  process.exit(0);
}
