// UI latency benchmark (not a test): main-thread time from submitting an op in the Command field
// to the rendered update, for trees of 100, 1,000 and 10,000 extents. Builds the site, serves it
// with `vite preview`, drives Chromium with Playwright and reads the renderer's main-thread tasks
// from a Chrome trace, so the figure includes message decoding, React, style, layout and paint.
//
//   npm run bench:ui              # all sizes
//   npm run bench:ui -- 1000      # one size
//   ESX_BENCH_BREAKDOWN=1 ...     # also print where each op's main-thread time went
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { executablePath, serveSite } from './serve.mjs';

const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
const sizes = SIZES.length ? SIZES : [100, 1000, 10000];
const ROUNDS = 12;
const PORT = 4178;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
};

/**
 * The renderer main thread's top-level tasks between the two user-timing marks: `main` is the
 * union of their clock intervals; `cpu` is their thread time (each task's share inside the
 * window), which leaves out time the thread waited for a core, so it holds on a busy machine.
 */
function mainThreadMs(traceJson) {
  const events = JSON.parse(traceJson).traceEvents;
  const main = events.find(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((m) => m.pid === e.pid && m.tid === e.tid && m.name === 'esx-bench-start'),
  );
  if (!main) throw new Error('no renderer main thread with the bench marks in the trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const start = onMain.find((e) => e.name === 'esx-bench-start').ts;
  const end = onMain.find((e) => e.name === 'esx-bench-painted').ts;
  const tops = onMain.filter(
    (e) =>
      e.ph === 'X' && String(e.cat).includes('toplevel') && e.ts + e.dur >= start && e.ts <= end,
  );
  let cpuUs = 0;
  for (const e of tops) {
    const inside = Math.min(e.ts + e.dur, end) - Math.max(e.ts, start);
    if (e.dur > 0 && e.tdur !== undefined) cpuUs += (e.tdur * inside) / e.dur;
  }
  // Union of the top-level task intervals (tasks nest, so summing durations would count twice).
  const spans = tops
    .map((e) => [Math.max(e.ts, start), Math.min(e.ts + e.dur, end)])
    .sort((a, b) => a[0] - b[0]);
  let us = 0;
  let cur = null;
  for (const [a, b] of spans) {
    if (cur && a <= cur[1]) cur[1] = Math.max(cur[1], b);
    else {
      if (cur) us += cur[1] - cur[0];
      cur = [a, b];
    }
  }
  if (cur) us += cur[1] - cur[0];
  if (process.env.ESX_BENCH_BREAKDOWN) {
    const by = new Map();
    for (const e of onMain) {
      if (e.ph !== 'X' || e.ts < start || e.ts > end) continue;
      by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
    }
    console.log(
      [...by]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 14)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(' | '),
    );
  }
  return { main: us / 1000, cpu: cpuUs / 1000 };
}

async function measure(browser, url, n) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(url);
  await page.getByText('Engine ready in a worker').waitFor();
  const cmd = page.getByLabel('Command', { exact: true });
  const ops = () => page.evaluate(() => window.__esx.state().ops.length);

  // n written extents with gaps between them, so none merge; pasted 1,000 lines at a time.
  for (let from = 0; from < n; from += 1000) {
    const upto = Math.min(n, from + 1000);
    const lines = [];
    for (let i = from; i < upto; i++) lines.push(`insert 1 ${i * 4} 2 ${i * 100} W`);
    await cmd.fill(lines.join('\n'));
    await cmd.press('Enter');
    await page.waitForFunction((want) => window.__esx.perf.committedCursor === want, upto, {
      timeout: 120_000,
    });
  }
  await page.waitForTimeout(800);
  // The measured window opens in the page's own keydown handling, so Playwright's work to find
  // and focus the field is not counted.
  await page.evaluate(() =>
    document.getElementById('op-command').addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Enter') performance.mark('esx-bench-start');
      },
      { capture: true },
    ),
  );

  const wall = [];
  const main = [];
  const cpu = [];
  const worker = [];
  const react = [];
  for (let r = 0; r < ROUNDS + 2; r++) {
    // Alternately insert a delayed block into a gap and remove it again: the tree changes shape
    // (one node more or less, rebalancing, every node to its right moves) but keeps its size.
    const at = Math.floor(((r * 7919) % n) / 2) * 4 + 2;
    const op = r % 2 === 0 ? `insert 1 ${at} 1 D` : `remove 1 ${at} 1`;
    await cmd.fill(op);
    await page.waitForTimeout(500); // let the previous op's glide finish
    const before = await ops();
    await cmd.focus();
    const detail = process.env.ESX_BENCH_BREAKDOWN
      ? ['devtools.timeline', 'disabled-by-default-devtools.timeline']
      : [];
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', ...detail] });
    await page.keyboard.press('Enter');
    const t = await page.evaluate(
      (want) =>
        new Promise((resolve) => {
          const check = () => {
            const p = window.__esx.perf;
            // Poll once per frame (a busy loop would itself be main-thread time). When the commit
            // is seen in a frame callback, that frame paints it; the MessageChannel task runs
            // after its style, layout and paint.
            if (p.committedCursor !== want) return void requestAnimationFrame(check);
            const ch = new MessageChannel();
            ch.port1.onmessage = () => {
              performance.mark('esx-bench-painted');
              resolve({
                wall: performance.now() - p.submitAt,
                worker: p.replyAt - p.submitAt,
                react: p.commitAt - p.replyAt,
              });
            };
            ch.port2.postMessage(0);
          };
          check();
        }),
      before + 1,
    );
    const trace = await browser.stopTracing();
    if (r < 2) continue; // warm-up
    wall.push(t.wall);
    const m = mainThreadMs(trace.toString());
    main.push(m.main);
    cpu.push(m.cpu);
    worker.push(t.worker);
    react.push(t.react);
  }
  await page.close();
  return { n, wall, main, cpu, worker, react };
}

{
  const url = await serveSite(PORT);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  console.log(
    `esx UI latency: one op (insert or remove of a block) on a tree of N extents, ${ROUNDS} rounds each`,
  );
  console.log(
    'main = renderer main-thread task time from Enter to the painted frame; cpu = the same tasks in thread time;',
  );
  console.log('wall = clock time, worker included');
  // Other work on the machine stretches main and wall (the thread waits for a core), not cpu.
  console.log(`load average at start: ${loadavg()[0].toFixed(2)}`);
  for (const n of sizes) {
    const { main, cpu, wall, worker, react } = await measure(browser, url, n);
    console.log(
      `N=${String(n).padStart(6)}  main median ${median(main).toFixed(1)} ms  p90 ${pct(main, 0.9).toFixed(1)} ms` +
        `   cpu median ${median(cpu).toFixed(1)} ms  p90 ${pct(cpu, 0.9).toFixed(1)} ms` +
        `   wall median ${median(wall).toFixed(1)} ms  p90 ${pct(wall, 0.9).toFixed(1)} ms` +
        `   (worker round trip ${median(worker).toFixed(1)} ms, store + React commit ${median(react).toFixed(1)} ms)`,
    );
  }
  await browser.close();
  process.exit(0);
}
