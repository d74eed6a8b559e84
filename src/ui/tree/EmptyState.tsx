import { useEsx } from '../../store/useEsx.ts';
import { selectIsEmpty, selectRun } from '../../store/selectors.ts';
import { EXAMPLE_OPS } from '../../store/sessionSlice.ts';

/** What a newcomer sees before anything is cached: what to try first. */
export function EmptyState({ ino }: { ino: number }) {
  const fresh = useEsx(selectIsEmpty);
  const run = useEsx(selectRun);
  return (
    <div className="empty">
      <p className="empty-title">
        {fresh ? 'Nothing cached yet' : `Inode ${ino} caches no extents`}
      </p>
      <p>
        Insert an extent with the form, type <code>insert {ino} 10 5 100 W</code> in Command, or
        start from a few extents on two inodes.
      </p>
      <button type="button" className="primary" onClick={() => void run(EXAMPLE_OPS)}>
        Load example
      </button>
    </div>
  );
}
