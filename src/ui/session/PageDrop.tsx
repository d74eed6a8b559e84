/**
 * Files dropped anywhere on the page: a session file (JSON) opens as a session, anything else is
 * imported as a kernel trace. Shows a frame while a file is dragged over the page.
 */
import { useEffect, useState } from 'react';
import { useEsxStore } from '../../store/useEsx.ts';

async function readText(file: File): Promise<string> {
  if (file.name.endsWith('.gz')) {
    const stream = file.stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text();
  }
  return file.text();
}

export function PageDrop() {
  const store = useEsxStore();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const dragover = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      // a drop zone inside the page (the import panel's) handles its own drops
      if ((e.target as Element | null)?.closest?.('[data-drop-zone]')) return;
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      void (async () => {
        const text = await readText(file);
        const s = store.getState();
        if (/^\s*\{/.test(text) && text.includes('"esx-session/'))
          await s.openSession('file', text);
        else await s.importTrace(text, file.name);
      })();
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', dragover);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', dragover);
      window.removeEventListener('drop', drop);
    };
  }, [store]);
  return over ? (
    <div className="page-drop" aria-hidden="true">
      Drop a session file to open it, or a kernel trace to import it
    </div>
  ) : null;
}
