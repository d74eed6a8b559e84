/**
 * Scale: a tree of over 100,000 extents is drawn on a canvas at a level of detail; a collapsed
 * subtree opens when clicked (or with Enter); "Go to block" finds the extent covering a block,
 * centres it, and marks it in the drawing and the table.
 */
import { expect, test } from '@playwright/test';
import { Tools, violations } from './tools.ts';

test('a 100,000-extent tree: collapsed subtrees open on click and on Enter, Go to block finds the extent', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new Tools(page);
  await app.open();
  // fallocate caches the file as one unwritten extent; each write converts a piece of it
  await app.runWorkload('fallocate, then writes convert unwritten to written', {
    Files: '1',
    'File size': '4000000',
    'Op count': '140000',
    'Shrink every': '0',
  });
  await expect(app.result).toContainText('Workload added 140,000 ops.', { timeout: 120_000 });

  const canvas = page.getByRole('img', { name: /^Red-black tree of inode 1: / });
  await expect(canvas).toBeVisible();
  const nodes = Number(await canvas.getAttribute('data-nodes'));
  expect(nodes).toBeGreaterThanOrEqual(100_000);
  await expect(page.getByTestId('node-count')).toHaveText(`${nodes.toLocaleString('en-US')} nodes`);
  await expect(app.table(1)).toHaveAttribute('aria-rowcount', String(nodes + 1));

  // Fitted, the tree is a few levels of nodes over collapsed subtrees: far fewer items than nodes.
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-summaries')))
    .toBeGreaterThan(8);
  const drawnBefore = Number(await canvas.getAttribute('data-drawn-nodes'));
  expect(drawnBefore).toBeLessThan(500);
  const scaleBefore = Number(await canvas.getAttribute('data-scale'));

  // Click the widest collapsed subtree: the view zooms into it and it opens into nodes.
  const [x, y, count] = (await canvas.getAttribute('data-largest-summary'))!.split(' ').map(Number);
  await canvas.click({ position: { x: x!, y: y! } });
  const said = page.locator('#big-tree-said');
  await expect(said).toContainText(
    `Zoomed into a subtree of ${count!.toLocaleString('en-US')} extents, height `,
  );
  // a red-black subtree of n nodes is between log2(n + 1) and 2·log2(n + 1) high
  const h = Number(/height (\d+)\.$/.exec((await said.textContent()) ?? '')?.[1]);
  expect(h).toBeGreaterThanOrEqual(Math.ceil(Math.log2(count! + 1)));
  expect(h).toBeLessThanOrEqual(2 * Math.log2(count! + 1));
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-scale')))
    .toBeGreaterThan(scaleBefore);
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-drawn-nodes')))
    .toBeGreaterThan(drawnBefore);

  // Keyboard: 0 fits again, Enter opens the collapsed subtree in the middle.
  await canvas.focus();
  await page.keyboard.press('0');
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-scale')))
    .toBeCloseTo(scaleBefore, 9);
  await page.keyboard.press('Enter');
  await expect(page.locator('#big-tree-said')).toContainText('Zoomed into a subtree of');
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-scale')))
    .toBeGreaterThan(scaleBefore);

  // Go to block: take an extent from the last page of the table, look up its last block.
  await page.getByRole('button', { name: 'Last rows' }).click();
  await expect(
    page.getByText(new RegExp(`^Rows [\\d,]+ to ${nodes.toLocaleString('en-US')} of`)),
  ).toBeVisible();
  const rows = await app.rows(1);
  const [lblk, len, status, pblk] = rows[rows.length - 10]!;
  const block = lblk + len - 1;
  await page.getByRole('button', { name: 'First rows' }).click();
  await expect(page.getByText(/^Rows 1 to 100 of/)).toBeVisible();
  const ops = await app.opCount();
  const goTo = page.getByRole('textbox', { name: 'Go to block' });
  await goTo.fill(String(block));
  await goTo.press('Enter');
  await expect(page.locator('#goto-said')).toHaveText(
    new RegExp(
      `^Block ${block} is in extent \\[${lblk}/${len}\\) ${status}${pblk === null ? '' : ` at ${pblk}`}, depth \\d+\\.$`,
    ),
  );
  // centred and marked in the drawing, its row marked on the table's page that holds it
  await expect(canvas).toHaveAttribute('data-found', `${lblk}/${len}`);
  const found = app.table(1).locator('tr[data-found="true"]');
  await expect(found).toHaveCount(1);
  await expect(found.locator('td').first()).toHaveText(`found: ${lblk}`);
  // the block map zoomed onto it and draws it as an extent, marked
  await expect(page.locator(`.map-svg .bar[data-lblk="${lblk}"]`)).toHaveAttribute(
    'data-mark',
    'focus',
  );
  expect(await app.opCount()).toBe(ops);

  // A block no extent covers says so, names the next extent if any, and marks nothing.
  await goTo.fill('4000100');
  await goTo.press('Enter');
  await expect(page.locator('#goto-said')).toHaveText('No extent of inode 1 covers block 4000100.');
  await expect(canvas).not.toHaveAttribute('data-found');
  // A bad number is refused next to the field and nothing is sent.
  await goTo.fill('-3');
  await goTo.press('Enter');
  await expect(page.locator('#goto-said')).toHaveText(
    'Type a logical block: a whole number from 0 to 4294967295.',
  );
  await expect(goTo).toHaveAttribute('aria-invalid', 'true');
  expect(await app.opCount()).toBe(ops);

  // The big views (canvas, pager, bins) pass axe's WCAG 2.1 AA rules.
  expect(await violations(page, [])).toEqual([]);
});

test('Go to block on a small tree marks the node and the row, and centres the node', async ({
  page,
}) => {
  const app = new Tools(page);
  await app.open();
  await app.command(
    'insert 1 0 8 1000 W\ninsert 1 16 6 0 D\ninsert 1 24 8 2000 U\ninsert 1 40 10 0 H',
  );
  const goTo = page.getByRole('textbox', { name: 'Go to block' });
  await goTo.fill('27');
  await goTo.press('Enter');
  await expect(page.locator('#goto-said')).toHaveText(
    /^Block 27 is in extent \[24\/8\) U at 2000, depth \d\.$/,
  );
  const node = page.locator('.rb-node[data-mark="found"]');
  await expect(node).toHaveAttribute('data-lblk', '24');
  await expect(node).toHaveAttribute('aria-description', 'found by Go to block');
  // (the last insert's rotation may also have marked it changed)
  await expect(app.table(1).locator('tr[data-found="true"] td').first()).toHaveText(
    /^found: (changed: )?24$/,
  );
  // the node is in the middle of the drawing
  const box = (await node.boundingBox())!;
  const view = (await page.locator('.tree-svg').boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - (view.x + view.width / 2))).toBeLessThan(30);
  // a gap names the next extent; nothing stays marked
  await goTo.fill('10');
  await goTo.press('Enter');
  await expect(page.locator('#goto-said')).toHaveText(
    'No extent of inode 1 covers block 10; the next extent starts at block 16.',
  );
  await expect(page.locator('.rb-node[data-mark="found"]')).toHaveCount(0);
});
