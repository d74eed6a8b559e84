import { expect, test } from '@playwright/test';
import { Debugger, Explorer } from './explorer.ts';

// 10, then 30 to its right, then 20 between them: the insert of 20 rebalances with two rotations
// (insert case 2 right-rotates at 30, insert case 3 left-rotates at 10).
const ROTATING = 'insert 1 10 1 D\ninsert 1 30 1 D\ninsert 1 20 1 D';

test.beforeEach(async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.command(ROTATING);
});

test('step into an op that rotates: the rotation, its kernel function, and stepping back', async ({
  page,
}) => {
  const app = new Explorer(page);
  const dbg = new Debugger(page);
  await expect(dbg.position()).toHaveText('op 3 of 3, step 10 of 10');
  await dbg.press('Previous op');
  await expect(dbg.position()).toHaveText(/^op 2 of 3, step \d+ of \d+$/);
  await expect(dbg.slider()).toHaveValue('2');

  // Into op 3, up to the step that links 20 under 30: 10b(,30r(20r,))
  await dbg.stepUntil(/^link \[20\/1\) as the left child of 30/);
  await expect(dbg.kernelLink()).toHaveText('rb_link_node');
  const linked = await app.nodes(1);
  const linkedRows = await app.rows(1);
  expect(linked.map((n) => [n.lblk, n.side, n.red])).toEqual([
    [10, 'root', false],
    [30, 'right', true],
    [20, 'left', true],
  ]);
  expect(linkedRows.map((r) => r[0])).toEqual([10, 20, 30]);

  // The next step is the rotation, named with its kernel function and linked to v3.9's source.
  await dbg.press('Step forward');
  await expect(dbg.explanation()).toHaveText(/insert case 2: right-rotate at 30: 20 moves up/);
  await expect(dbg.position()).toHaveText('op 3 of 3, step 7 of 10');
  await expect(dbg.kernelLink()).toHaveText('rb_insert_color');
  await expect(dbg.kernelLink()).toHaveAttribute(
    'href',
    'https://elixir.bootlin.com/linux/v3.9/source/lib/rbtree.c',
  );
  await expect(dbg.kernelLink()).toHaveAttribute('title', /closest public release.*later/);
  await expect(page.getByTestId('step-op')).toHaveText(/insert 1 20 1 D/);
  // The tree is drawn mid-operation, after the rotation: 10b(,20r(,30r))
  const rotated = await app.nodes(1);
  expect(rotated.map((n) => [n.lblk, n.side])).toEqual([
    [10, 'root'],
    [20, 'right'],
    [30, 'right'],
  ]);
  // The same node elements moved (stable ids), with the rotated pair marked
  expect(rotated.find((n) => n.lblk === 20)?.id).toBe(linked.find((n) => n.lblk === 20)?.id);
  expect(await dbg.marked(app, 1)).toMatchObject({ 20: 'focus', 30: 'focus' });
  await expect(app.tree(1).locator('[data-lblk="30"]')).toHaveAttribute('data-side', 'right');
  await expect(app.table(1).locator('tr[data-mark="focus"]')).toHaveCount(2);

  // The step list shows the op's steps with the current one marked; a click jumps.
  const list = await dbg.steps();
  await expect(list.getByRole('button')).toHaveCount(10);
  await expect(list.locator('[aria-current="step"]')).toHaveAccessibleName(
    /^Step 7: rotate, insert case 2/,
  );
  await page.keyboard.press('Escape');

  // Stepping back restores the previous drawing and table exactly.
  await dbg.press('Step back');
  await expect(dbg.explanation()).toHaveText(/^link \[20\/1\)/);
  expect(await app.nodes(1)).toEqual(linked);
  expect(await app.rows(1)).toEqual(linkedRows);
});

