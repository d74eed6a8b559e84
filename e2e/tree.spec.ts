import { expect, test } from '@playwright/test';
import { Explorer } from './explorer.ts';

test.beforeEach(async ({ page }) => {
  await new Explorer(page).open();
});

/** Screen centre x of the drawn node with this lblk. */
async function centreX(app: Explorer, lblk: number): Promise<number> {
  const box = await app.tree(1).locator(`[data-lblk="${lblk}"] .box`).boundingBox();
  if (!box) throw new Error(`node ${lblk} is not drawn`);
  return box.x + box.width / 2;
}

test('a lone child sits on its own side: 10b(,20r) and 20b(10r,) look different', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.command('insert 1 10 1 1 W\ninsert 1 20 1 50 W');
  await page.waitForTimeout(500);
  expect(await centreX(app, 20)).toBeGreaterThan((await centreX(app, 10)) + 20);
  await app.command('remove 1 0 100\ninsert 1 20 1 50 W\ninsert 1 10 1 1 W');
  await page.waitForTimeout(500);
  expect(await centreX(app, 10)).toBeLessThan((await centreX(app, 20)) - 20);
});

test('red and black differ without colour: badge letter and outline style', async ({ page }) => {
  const app = new Explorer(page);
  await app.command('insert 1 10 1 1 W\ninsert 1 20 1 50 W');
  const black = app.tree(1).locator('[data-lblk="10"]');
  const red = app.tree(1).locator('[data-lblk="20"]');
  await expect(black.locator('.badge text')).toHaveText('B');
  await expect(red.locator('.badge text')).toHaveText('R');
  const dash = (l: typeof red) =>
    l.locator('.box').evaluate((el) => getComputedStyle(el).strokeDasharray);
  expect(await dash(black)).toBe('none');
  expect(await dash(red)).not.toBe('none');
  await expect(red).toHaveAccessibleName(/, red, right child of 10, cache_es$/);
});

test('a rotation moves the same node elements to new places, with a transition', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.command('insert 1 10 1 1 W\ninsert 1 20 1 50 W');
  await app.button('Zoom tree out').click(); // stop auto-fit, so only the tree moves
  await page.waitForTimeout(500);
  const ten = app.tree(1).locator('[data-lblk="10"]');
  await ten.evaluate((el) => ((el as unknown as { esxTag: string }).esxTag = 'same element'));
  const before = await ten.evaluate((el) => getComputedStyle(el).transform);
  await app.command('insert 1 30 1 90 W'); // 10b(,20r(,30)) rotates left to 20b(10r,30r)
  await expect(ten).toHaveAttribute('data-side', 'left');
  expect(await ten.evaluate((el) => (el as unknown as { esxTag?: string }).esxTag)).toBe(
    'same element',
  );
  expect(await ten.evaluate((el) => getComputedStyle(el).transitionProperty)).toContain(
    'transform',
  );
  await page.waitForTimeout(600);
  expect(await ten.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before);
  expect(await app.nodes(1).then((ns) => ns.map((n) => [n.lblk, n.side]))).toEqual([
    [20, 'root'],
    [10, 'left'],
    [30, 'right'],
  ]);
});

test('zoom buttons and keys change the view, Fit tree brings every node back', async ({ page }) => {
  const app = new Explorer(page);
  await page.getByRole('button', { name: 'Load example' }).first().click();
  await expect(app.result).toContainText('Ran 9 ops');
  const root = app.tree(1).locator('[data-side="root"] .box');
  const fitted = await root.boundingBox();
  await app.button('Zoom tree in').click();
  await app.button('Zoom tree in').click();
  const zoomed = await root.boundingBox();
  expect(zoomed!.width).toBeGreaterThan(fitted!.width * 1.4);
  await app.tree(1).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('0');
  const refit = await root.boundingBox();
  expect(refit!.width).toBeCloseTo(fitted!.width, 0);
  await app.button('Fit tree').click();
  for (const n of await app.tree(1).locator('.box').all()) await expect(n).toBeInViewport();
});
