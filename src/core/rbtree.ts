/**
 * The kernel's red-black tree (lib/rbtree.c, unchanged since 3.7) over a pool of nodes kept in
 * typed arrays. Node 0 is NIL; every other index is an extent status node. A pool holds many
 * trees (one per inode): `root[t]` is the root of tree `t`.
 *
 * Like the kernel's, the tree is intrusive and knows nothing of keys: callers search and link
 * (`rbLinkNode`), then call `rbInsertColor`; `rbErase` unlinks. The rebalancing follows the
 * kernel's cases one for one (insert cases 1-3, erase cases 1-4 and its successor splice), so
 * the same operations give the same shape and the same colours, and the same rotations in the
 * same order. Algorithm: Michel Lespinasse's 2012 rewrite of lib/rbtree.c (Linux 3.5+).
 */

export const NIL = 0;
export const RED = 0;
export const BLACK = 1;

/**
 * Receives the rebalancing as steps, for micro-step recording: each call comes at a point where
 * the child links form a valid tree again, with every node whose fields changed since the
 * previous call in `touched` (NIL entries allowed). The fast path leaves the tracer null and
 * pays one branch per step.
 */
export interface RbTracer {
  /** A rotation: `down` went below `up`; `where` names the kernel case ("insert case 3"). */
  rotate(t: number, down: number, up: number, where: string, touched: number[]): void;
  /** A recolouring without a rotation. */
  recolor(t: number, where: string, touched: number[]): void;
  /** `node` was unlinked from tree `t`; `rebalance` is where the fix-up starts (or NIL). */
  unlink(t: number, node: number, replacement: number, rebalance: number, touched: number[]): void;
}

const INITIAL_CAPACITY = 64;

/** Node pool plus the red-black links and extent payload of every node. */
export class RbPool {
  left: Int32Array;
  right: Int32Array;
  parent: Int32Array;
  color: Uint8Array;
  /** Extent payload: logical start, length, physical start, status bits. */
  lblk: Uint32Array;
  len: Uint32Array;
  pblk: Float64Array;
  status: Uint8Array;
  /** Roots, one per tree. */
  root: Int32Array;
  tracer: RbTracer | null = null;

  private capacity: number;
  private freeHead = NIL;
  private top = 1;

  /** One past the highest node index ever handed out: every live node is below it. */
  get highWater(): number {
    return this.top;
  }
  /** Nodes in use, over all trees. */
  live = 0;

  constructor(trees: number, capacity = INITIAL_CAPACITY) {
    this.capacity = Math.max(2, capacity);
    this.left = new Int32Array(this.capacity);
    this.right = new Int32Array(this.capacity);
    this.parent = new Int32Array(this.capacity);
    this.color = new Uint8Array(this.capacity);
    this.lblk = new Uint32Array(this.capacity);
    this.len = new Uint32Array(this.capacity);
    this.pblk = new Float64Array(this.capacity);
    this.status = new Uint8Array(this.capacity);
    this.root = new Int32Array(trees);
  }

  /** Grows the number of trees; existing trees keep their roots. O(trees). */
  setTreeCount(trees: number): void {
    if (trees <= this.root.length) return;
    const root = new Int32Array(trees);
    root.set(this.root);
    this.root = root;
  }

  /**
   * An independent copy holding only the nodes in use so far (the arrays are cut at the pool's
   * high-water mark), with `room` free slots past it: a copy that goes on applying ops then does
   * not have to grow (and copy itself) at its first new node. O(nodes). The tracer is not copied.
   */
  clone(room = 0): RbPool {
    const c = new RbPool(this.root.length, this.top + room);
    c.left.set(this.left.subarray(0, this.top));
    c.right.set(this.right.subarray(0, this.top));
    c.parent.set(this.parent.subarray(0, this.top));
    c.color.set(this.color.subarray(0, this.top));
    c.lblk.set(this.lblk.subarray(0, this.top));
    c.len.set(this.len.subarray(0, this.top));
    c.pblk.set(this.pblk.subarray(0, this.top));
    c.status.set(this.status.subarray(0, this.top));
    c.root.set(this.root);
    c.top = this.top;
    c.freeHead = this.freeHead;
    c.live = this.live;
    return c;
  }

