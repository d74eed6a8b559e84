import { expect, test, type Page } from '@playwright/test';
import { Explorer } from './explorer.ts';

/** Collects CSP violations and every request that leaves the site. */
async function watch(page: Page, base: string) {
  const outside: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
  });
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return {
    outside,
    csp: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}

test('the built site runs under its Content-Security-Policy and asks nothing of other hosts', async ({
  page,
  baseURL,
}) => {
  const w = await watch(page, baseURL!);
  const app = new Explorer(page);
  await app.open();
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /script-src 'self'/,
  );
  await app.button('Load example').first().click();
  await expect.poll(() => app.opCount()).toBeGreaterThan(5);
  await app.command('insert 1 100 4 900 W\nlookup 1 101\nshrink 2');
  for (const tab of ['Shrinker', 'Workloads', 'Statistics', 'Import', 'Session', 'Lessons']) {
    const t = page.getByRole('tab', { name: tab });
    if (await t.count()) await t.click();
  }
  expect(await w.csp()).toEqual([]);
  expect(w.outside).toEqual([]);
});

test('text from a link is shown as text, never as markup', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await page.goto('about:blank');
  await page.goto('./#esx1.<img src=x onerror=alert(1)>');
  await expect(app.result).toContainText('cannot be opened');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

async function engineWorker(page: Page) {
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  return page.workers()[0]!;
}

for (const how of ['dies', 'throws'] as const) {
  test(`when the worker ${how} mid-play, a new one rebuilds the session and nothing is lost`, async ({
    page,
  }) => {
    const app = new Explorer(page);
    await app.open();
    await app.command(
      'insert 1 10 1 D\ninsert 1 30 1 D\ninsert 1 20 1 D\ninsert 2 0 8 100 W\nremove 2 2 2\nlookup 2 6',
    );
    await app.selectInode(1);
    const rows = await app.rows(1);
    const ops = await app.opCount();
    await app.button('Start').click();
    await app.button('Play').click();
    const w = await engineWorker(page);
    if (how === 'dies') await w.evaluate(() => self.close());
    else
      await w.evaluate(() =>
        setTimeout(() => {
          throw new Error('boom');
        }, 0),
      );
    await expect(app.result).toContainText('nothing was lost', { timeout: 30_000 });
    expect(await app.opCount()).toBe(ops);
    await app.button('End').click();
    expect(await app.rows(1)).toEqual(rows);
  });
}

test('a session opened from a state link survives a worker crash', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.command('insert 1 0 8 100 W\nremove 1 2 2\ninsert 2 5 5 D');
  await page.getByRole('tab', { name: 'Session' }).click();
  await app.button('Copy link to this state').click();
  const link = await page.getByLabel(/^Link to this state/).inputValue();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(app.result).toContainText('from a saved state');
  await app.selectInode(1);
  const rows = await app.rows(1);
  const w = await engineWorker(page);
  await w.evaluate(() =>
    setTimeout(() => {
      throw new Error('boom');
    }, 0),
  );
  await expect(app.result).toContainText('nothing was lost', { timeout: 30_000 });
  expect(await app.rows(1)).toEqual(rows);
});
