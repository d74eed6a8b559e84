/**
 * The Session tab: copy a link to the session (or to the current state alone), download and open
 * session files, and bring back the session a link replaced.
 */
import { useRef, useState } from 'react';
import { useEsx } from '../../store/useEsx.ts';
import {
  selectEncode,
  selectLinkLength,
  selectOpenSession,
  selectPrevious,
  selectRestorePrevious,
} from '../../store/selectors.ts';
import { LONG_LINK } from '../../permalink/codec.ts';

/** The page's address with `payload` as its fragment. */
function linkFor(payload: string): string {
  const url = new URL(window.location.href);
  url.hash = payload;
  return url.href;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function SessionPanel() {
  const encode = useEsx(selectEncode);
  const openSession = useEsx(selectOpenSession);
  const previous = useEsx(selectPrevious);
  const restorePrevious = useEsx(selectRestorePrevious);
  const length = useEsx(selectLinkLength);
  const [link, setLink] = useState<{
    kind: 'session' | 'state';
    url: string;
    copied: boolean;
  } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const makeLink = async (kind: 'session' | 'state') => {
    const payload = await encode(kind === 'session' ? 'link' : 'state');
    if (!payload) return;
    const url = linkFor(payload);
    setLink({ kind, url, copied: await copy(url) });
  };

  const download = async () => {
    const text = await encode('file');
    if (!text) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    a.download = 'esx-session.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const open = async (file: File | undefined) => {
    if (!file) return;
    await openSession('file', await file.text());
    if (fileInput.current) fileInput.current.value = '';
  };

  const long = link !== null && link.url.length > LONG_LINK;
  return (
    <div className="session-panel">
      <p className="hint">
        The address bar always holds a link to this session, cursor and breakpoints included; it is
        also saved in this browser, so a reload brings it back.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void makeLink('session')}>
          Copy link
        </button>
        <button type="button" onClick={() => void makeLink('state')}>
          Copy link to this state
        </button>
      </div>
      {link ? (
        <div className="link-out">
          <label htmlFor="link-text">
            {link.kind === 'session' ? 'Link to this session' : 'Link to this state (no history)'},{' '}
            {link.url.length.toLocaleString('en')} characters{link.copied ? ' (copied)' : ''}
          </label>
          <input
            id="link-text"
            readOnly
            value={link.url}
            onFocus={(e) => e.currentTarget.select()}
          />
          {long ? (
            <p className="warning" role="status">
              This link is longer than {LONG_LINK.toLocaleString('en')} characters: chat tools and
              some hosts cut long links. Share the session file instead, or a link to this state.
            </p>
          ) : null}
        </div>
      ) : length !== null ? (
        <p className="hint">
          The session&apos;s link is {length.toLocaleString('en')} characters long.
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => void download()}>
          Download session
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Open session
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Session file to open"
          className="visually-hidden"
          onChange={(e) => void open(e.currentTarget.files?.[0])}
        />
      </div>
      <p className="hint">
        You can also drop a session file (or a kernel trace) anywhere on the page.
      </p>
      {previous ? (
        <div className="button-row">
          <button type="button" onClick={() => void restorePrevious()}>
            Restore previous session
          </button>
        </div>
      ) : null}
    </div>
  );
}
