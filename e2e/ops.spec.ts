import { expect, test } from '@playwright/test';
import { Explorer } from './explorer.ts';

test.beforeEach(async ({ page }) => {
  await new Explorer(page).open();
});

test('an insert that merges shows one extent in the table, the tree and the block map', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.form('Insert', {
    Inode: '1',
    'Logical block': '10',
    Length: '5',
    'Physical block': '100',
    Status: 'W',
  });
  await expect(app.result).toContainText('insert 1 10 5 100 W: cached [10/5) written at 100');
  await app.form('Insert', { 'Logical block': '15', Length: '5', 'Physical block': '105' });
  await expect(app.result).toContainText('insert 1 15 5 105 W');

  expect(await app.rows(1)).toEqual([[10, 10, 'W', 100]]);
  await expect(page.getByTestId('node-count')).toHaveText('1 node');
  const nodes = await app.nodes(1);
  expect(nodes).toHaveLength(1);
  expect(nodes[0]).toMatchObject({ lblk: 10, red: false, side: 'root', cache: true });
  expect(nodes[0]!.label).toContain('cache_es');
  expect(await app.bars(1)).toEqual(['blocks 10 to 19, written, physical 100, cache_es']);
});

test('a remove that splits leaves two extents, the right piece cached', async ({ page }) => {
  const app = new Explorer(page);
  await app.command('insert 1 10 10 100 W');
  await app.form('Remove', { Inode: '1', 'Logical block': '12', Length: '2' });
  await expect(app.result).toContainText('remove 1 12 2: removed blocks 12 to 13 from inode 1');

  expect(await app.rows(1)).toEqual([
    [10, 2, 'W', 100],
    [14, 6, 'W', 104],
  ]);
  await expect(page.getByTestId('node-count')).toHaveText('2 nodes');
  const nodes = await app.nodes(1);
  expect(nodes.map((n) => [n.lblk, n.red, n.side, n.cache])).toEqual([
    [10, false, 'root', false],
    [14, true, 'right', true],
  ]);
  await expect(page.getByTestId('cache-es')).toHaveText('cache_es: lblk 14');
  expect(await app.bars(1)).toEqual([
    'blocks 10 to 11, written, physical 100',
    'blocks 14 to 19, written, physical 104, cache_es',
  ]);
});

