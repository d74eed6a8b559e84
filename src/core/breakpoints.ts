/**
 * Breakpoints for the step debugger: on a kind of step, on an inode, or on a logical block range
 * of an inode. A step hits a range breakpoint when it concerns that inode and touches an extent
 * (or a block) inside the range.
 */
import type { Step, StepCategory } from './steps.ts';

export type Breakpoint =
  | { on: 'category'; category: StepCategory }
  | { on: 'inode'; ino: number }
  | { on: 'range'; ino: number; lblk: number; len: number };

/** True when step `s` stops at breakpoint `bp`. O(nodes the step names). */
export function hits(bp: Breakpoint, s: Step): boolean {
  switch (bp.on) {
    case 'category':
      return s.category === bp.category;
    case 'inode':
      return s.ino === bp.ino;
    case 'range': {
      if (s.ino !== bp.ino) return false;
      const end = bp.lblk + bp.len - 1;
      for (const c of s.changes) if (c.lblk <= end && c.lblk + c.len - 1 >= bp.lblk) return true;
      for (const k in s.refs) {
        const v = s.refs[k];
        if (k !== 'dir' && typeof v === 'number' && v >= bp.lblk && v <= end) return true;
      }
      return false;
    }
  }
}

/** The first breakpoint step `s` hits, or null. */
export function firstHit(bps: readonly Breakpoint[], s: Step): Breakpoint | null {
  for (const bp of bps) if (hits(bp, s)) return bp;
  return null;
}

/** A breakpoint in words, for lists and messages. */
export function describeBreakpoint(bp: Breakpoint): string {
  switch (bp.on) {
    case 'category':
      return `every ${bp.category.replace('_', ' ')} step`;
    case 'inode':
      return `every step on inode ${bp.ino}`;
    case 'range':
      return `inode ${bp.ino}, blocks ${bp.lblk} to ${bp.lblk + bp.len - 1}`;
  }
}
