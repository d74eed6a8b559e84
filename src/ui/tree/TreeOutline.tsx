/**
 * The red-black tree as an ARIA tree outline (WAI-ARIA tree view pattern): one treeitem per node,
 * nested by parent, with the node's extent, status, colour and whether it is cache_es in words.
 * Keyboard: ↑/↓ move, → expands or goes to the first child, ← collapses or goes to the parent,
 * Home/End jump to the first and last visible item. Only expanded levels are rendered, so a large
 * tree costs what is open, not its size.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import { selectCacheId, selectTree } from '../../store/selectors.ts';
import type { TreeNode } from '../../worker/protocol.ts';
import { statusWords } from '../../store/describe.ts';

interface Kids {
  left?: TreeNode;
  right?: TreeNode;
}

/** Depth of levels open at first. */
const OPEN_DEPTH = 3;

function label(n: TreeNode, cached: boolean): string {
  const where = n.pblk === null ? '' : `, physical ${n.pblk}`;
  const side = n.side === 'root' ? 'root' : `${n.side} child`;
  return `[${n.lblk}/${n.len}) ${statusWords(n.status)}${where}, ${n.red ? 'red' : 'black'}, ${side}${cached ? ', cache_es' : ''}`;
}

export function TreeOutline() {
  const tree = useEsx(selectTree);
  const cacheId = useEsx(selectCacheId);
  const kids = useMemo(() => {
    const m = new Map<number, Kids>();
    let root: TreeNode | undefined;
    for (const id of tree.ids) {
      const n = tree.byId[id]!;
      if (n.side === 'root') root = n;
      else {
        const k = m.get(n.parent) ?? {};
        k[n.side] = n;
        m.set(n.parent, k);
      }
    }
    return { m, root };
  }, [tree]);
  const [toggled, setToggled] = useState<Map<number, boolean>>(new Map());
  const [focusId, setFocusId] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const isOpen = (n: TreeNode) => toggled.get(n.id) ?? n.depth < OPEN_DEPTH;
  const children = (n: TreeNode) => {
    const k = kids.m.get(n.id);
    return [k?.left, k?.right].filter((x): x is TreeNode => x !== undefined);
  };

  // the visible items in order, for keyboard moves
  const visible: TreeNode[] = [];
  const walk = (n: TreeNode) => {
    visible.push(n);
    if (isOpen(n)) for (const c of children(n)) walk(c);
  };
  if (kids.root) walk(kids.root);
  const current = visible.find((n) => n.id === focusId) ?? visible[0];

  const focus = (n: TreeNode | undefined) => {
    if (!n) return;
    setFocusId(n.id);
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>(`[data-outline-id="${n.id}"]`)?.focus(),
    );
  };
  const setOpen = (n: TreeNode, open: boolean) => setToggled((m) => new Map(m).set(n.id, open));

  const onKey = (e: KeyboardEvent) => {
    if (!current) return;
    const i = visible.indexOf(current);
    const kidsOf = children(current);
    switch (e.key) {
      case 'ArrowDown':
        focus(visible[i + 1]);
        break;
      case 'ArrowUp':
        focus(visible[i - 1]);
        break;
      case 'ArrowRight':
        if (kidsOf.length && !isOpen(current)) setOpen(current, true);
        else focus(kidsOf[0]);
        break;
      case 'ArrowLeft':
        if (kidsOf.length && isOpen(current)) setOpen(current, false);
        else focus(tree.byId[current.parent]);
        break;
      case 'Home':
        focus(visible[0]);
        break;
      case 'End':
        focus(visible[visible.length - 1]);
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const item = (n: TreeNode, level: number): React.ReactNode => {
    const cs = children(n);
    const open = isOpen(n);
    return (
      <li
        key={n.id}
        role="treeitem"
        aria-level={level}
        aria-expanded={cs.length ? open : undefined}
        aria-selected={current?.id === n.id}
        tabIndex={current?.id === n.id ? 0 : -1}
        data-outline-id={n.id}
        className={`outline-item ${n.red ? 'red' : 'black'}`}
        onClick={(e) => {
          e.stopPropagation();
          setFocusId(n.id);
          if (cs.length) setOpen(n, !open);
        }}
      >
        <span className="outline-label">
          <span className="outline-color" aria-hidden="true">
            {n.red ? 'R' : 'B'}
          </span>
          {label(n, n.id === cacheId)}
        </span>
        {cs.length > 0 && open ? <ul role="group">{cs.map((c) => item(c, level + 1))}</ul> : null}
      </li>
    );
  };

  if (!kids.root) return <p className="hint">The tree is empty.</p>;
  return (
    <ul
      ref={listRef}
      role="tree"
      aria-label={`Red-black tree of inode ${tree.ino} as an outline`}
      className="tree-outline"
      onKeyDown={onKey}
    >
      {item(kids.root, 1)}
    </ul>
  );
}
