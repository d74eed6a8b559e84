/**
 * Lessons, as a student uses them: lesson 1 from start to finish with one wrong and one right
 * answer, a lesson step opened from its link in a fresh browser, and the glossary tooltips.
 * ESX_LESSON_SHOTS=1 also saves screenshots (1280x720 and 390 px, light and dark) to test-results.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Explorer } from './explorer.ts';

async function openLessons(app: Explorer) {
  await app.open();
  await app.page.getByRole('tab', { name: 'Lessons' }).click();
}

function lessons(page: Page) {
  return page.getByRole('tabpanel', { name: 'Lessons' });
}

function stepTitle(page: Page) {
  return lessons(page).getByRole('heading', { level: 3 }).and(page.locator('#lesson-step-title'));
}

async function shot(page: Page, name: string) {
  if (!process.env.ESX_LESSON_SHOTS) return;
  await page.screenshot({
    path: `${process.env.ESX_LESSON_SHOTS_DIR ?? 'test-results'}/lessons-${name}.png`,
  });
}

test('lesson 1: a wrong answer and a right one, each explained, the explorer following the steps', async ({
  page,
}) => {
  const app = new Explorer(page);
  await openLessons(app);
  const panel = lessons(page);
  await expect(
    panel.getByRole('progressbar', { name: /Progress in What an extent is/ }),
  ).toHaveAttribute('aria-valuenow', '0');
  await panel
    .getByRole('button', { name: 'Start lesson 1: What an extent is, and its status' })
    .click();

  // Step 1 sets the explorer up: one written extent, pointed at.
  await expect(stepTitle(page)).toHaveText('A file is a list of blocks');
  await expect(stepTitle(page)).toBeFocused();
  await expect.poll(() => app.rows(1)).toEqual([[0, 8, 'W', 1000]]);
  await expect(panel.getByText(/Look at \[0\/8\) in the tree/)).toBeVisible();
  // The extent the step talks about glows in the tree and the block map.
  await expect(app.tree(1).locator('[data-lblk="0"]')).toHaveCSS('filter', /drop-shadow/);
  await expect(app.blockMap(1).locator('.bar[data-lblk="0"]')).toHaveCSS('filter', /drop-shadow/);
  await shot(page, 'step1');

  await panel.getByRole('button', { name: 'Next →' }).click();
  await expect(stepTitle(page)).toHaveText('Four statuses');
  await expect
    .poll(() => app.rows(1))
    .toEqual([
      [0, 8, 'W', 1000],
      [8, 4, 'U', 2000],
      [16, 4, 'D', null],
      [24, 8, 'H', null],
    ]);

  // Step 3: a wrong answer. The feedback says so and why, and the lookup runs.
  await panel.getByRole('button', { name: 'Next →' }).click();
  await expect(stepTitle(page)).toHaveText('Predict: what does a lookup find?');
  const ops = await app.opCount();
  await panel.getByRole('button', { name: 'Check' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Pick one answer first.');
  await panel.getByRole('radio', { name: 'hole' }).check();
  await panel.getByRole('button', { name: 'Check' }).click();
  const feedback = panel.getByRole('status');
  await expect(feedback).toContainText('Not quite: you said hole; the answer is delayed.');
  await expect(feedback).toContainText('Block 18 lies in [16/4)');
  await expect.poll(() => app.opCount()).toBe(ops + 1);
  await expect(app.result).toContainText('lookup');
  await expect(app.blockMap(1).getByRole('img', { name: 'last lookup: block 18' })).toBeVisible();
  await expect(panel.getByRole('radio', { name: 'delayed' })).toBeDisabled();
  await shot(page, 'wrong');

  // Step 4: a right answer, typed. The insert runs: five extents.
  await panel.getByRole('button', { name: 'Next →' }).click();
  await expect(stepTitle(page)).toHaveText('Predict: a new extent');
  await panel.getByLabel('Your answer').fill('5');
  await panel.getByLabel('Your answer').press('Enter');
  await expect(feedback).toContainText('Right: 5.');
  await expect.poll(() => app.rows(1)).toContainEqual([40, 4, 'W', 3000]);
  expect(await app.rows(1)).toHaveLength(5);
  await shot(page, 'right');

  // Back and forth: Back sets up the step before again, answered or not.
  await panel.getByRole('button', { name: '← Back' }).click();
  await expect(stepTitle(page)).toHaveText('Predict: what does a lookup find?');
  await expect.poll(() => app.rows(1)).toHaveLength(4);
  await panel.getByRole('button', { name: 'Step 5: What you saw' }).click();
  await expect(stepTitle(page)).toHaveText('What you saw');
  await expect.poll(() => app.rows(1)).toHaveLength(5);

  await panel.getByRole('button', { name: 'Finish lesson' }).click();
  await expect(panel.getByRole('status')).toContainText('Well done!');
  await expect(
    panel.getByRole('button', { name: 'Next lesson: Insert and merging' }),
  ).toBeVisible();
  await expect(
    panel.getByRole('progressbar', { name: /Progress in What an extent is/ }),
  ).toHaveAttribute('aria-valuenow', '5');
  await expect(
    panel.getByRole('button', { name: 'Review lesson 1: What an extent is, and its status' }),
  ).toBeVisible();
  await shot(page, 'list');

  // Progress is remembered across a reload.
  await page.reload();
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(
    panel.getByRole('progressbar', { name: /Progress in What an extent is/ }),
  ).toHaveAttribute('aria-valuenow', '5');
});

test('a lesson step opens from its link in a fresh browser, paused where the step says', async ({
  page,
  browser,
}) => {
  const app = new Explorer(page);
  await openLessons(app);
  const panel = lessons(page);
  await panel.getByRole('button', { name: /^Start lesson 5:/ }).click();
  await expect(stepTitle(page)).toHaveText('The tree is a red-black tree');
  await panel.getByRole('button', { name: /^Step 5: / }).click();
  await expect(stepTitle(page)).toHaveText('Slow motion: the first rotation');
  await panel.getByRole('button', { name: 'Copy link to this step' }).click();
  const link = await panel.getByLabel(/^Link to this step/).inputValue();
  expect(link).toMatch(/#lesson=rbtree\/5$/);
  const here = await page.evaluate(() => window.__esx!.state().cursor);
  const nodes = await app.nodes(1);

  const other = await browser.newContext();
  const page2 = await other.newPage();
  const app2 = new Explorer(page2);
  await page2.goto(link);
  await expect(page2.getByRole('tab', { name: 'Lessons' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(stepTitle(page2)).toHaveText('Slow motion: the first rotation');
  await expect.poll(() => page2.evaluate(() => window.__esx!.state().cursor)).toEqual(here);
  expect(here).toEqual({ op: 2, step: 7 });
  await expect.poll(() => app2.nodes(1)).toEqual(nodes);
  // Mid-rotation: 20 has moved up above 30, both red.
  await expect(page2.getByRole('region', { name: 'Timeline' })).toContainText('right-rotate at 30');
  await shot(page2, 'link');
  await other.close();
});

test('glossary terms show their definition on focus and hover, and Escape closes it', async ({
  page,
}) => {
  const app = new Explorer(page);
  await openLessons(app);
  const panel = lessons(page);
  await panel.getByRole('button', { name: /^Start lesson 1:/ }).click();
  const term = panel.locator('.term', { hasText: 'lblk' }).first();
  await term.focus();
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('Logical block');
  await expect(term).toHaveAccessibleDescription(/Logical block/);
  await shot(page, 'term');
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await term.blur();
  await panel.locator('.term', { hasText: 'physical blocks' }).hover();
  await expect(page.getByRole('tooltip')).toContainText('Physical block');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the lessons panel has no serious accessibility violations, ${scheme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new Explorer(page);
    await openLessons(app);
    const scan = async () => {
      const r = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .include('#tabpanel-lessons')
        .analyze();
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    };
    expect(await scan(), 'list').toEqual([]);
    const panel = lessons(page);
    await panel.getByRole('button', { name: /^Start lesson 4:/ }).click();
    await panel.getByRole('button', { name: /^Step 3: / }).click();
    await panel.getByRole('radio', { name: '[0/10)' }).check();
    await panel.getByRole('button', { name: 'Check' }).click();
    await expect(panel.getByRole('status')).toContainText('Not quite');
    expect(await scan(), 'step with feedback').toEqual([]);
  });
}

for (const [name, size, scheme] of [
  ['desktop-light', { width: 1280, height: 720 }, 'light'],
  ['desktop-dark', { width: 1280, height: 720 }, 'dark'],
  ['phone-light', { width: 390, height: 844 }, 'light'],
  ['phone-dark', { width: 390, height: 844 }, 'dark'],
] as const) {
  // a predict question answered at each size and theme; screenshots are saved on request
  test(`a lesson step works at ${name}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: scheme });
    const app = new Explorer(page);
    await openLessons(app);
    const panel = lessons(page);
    await panel.scrollIntoViewIfNeeded();
    await shot(page, `${name}-list`);
    await panel.getByRole('button', { name: /^Start lesson 4:/ }).click();
    await panel.getByRole('button', { name: /^Step 5: / }).click();
    await panel.getByRole('radio', { name: 'none: the remove cleared it' }).check();
    await panel.getByRole('button', { name: 'Check' }).click();
    await expect(panel.getByRole('status')).toContainText('Not quite');
    await stepTitle(page).scrollIntoViewIfNeeded();
    await shot(page, `${name}-step`);
  });
}
