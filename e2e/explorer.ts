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

/** Nodes in preorder, from their parent links; nodes whose parent is not drawn start new trees. */
export function preorder(nodes: DrawnNode[]): DrawnNode[] {
  const ids = new Set(nodes.map((n) => n.id));
  const kids = new Map<number, { left?: DrawnNode; right?: DrawnNode }>();
  for (const n of nodes) {
    if (n.side === 'root' || !ids.has(n.parent)) continue;
    const k = kids.get(n.parent) ?? {};
    k[n.side] = n;
    kids.set(n.parent, k);
  }
  const out: DrawnNode[] = [];
  const walk = (n: DrawnNode | undefined) => {
    if (!n) return;
    out.push(n);
    walk(kids.get(n.id)?.left);
    walk(kids.get(n.id)?.right);
  };
  for (const n of nodes) if (n.side === 'root' || !ids.has(n.parent)) walk(n);
  return out;
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

  /** Enters text in Command and presses Enter, without waiting for the log (it may be asked first). */
  async enter(text: string) {
    await this.field('Command').fill(text);
    await this.field('Command').press('Enter');
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
    const cells = await table.locator('tbody tr:not(.spacer)').evaluateAll((trs) =>
      trs.map((tr) =>
        // Text for screen readers only (a row's "changed: ") is not part of the value.
        Array.from(tr.querySelectorAll('td'), (td) =>
          Array.from(td.childNodes)
            .filter((n) => !(n instanceof Element && n.classList.contains('visually-hidden')))
            .map((n) => n.textContent ?? '')
            .join(''),
        ),
      ),
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

  /**
   * The drawn nodes in preorder (root, left subtree, right subtree), read back through their data
   * attributes and accessible names. The page draws them left to right, so preorder is rebuilt
   * from each node's parent and side.
   */
  async nodes(ino: number): Promise<DrawnNode[]> {
    return preorder(await this.drawnNodes(ino));
  }

  /** The drawn nodes in document order (left to right). */
  async drawnNodes(ino: number): Promise<DrawnNode[]> {
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

/**
 * The step debugger's part of the page: the timeline's buttons, where the cursor stands, the
 * current step, the op's step list and the breakpoints.
 */
export class Debugger {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Timeline' });
  }

  button(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }

  /** "op k of N, step s of n" as shown. */
  position(): Locator {
    return this.page.getByTestId('position');
  }

  /** The current step's explanation (announced politely). */
  explanation(): Locator {
    return this.page.getByTestId('step-text');
  }

  /** The current step's kernel function, a link into the v3.9 source. */
  kernelLink(): Locator {
    return this.panel.locator('a.fn-link');
  }

  slider(): Locator {
    return this.page.getByRole('slider', { name: 'Timeline' });
  }

  /** Clicks a transport button and waits for the shown position to change. */
  async press(name: string) {
    const before = await this.position().textContent();
    await this.button(name).click();
    await expect(this.position()).not.toHaveText(before ?? '');
  }

  /** Steps forward until the explanation matches `re`; returns the position then. */
  async stepUntil(re: RegExp, limit = 40): Promise<string> {
    for (let i = 0; i < limit; i++) {
      if (re.test((await this.explanation().textContent()) ?? '')) break;
      await this.press('Step forward');
    }
    await expect(this.explanation()).toHaveText(re);
    return (await this.position().textContent()) ?? '';
  }

  /** Opens the op's step list; returns it. */
  async steps(): Promise<Locator> {
    const toggle = this.panel.getByRole('button', { name: /^Steps/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return this.page.getByRole('list', { name: /^Steps of op/ });
  }

  /** Turns a kind-of-step breakpoint on or off through the Breakpoints pop-over. */
  async breakOn(kind: string, on = true) {
    const toggle = this.panel.getByRole('button', { name: /^Breakpoints/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const box = this.page
      .getByRole('region', { name: 'Breakpoints' })
      .getByRole('checkbox', { name: kind });
    if (on) await box.check();
    else await box.uncheck();
    await this.page.keyboard.press('Escape');
  }

  /** The ids and marks of drawn nodes the step debugger marks. */
  async marked(explorer: Explorer, ino: number): Promise<Record<number, string>> {
    const marks = await explorer
      .tree(ino)
      .locator('[data-mark]')
      .evaluateAll((els) =>
        els.map((el) => [Number(el.getAttribute('data-lblk')), el.getAttribute('data-mark')]),
      );
    return Object.fromEntries(marks) as Record<number, string>;
  }
}
