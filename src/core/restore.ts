/**
 * Builds a superblock from a canonical state dump (the vectors' `state`: LRU order and, per
 * inode, extents, preorder shape with colours, cache_es and lru_nr), so that a state reached by
 * a million ops can be shared without its history. The result is checked with checkInvariants:
 * an inconsistent dump is refused with the problems found, never loaded.
 */
import { EsError } from './errors.ts';
import type { SbState } from './dump.ts';
import { checkInvariants } from './invariants.ts';
import { BLACK, NIL, RED } from './rbtree.ts';
import { hasPblk, parseStatus } from './status.ts';
import { MAX_INODES, PBLK_LIMIT, Superblock } from './superblock.ts';

interface ShapeNode {
  lblk: number;
  red: boolean;
  left: ShapeNode | null;
  right: ShapeNode | null;
}

/** Parses `10b(5r,20r(,25b))` into a tree; throws EsError on bad syntax. O(length). */
export function parseShape(text: string): ShapeNode | null {
  let i = 0;
  const fail = (why: string): never => {
    throw new EsError('EBADARG', `shape: ${why} at character ${i + 1}`);
  };
  // iterative descent with an explicit stack, so a deep tree cannot overflow the call stack
  const node = (): ShapeNode | null => {
    const start = i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === start) return null;
    if (i - start > 10) fail('number too long');
    const lblk = Number(text.slice(start, i));
    const c = text[i];
    if (c !== 'r' && c !== 'b') fail('expected r or b');
    i++;
    return { lblk, red: c === 'r', left: null, right: null };
  };
  const root = node();
  if (!root) {
    if (text.length) fail('expected a number');
    return null;
  }
  // stack of [node, side, children seen]: side 0 = reading the left child, 1 = the right one
  const stack: [ShapeNode, number, number][] = [];
  let last: ShapeNode | null = root;
  for (;;) {
    if (text[i] === '(') {
      if (!last) fail('"(" must follow a node');
      i++;
      stack.push([last!, 0, 0]);
      last = node();
      if (last) {
        stack.at(-1)![0].left = last;
        stack.at(-1)![2]++;
      }
      continue;
    }
    const top = stack.at(-1);
    if (!top) break;
    if (text[i] === ',' && top[1] === 0) {
      i++;
      top[1] = 1;
      last = node();
      if (last) {
        top[0].right = last;
        top[2]++;
      }
      continue;
    }
    if (text[i] === ')' && top[1] === 1) {
      if (top[2] === 0) fail('a node in parentheses needs a child');
      i++;
      stack.pop();
      last = null;
      continue;
    }
    fail(`unexpected ${text[i] === undefined ? 'end' : JSON.stringify(text[i])}`);
  }
  if (i !== text.length) fail('trailing characters');
  return root;
}

function isU32(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0xffffffff;
}

/**
 * A superblock equal to the dump. Throws EsError (EBADARG) naming the first problem when the dump
 * is malformed or inconsistent (shape and extents disagree, red-black rules broken, overlaps,
 * lru_nr wrong, cache_es not an extent, LRU with unknown or repeated inodes). O(size of dump).
 */
export function restoreState(state: SbState): Superblock {
  function bad(why: string): never {
    throw new EsError('EBADARG', `state: ${why}`);
  }
  if (
    !state ||
    typeof state !== 'object' ||
    !Array.isArray(state.inodes) ||
    !Array.isArray(state.lru)
  )
    bad('expected {lru:[...], inodes:[...]}');
  const n = state.inodes.length;
  if (n < 1 || n > MAX_INODES) bad(`inode count ${n} is not from 1 to ${MAX_INODES}`);
  const sb = new Superblock(n);
  const p = sb.pool;
  state.inodes.forEach((ino, idx) => {
    const t = idx + 1;
    if (!ino || ino.ino !== t) bad(`inodes[${idx}] must be inode ${t}`);
    if (!Array.isArray(ino.extents)) bad(`inode ${t}: extents must be a list`);
    if (typeof ino.shape !== 'string') bad(`inode ${t}: shape must be a string`);
    const tree = parseShape(ino.shape);
    // in-order walk of the shape, pairing nodes with extents
    const order: ShapeNode[] = [];
    const stack: ShapeNode[] = [];
    let cur = tree;
    while (cur || stack.length) {
      while (cur) {
        stack.push(cur);
        cur = cur.left;
      }
      const s = stack.pop()!;
      order.push(s);
      cur = s.right;
    }
    if (order.length !== ino.extents.length)
      bad(
        `inode ${t}: the shape has ${order.length} nodes but there are ${ino.extents.length} extents`,
      );
    const ids = new Map<ShapeNode, number>();
    order.forEach((s, k) => {
      const e = ino.extents[k] as unknown;
      if (!Array.isArray(e) || e.length !== 4)
        bad(`inode ${t}: extent ${k} must be [lblk, len, status, pblk]`);
      const [lblk, len, st, pblk] = e as unknown[];
      if (!isU32(lblk) || !isU32(len) || len === 0)
        bad(`inode ${t}: extent ${k} has a bad lblk or len`);
      if (lblk !== s.lblk)
        bad(`inode ${t}: extent ${k} starts at ${lblk} but the shape says ${s.lblk}`);
      const bits = typeof st === 'string' ? parseStatus(st) : -1;
      if (bits < 0) bad(`inode ${t}: extent ${k} has a bad status`);
      let pb = 0;
      if (hasPblk(bits)) {
        if (typeof pblk !== 'number' || !Number.isInteger(pblk) || pblk < 0 || pblk >= PBLK_LIMIT)
          bad(`inode ${t}: extent ${k} needs a physical block below 2^48`);
        pb = pblk as number;
      } else if (pblk !== null) {
        bad(`inode ${t}: extent ${k} is ${st}, so its pblk must be null`);
      }
      const id = p.alloc();
      p.lblk[id] = lblk;
      p.len[id] = len;
      p.pblk[id] = pb;
      p.status[id] = bits;
      p.color[id] = s.red ? RED : BLACK;
      ids.set(s, id);
      if (!(bits & 2)) sb.lruNr[t]!++;
      sb.extCount[t]!++;
    });
    for (const [s, id] of ids) {
      const l = s.left ? ids.get(s.left)! : NIL;
      const r = s.right ? ids.get(s.right)! : NIL;
      p.left[id] = l;
      p.right[id] = r;
      if (l) p.parent[l] = id;
      if (r) p.parent[r] = id;
    }
    p.root[t] = tree ? ids.get(tree)! : NIL;
    if (ino.lru_nr !== sb.lruNr[t])
      bad(`inode ${t}: lru_nr is ${ino.lru_nr} but ${sb.lruNr[t]} extents are not delayed`);
    if (ino.cache !== null) {
      const hit = order.findIndex((s) => s.lblk === ino.cache);
      if (hit < 0) bad(`inode ${t}: cache ${ino.cache} is not the start of an extent`);
      sb.cacheEs[t] = ids.get(order[hit]!)!;
    }
  });
  const seen = new Set<number>();
  for (const i of state.lru) {
    if (!Number.isInteger(i) || i < 1 || i > n || seen.has(i))
      bad(`LRU entry ${JSON.stringify(i)} is unknown or repeated`);
    seen.add(i);
    sb.esLruAdd(i);
  }
  const problems = checkInvariants(sb);
  if (problems.length) bad(problems[0]!);
  return sb;
}
