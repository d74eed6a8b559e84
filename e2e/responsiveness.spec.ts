import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Explorer } from './explorer.ts';

/** Starts recording main-thread long tasks (over 50 ms, as the browser reports them). */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: false });
  });
  return () => page.evaluate(() => (window as unknown as { __long: number[] }).__long);
}

test('no main-thread task over 100 ms while a 100,000-op workload runs and plays', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.open();
  const longTasks = await watchLongTasks(page);
  await page.getByRole('tab', { name: 'Workloads' }).click();
  await page.getByLabel('Op count').fill('100000');
  await app.button('Run workload').click();
  await expect.poll(() => app.opCount(), { timeout: 60_000 }).toBeGreaterThanOrEqual(100_000);
  await app.button('Start').click();
  await app.button('Play').click();
  await page.waitForTimeout(1500);
  await app.button('Pause').click();
  const long = await longTasks();
  expect(
    long.filter((d) => d > 100),
    `long tasks: ${long.join(', ')}`,
  ).toEqual([]);
});

test('no main-thread task over 100 ms while the real 6.1 trace imports', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  const longTasks = await watchLongTasks(page);
  await page.getByRole('tab', { name: 'Import' }).click();
  const text = readFileSync('public/samples/trace-6.1-real-steps10-11.txt');
  await page
    .getByLabel('Open trace file')
    .setInputFiles({ name: 'trace.txt', mimeType: 'text/plain', buffer: text });
  await expect(app.result).toContainText('Imported', { timeout: 60_000 });
  const long = await longTasks();
  expect(
    long.filter((d) => d > 100),
    `long tasks: ${long.join(', ')}`,
  ).toEqual([]);
});
