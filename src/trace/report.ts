/** The import report and divergence summary as text (what `esx convert` prints to stderr). */
import { describeDivergence, type DivergenceKind } from './divergence.ts';
import type { TraceImport } from './importer.ts';

function counts(o: Record<string, number>): string {
  const keys = Object.keys(o).sort();
  return keys.length === 0 ? 'none' : keys.map((k) => `${k} ${o[k]}`).join(', ');
}

/**
 * The report in lines: what was read, what was dropped or changed and why, the inode map, the
 * bookmarks, and up to `maxDivergences` divergences. O(issues + inodes + divergences shown).
 */
export function formatReport(r: TraceImport, maxDivergences = 20): string {
  const p = r.report;
  const out: string[] = [];
  const kinds: DivergenceKind[] = ['lookup', 'find', 'shrink'];
  const total = kinds.reduce((s, k) => s + p.divergences[k], 0);
  out.push(
    `read ${p.lines} lines: ${p.ops} ops on ${r.inodeMap.length} inodes, ${p.markers} markers, ` +
      `${p.comments} comment lines, ${p.unknown} unknown, ${p.malformed} malformed, ${p.skipped} skipped`,
  );
  out.push(`ext4_es events: ${counts(p.events)}`);
  if (Object.keys(p.otherEvents).length > 0)
    out.push(`other events (ignored): ${counts(p.otherEvents)}`);
  out.push(
    `changed to fit the 3.9 model: R dropped ${p.referenced}, unknown status bits dropped ${p.unknownBits}, ` +
      `D/H pblk dropped ${p.pblkDropped}, ranges clamped ${p.clamped}, cache_extent as insert ${p.cacheAsInsert}`,
  );
  if (p.unpairedExits > 0) out.push(`exit events without an enter: ${p.unpairedExits}`);
  if (p.engineErrors > 0) out.push(`ops the engine refused: ${p.engineErrors}`);
  if (p.devices.length > 1)
    out.push(`devices: ${p.devices.join(' ')} (all share one model superblock and shrinker)`);
  for (const i of p.issues) out.push(`  line ${i.line} ${i.kind}: ${i.reason}: ${i.text}`);
  const listed = p.issues.length;
  const all = p.unknown + p.malformed + p.skipped;
  if (all > listed) out.push(`  (${all - listed} more not listed)`);
  if (r.inodeMap.length > 0)
    out.push(
      'inodes: ' + r.inodeMap.map((m) => `${m.ino}=dev ${m.dev} ino ${m.traceIno}`).join(', '),
    );
  for (const b of r.bookmarks) out.push(`bookmark at op ${b.opIndex} (line ${b.line}): ${b.name}`);
  out.push(
    `divergences from the 3.9 model: ${total} (` +
      kinds.map((k) => `${k} ${p.divergences[k]}`).join(', ') +
      ')',
  );
  for (const d of r.divergences.slice(0, maxDivergences)) out.push('  ' + describeDivergence(d));
  if (r.divergences.length > maxDivergences)
    out.push(`  (${r.divergences.length - maxDivergences} more not listed)`);
  return out.join('\n') + '\n';
}
