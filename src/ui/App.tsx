import { Header } from './header/Header.tsx';
import { ResultLine } from './result/ResultLine.tsx';
import { OpsPanel } from './ops/OpsPanel.tsx';
import { TreeView } from './tree/TreeView.tsx';
import { BlockMap } from './blockmap/BlockMap.tsx';
import { ExtentsTable } from './table/ExtentsTable.tsx';
import { LruView } from './lru/LruView.tsx';
import { StatusPatterns } from './shared/StatusPatterns.tsx';
import { CommitProbe } from './shared/CommitProbe.tsx';
import { TimelinePanel } from './timeline/TimelinePanel.tsx';
import { ToolsPanel } from './tools/ToolsPanel.tsx';
import { PageDrop } from './session/PageDrop.tsx';

/** The explorer screen: operations on the left, the tree and block map in the middle, the truth on the right. */
export function App() {
  return (
    <div className="app">
      <StatusPatterns />
      <Header />
      <ResultLine />
      <div className="left">
        <OpsPanel />
        <ToolsPanel />
      </div>
      <TimelinePanel />
      <main className="views" aria-label="Views">
        <TreeView />
        <BlockMap />
      </main>
      <aside className="side" aria-label="Extents and LRU">
        <ExtentsTable />
        <LruView />
      </aside>
      <CommitProbe />
      <PageDrop />
    </div>
  );
}
