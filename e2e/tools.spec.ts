import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Tools, replayLast, violations } from './tools.ts';

// Three inodes with delayed and written extents; the lookup moves inode 1 to the LRU tail.
const SETUP = [
  'insert 1 0 4 100 W',
  'insert 1 8 4 D',
  'insert 2 0 6 D',
  'insert 3 0 8 200 W',
  'insert 3 10 2 300 W',
  'insert 3 20 4 D',
  'lookup 1 0',
];

test.beforeEach(async ({ page }) => {
  await new Tools(page).open();
});

test('a shrinker sweep over three inodes ends with the LRU and tables the engine gives', async ({
  page,
}) => {
  const app = new Tools(page);
  await app.command(SETUP.join('\n'));
  expect(await app.lruOrder()).toEqual([2, 3, 1]);

  const panel = await app.tab('Shrinker');
  await panel.getByLabel('nr_to_scan', { exact: true }).fill('2');
  await panel.getByRole('button', { name: 'Shrink by nr_to_scan' }).click();
  await expect.poll(() => app.opCount()).toBe(8);

  // By the kernel rules: from the head, inode 2 (lru_nr 0) is scanned and skipped; inode 3 gives
  // up its two written extents, which uses up nr_to_scan; inode 1 is never visited, so the
  // scanned inodes [2, 3] are spliced behind it. Only inode 1's written extent stays reclaimable.
  await expect(app.counter('Reclaimable before')).toHaveText('3');
  await expect(app.counter('Reclaimable after')).toHaveText('1');
  await expect(app.counter('Reclaimed')).toHaveText('2');
  await expect(app.counter('Skipped inodes')).toHaveText('1');
  await expect(app.counter('Inodes scanned')).toHaveText('2');
  await expect(app.counter('Engine returned')).toHaveText('ret 1, shrunk 2');
  const expected = {
    lru: [1, 2, 3],
    rows: {
      1: [
        [0, 4, 'W', 100],
        [8, 4, 'D', null],
      ],
      2: [[0, 6, 'D', null]],
      3: [[20, 4, 'D', null]],
    },
  };
  // ... and the headless engine agrees.
  const cli = replayLast(4, [...SETUP, 'shrink 2']);
  expect(cli.ret).toBe(1);
  expect(cli.shrunk).toBe(2);
  expect(cli.state.lru).toEqual(expected.lru);
  for (const ino of [1, 2, 3] as const)
    expect(cli.state.inodes[ino - 1]!.extents).toEqual(expected.rows[ino]);

  await expect.poll(() => app.lruOrder()).toEqual(expected.lru);
  for (const ino of [1, 2, 3] as const) {
    await app.selectInode(ino);
    expect(await app.rows(ino)).toEqual(expected.rows[ino]);
  }

  // An op after the shrink: "Play the sweep" still finds the shrink, plays it and stops after it.
  await app.command('lookup 2 0');
  expect(await app.lruOrder()).toEqual([1, 3, 2]);
  await app.tab('Shrinker');
  await panel.getByRole('button', { name: /Play the sweep/ }).click();
  // While it plays, the scanned list stands apart from the LRU, inode 2 first.
  await expect(app.scanned()).toBeVisible();
  await expect(app.scanned().getByRole('button').first()).toContainText('inode 2');
  // ... and it stops at the end of the shrink: the LRU the shrink left, not the lookup's.
  await expect(app.scanned()).toHaveCount(0, { timeout: 20_000 });
  await expect.poll(() => app.lruOrder(), { timeout: 10_000 }).toEqual(expected.lru);
  await expect(app.counter('Reclaimed')).toHaveText('2');

  // One step back from the end of the sweep: before the splice, [2, 3] wait on the scanned list,
  // the shrinker is at inode 3, inode 1 alone on the LRU, inode 3's delayed extent still there.
  await page.getByRole('button', { name: 'Step back', exact: true }).click();
  await expect(app.scanned()).toBeVisible();
  expect(await app.scannedOrder()).toEqual([2, 3]);
  await expect(app.scanned().getByRole('button', { name: /^inode 3/ })).toContainText(
    'shrinker here',
  );
  expect(await app.lruOrder()).toEqual([1]);
  await expect(app.counter('Reclaimed')).toHaveText('2 of 2');
  await app.selectInode(3);
  expect(await app.rows(3)).toEqual(expected.rows[3]);
});

