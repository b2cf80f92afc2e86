// What `sync pull` and `hq pull` share on the command line: sources as typed, and how a pull's results read.
import { resolve } from 'node:path';
import type { SourceResult } from '../sync/pull';
import { describeOutcome } from '../sync/ingest';
import { normalizeSource } from '../sync/registration';
import { CliError, type CliIo } from './io';

/** A source as typed: a folder (relative to here) or a station's https://host:port, checked and normalised. */
export function sourceArgument(io: CliIo, value: string): string {
  const normal = normalizeSource(/^https:\/\//i.test(value) ? value : resolve(io.cwd, value));
  if (!normal.ok) throw new CliError(normal.error.message, 2);
  return normal.value;
}

export function printPullResults(io: CliIo, results: readonly SourceResult[], setExit: (code: number) => void): void {
  for (const r of results) {
    if (r.problem) {
      io.err(`${r.source}: ${r.problem.message}\n`);
      setExit(1);
      continue;
    }
    io.out(`${r.source}: ${r.outcomes.length === 0 ? '新しいファイルはありません' : `${r.outcomes.length} ファイル`}\n`);
    for (const o of r.outcomes) {
      io.out(`  ${o.file}  ${describeOutcome(o)}\n`);
      if (o.status === 'rejected' || o.status === 'equivocation' || (o.status === 'ingested' && o.alerts.length > 0)) setExit(3);
    }
  }
}