  /**
   * Makes this pool an exact copy of `src` (nodes, roots, free list, counters), writing into its
   * own arrays when they are big enough, so that a seek allocates nothing and leaves the garbage
   * collector alone. Slots at and past `src`'s high-water mark keep stale values: no one reads a
   * slot there before `alloc` hands it out and its caller fills it. O(src nodes). The tracer is
   * kept.
   */
  copyFrom(src: RbPool): void {
    const top = src.top;
    this.top = 0; // nothing of ours is worth keeping if the arrays have to grow
    this.reserve(top);
    this.left.set(src.left.subarray(0, top));
    this.right.set(src.right.subarray(0, top));
    this.parent.set(src.parent.subarray(0, top));
    this.color.set(src.color.subarray(0, top));
    this.lblk.set(src.lblk.subarray(0, top));
    this.len.set(src.len.subarray(0, top));
    this.pblk.set(src.pblk.subarray(0, top));
    this.status.set(src.status.subarray(0, top));
    this.root = copyColumn(this.root, src.root);
    this.top = top;
    this.freeHead = src.freeHead;
    this.live = src.live;
  }

  /** Makes room for `nodes` slots (growing at least twofold), keeping the nodes in use. */
  reserve(nodes: number): void {
    if (this.capacity < nodes) this.resize(Math.max(nodes, this.capacity * 2));
  }

  /**
   * What changed from `prev` (an earlier state of the same pool) to this one: the slots whose
   * fields differ or that are new, the roots, the free list head and the counters. O(nodes).
   */
  diff(prev: RbPool): PoolDelta {
    return {
      nodes: diffColumns(this.columns(), this.top, prev.columns(), prev.top),
      roots: diffColumns([this.root], this.root.length, [prev.root], prev.root.length),
      freeHead: this.freeHead,
      live: this.live,
    };
  }

  /** Applies `d` to the state it was taken from, which this pool must hold. O(changes). */
  patch(d: PoolDelta): void {
    this.reserve(d.nodes.rows);
    patchColumns(this.columns(), d.nodes);
    if (this.root.length !== d.roots.rows) this.root = resized(this.root, d.roots.rows);
    patchColumns([this.root], d.roots);
    this.top = d.nodes.rows;
    this.freeHead = d.freeHead;
    this.live = d.live;
  }

  /** The per-node arrays, in a fixed order (the order of a delta's columns). */
  private columns(): Column[] {
    const { left, right, parent, color, lblk, len, pblk, status } = this;
    return [left, right, parent, color, lblk, len, pblk, status];
  }

  /** Bytes a copy of the pool holds (`clone` cuts the arrays at the high-water mark). */
  usedBytes(): number {
    return this.top * (4 * 5 + 1 + 8 + 1) + this.root.byteLength;
  }

  /** Bytes held by the typed arrays (what the engine's state costs, bar small objects). */
  byteSize(): number {
    return this.capacity * (4 * 5 + 1 + 8 + 1) + this.root.byteLength;
  }

  /** Takes a node from the free list (or the pool's end), links cleared. Amortised O(1). */
  alloc(): number {
    let n = this.freeHead;
    if (n !== NIL) {
      this.freeHead = this.right[n]!;
    } else {
      if (this.top === this.capacity) this.resize(this.capacity * 2);
      n = this.top++;
    }
    this.left[n] = NIL;
    this.right[n] = NIL;
    this.parent[n] = NIL;
    this.color[n] = RED;
    this.live++;
    return n;
  }

  /** Returns a node to the free list. O(1). */
  free(n: number): void {
    this.right[n] = this.freeHead;
    this.left[n] = -1; // marks a free node for the invariant checker
    this.freeHead = n;
    this.live--;
  }

  /** True when `n` is a node in use. */
  isLive(n: number): boolean {
    return n > 0 && n < this.top && this.left[n]! >= 0;
  }

  /** Moves the node arrays to ones of `cap` slots, keeping the nodes below the high-water mark. */
  private resize(cap: number): void {
    const keep = Math.min(this.top, cap);
    this.left = resized(this.left, cap, keep);
    this.right = resized(this.right, cap, keep);
    this.parent = resized(this.parent, cap, keep);
    this.color = resized(this.color, cap, keep);
    this.lblk = resized(this.lblk, cap, keep);
    this.len = resized(this.len, cap, keep);
    this.pblk = resized(this.pblk, cap, keep);
    this.status = resized(this.status, cap, keep);
    this.capacity = cap;
  }

