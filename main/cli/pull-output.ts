// What `sync pull` and `hq pull` share on the command line: sources as typed, and how a pull's results read.
import { resolve } from 'node:path';
import { sourceName, type SourceResult } from '../sync/pull';
import { describeOutcome } from '../sync/ingest';
import { normalizeSource } from '../sync/registration';
import { CliError, type CliIo } from './io';
import { count } from '../../shared/numbers';

/** A source as typed: a folder (relative to here) or a station's https://host:port, checked and normalised. */
export function sourceArgument(io: CliIo, value: string): string {
  const normal = normalizeSource(/^https:\/\//i.test(value) ? value : resolve(io.cwd, value));
  if (!normal.ok) throw new CliError(normal.error.message, 2);
  return normal.value;
}

export function printPullResults(io: CliIo, results: readonly SourceResult[], setExit: (code: number) => void): void {
  for (const r of results) {
    // Whose files first, as HQ reads it; the folder or address after, for whoever has to fix a problem.
    const from = r.stations.length > 0 ? `${sourceName(r)}（${r.source}）` : r.source;
    if (r.problem) {
      io.err(`${from}: ${r.problem.message}\n`);
      setExit(1);
      continue;
    }
    io.out(`${from}: ${r.outcomes.length === 0 ? '新しいファイルはありません' : count(r.outcomes.length, 'ファイル')}\n`);
    for (const o of r.outcomes) {
      // Whose file and what became of it first; the file's name (its station's id and number) after, for support.
      io.out(`  ${describeOutcome(o)}  ファイル ${o.file}\n`);
      if (o.status === 'rejected' || o.status === 'equivocation' || (o.status === 'ingested' && o.alerts.length > 0)) setExit(3);
    }
  }
}
