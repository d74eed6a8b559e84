/** Lesson text: plain runs, glossary terms ([[term]]) as tooltips, `code` and **strong**. */
import { Fragment } from 'react';
import { parseRich } from '../../lessons/lessons.ts';
import { Term } from '../shared/Term.tsx';

export function RichText({ text }: { text: string }) {
  return (
    <>
      {parseRich(text).map((seg, i) => {
        switch (seg.kind) {
          case 'term':
            return (
              <Term key={i} term={seg.term}>
                {seg.text}
              </Term>
            );
          case 'code':
            return <code key={i}>{seg.text}</code>;
          case 'strong':
            return (
              <strong key={i}>
                <RichText text={seg.text} />
              </strong>
            );
          default:
            return <Fragment key={i}>{seg.text}</Fragment>;
        }
      })}
    </>
  );
}

/** Paragraphs of lesson text (an explanation may hold blank-line breaks). */
export function Paragraphs({ text, className }: { text: string | string[]; className?: string }) {
  const paras = typeof text === 'string' ? text.split(/\n\s*\n/) : text;
  return (
    <>
      {paras.map((p, i) => (
        <p key={i} className={className}>
          <RichText text={p} />
        </p>
      ))}
    </>
  );
}
