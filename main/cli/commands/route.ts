// madoguchi route: which venue serves an address (別紙①), one line per address.
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { routeAddress } from '../../../shared/address/route-address';
import type { CliIo } from '../io';

export function registerRoute(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('route')
    .description('住所から交付会場を判定（引数、または標準入力から1行1住所）。出力: VENUE_ID<TAB>町名<TAB>丁目 または -<TAB>理由')
    .argument('[address...]', '住所')
    .action(async (addresses: string[]) => {
      const lines = addresses.length > 0 ? addresses : await readLines(io);
      let refused = 0;
      for (const line of lines) {
        const r = routeAddress(line);
        if (r.ok) io.out(`${r.venue}\t${r.town}\t${r.chome ?? '-'}\n`);
        else {
          refused++;
          io.out(`-\t${r.reason}\n`);
        }
      }
      if (refused > 0) setExit(1);
    });
}

async function readLines(io: CliIo): Promise<string[]> {
  const lines: string[] = [];
  // Every input line gets exactly one output line, blank ones included, so output pastes beside input.
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) lines.push(line);
  return lines;
}