test('the step list jumps to any step of the op', async ({ page }) => {
  const dbg = new Debugger(page);
  const list = await dbg.steps();
  await list.getByRole('button', { name: /^Step 8: rotate/ }).click();
  await expect(dbg.position()).toHaveText('op 3 of 3, step 8 of 10');
  await expect(dbg.explanation()).toHaveText(/insert case 3: left-rotate at 10/);
  await list.getByRole('button', { name: /^Step 1:/ }).click();
  await expect(dbg.position()).toHaveText('op 3 of 3, step 1 of 10');
});

test('a breakpoint on rotation: Continue stops there, Reverse continue finds the previous one', async ({
  page,
}) => {
  const app = new Explorer(page);
  const dbg = new Debugger(page);
  await dbg.breakOn('Rotation');
  await expect(dbg.panel.getByRole('button', { name: 'Breakpoints, 1' })).toBeVisible();
  await dbg.press('Start');
  await expect(dbg.position()).toHaveText('start, before op 1 of 3');

  await dbg.press('Continue');
  await expect(dbg.position()).toHaveText('op 3 of 3, step 7 of 10');
  await expect(dbg.kernelLink()).toHaveText('rb_insert_color');
  await expect(app.result).toContainText('Stopped at a breakpoint (every rotation step)');
  await dbg.press('Continue');
  await expect(dbg.position()).toHaveText('op 3 of 3, step 8 of 10');
  await expect(dbg.explanation()).toHaveText(/left-rotate at 10/);

  await dbg.press('Reverse continue');
  await expect(dbg.position()).toHaveText('op 3 of 3, step 7 of 10');
  await expect(dbg.explanation()).toHaveText(/right-rotate at 30/);
  await dbg.press('Reverse continue');
  await expect(dbg.position()).toHaveText('start, before op 1 of 3');
  await expect(app.result).toContainText('No breakpoint hit before the start');

  // Removing it from the list: Continue then runs to the end.
  await dbg.panel.getByRole('button', { name: /^Breakpoints/ }).click();
  await page.getByRole('button', { name: 'Remove breakpoint: every rotation step' }).click();
  await expect(page.getByText('No breakpoints: Continue runs to the end.')).toBeVisible();
  await page.keyboard.press('Escape');
  await dbg.press('Continue');
  await expect(dbg.position()).toHaveText('op 3 of 3, step 10 of 10');
});

test('breakpoint fields are checked as they are typed', async ({ page }) => {
  const dbg = new Debugger(page);
  await dbg.panel.getByRole('button', { name: /^Breakpoints/ }).click();
  const pop = page.getByRole('region', { name: 'Breakpoints' });
  await pop.getByLabel('First block').fill('30');
  await pop.getByLabel('Last block').fill('20');
  await expect(pop.getByLabel('Last block')).toHaveAttribute('aria-invalid', 'true');
  await expect(pop.getByText('Not before block 30')).toBeVisible();
  await pop.getByLabel('Range inode').fill('9');
  await expect(pop.getByText('An inode from 1 to 4')).toBeVisible();
  await pop.getByRole('form', { name: 'Breakpoint on a block range' }).getByRole('button').click();
  await expect(pop.getByRole('listitem')).toHaveCount(0);
  await pop.getByLabel('Last block').fill('0x28');
  await pop.getByLabel('Range inode').fill('1');
  await pop.getByRole('form', { name: 'Breakpoint on a block range' }).getByRole('button').click();
  await expect(pop.getByRole('listitem')).toHaveText(['inode 1, blocks 30 to 40Remove']);
  await pop.getByLabel('Breakpoint inode').fill('2');
  await pop.getByLabel('Breakpoint inode').press('Enter');
  await expect(pop.getByRole('listitem')).toHaveCount(2);
});

