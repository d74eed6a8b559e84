/**
 * Helpers for the tools panel (shrinker, workloads, statistics, import), on top of the Explorer
 * page object: controls found by role and accessible name, values read from what is shown.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommand } from '../src/core/ops.ts';
import { Explorer } from './explorer.ts';

export type ToolTab = 'Shrinker' | 'Workloads' | 'Statistics' | 'Import';

export class Tools extends Explorer {
  constructor(page: Page) {
    super(page);
  }

  /** Opens a tab of the tools panel; returns its panel. */
  async tab(name: ToolTab): Promise<Locator> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    const panel = this.page.getByRole('tabpanel', { name, exact: true });
    await expect(panel).toBeVisible();
    return panel;
  }

  panel(name: ToolTab): Locator {
    return this.page.getByRole('tabpanel', { name, exact: true });
  }

  /** A counter of the shrink op in focus, by its label. */
  counter(label: string): Locator {
    return this.page
      .getByTestId('sweep-counters')
      .locator('div')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .locator('dd');
  }

  /** The shrinker's scanned list in the LRU view (present only during a sweep). */
  scanned(): Locator {
    return this.page.getByRole('list', { name: 'Scanned by the shrinker' });
  }

  async scannedOrder(): Promise<number[]> {
    const names = await this.scanned().getByRole('button').allTextContents();
    return names.map((n) => Number(/inode (\d+)/.exec(n)?.[1]));
  }

  /** A statistic in the Statistics tab, by its label. */
  stat(label: string): Locator {
    return this.panel('Statistics')
      .locator('dl > div')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .locator('dd');
  }

  /** The count of one status in the Statistics tab. */
  statusCount(status: string): Locator {
    return this.panel('Statistics')
      .getByRole('row', { name: new RegExp(`^${status} `) })
      .getByRole('cell')
      .first();
  }

  chart(): Locator {
    return this.panel('Statistics').getByRole('img', {
      name: /^Reclaimable extents over the timeline/,
    });
  }

  /**
   * Starts recording whether a progress bar with this name appears and carries a value; returns a
   * reader. (A small trace can finish between two polls, so the page reports every change.)
   */
  async watchProgress(name: string): Promise<() => Promise<{ shown: boolean; valued: boolean }>> {
    await this.page.evaluate((label) => {
      const w = window as unknown as { __esxProgress?: { shown: boolean; valued: boolean } };
      const seen = { shown: false, valued: false };
      w.__esxProgress = seen;
      const check = () => {
        const bar = document.querySelector(`[role="progressbar"][aria-label="${label}"]`);
        if (!bar) return;
        seen.shown = true;
        if (bar.hasAttribute('aria-valuenow')) seen.valued = true;
      };
      new MutationObserver(check).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
      });
    }, name);
    return () =>
      this.page.evaluate(
        () =>
          (window as unknown as { __esxProgress: { shown: boolean; valued: boolean } })
            .__esxProgress,
      );
  }

  /** Drops a text file on an element, as dragging it from the desktop does. */
  async dropFile(target: Locator, name: string, text: string) {
    const data = await this.page.evaluateHandle(
      ({ name, text }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'text/plain' }));
        return dt;
      },
      { name, text },
    );
    await target.dispatchEvent('dragenter', { dataTransfer: data });
    await target.dispatchEvent('dragover', { dataTransfer: data });
    await target.dispatchEvent('drop', { dataTransfer: data });
  }

  /** Fills the Workloads form (labels as shown) and presses Run workload. */
  async runWorkload(kind: string, fields: Record<string, string>) {
    const panel = await this.tab('Workloads');
    await panel.getByLabel('Workload', { exact: true }).selectOption({ label: kind });
    for (const [label, value] of Object.entries(fields))
      await panel.getByLabel(label, { exact: true }).fill(value);
    await panel.getByRole('button', { name: 'Run workload' }).click();
  }
}

/** The last line of `esx replay` (result and state after the last op) for command lines. */
export function replayLast(
  inodes: number,
  commands: string[],
): {
  ret?: number;
  shrunk?: number;
  state: {
    lru: number[];
    inodes: { ino: number; lru_nr: number; extents: [number, number, string, number | null][] }[];
  };
} {
  const dir = mkdtempSync(join(tmpdir(), 'esx-e2e-'));
  const file = join(dir, 'ops.jsonl');
  const lines = [
    JSON.stringify({ format: 'esx-ops/1', inodes }),
    ...commands.map((c) => JSON.stringify(parseCommand(c))),
  ];
  writeFileSync(file, lines.join('\n') + '\n');
  const r = spawnSync(process.execPath, ['bin/esx.mjs', 'replay', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`esx replay failed: ${r.stderr}`);
  const out = r.stdout.trim().split('\n');
  return JSON.parse(out[out.length - 1]!) as ReturnType<typeof replayLast>;
}

/** Serious and critical axe violations (WCAG 2.1 A and AA) inside the given selectors. */
export async function violations(page: Page, include: string[]): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const sel of include) builder = builder.include(sel);
  const r = await builder.analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