  /**
   * Links `node` as the `goLeft` child of `parent` (or as root when parent is NIL), red.
   * @see include/linux/rbtree.h rb_link_node
   */
  rbLinkNode(t: number, node: number, parent: number, goLeft: boolean): void {
    this.parent[node] = parent;
    this.color[node] = RED;
    this.left[node] = NIL;
    this.right[node] = NIL;
    if (parent === NIL) this.root[t] = node;
    else if (goLeft) this.left[parent] = node;
    else this.right[parent] = node;
  }

  private changeChild(old: number, next: number, parent: number, t: number): void {
    if (parent !== NIL) {
      if (this.left[parent] === old) this.left[parent] = next;
      else this.right[parent] = next;
    } else {
      this.root[t] = next;
    }
  }

  /** `next` takes `old`'s parent and colour; `old` becomes `next`'s child with `color`. */
  private rotateSetParents(old: number, next: number, t: number, color: number): void {
    const parent = this.parent[old]!;
    this.parent[next] = parent;
    this.color[next] = this.color[old]!;
    this.parent[old] = next;
    this.color[old] = color;
    this.changeChild(old, next, parent, t);
  }

  /**
   * Rebalances after `node` was linked red: colour flips up the tree while the uncle is red,
   * then at most two rotations. O(log n).
   * @see lib/rbtree.c __rb_insert
   */
  rbInsertColor(node: number, t: number): void {
    const L = this.left;
    const R = this.right;
    const P = this.parent;
    const C = this.color;
    let parent = P[node]!;
    for (;;) {
      if (parent === NIL) {
        // node is the root: the first node, or case 1 recursed all the way up
        P[node] = NIL;
        C[node] = BLACK;
        if (this.tracer) this.tracer.recolor(t, 'root', [node]);
        return;
      }
      if (C[parent] === BLACK) return;
      const gparent = P[parent]!;
      let tmp = R[gparent]!;
      if (parent !== tmp) {
        // parent is gparent's left child
        if (tmp !== NIL && C[tmp] === RED) {
          // case 1: red uncle, flip colours and go on from the grandparent
          C[tmp] = BLACK;
          C[parent] = BLACK;
          C[gparent] = RED;
          if (this.tracer) this.tracer.recolor(t, 'insert case 1', [tmp, parent, gparent]);
          node = gparent;
          parent = P[node]!;
          continue;
        }
        tmp = R[parent]!;
        if (node === tmp) {
          // case 2: node is an inner child, left-rotate at parent to make it outer
          tmp = L[node]!;
          R[parent] = tmp;
          L[node] = parent;
          if (tmp !== NIL) {
            P[tmp] = parent;
            C[tmp] = BLACK;
          }
          P[parent] = node;
          C[parent] = RED;
          if (this.tracer) {
            // The kernel leaves gparent's child link to case 3; set it now so the tree drawn
            // between the two rotations is whole. Case 3 overwrites both links.
            L[gparent] = node;
            P[node] = gparent;
            this.tracer.rotate(t, parent, node, 'insert case 2', [parent, node, tmp, gparent]);
          }
          parent = node;
          tmp = R[node]!;
        }
        // case 3: right-rotate at gparent
        L[gparent] = tmp;
        R[parent] = gparent;
        if (tmp !== NIL) {
          P[tmp] = gparent;
          C[tmp] = BLACK;
        }
        this.rotateSetParents(gparent, parent, t, RED);
        if (this.tracer)
          this.tracer.rotate(t, gparent, parent, 'insert case 3', [
            gparent,
            parent,
            tmp,
            P[parent]!,
          ]);
        return;
      } else {
        tmp = L[gparent]!;
        if (tmp !== NIL && C[tmp] === RED) {
          C[tmp] = BLACK;
          C[parent] = BLACK;
          C[gparent] = RED;
          if (this.tracer) this.tracer.recolor(t, 'insert case 1', [tmp, parent, gparent]);
          node = gparent;
          parent = P[node]!;
          continue;
        }
        tmp = L[parent]!;
        if (node === tmp) {
          tmp = R[node]!;
          L[parent] = tmp;
          R[node] = parent;
          if (tmp !== NIL) {
            P[tmp] = parent;
            C[tmp] = BLACK;
          }
          P[parent] = node;
          C[parent] = RED;
          if (this.tracer) {
            R[gparent] = node;
            P[node] = gparent;
            this.tracer.rotate(t, parent, node, 'insert case 2', [parent, node, tmp, gparent]);
          }
          parent = node;
          tmp = L[node]!;
        }
        R[gparent] = tmp;
        L[parent] = gparent;
        if (tmp !== NIL) {
          P[tmp] = gparent;
          C[tmp] = BLACK;
        }
        this.rotateSetParents(gparent, parent, t, RED);
        if (this.tracer)
          this.tracer.rotate(t, gparent, parent, 'insert case 3', [
            gparent,
            parent,
            tmp,
            P[parent]!,
          ]);
        return;
      }
    }
  }

