// The demo's late shipment (its second roster), as the receipt check specs need it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { BIN, ROOT } from '../demo-world';

/** The late shipment's reservation numbers that went to 本庁舎 (from the demo's second roster). */
export function lateAtHonchosha(worldDir: string): string[] {
  const text = iconv.decode(readFileSync(join(worldDir, 'roster-2.csv')), 'cp932');
  const rows = text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
  const routed = (() => {
    try {
      return execFileSync(process.execPath, [BIN, 'route'], {
        cwd: ROOT,
        input: rows.map((r) => r[4]).join('\n') + '\n',
        encoding: 'utf8',
      });
    } catch (e) {
      return (e as { stdout: string }).stdout;
    }
  })().split('\n');
  return rows.filter((_, i) => routed[i]?.startsWith('honchosha')).map((r) => r[0]!);
}