test('Count asks for the reclaimable count without scanning; a bad nr_to_scan is flagged', async ({
  page,
}) => {
  const app = new Tools(page);
  await app.command(SETUP.join('\n'));
  const panel = await app.tab('Shrinker');
  await panel.getByRole('button', { name: 'Count', exact: true }).click();
  await expect.poll(() => app.opCount()).toBe(8);
  await expect(app.counter('Reclaimable before')).toHaveText('3');
  await expect(app.counter('Reclaimed')).toHaveText('0');
  expect(await app.lruOrder()).toEqual([2, 3, 1]);

  const nr = panel.getByLabel('nr_to_scan', { exact: true });
  await nr.fill('lots');
  await panel.getByRole('button', { name: 'Shrink by nr_to_scan' }).click();
  await expect(nr).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByText('Not a whole number')).toBeVisible();
  await expect(nr).toBeFocused();
  expect(await app.opCount()).toBe(8);
});

test('the statistics panel shows the counts, and its chart seeks', async ({ page }) => {
  const app = new Tools(page);
  await app.command(SETUP.join('\n'));
  await app.selectInode(3);
  await app.tab('Statistics');
  await expect(app.statusCount('W')).toHaveText('2');
  await expect(app.statusCount('D')).toHaveText('1');
  await expect(app.statusCount('U')).toHaveText('0');
  // 3 extents: height 2 against 2·log2(4) = 4
  await expect(app.stat('Tree height')).toContainText('2 of at most 4.00');
  // lookup 1 0: inode 1's cache_es is [8/4), so the lookup walks the tree
  await expect(app.stat('cache_es hits')).toContainText('0% 0 of 1 lookup');
  await expect(app.stat('Reclaimable now')).toContainText('3 of 6 extents');
  await expect(app.chart()).toBeVisible();
  await expect(page.getByTestId('reclaim-summary')).toHaveText(
    'Reclaimable extents after each of 7 ops: peak 3 after op 5, 3 at the end.',
  );

  // Click the chart's left edge: the state after op 1.
  const box = (await app.chart().boundingBox())!;
  await app.chart().click({ position: { x: 2, y: box.height / 2 } });
  await expect(page.getByTestId('reclaim-cursor')).toHaveText('Cursor after op 1 of 7.');
  await expect(app.stat('Reclaimable now')).toContainText('1 of 1 extent');
  // Keyboard: → steps one op, End goes to the end.
  await app.chart().press('ArrowRight');
  await expect(page.getByTestId('reclaim-cursor')).toHaveText('Cursor after op 2 of 7.');
  await app.chart().press('End');
  await expect(page.getByTestId('reclaim-cursor')).toHaveText('Cursor after op 7 of 7.');
  await expect(app.stat('Reclaimable now')).toContainText('3 of 6');
});