  /**
   * Restores the black height after a black node left the subtree under `parent` (on the side
   * where the missing black is). At most three rotations. O(log n).
   * @see lib/rbtree.c ____rb_erase_color
   */
  private eraseColor(parent: number, t: number): void {
    const L = this.left;
    const R = this.right;
    const P = this.parent;
    const C = this.color;
    let node = NIL;
    for (;;) {
      let sibling = R[parent]!;
      if (node !== sibling) {
        // node is parent's left child (or NIL on the first pass)
        if (C[sibling] === RED) {
          // case 1: red sibling, left-rotate at parent
          const tmp1 = L[sibling]!;
          R[parent] = tmp1;
          L[sibling] = parent;
          P[tmp1] = parent;
          C[tmp1] = BLACK;
          this.rotateSetParents(parent, sibling, t, RED);
          if (this.tracer)
            this.tracer.rotate(t, parent, sibling, 'erase case 1', [
              parent,
              sibling,
              tmp1,
              P[sibling]!,
            ]);
          sibling = tmp1;
        }
        let tmp1 = R[sibling]!;
        if (tmp1 === NIL || C[tmp1] === BLACK) {
          const tmp2 = L[sibling]!;
          if (tmp2 === NIL || C[tmp2] === BLACK) {
            // case 2: black sibling with black children, recolour it and move up
            C[sibling] = RED;
            if (C[parent] === RED) {
              C[parent] = BLACK;
            } else {
              if (this.tracer) this.tracer.recolor(t, 'erase case 2', [sibling, parent]);
              node = parent;
              parent = P[node]!;
              if (parent !== NIL) continue;
              return;
            }
            if (this.tracer) this.tracer.recolor(t, 'erase case 2', [sibling, parent]);
            return;
          }
          // case 3: right-rotate at sibling so that its red child is outer
          tmp1 = R[tmp2]!;
          L[sibling] = tmp1;
          R[tmp2] = sibling;
          R[parent] = tmp2;
          if (tmp1 !== NIL) {
            P[tmp1] = sibling;
            C[tmp1] = BLACK;
          }
          if (this.tracer)
            this.tracer.rotate(t, sibling, tmp2, 'erase case 3', [sibling, tmp2, tmp1, parent]);
          tmp1 = sibling;
          sibling = tmp2;
        }
        // case 4: left-rotate at parent, sibling takes parent's colour
        const tmp2 = L[sibling]!;
        R[parent] = tmp2;
        L[sibling] = parent;
        P[tmp1] = sibling;
        C[tmp1] = BLACK;
        if (tmp2 !== NIL) P[tmp2] = parent;
        this.rotateSetParents(parent, sibling, t, BLACK);
        if (this.tracer)
          this.tracer.rotate(t, parent, sibling, 'erase case 4', [
            parent,
            sibling,
            tmp1,
            tmp2,
            P[sibling]!,
          ]);
        return;
      } else {
        sibling = L[parent]!;
        if (C[sibling] === RED) {
          const tmp1 = R[sibling]!;
          L[parent] = tmp1;
          R[sibling] = parent;
          P[tmp1] = parent;
          C[tmp1] = BLACK;
          this.rotateSetParents(parent, sibling, t, RED);
          if (this.tracer)
            this.tracer.rotate(t, parent, sibling, 'erase case 1', [
              parent,
              sibling,
              tmp1,
              P[sibling]!,
            ]);
          sibling = tmp1;
        }
        let tmp1 = L[sibling]!;
        if (tmp1 === NIL || C[tmp1] === BLACK) {
          const tmp2 = R[sibling]!;
          if (tmp2 === NIL || C[tmp2] === BLACK) {
            C[sibling] = RED;
            if (C[parent] === RED) {
              C[parent] = BLACK;
            } else {
              if (this.tracer) this.tracer.recolor(t, 'erase case 2', [sibling, parent]);
              node = parent;
              parent = P[node]!;
              if (parent !== NIL) continue;
              return;
            }
            if (this.tracer) this.tracer.recolor(t, 'erase case 2', [sibling, parent]);
            return;
          }
          tmp1 = L[tmp2]!;
          R[sibling] = tmp1;
          L[tmp2] = sibling;
          L[parent] = tmp2;
          if (tmp1 !== NIL) {
            P[tmp1] = sibling;
            C[tmp1] = BLACK;
          }
          if (this.tracer)
            this.tracer.rotate(t, sibling, tmp2, 'erase case 3', [sibling, tmp2, tmp1, parent]);
          tmp1 = sibling;
          sibling = tmp2;
        }
        const tmp2 = R[sibling]!;
        L[parent] = tmp2;
        R[sibling] = parent;
        P[tmp1] = sibling;
        C[tmp1] = BLACK;
        if (tmp2 !== NIL) P[tmp2] = parent;
        this.rotateSetParents(parent, sibling, t, BLACK);
        if (this.tracer)
          this.tracer.rotate(t, parent, sibling, 'erase case 4', [
            parent,
            sibling,
            tmp1,
            tmp2,
            P[sibling]!,
          ]);
        return;
      }
    }
  }

