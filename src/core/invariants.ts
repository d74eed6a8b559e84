/**
 * A full consistency check of a superblock: red-black rules, order and no overlap in every
 * tree, parent links, cache_es in its own tree, lru_nr equal to the non-delayed count, the LRU
 * list well formed and every node accounted for. O(total extents + inodes). Runs after every op
 * in tests and development builds; returns the problems found (empty when all holds).
 */
import { BLACK, NIL, RED } from './rbtree.ts';
import { ST_DELAYED } from './status.ts';
import { EXT_MAX_BLOCKS, type Superblock } from './superblock.ts';

export function checkInvariants(sb: Superblock): string[] {
  const problems: string[] = [];
  const p = sb.pool;
  let total = 0;
  for (let ino = 1; ino <= sb.inodeCount; ino++) {
    const root = p.root[ino]!;
    if (root !== NIL) {
      if (p.parent[root] !== NIL) problems.push(`inode ${ino}: root has a parent`);
      if (p.color[root] !== BLACK) problems.push(`inode ${ino}: root is red`);
    }
    let count = 0;
    let nonDelayed = 0;
    let cacheSeen = false;
    let blackHeight = -1;
    let prevEnd = -1;
    // iterative in-order walk that also tracks black depth
    const stack: [number, number][] = [];
    let n = root;
    let depth = 0;
    while (n !== NIL || stack.length > 0) {
      while (n !== NIL) {
        const d = depth + (p.color[n] === BLACK ? 1 : 0);
        stack.push([n, d]);
        if (p.left[n] === NIL && p.right[n] === NIL) {
          if (blackHeight === -1) blackHeight = d;
          else if (blackHeight !== d)
            problems.push(`inode ${ino}: black height differs at ${p.lblk[n]}`);
        } else if (p.left[n] === NIL || p.right[n] === NIL) {
          // a missing child is a leaf path too
          if (blackHeight === -1) blackHeight = d;
          else if (blackHeight !== d)
            problems.push(`inode ${ino}: black height differs at ${p.lblk[n]}`);
        }
        const l = p.left[n]!;
        if (l !== NIL && p.parent[l] !== n)
          problems.push(`inode ${ino}: bad parent link at ${p.lblk[l]}`);
        depth = d;
        n = l;
      }
      const [m, d] = stack.pop()!;
      count++;
      if (!p.isLive(m)) problems.push(`inode ${ino}: freed node ${m} in tree`);
      if (p.color[m] === RED) {
        const l = p.left[m]!;
        const r = p.right[m]!;
        if ((l !== NIL && p.color[l] === RED) || (r !== NIL && p.color[r] === RED))
          problems.push(`inode ${ino}: red node ${p.lblk[m]} has a red child`);
      }
      const lb = p.lblk[m]!;
      const len = p.len[m]!;
      if (len === 0) problems.push(`inode ${ino}: empty extent at ${lb}`);
      if (lb + len > EXT_MAX_BLOCKS)
        problems.push(`inode ${ino}: extent at ${lb} runs past 0xfffffffe`);
      if (lb <= prevEnd) problems.push(`inode ${ino}: extent at ${lb} overlaps or is out of order`);
      prevEnd = lb + len - 1;
      const st = p.status[m]!;
      if (st === 0 || st > 15) problems.push(`inode ${ino}: extent at ${lb} has no status`);
      if (!(st & ST_DELAYED)) nonDelayed++;
      if (m === sb.cacheEs[ino]) cacheSeen = true;
      const r = p.right[m]!;
      if (r !== NIL && p.parent[r] !== m)
        problems.push(`inode ${ino}: bad parent link at ${p.lblk[r]}`);
      n = r;
      depth = d;
    }
    total += count;
    if (sb.extCount[ino] !== count)
      problems.push(`inode ${ino}: extCount ${sb.extCount[ino]} but ${count} extents`);
    if (sb.cacheEs[ino] !== NIL && !cacheSeen)
      problems.push(`inode ${ino}: cache_es is not in its tree`);
    if (sb.lruNr[ino] !== nonDelayed)
      problems.push(`inode ${ino}: lru_nr ${sb.lruNr[ino]} but ${nonDelayed} non-delayed extents`);
  }
  if (total !== p.live) problems.push(`${p.live} nodes allocated but ${total} in trees`);

  // LRU: a well-formed circular list through the head, each inode at most once.
  const seen = new Set<number>();
  let prev = 0;
  for (let i = sb.lruNext[0]!; i !== 0; i = sb.lruNext[i]!) {
    if (i < 1 || i > sb.inodeCount || seen.has(i)) {
      problems.push(`LRU list is malformed at ${i}`);
      break;
    }
    if (sb.lruPrev[i] !== prev) problems.push(`LRU back link is wrong at ${i}`);
    seen.add(i);
    prev = i;
  }
  if (sb.lruPrev[0] !== prev) problems.push('LRU tail link is wrong');
  for (let i = 1; i <= sb.inodeCount; i++) {
    if (!seen.has(i) && (sb.lruPrev[i] !== -1 || sb.lruNext[i] !== -1))
      problems.push(`inode ${i} is off the LRU but still linked`);
  }
  return problems;
}
