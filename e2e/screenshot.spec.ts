import { copyFileSync, mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Explorer } from './explorer.ts';

// Kept as a test artifact; ESX_UPDATE_SCREENSHOT=1 also refreshes the README's docs/screenshot.png.
test('screenshot of the main screen', async ({ page }, info) => {
  const app = new Explorer(page);
  await app.open();
  await page.getByRole('button', { name: 'Load example' }).first().click();
  await expect(app.result).toContainText('Ran 9 ops');
  await app.command('remove 1 2 3');
  await expect(page.getByTestId('node-count')).toHaveText('6 nodes');
  await page.waitForTimeout(600); // let the glide settle
  mkdirSync('test-results', { recursive: true });
  const path = 'test-results/main-screen.png';
  await page.screenshot({ path });
  await info.attach('main-screen', { path, contentType: 'image/png' });
  if (process.env.ESX_UPDATE_SCREENSHOT) copyFileSync(path, 'docs/screenshot.png');
});
