/**
 * A tree of hundreds of extents, below the big-tree canvas: the table draws only the rows in view
 * yet scrolls through all of them, the block map draws narrow bars together but keeps cache_es and
 * the step's bars, and the far-out tree is a sketch on a canvas that zooming in turns into nodes.
 */
import { expect, test, type Page } from '@playwright/test';
import { Explorer, type Row } from './explorer.ts';
import { violations } from './tools.ts';

const N = 600;

/** N written extents of 2 blocks with a gap after each, so none merge. */
async function build(app: Explorer) {
  const lines = Array.from({ length: N }, (_, i) => `insert 1 ${i * 4} 2 ${i * 100} W`);
  await app.command(lines.join('\n'));
}

/** The extents the worker last sent, as the table should show them. */
function truth(page: Page): Promise<Row[]> {
  return page.evaluate(() =>
    (
      window as unknown as { __esx: { state(): { snapshot: { detail: { extents: Row[] } } } } }
    ).__esx
      .state()
      .snapshot.detail.extents.map(([l, n, s, p]) => [l, n, s, p] as Row),
  );
}

test('the table draws the rows in view and scrolls through every extent', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await build(app);
  await app.command('insert 1 1001 1 0 D'); // one delayed extent in the middle
  const table = app.table(1);
  await expect(table).toHaveAttribute('aria-rowcount', String(N + 2));
  const drawn = await table.locator('tbody tr:not(.spacer)').count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(120);

  // Scroll from top to bottom a view at a time: the rows seen, in order, are all the extents.
  const scroller = page.locator('.table-scroll');
  const seen = new Map<number, Row>();
  for (let guard = 0; guard < 200; guard++) {
    for (const r of await app.rows(1)) seen.set(r[0], r);
    const atEnd = await scroller.evaluate((el) => {
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      el.scrollTop += el.clientHeight - 40;
      return end;
    });
    if (atEnd) break;
    await page.waitForTimeout(30);
  }
  const want = await truth(page);
  expect(want).toHaveLength(N + 1);
  expect([...seen.values()].sort((a, b) => a[0] - b[0])).toEqual(want);
  // each drawn row says where it stands among all rows
  const last = table.locator('tbody tr:not(.spacer)').last();
  await expect(last).toHaveAttribute('aria-rowindex', String(N + 2));
  await expect(last.locator('td').first()).toHaveText(String((N - 1) * 4));

  // Go to block scrolls its row into view and marks it.
  await scroller.evaluate((el) => (el.scrollTop = 0));
  const goTo = page.getByRole('textbox', { name: 'Go to block' });
  await goTo.fill(String(450 * 4 + 1));
  await goTo.press('Enter');
  const found = table.locator('tr[data-found="true"]');
  await expect(found.locator('td').first()).toHaveText(/^found: (changed: )?1800$/);
  await expect(found).toBeInViewport();

  // The windowed table, the dense block map and the sketch pass axe's WCAG 2.1 AA rules.
  expect(await violations(page, [])).toEqual([]);
});

test('a dense block map keeps cache_es and the step marks as their own bars', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await build(app);
  const map = app.blockMap(1);
  await expect(map).toHaveAttribute('data-dense', 'true');
  await expect(map).toHaveAccessibleName(/600 extents, narrow ones drawn together/);
  // the narrow bars are paths, not hundreds of elements
  expect(await map.locator('.bars .bar').count()).toBeLessThan(10);
  await expect(map.locator('.dense-bars path').first()).toHaveAttribute('d', /^M[\d.]+ \d+h/);
  // cache_es (the last insert) is its own labelled bar
  await expect(map.locator('.bar.cached')).toHaveAttribute('data-lblk', String((N - 1) * 4));
  // an op marks the extents it changed
  await app.command('insert 1 1202 2 0 D');
  await expect(map.locator('.bar[data-lblk="1202"]')).toHaveAttribute('data-mark', /focus|changed/);
  await expect(app.bars(1)).resolves.toContainEqual(
    expect.stringMatching(/^blocks 1202 to 1203, delayed/),
  );
});

test('far out, the tree is a sketch on a canvas; zooming in draws the nodes', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await build(app);
  const tree = app.tree(1);
  await expect(tree).toHaveAttribute('data-drawn', 'sketch');
  await expect(tree).toHaveAttribute('data-nodes', String(N));
  // the sketch has ink: some pixels are drawn
  const inked = () =>
    page.locator('canvas.tree-sketch').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    });
  expect(await inked()).toBeGreaterThan(500);
  expect(await tree.getByRole('img').count()).toBe(0);
  // zoom in with the keyboard until nodes are drawn
  await tree.focus();
  for (let i = 0; i < 30; i++) {
    if ((await tree.getAttribute('data-drawn')) !== 'sketch') break;
    await page.keyboard.press('+');
  }
  await expect(tree).not.toHaveAttribute('data-drawn', 'sketch');
  await expect(page.locator('canvas.tree-sketch')).toHaveCount(0);
  expect(await tree.getByRole('img').count()).toBeGreaterThan(0);
});
