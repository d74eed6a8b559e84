import { expect, test } from '@playwright/test';
import { Explorer } from './explorer.ts';

test('the page loads and the engine answers from a web worker', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new Explorer(page);
  await app.open();
  await expect(page).toHaveTitle(/esx/);
  // The engine lives in a worker: the page has one, and it is the one answering ops.
  expect(page.workers().length).toBeGreaterThanOrEqual(1);
  expect(page.workers().some((w) => /esx\.worker/.test(w.url()))).toBe(true);
  await expect(page.getByText('Nothing cached yet')).toBeVisible();
  await app.command('lookup 1 12');
  await expect(app.result).toContainText('lookup 1 12: miss: block 12 is not cached in inode 1');
  expect(errors).toEqual([]);
});

test('Load example fills two inodes from the empty state', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await page.getByRole('button', { name: 'Load example' }).last().click();
  await expect(app.result).toContainText('Ran 9 ops');
  expect(await app.lruOrder()).toEqual([2, 1]);
  await expect(app.table(1).locator('tbody tr')).toHaveCount(5);
  await expect(page.getByText('Nothing cached yet')).toHaveCount(0);
});
