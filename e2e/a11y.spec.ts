import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Explorer } from './explorer.ts';

/** Serious and critical axe violations of what is on screen, as readable lines. */
async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const r = await builder.analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the main screen and every tools tab have no serious accessibility violations, ${scheme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new Explorer(page);
    await app.open();
    expect(await violations(page), 'empty state').toEqual([]);
    await app.button('Load example').first().click();
    await expect.poll(() => app.opCount()).toBeGreaterThan(5);
    await app.command('insert 1 60 1 D\ninsert 1 62 1 D\ninsert 1 61 1 D');
    expect(await violations(page), 'main screen').toEqual([]);
    for (const tab of ['Lessons', 'Shrinker', 'Workloads', 'Statistics', 'Import', 'Session']) {
      const t = page.getByRole('tab', { name: tab });
      await t.click();
      expect(
        await violations(
          page,
          `#tabpanel-${tab === 'Workloads' ? 'workload' : tab === 'Statistics' ? 'stats' : tab.toLowerCase()}`,
        ),
        `${tab} tab`,
      ).toEqual([]);
    }
    // the timeline mid-operation, with the step list open if there is one
    await app.button('Step back').click();
    expect(await violations(page), 'timeline mid-op').toEqual([]);
  });
}

test('every control is reachable by keyboard with a visible focus', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.button('Load example').first().click();
  await expect.poll(() => app.opCount()).toBeGreaterThan(5);
  const seen = new Set<string>();
  let invisible = 0;
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      const shadow = s.boxShadow !== 'none';
      return {
        name: `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}`,
        visible: r.width > 0 && r.height > 0,
        focusMark: ring || shadow,
      };
    });
    if (!info) continue;
    seen.add(info.name);
    if (!info.focusMark) invisible++;
  }
  expect(seen.size).toBeGreaterThan(20);
  expect(invisible, 'focused elements without a visible focus mark').toBe(0);
});

test('the tree is also an ARIA tree outline that the keyboard can walk', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.command('insert 1 10 1 D\ninsert 1 30 1 D\ninsert 1 20 1 D\ninsert 1 40 1 D');
  await app.button('Outline').click();
  const tree = page.getByRole('tree', { name: 'Red-black tree of inode 1 as an outline' });
  await expect(tree).toBeVisible();
  const items = tree.getByRole('treeitem');
  await expect(items).toHaveCount(4);
  // preorder, with colours and sides in words: 20 black root, 10 black, 30 black, 40 red
  const labels = await items.evaluateAll((els) =>
    els.map((e) => e.querySelector('.outline-label')?.textContent ?? ''),
  );
  expect(labels.map((l) => /\[(\d+)\//.exec(l)![1])).toEqual(['20', '10', '30', '40']);
  expect(labels[0]).toMatch(/black, root/);
  expect(labels[3]).toMatch(/red, right child, cache_es/);
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowLeft'); // a leaf: go to the parent
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowLeft'); // collapse the root
  await expect(items.first()).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByRole('treeitem')).toHaveCount(1);
  expect(await violations(page, '.tree-outline-box')).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the debugger's pop-overs and the drop dialog have no serious accessibility violations, ${scheme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new Explorer(page);
    await app.open();
    await app.command('insert 1 10 1 D\ninsert 1 30 1 D\ninsert 1 20 1 D');
    await app.button('Step back').click();
    await page.getByRole('button', { name: /^Steps/ }).click();
    await expect(page.getByRole('region', { name: /steps/i })).toBeVisible();
    expect(await violations(page, '.timeline'), 'steps pop-over').toEqual([]);
    await page.getByRole('button', { name: /^Breakpoints/ }).click();
    await expect(page.getByRole('form', { name: 'Breakpoint on an inode' })).toBeVisible();
    expect(await violations(page, '.timeline'), 'breakpoints pop-over').toEqual([]);
    // an op run in the past asks before dropping the later ops
    await app.field('Command').fill('lookup 1 10');
    await app.field('Command').press('Enter');
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    expect(await violations(page, '[role="alertdialog"]'), 'drop dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
}
