import { useEsx } from '../../store/useEsx.ts';
import { selectCache, selectDetailIno, selectTreeIds } from '../../store/selectors.ts';

interface Props {
  onFit(): void;
  onZoom(k: number): void;
  outline: boolean;
  onOutline(on: boolean): void;
}

export function TreeHeader({ onFit, onZoom, outline, onOutline }: Props) {
  const ino = useEsx(selectDetailIno);
  const count = useEsx((s) =>
    s.snapshot?.detail.big ? s.snapshot.detail.count : selectTreeIds(s).length,
  );
  const cache = useEsx(selectCache);
  return (
    <div className="panel-head">
      <h2 id="tree-title">Red-black tree · inode {ino}</h2>
      <span className="pill" data-testid="node-count">
        {count === 1 ? '1 node' : `${count.toLocaleString('en-US')} nodes`}
      </span>
      <span className="pill cache-pill" data-testid="cache-es">
        cache_es: {cache === null ? 'none' : `lblk ${cache}`}
      </span>
      <div className="tools" role="toolbar" aria-label="Tree view">
        <button
          type="button"
          className="icon"
          aria-label="Zoom tree in"
          onClick={() => onZoom(1.25)}
        >
          +
        </button>
        <button
          type="button"
          className="icon"
          aria-label="Zoom tree out"
          onClick={() => onZoom(0.8)}
        >
          −
        </button>
        <button type="button" className="quiet" onClick={onFit} disabled={outline}>
          Fit tree
        </button>
        <button
          type="button"
          className="quiet"
          aria-pressed={outline}
          onClick={() => onOutline(!outline)}
        >
          Outline
        </button>
      </div>
    </div>
  );
}