test('a workload shows progress and can be cancelled; a finished one can be stepped through', async ({
  page,
}) => {
  const app = new Tools(page);
  await app.runWorkload('Many files under memory pressure', {
    Files: '8',
    'File size': '4096',
    'Op count': '1000000',
    'Shrink every': '50',
  });
  const bar = app.panel('Workloads').getByRole('progressbar', { name: 'Workload progress' });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  expect(Number(await bar.getAttribute('aria-valuemax'))).toBeGreaterThanOrEqual(1_000_000);
  await app.panel('Workloads').getByRole('button', { name: 'Cancel' }).click();
  await expect(app.result).toContainText('Workload cancelled: no op was added.');
  await expect(bar).toHaveCount(0);
  expect(await app.opCount()).toBe(0);

  // A bad field is flagged inline and nothing runs.
  const panel = app.panel('Workloads');
  await panel.getByLabel('Seed', { exact: true }).fill('4294967296');
  await expect(panel.getByText('Seed must be a 32-bit unsigned integer.')).toBeVisible();
  await panel.getByLabel('Seed', { exact: true }).fill('7');
  await expect(panel.getByText('Seed must be')).toHaveCount(0);

  // Two files of 8 blocks, written with delayed allocation then written back: per file 8 ×
  // (lookup, insert one delayed block), a find_delayed and the writeback: 36 ops.
  await app.runWorkload('Sequential buffered write, then writeback', {
    Files: '2',
    'File size': '8',
    'Op count': '1000',
    'Shrink every': '0',
  });
  await expect(app.result).toContainText('Workload added 36 ops.');
  expect(await app.opCount()).toBe(36);
  expect(await app.rows(1)).toEqual([[0, 8, 'W', 1_000_000 + 16_777_216]]);

  // Step through the ops it added, on the reclaimable chart.
  await app.tab('Statistics');
  await app.chart().press('Home');
  await expect(page.getByTestId('reclaim-cursor')).toHaveText('Cursor before the first op.');
  await expect(app.table(1).locator('tbody tr')).toHaveCount(0);
  await app.chart().press('ArrowRight');
  await app.chart().press('ArrowRight');
  await expect(page.getByTestId('reclaim-cursor')).toHaveText('Cursor after op 2 of 36.');
  expect(await app.rows(1)).toEqual([[0, 1, 'D', null]]);
  await app.chart().press('ArrowRight');
  await app.chart().press('ArrowRight');
  await expect(page.getByTestId('reclaim-cursor')).toHaveText('Cursor after op 4 of 36.');
  expect(await app.rows(1)).toEqual([[0, 2, 'D', null]]); // the second block merged
  // ... and on the timeline's buttons.
  await page.getByRole('button', { name: 'Previous op', exact: true }).click();
  await expect(page.getByTestId('reclaim-cursor')).toHaveText('Cursor after op 3 of 36.');
  expect(await app.rows(1)).toEqual([[0, 1, 'D', null]]);
});

test('dropping a real trace shows progress, the inodes it created and its divergences', async ({
  page,
}) => {
  const app = new Tools(page);
  await app.command('insert 1 0 4 100 W');
  const panel = await app.tab('Import');
  await expect(panel.getByRole('note')).toContainText('An import starts a new session.');
  await expect(panel.getByRole('note')).toContainText('(1 op) is not lost');

  const name = 'trace-6.1-real-steps10-11.txt';
  const seen = await app.watchProgress('Import progress');
  await app.dropFile(
    panel.getByTestId('trace-dropzone'),
    name,
    readFileSync(`public/samples/${name}`, 'utf8'),
  );
  const report = panel.getByRole('region', { name: `Imported ${name}` });
  await expect(report).toBeVisible();
  // Progress was shown with a value, from 0 to all of the file's characters.
  expect(await seen()).toMatchObject({ shown: true, valued: true });

  // The same counts as `esx convert` prints for this file.
  await expect(report.getByTestId('import-counts')).toHaveText(
    '930 ops on 72 inodes, 28 divergences, 0 unparsed lines, 2 bookmarks.',
  );
  await expect(app.result).toContainText(`Imported ${name}: 930 ops on 72 inodes`);
  expect(await app.opCount()).toBe(930);
  const inodes = report.getByRole('table', { name: 'Inodes' });
  await expect(inodes.getByRole('row')).toHaveCount(73);
  await expect(inodes.getByRole('row').nth(1)).toHaveText(/inode 1\s*254,0\s*2$/);
  await expect(inodes.getByRole('row').nth(64)).toHaveText(/inode 64\s*254,0\s*8$/);
  await expect(report.getByRole('list', { name: 'Lines not read' })).toHaveCount(0);

  const divergences = report.getByRole('list', { name: 'Divergences from the 3.9 model' });
  await expect(divergences.getByRole('button')).toHaveCount(28);
  const first = divergences.getByRole('button').nth(2);
  await expect(first).toHaveText(
    /^line 869 · op 500 · lookup ino 63\s*trace found \[0\/16\) D, model not found$/,
  );
  // It opens the op just done: op 500 is in focus, the trace's extent next to the model's miss.
  await first.click();
  await app.tab('Statistics');
  await expect(page.getByTestId('reclaim-cursor')).toHaveText('Cursor after op 500 of 930.');
});