test('keyboard: arrows step, Shift+arrows go by op, Home and End, Space plays and pauses', async ({
  page,
}) => {
  const dbg = new Debugger(page);
  // Out of the Command field: the keys belong to the text there.
  await page.getByRole('heading', { name: /^Red-black tree/ }).click();
  await page.keyboard.press('Home');
  await expect(dbg.position()).toHaveText('start, before op 1 of 3');
  await page.keyboard.press('ArrowRight');
  await expect(dbg.position()).toHaveText(/^op 1 of 3, step 1 of \d+$/);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(dbg.position()).toHaveText(/^op 1 of 3, step (\d+) of \1$/);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(dbg.position()).toHaveText(/^op 2 of 3, step (\d+) of \1$/);
  await page.keyboard.press('End');
  await expect(dbg.position()).toHaveText('op 3 of 3, step 10 of 10');
  await page.keyboard.press('ArrowLeft');
  await expect(dbg.position()).toHaveText('op 3 of 3, step 9 of 10');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(dbg.position()).toHaveText(/^op 2 of 3, step (\d+) of \1$/);

  // Keys typed in a text field stay there.
  await page.getByLabel('Command', { exact: true }).fill('lookup 1 1');
  await page.getByLabel('Command', { exact: true }).press('Home');
  await expect(dbg.position()).toHaveText(/^op 2 of 3/);

  await page.getByRole('heading', { name: /^Red-black tree/ }).click();
  await page.getByLabel('Speed').selectOption('0.25');
  await page.getByRole('heading', { name: /^Red-black tree/ }).click();
  await page.keyboard.press('Space');
  await expect(dbg.button('Pause')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(dbg.button('Play')).toBeVisible();
});

test('play runs step by step, pauses, stops at a breakpoint and at the end', async ({ page }) => {
  const dbg = new Debugger(page);
  await dbg.press('Start');
  await page.getByLabel('Speed').selectOption('8');
  await dbg.button('Play').click();
  await expect(dbg.button('Pause')).toBeVisible();
  await expect(dbg.position()).toHaveText(/^op 2 of 3/);
  await dbg.button('Pause').click();
  await expect(dbg.button('Play')).toBeVisible();
  const paused = await dbg.position().textContent();
  await page.waitForTimeout(400);
  await expect(dbg.position()).toHaveText(paused ?? '');

  // A breakpoint stops play on the step that hits it.
  await dbg.breakOn('Rotation');
  await dbg.button('Play').click();
  await expect(dbg.button('Play')).toBeVisible();
  await expect(dbg.position()).toHaveText('op 3 of 3, step 7 of 10');
  await expect(dbg.explanation()).toHaveText(/^Paused at a breakpoint \(every rotation step\):/);
  await dbg.breakOn('Rotation', false);

  // Instant runs to the end; Play stops there.
  await page.getByLabel('Speed').selectOption('instant');
  await dbg.button('Play').click();
  await expect(dbg.position()).toHaveText('op 3 of 3, step 10 of 10');
  await expect(dbg.button('Play')).toBeVisible();
});

test('the scrub slider seeks by op', async ({ page }) => {
  const app = new Explorer(page);
  const dbg = new Debugger(page);
  await dbg.slider().fill('1');
  await expect(dbg.position()).toHaveText(/^op 1 of 3, step (\d+) of \1$/);
  expect(await app.rows(1)).toEqual([[10, 1, 'D', null]]);
  await dbg.slider().focus();
  await page.keyboard.press('ArrowRight');
  await expect(dbg.position()).toHaveText(/^op 2 of 3/);
  expect((await app.rows(1)).map((r) => r[0])).toEqual([10, 30]);
});

test('an op entered in the past asks first; Cancel keeps the log, Undo brings dropped ops back', async ({
  page,
}) => {
  const app = new Explorer(page);
  const dbg = new Debugger(page);
  await dbg.press('Previous op');
  await dbg.press('Previous op');
  await expect(dbg.position()).toHaveText(/^op 1 of 3/);

  await app.enter('insert 1 40 1 D');
  const ask = page.getByRole('alertdialog', { name: 'Running this drops the 2 later ops' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(app.result).toContainText('Nothing ran; the later ops are kept.');
  expect(await app.opCount()).toBe(3);

  await app.enter('insert 1 40 1 D');
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Drop and run' }).click();
  await expect(ask).toBeHidden();
  await expect.poll(() => app.opCount()).toBe(2);
  expect((await app.rows(1)).map((r) => r[0])).toEqual([10, 40]);
  await expect(app.field('Command')).toBeFocused();

  await app.result.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => app.opCount()).toBe(3);
  await expect(app.result).toContainText('Undone: the 2 dropped ops are back.');
  await expect(app.result.getByRole('button', { name: 'Undo' })).toBeHidden();
  await expect(dbg.position()).toHaveText(/^op 1 of 3/);
  await dbg.press('End');
  expect((await app.rows(1)).map((r) => r[0])).toEqual([10, 20, 30]);
});

test('the timeline stays compact and its pop-overs open above the views', async ({ page }) => {
  const dbg = new Debugger(page);
  const box = await dbg.panel.boundingBox();
  expect(box!.height).toBeLessThanOrEqual(120);
  const list = await dbg.steps();
  await expect(list).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(dbg.panel.getByRole('button', { name: /^Steps/ })).toBeFocused();
});

/** Starts counting the transform transitions a drawn node runs; returns a reader of the count. */
async function watchGlide(app: Explorer, lblk: number): Promise<() => Promise<number>> {
  const node = app.tree(1).locator(`[data-lblk="${lblk}"]`);
  await node.evaluate((el) => {
    const tagged = el as unknown as { glides: number };
    tagged.glides = 0;
    el.addEventListener('transitionrun', (e) => {
      if ((e as TransitionEvent).propertyName === 'transform') tagged.glides++;
    });
  });
  return () => node.evaluate((el) => (el as unknown as { glides: number }).glides);
}

test('stepping through a rotation shows motion, unless reduced motion is asked for', async ({
  page,
}) => {
  const app = new Explorer(page);
  const dbg = new Debugger(page);
  await app.button('Zoom tree out').click(); // stop auto-fit, so only the nodes move
  await dbg.press('Previous op');
  await dbg.stepUntil(/^link \[20\/1\)/);
  await page.waitForTimeout(500);
  // right-rotate at 30: 20 moves up, 30 moves down; both glide (the same elements, not moved
  // in the document, which would cut their transition)
  const glides30 = await watchGlide(app, 30);
  const glides20 = await watchGlide(app, 20);
  await dbg.press('Step forward');
  await expect.poll(glides30).toBe(1);
  await expect.poll(glides20).toBe(1);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await dbg.press('Step back');
  await expect(app.tree(1).locator('[data-lblk="30"]')).toHaveAttribute('data-side', 'right');
  await expect(app.tree(1).locator('[data-lblk="20"]')).toHaveAttribute('data-side', 'left');
  await page.waitForTimeout(300);
  expect(await glides30()).toBe(1);
});

test("a trace's bookmarks are named flags on the timeline; a click goes there", async ({
  page,
}) => {
  const dbg = new Debugger(page);
  await page.getByRole('tab', { name: 'Import' }).click();
  await page
    .getByLabel('Open trace file')
    .setInputFiles('public/samples/trace-6.1-real-steps10-11.txt');
  const flags = page.getByRole('list', { name: 'Bookmarks on the timeline' }).getByRole('button');
  await expect(flags).toHaveCount(2);
  await expect(flags.nth(1)).toHaveAccessibleName(
    'Bookmark step11 drop_caches then read back, before op 892',
  );
  await flags.nth(1).click();
  await expect(dbg.slider()).toHaveValue('891');
  await expect(dbg.position()).toHaveText(/^op 891 of 930, step (\d+) of \1$/);
  await flags.nth(0).click();
  await expect(dbg.position()).toHaveText('start, before op 1 of 930');
});
