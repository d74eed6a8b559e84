/**
 * A page object for the explorer: finds controls by role and accessible name, as a person would,
 * and reads what the views show.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type Row = [number, number, string, number | null];

export interface DrawnNode {
  id: number;
  lblk: number;
  red: boolean;
  parent: number;
  side: 'root' | 'left' | 'right';
  cache: boolean;
  label: string;
}

export class Explorer {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('./');
    await expect(this.page.getByRole('note', { name: 'Engine status' })).toHaveText(
      /ready in a worker/,
    );
  }

  get result(): Locator {
    return this.page.getByRole('status', { name: 'Result' });
  }

  field(name: string): Locator {
    return this.page.getByLabel(name, { exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Fills the form fields given and clicks a button. */
  async form(button: string, fields: Record<string, string>) {
    for (const [label, value] of Object.entries(fields)) {
      const f = this.field(label);
      if ((await f.evaluate((el) => el.tagName)) === 'SELECT') await f.selectOption(value);
      else await f.fill(value);
    }
    await this.button(button).click();
  }

  /** Types (or pastes) text into Command and runs it with Enter; waits for the log to grow. */
  async command(text: string) {
    const before = await this.opCount();
    const lines = text.split('\n').filter((l) => l.trim() !== '').length;
    await this.field('Command').fill(text);
    await this.field('Command').press('Enter');
    await expect.poll(() => this.opCount()).toBe(before + lines);
  }

  async opCount(): Promise<number> {
    const t = await this.page.getByTestId('op-count').textContent();
    const m = /^(\d+) ops? in the log$/.exec(t ?? '');
    return m ? Number(m[1]) : -1;
  }

  table(ino: number): Locator {
    return this.page.getByRole('table', { name: `Extents of inode ${ino}` });
  }

  /** The table's rows as vector tuples (a dash reads as null). */
  async rows(ino: number): Promise<Row[]> {
    const table = this.table(ino);
    await expect(table).toBeVisible();
    const cells = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
      );
    return cells.map(([lblk, len, status, pblk]) => [
      Number(lblk),
      Number(len),
      status ?? '',
      pblk === '—' ? null : Number(pblk),
    ]);
  }

  tree(ino: number): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Red-black tree of inode ${ino},`) });
  }

  /** The drawn nodes, read back through their data attributes and accessible names. */
  async nodes(ino: number): Promise<DrawnNode[]> {
    return this.tree(ino)
      .getByRole('img')
      .evaluateAll((els) =>
        els.map((el) => ({
          id: Number(el.getAttribute('data-id')),
          lblk: Number(el.getAttribute('data-lblk')),
          red: el.getAttribute('data-color') === 'red',
          parent: Number(el.getAttribute('data-parent')),
          side: el.getAttribute('data-side') as 'root' | 'left' | 'right',
          cache: el.getAttribute('data-cache') === 'true',
          label: el.getAttribute('aria-label') ?? '',
        })),
      );
  }

  blockMap(ino: number): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Block map of inode ${ino}:`) });
  }

  /** Accessible names of the block map's bars, left to right. */
  async bars(ino: number): Promise<string[]> {
    return this.blockMap(ino)
      .locator('.bars')
      .getByRole('img')
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  }

  lru(): Locator {
    return this.page.getByRole('list', { name: 'LRU list, head first' });
  }

  offLru(): Locator {
    return this.page.getByRole('list', { name: 'Not on the list' });
  }

  /** Inode numbers on the LRU list, head first. */
  async lruOrder(): Promise<number[]> {
    if ((await this.lru().count()) === 0) return [];
    const names = await this.lru().getByRole('button').allTextContents();
    return names.map((n) => Number(/inode (\d+)/.exec(n)?.[1]));
  }

  /** Selects an inode by clicking it in the LRU view. */
  async selectInode(ino: number) {
    await this.page
      .getByRole('button', { name: new RegExp(`^inode ${ino}\\b`) })
      .first()
      .click();
    await expect(this.table(ino)).toBeVisible();
  }
}