test('the LRU list follows ops on two inodes, and selecting an inode selects it everywhere', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.command('insert 1 0 4 10 W');
  await app.command('insert 2 0 8 D');
  expect(await app.lruOrder()).toEqual([1, 2]);
  await app.form('Look up', { Inode: '1', 'Logical block': '2' });
  await expect(app.result).toContainText('hit: block 2 is in [0/4) written at 10');
  expect(await app.lruOrder()).toEqual([2, 1]);
  await expect(app.lru().getByRole('button', { name: /^inode 2/ })).toContainText(
    'lru_nr 0 · 1 extent',
  );
  await expect(app.lru().getByRole('button', { name: /^inode 1/ })).toContainText(
    'lru_nr 1 · 1 extent',
  );
  await expect(app.offLru().getByRole('button')).toHaveText([/inode 3/, /inode 4/]);

  await app.form('Drop from LRU', { Inode: '2' });
  expect(await app.lruOrder()).toEqual([1]);
  await expect(app.offLru().getByRole('button', { name: /^inode 2/ })).toBeVisible();

  await app
    .offLru()
    .getByRole('button', { name: /^inode 2/ })
    .click();
  await expect(app.table(2)).toBeVisible();
  await expect(app.field('Inode')).toHaveValue('2');
  await expect(app.offLru().getByRole('button', { name: /^inode 2/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('heading', { name: 'Red-black tree · inode 2' })).toBeVisible();
  await expect(app.blockMap(2)).toBeVisible();
  expect(await app.rows(2)).toEqual([[0, 8, 'D', null]]);

  await app.form('Shrink', { 'Objects to scan': '8' });
  await expect(app.result).toContainText('shrink 8: reclaimed 1 extent, 0 reclaimable left');
});

test('a bad range shows EINVAL in the result line and changes nothing', async ({ page }) => {
  const app = new Explorer(page);
  await app.command('insert 1 100 10 500 U\nlookup 1 104');
  const rows = await app.rows(1);
  const nodes = await app.nodes(1);
  const lru = await app.lruOrder();
  await app.command('insert 1 4294967290 10 5 W');
  await expect(app.result).toContainText('EINVAL');
  await expect(app.result).toContainText('runs past block 0xfffffffe');
  expect(await app.rows(1)).toEqual(rows);
  expect(await app.nodes(1)).toEqual(nodes);
  expect(await app.lruOrder()).toEqual(lru);
  await expect(app.blockMap(1).getByRole('img', { name: 'last lookup: block 104' })).toBeVisible();
});

test('invalid fields get an inline message and nothing is sent', async ({ page }) => {
  const app = new Explorer(page);
  await app.command('insert 1 0 1 1 W');
  const before = await app.result.textContent();
  await app.form('Insert', { 'Logical block': 'ten', Length: '4294967296' });
  await expect(app.field('Logical block')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.field('Logical block')).toHaveAccessibleDescription(/Not a whole number/);
  await expect(app.field('Length')).toHaveAccessibleDescription(/Out of range/);
  await expect(app.result).toHaveText(before ?? '');
  await app.field('Inode').fill('9');
  await app.button('Look up').click();
  await expect(app.field('Inode')).toHaveAccessibleDescription('Inodes are 1 to 4.');
  await expect(app.result).toHaveText(before ?? '');

  await app.field('Command').fill('lookup 1 1\nfrobnicate 2');
  await app.field('Command').press('Enter');
  await expect(app.field('Command')).toHaveAccessibleDescription(
    /Line 2: unknown command "frobnicate"/,
  );
  await expect(app.field('Command')).toHaveValue('lookup 1 1\nfrobnicate 2');
  await expect(app.result).toHaveText(before ?? '');
});

test('the Command field runs several lines at once and walks its history', async ({ page }) => {
  const app = new Explorer(page);
  await app.command(
    'insert 1 0 8 100 W\ninsert 1 20 4 D\n\nremove 1 2 2\nlookup 1 21\nfind_delayed 1 0',
  );
  await expect(app.result).toContainText(
    'Ran 5 ops. Last, find_delayed 1 0: delayed extent [20/4) found, now cache_es',
  );
  expect(await app.rows(1)).toEqual([
    [0, 2, 'W', 100],
    [4, 4, 'W', 104],
    [20, 4, 'D', null],
  ]);
  await app.command('shrink 0');
  await expect(app.result).toContainText('2 extents reclaimable (count only)');

  const cmd = app.field('Command');
  await cmd.press('ArrowUp');
  await expect(cmd).toHaveValue('shrink 0');
  await cmd.press('ArrowUp');
  await expect(cmd).toHaveValue(/^insert 1 0 8 100 W\n/);
  await cmd.press('ArrowDown');
  await expect(cmd).toHaveValue('shrink 0');
  await cmd.press('ArrowDown');
  await expect(cmd).toHaveValue('');
});

test('inodes: the count is chosen by hand and grows later as an add_inodes op', async ({
  page,
}) => {
  const app = new Explorer(page);
  await app.field('Inodes').fill('2');
  await app.button('Set inodes').click();
  await expect(app.offLru().getByRole('button')).toHaveCount(2);
  await app.command('insert 2 5 1 9 W');
  await app.field('Inodes').fill('6');
  await app.button('Set inodes').click();
  await expect(app.result).toContainText('add_inodes 6: the superblock now has 6 inodes');
  await expect(app.offLru().getByRole('button')).toHaveCount(5);
  const ops = await page.evaluate(() => window.__esx?.state().ops);
  expect(ops).toEqual([
    { op: 'insert', ino: 2, lblk: 5, len: 1, pblk: 9, status: 'W' },
    { op: 'add_inodes', count: 6 },
  ]);
  await app.field('Inodes').fill('3');
  await app.button('Set inodes').click();
  await expect(app.result).toContainText('Inodes cannot be taken away');
});