  /**
   * Unlinks `node` from tree `t`. A node with two children is replaced by its in-order
   * successor node itself (the successor moves, its payload does not get copied), so a pointer
   * to the successor, such as `cache_es`, stays valid. O(log n).
   * @see lib/rbtree.c rb_erase, include/linux/rbtree_augmented.h __rb_erase_augmented
   */
  rbErase(node: number, t: number): void {
    const L = this.left;
    const R = this.right;
    const P = this.parent;
    const C = this.color;
    const child = R[node]!;
    let tmp = L[node]!;
    let rebalance = NIL;
    if (tmp === NIL) {
      // case 1: at most a right child, which is then red under a black node
      const parent = P[node]!;
      const pc = C[node]!;
      this.changeChild(node, child, parent, t);
      if (child !== NIL) {
        P[child] = parent;
        C[child] = pc;
      } else if (pc === BLACK) {
        rebalance = parent;
      }
      if (this.tracer) this.tracer.unlink(t, node, child, rebalance, [node, parent, child]);
    } else if (child === NIL) {
      // case 1 again, the lone child on the left
      const parent = P[node]!;
      P[tmp] = parent;
      C[tmp] = C[node]!;
      this.changeChild(node, tmp, parent, t);
      if (this.tracer) this.tracer.unlink(t, node, tmp, NIL, [node, parent, tmp]);
    } else {
      let successor = child;
      let parent: number;
      let child2: number;
      tmp = L[child]!;
      if (tmp === NIL) {
        // case 2: the successor is the right child
        parent = successor;
        child2 = R[successor]!;
      } else {
        // case 3: the successor is the leftmost node under the right child
        do {
          parent = successor;
          successor = tmp;
          tmp = L[tmp]!;
        } while (tmp !== NIL);
        child2 = R[successor]!;
        L[parent] = child2;
        R[successor] = child;
        P[child] = successor;
      }
      tmp = L[node]!;
      L[successor] = tmp;
      P[tmp] = successor;
      const gparent = P[node]!;
      const pc = C[node]!;
      this.changeChild(node, successor, gparent, t);
      if (child2 !== NIL) {
        P[successor] = gparent;
        C[successor] = pc;
        P[child2] = parent;
        C[child2] = BLACK;
      } else {
        const sc = C[successor]!;
        P[successor] = gparent;
        C[successor] = pc;
        if (sc === BLACK) rebalance = parent;
      }
      if (this.tracer)
        this.tracer.unlink(t, node, successor, rebalance, [
          node,
          successor,
          gparent,
          parent,
          child,
          child2,
          tmp,
        ]);
    }
    if (rebalance !== NIL) this.eraseColor(rebalance, t);
  }

  /** Leftmost node of tree `t`, or NIL. O(log n). @see lib/rbtree.c rb_first */
  rbFirst(t: number): number {
    let n = this.root[t]!;
    if (n === NIL) return NIL;
    const L = this.left;
    while (L[n] !== NIL) n = L[n]!;
    return n;
  }

  /** Rightmost node of tree `t`, or NIL. O(log n). @see lib/rbtree.c rb_last */
  rbLast(t: number): number {
    let n = this.root[t]!;
    if (n === NIL) return NIL;
    const R = this.right;
    while (R[n] !== NIL) n = R[n]!;
    return n;
  }

