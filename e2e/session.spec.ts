import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Explorer } from './explorer.ts';

/** A session with rotations and a shrink: three delayed inserts rotate, then the shrinker runs. */
const SETUP = [
  'insert 1 10 1 D',
  'insert 1 30 1 D',
  'insert 1 20 1 D',
  'insert 2 0 8 500 W',
  'insert 2 20 4 700 U',
  'lookup 2 3',
  'shrink 1',
].join('\n');

async function cursorOf(page: Page) {
  return page.evaluate(() => window.__esx!.state().cursor);
}

async function openSessionTab(app: Explorer) {
  await app.page.getByRole('tab', { name: 'Session' }).click();
}

async function copyLink(app: Explorer, button = 'Copy link'): Promise<string> {
  await openSessionTab(app);
  await app.button(button).click();
  const field = app.page.getByLabel(/^Link to this (session|state)/);
  await expect(field).toHaveValue(/#esx1\./);
  return field.inputValue();
}

test('a copied link opens the same session, trees and cursor in a fresh browser', async ({
  page,
  browser,
}) => {
  const app = new Explorer(page);
  await app.open();
  await app.command(SETUP);
  await app.selectInode(1);
  const rows1 = await app.rows(1);
  const nodes1 = await app.nodes(1);
  const lru = await app.lruOrder();
  const link = await copyLink(app);
  const cursor = await cursorOf(page);

  const other = await browser.newContext();
  const page2 = await other.newPage();
  const app2 = new Explorer(page2);
  await page2.goto(link);
  await expect(app2.result).toContainText('Opened the link: 7 ops');
  await app2.selectInode(1);
  expect(await app2.rows(1)).toEqual(rows1);
  expect(await app2.nodes(1)).toEqual(nodes1);
  expect(await app2.lruOrder()).toEqual(lru);
  expect(await cursorOf(page2)).toEqual(cursor);
  await other.close();
});

test('a state link carries the trees without the history', async ({ page, browser }) => {
  const app = new Explorer(page);
  await app.open();
  await app.command(SETUP);
  await app.selectInode(2);
  const rows2 = await app.rows(2);
  const link = await copyLink(app, 'Copy link to this state');
  const other = await browser.newContext();
  const page2 = await other.newPage();
  const app2 = new Explorer(page2);
  await page2.goto(link);
  await expect(app2.result).toContainText('from a saved state');
  expect(await app2.opCount()).toBe(0);
  await app2.selectInode(2);
  expect(await app2.rows(2)).toEqual(rows2);
  await other.close();
});

test('a tampered link says what is wrong and shows the default state', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.command(SETUP);
  const link = await copyLink(app);
  // the autosave follows the session after a short pause: wait for it before leaving
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('esx.autosave.v1')))
    .toBe(link.split('#')[1]);
  const cut = link.slice(0, link.length - 20);
  await page.goto('about:blank');
  await page.goto(cut);
  await expect(app.result).toContainText('cannot be opened');
  await expect(app.result).toContainText('default session');
  expect(await app.opCount()).toBe(0);
  expect(await app.rows(1)).toEqual([]);
  // the session the user had is one click away
  await openSessionTab(app);
  await app.button('Restore previous session').click();
  await expect.poll(() => app.opCount()).toBe(7);
});

test('a reload brings the session back', async ({ page }) => {
  const app = new Explorer(page);
  await app.open();
  await app.command(SETUP);
  const rows = await app.rows(2);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#esx1\./);
  await page.goto('./'); // same browser, no link in the URL: the autosave comes back
  await expect(app.result).toContainText('restored');
  expect(await app.opCount()).toBe(7);
  expect(await app.rows(2)).toEqual(rows);
});

test('a downloaded session file opens again', async ({ page, browser }) => {
  const app = new Explorer(page);
  await app.open();
  await app.command(SETUP);
  const rows = await app.rows(2);
  await openSessionTab(app);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app.button('Download session').click(),
  ]);
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'esx-session/1' });

  const other = await browser.newContext();
  const page2 = await other.newPage();
  const app2 = new Explorer(page2);
  await app2.open();
  await openSessionTab(app2);
  await page2.getByLabel('Session file to open').setInputFiles({
    name: 'esx-session.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(app2.result).toContainText('Opened the session file: 7 ops');
  expect(await app2.rows(2)).toEqual(rows);
  // a broken file is refused and changes nothing
  await page2.getByLabel('Session file to open').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"esx-session/1","v":1}'),
  });
  await expect(app2.result).toContainText('cannot be opened');
  expect(await app2.opCount()).toBe(7);
  await other.close();
});
