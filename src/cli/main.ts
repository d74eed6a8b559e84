/**
 * The `esx` command: the engine without a browser.
 *   esx check FILE...            replay vector files against the engine, one line per file
 *   esx replay [--quiet] FILE    print result and state after every op (or only the final state)
 *   esx steps FILE               each op's micro-steps, one JSON line per op
 *   esx bench [--ops N]          a seeded 1M-op workload: ops/s and peak memory
 *   esx gen-ops [--ops N] OUT    write the bench workload as an esx-ops/1 file
 *   esx convert TRACE            a kernel trace → esx-ops/1 on stdout, import report on stderr
 */
import { checkFile, firstDifference } from './check.ts';
import { InputError } from './io.ts';
import { replayFile } from './replay.ts';
import { runBench, runScaleBench, runSeekBench, writeWorkload } from './bench.ts';
import { stepsFile } from './steps.ts';
import { convertFile } from './convert.ts';

const USAGE = `usage:
  esx check FILE...             check conformance vector files (plain or .gz)
  esx replay [--quiet] FILE     apply an op or vector file; print result and state per op
  esx steps FILE                print each op's micro-steps as one JSON line
  esx bench [--ops N] [--seed S] [--seek-ops N] [--scale]   engine, seek and scale benchmarks
  esx gen-ops [--ops N] [--seed S] OUT   write the benchmark workload as esx-ops/1
  esx convert TRACE             kernel trace (ftrace, trace-cmd, perf script) -> esx-ops/1 on stdout`;

function write(text: string): void {
  process.stdout.write(text);
}

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const v = Number(args[i + 1]);
  args.splice(i, 2);
  if (!Number.isSafeInteger(v) || v < 0)
    throw new InputError(`${name} takes a non-negative integer`);
  return v;
}

function main(argv: string[]): number {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case 'check': {
      if (args.length === 0) throw new InputError('check needs at least one FILE');
      let passed = 0;
      let failed = 0;
      for (const file of args) {
        const v = checkFile(file);
        passed += v.passed;
        failed += v.failed + (v.error ? 1 : 0);
        if (v.error) write(`ERROR ${file}: ${v.error}\n`);
        else if (v.failed === 0) write(`ok   ${file}: ${v.passed} ops\n`);
        else {
          const f = v.first!;
          write(
            `FAIL ${file}: ${v.failed} of ${v.passed + v.failed} ops; first at op ${f.index} (line ${f.lineNo}) ${f.op}\n`,
          );
          write(`    ${firstDifference(f.expected, f.actual)}\n`);
        }
      }
      write(`${passed} passed, ${failed} failed\n`);
      return failed > 0 ? 1 : 0;
    }
    case 'replay': {
      const quiet = args.includes('--quiet');
      const files = args.filter((a) => a !== '--quiet');
      if (files.length !== 1) throw new InputError('replay takes exactly one FILE');
      replayFile(files[0]!, { quiet, write });
      return 0;
    }
    case 'steps': {
      if (args.length !== 1) throw new InputError('steps takes exactly one FILE');
      stepsFile(args[0]!, write);
      return 0;
    }
    case 'bench': {
      const ops = option(args, '--ops', 1_000_000);
      const seed = option(args, '--seed', 1);
      const seekOps = option(args, '--seek-ops', 100_000);
      const scale = args.includes('--scale');
      runBench(ops, seed, write);
      if (seekOps > 0) runSeekBench(seekOps, seed, write);
      if (scale) runScaleBench(write);
      return 0;
    }
    case 'gen-ops': {
      const ops = option(args, '--ops', 1_000_000);
      const seed = option(args, '--seed', 1);
      if (args.length !== 1) throw new InputError('gen-ops takes one OUT file');
      writeWorkload(args[0]!, ops, seed);
      return 0;
    }
    case 'convert': {
      if (args.length !== 1) throw new InputError('convert takes exactly one TRACE file');
      convertFile(args[0]!, write, (t) => process.stderr.write(t));
      return 0;
    }
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      write(USAGE + '\n');
      return cmd === undefined ? 2 : 0;
    default:
      throw new InputError(`unknown command "${cmd}"\n${USAGE}`);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof InputError) {
    process.stderr.write(`esx: ${e.message}\n`);
    process.exitCode = 2;
  } else if (e instanceof Error && (e as NodeJS.ErrnoException).code === 'ENOENT') {
    process.stderr.write(`esx: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
