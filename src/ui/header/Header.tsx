import { InodeCount } from './InodeCount.tsx';
import { useEsx } from '../../store/useEsx.ts';
import { selectEngine, selectNewSession, selectRun } from '../../store/selectors.ts';
import { EXAMPLE_OPS } from '../../store/sessionSlice.ts';

export function Header() {
  const engine = useEsx(selectEngine);
  const run = useEsx(selectRun);
  const newSession = useEsx(selectNewSession);
  return (
    <header className="header">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          esx
        </span>
        <h1>
          Extent status tree explorer
          <span className="subtitle">ext4, Linux 3.9 merge window</span>
        </h1>
      </div>
      <div className="header-tools">
        <InodeCount />
        <button type="button" onClick={() => void run(EXAMPLE_OPS)}>
          Load example
        </button>
        <button type="button" className="quiet" onClick={() => void newSession(4)}>
          New session
        </button>
        <span className={`engine ${engine ? 'ready' : ''}`} role="note" aria-label="Engine status">
          <span className="dot" aria-hidden="true" />
          {engine ? 'Engine ready in a worker' : 'Starting engine…'}
        </span>
      </div>
    </header>
  );
}
