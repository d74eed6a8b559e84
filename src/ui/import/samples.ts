/** The sample traces in public/samples/, fetched relative to the page so any base path works. */
export interface Sample {
  file: string;
  label: string;
  origin: 'synthesized' | 'real';
}

export const SAMPLES: readonly Sample[] = [
  { file: 'trace-6.1-real-steps10-11.txt', label: 'Linux 6.1, ftrace', origin: 'real' },
  {
    file: 'trace-3.9-mergewindow-hex.txt',
    label: '3.9 merge window, hex status',
    origin: 'synthesized',
  },
  { file: 'trace-3.11-letters.txt', label: '3.11, status letters', origin: 'synthesized' },
  { file: 'trace-6.x-letters.txt', label: '6.x, referenced bit', origin: 'synthesized' },
  { file: 'trace-cmd-report.txt', label: 'trace-cmd report', origin: 'synthesized' },
  { file: 'perf-script.txt', label: 'perf script', origin: 'synthesized' },
];

export function sampleUrl(s: Sample): string {
  return new URL(`samples/${s.file}`, document.baseURI).href;
}

/** The text of a trace file; `.gz` files are inflated with the browser's DecompressionStream. */
export async function readTraceFile(file: Blob, name: string): Promise<string> {
  if (!/\.gz$/i.test(name)) return file.text();
  const inflated = file.stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(inflated).text();
}