test('opening the whole 53,186-line real trace (.gz) shows progress and can be cancelled', async ({
  page,
}, info) => {
  const app = new Tools(page);
  const panel = await app.tab('Import');
  const file = 'test/traces/trace-6.1-compact-annotated.txt.gz';
  const picker = panel.getByLabel('Open trace file');

  await picker.setInputFiles(file);
  const bar = panel.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toHaveCount(0);
  await expect(panel.getByRole('region', { name: /^Imported/ })).toHaveCount(0);
  expect(await app.opCount()).toBe(0);

  const t0 = Date.now();
  await picker.setInputFiles(file);
  await expect(bar).toBeVisible();
  const report = panel.getByRole('region', { name: 'Imported trace-6.1-compact-annotated.txt.gz' });
  await expect(report).toBeVisible({ timeout: 60_000 });
  const ms = Date.now() - t0;
  info.annotations.push({ type: 'import time', description: `${ms} ms for 53,186 lines` });
  console.log(`esx e2e: the 53,186-line real trace imported in ${ms} ms`);
  await expect(report.getByTestId('import-counts')).toHaveText(
    '28,699 ops on 73 inodes, 91 divergences, 0 unparsed lines, 15 bookmarks.',
  );
});

for (const scheme of ['light', 'dark'] as const)
  test(`a sweep, the statistics and an import report have no serious accessibility violations, ${scheme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new Tools(page);
    await app.command(SETUP.join('\n'));
    const panel = await app.tab('Shrinker');
    await panel.getByLabel('nr_to_scan', { exact: true }).fill('2');
    await panel.getByRole('button', { name: 'Shrink by nr_to_scan' }).click();
    await expect.poll(() => app.opCount()).toBe(8);
    await page.getByRole('button', { name: 'Step back', exact: true }).click();
    await expect(app.scanned()).toBeVisible();
    expect(await violations(page, ['.tools', '.lru-panel']), 'mid-sweep').toEqual([]);
    await app.tab('Statistics');
    expect(await violations(page, ['.tools']), 'statistics').toEqual([]);
    const ip = await app.tab('Import');
    await ip.getByRole('button', { name: /^Linux 6\.1, ftrace/ }).click();
    await expect(ip.getByRole('region', { name: /^Imported / })).toBeVisible();
    expect(await violations(page, ['.tools']), 'import report').toEqual([]);
  });

/**
 * Records which LRU chips start an animation (reading only: the page animates on its own);
 * returns a reader that takes the inodes recorded since it last read.
 */
async function recordGlides(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __glides: string[] };
    w.__glides = [];
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
      if (this.closest('.lru-panel')) w.__glides.push((this as HTMLElement).dataset.ino ?? '');
      return animate.apply(this, args);
    };
  });
  return () =>
    page.evaluate(() => (window as unknown as { __glides: string[] }).__glides.splice(0));
}

test('LRU moves glide to their new places, unless reduced motion is asked for', async ({
  page,
}) => {
  const app = new Tools(page);
  await app.command('insert 1 0 4 100 W\ninsert 2 0 4 200 W\ninsert 3 0 4 300 W');
  const glides = await recordGlides(page);
  await app.command('lookup 1 0'); // inode 1 goes from the head to the tail, 2 and 3 move up
  expect(await app.lruOrder()).toEqual([2, 3, 1]);
  await expect.poll(async () => (await glides()).sort()).toEqual(['1', '2', '3']);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await app.command('lookup 2 0');
  expect(await app.lruOrder()).toEqual([3, 1, 2]);
  await page.waitForTimeout(300);
  expect(await glides()).toEqual([]);
});

test('an op that comes while the LRU still glides moves only the inodes it moves', async ({
  page,
}) => {
  const app = new Tools(page);
  // glides ten times slower, so that the second op surely comes during the first one's glides
  await (
    await page.context().newCDPSession(page)
  ).send('Animation.setPlaybackRate', {
    playbackRate: 0.1,
  });
  await app.command('insert 1 0 4 100 W\ninsert 2 0 4 200 W\ninsert 3 0 4 300 W');
  await expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBeGreaterThan(0);
  const glides = await recordGlides(page);
  await app.command('lookup 1 0'); // 1 goes to the tail, 2 and 3 move up; inode 4 stays put
  expect(await app.lruOrder()).toEqual([2, 3, 1]);
  expect(await page.evaluate(() => document.getAnimations().length)).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  expect((await glides()).sort()).toEqual(['1', '2', '3']);
});