  /** In-order successor, or NIL. Amortised O(1). @see lib/rbtree.c rb_next */
  rbNext(n: number): number {
    const R = this.right;
    const P = this.parent;
    let r = R[n]!;
    if (r !== NIL) {
      const L = this.left;
      while (L[r] !== NIL) r = L[r]!;
      return r;
    }
    let p = P[n]!;
    while (p !== NIL && n === R[p]) {
      n = p;
      p = P[n]!;
    }
    return p;
  }

  /** In-order predecessor, or NIL. Amortised O(1). @see lib/rbtree.c rb_prev */
  rbPrev(n: number): number {
    const L = this.left;
    const P = this.parent;
    let l = L[n]!;
    if (l !== NIL) {
      const R = this.right;
      while (R[l] !== NIL) l = R[l]!;
      return l;
    }
    let p = P[n]!;
    while (p !== NIL && n === L[p]) {
      n = p;
      p = P[n]!;
    }
    return p;
  }
}

// -----------------------------------------------------------------------------------------------
// Column deltas: what changed between two states of a table of parallel typed arrays (the pool's
// nodes, its roots, the superblock's per-inode arrays). History keeps them between checkpoints
// instead of full copies: a few thousand ops change a few thousand rows of a million.

/** One column of a table (all of a table's columns have the same length). */
export type Column = Int32Array | Uint32Array | Uint8Array | Float64Array;

/** The rows of a table that differ between two states, with their values in the later one. */
export interface ColumnsDelta {
  /** The table's length in the later state. */
  readonly rows: number;
  /** The changed rows (and every row past the earlier state's length), ascending. */
  readonly idx: Int32Array;
  /** Per column, the values of those rows. */
  readonly vals: readonly Column[];
}

/** What changed in a pool: its nodes (rows: the high-water mark), roots and free list. */
export interface PoolDelta {
  readonly nodes: ColumnsDelta;
  readonly roots: ColumnsDelta;
  readonly freeHead: number;
  readonly live: number;
}

/** `a` at length `n`, keeping its first `keep` values (the rest are zero). O(n). */
export function resized<T extends Column>(a: T, n: number, keep = Math.min(a.length, n)): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a.subarray(0, keep));
  return b;
}

/** `src`'s values in `dst` when the lengths match (no allocation), else a copy of `src`. */
export function copyColumn<T extends Column>(dst: T, src: T): T {
  if (dst.length !== src.length) return src.slice() as T;
  dst.set(src);
  return dst;
}

/**
 * The delta from table `prev` (its first `prevRows` rows) to table `cur` (its first `rows`).
 * Columns are compared one at a time, each in a tight loop. O(rows × columns).
 */
export function diffColumns(
  cur: readonly Column[],
  rows: number,
  prev: readonly Column[],
  prevRows: number,
): ColumnsDelta {
  const common = Math.min(rows, prevRows);
  const changed = new Uint8Array(common);
  for (let c = 0; c < cur.length; c++) markChanged(cur[c]!, prev[c]!, common, changed);
  let count = rows - common;
  for (let i = 0; i < common; i++) count += changed[i]!;
  const idx = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < common; i++) if (changed[i]) idx[k++] = i;
  for (let i = common; i < rows; i++) idx[k++] = i;
  return { rows, idx, vals: cur.map((col) => gather(col, idx)) };
}

// The loops below see one element type each (bytes, or 32-bit words: Uint32 and Float64 columns
// are read through Int32Array views of their bytes), so that V8 compiles each to a tight loop; a
// loop over the Column union runs several times slower. Comparing words also compares pblk bit
// for bit.

function markChanged(a: Column, b: Column, n: number, changed: Uint8Array): void {
  if (a instanceof Uint8Array) markBytes(a, b as Uint8Array, n, changed);
  else if (a instanceof Float64Array) markPairs(words(a), words(b as Float64Array), n, changed);
  else markWords(words(a), words(b as Int32Array | Uint32Array), n, changed);
}

function markBytes(a: Uint8Array, b: Uint8Array, n: number, changed: Uint8Array): void {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) changed[i] = 1;
}

function markWords(a: Int32Array, b: Int32Array, n: number, changed: Uint8Array): void {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) changed[i] = 1;
}

function markPairs(a: Int32Array, b: Int32Array, n: number, changed: Uint8Array): void {
  for (let i = 0; i < n; i++)
    if (a[2 * i] !== b[2 * i] || a[2 * i + 1] !== b[2 * i + 1]) changed[i] = 1;
}

/** The bytes of `a` as 32-bit words. */
function words(a: Int32Array | Uint32Array | Float64Array): Int32Array {
  return a instanceof Int32Array ? a : new Int32Array(a.buffer, a.byteOffset, a.byteLength >> 2);
}

function gather<T extends Column>(col: T, idx: Int32Array): T {
  const out = new (col.constructor as new (n: number) => T)(idx.length);
  if (col instanceof Uint8Array) gatherBytes(col, idx, out as Uint8Array);
  else if (col instanceof Float64Array) gatherPairs(words(col), idx, words(out as Float64Array));
  else gatherWords(words(col), idx, words(out as Int32Array | Uint32Array));
  return out;
}

function gatherBytes(col: Uint8Array, idx: Int32Array, out: Uint8Array): void {
  for (let k = 0; k < idx.length; k++) out[k] = col[idx[k]!]!;
}

function gatherWords(col: Int32Array, idx: Int32Array, out: Int32Array): void {
  for (let k = 0; k < idx.length; k++) out[k] = col[idx[k]!]!;
}

function gatherPairs(col: Int32Array, idx: Int32Array, out: Int32Array): void {
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    out[2 * k] = col[2 * i]!;
    out[2 * k + 1] = col[2 * i + 1]!;
  }
}

/** Writes `d`'s values into `cols`, which must hold at least `d.rows` rows. O(changes). */
export function patchColumns(cols: readonly Column[], d: ColumnsDelta): void {
  for (let c = 0; c < cols.length; c++) {
    const col = cols[c]!;
    const vals = d.vals[c]!;
    if (col instanceof Uint8Array) scatterBytes(col, d.idx, vals as Uint8Array);
    else if (col instanceof Float64Array)
      scatterPairs(words(col), d.idx, words(vals as Float64Array));
    else scatterWords(words(col), d.idx, words(vals as Int32Array | Uint32Array));
  }
}

function scatterBytes(col: Uint8Array, idx: Int32Array, vals: Uint8Array): void {
  for (let k = 0; k < idx.length; k++) col[idx[k]!] = vals[k]!;
}

function scatterWords(col: Int32Array, idx: Int32Array, vals: Int32Array): void {
  for (let k = 0; k < idx.length; k++) col[idx[k]!] = vals[k]!;
}

function scatterPairs(col: Int32Array, idx: Int32Array, vals: Int32Array): void {
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    col[2 * i] = vals[2 * k]!;
    col[2 * i + 1] = vals[2 * k + 1]!;
  }
}

/** The delta `a` then `b`: their rows merged, `b`'s values winning. O(|a| + |b|). */
export function composeColumns(a: ColumnsDelta, b: ColumnsDelta): ColumnsDelta {
  const ai = a.idx;
  const bi = b.idx;
  // rows of `a` past `b`'s length are not part of the later state
  let na = ai.length;
  while (na > 0 && ai[na - 1]! >= b.rows) na--;
  const idx = new Int32Array(na + bi.length);
  const from = new Int32Array(idx.length); // k >= 0: a's entry k; ~k: b's entry k
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < na || j < bi.length) {
    if (j === bi.length || (i < na && ai[i]! < bi[j]!)) {
      idx[n] = ai[i]!;
      from[n++] = i++;
    } else {
      if (i < na && ai[i] === bi[j]) i++;
      idx[n] = bi[j]!;
      from[n++] = ~j++;
    }
  }
  const vals = b.vals.map((bv, c) => {
    const av = a.vals[c]!;
    const out = new (bv.constructor as new (n: number) => Column)(n);
    for (let k = 0; k < n; k++) {
      const f = from[k]!;
      out[k] = f >= 0 ? av[f]! : bv[~f]!;
    }
    return out;
  });
  return { rows: b.rows, idx: idx.slice(0, n), vals };
}

/** Composes two pool deltas (`a` then `b`). */
export function composePoolDeltas(a: PoolDelta, b: PoolDelta): PoolDelta {
  return {
    nodes: composeColumns(a.nodes, b.nodes),
    roots: composeColumns(a.roots, b.roots),
    freeHead: b.freeHead,
    live: b.live,
  };
}

/** Bytes held by a delta's arrays. */
export function columnsBytes(d: ColumnsDelta): number {
  return d.idx.byteLength + d.vals.reduce((t, v) => t + v.byteLength, 0);
}
