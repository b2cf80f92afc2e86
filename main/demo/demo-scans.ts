// The demo's 試しにスキャンする番号: one reservation number per outcome at 本庁舎's counter, so that someone trying the
// app for the first time need not decode a CP932 roster and route its addresses to find a card to scan.
import { join } from 'node:path';
import type { LedgerCard } from '../../shared/ledger/ledger-format';
import type { VenueId } from '../../shared/venues/venues';
import { writeFileAtomic } from '../files/atomic-write';

export interface DemoShipment {
  readonly ledgers: readonly { readonly venue: VenueId; readonly cards: readonly LedgerCard[] }[];
  readonly received: boolean;
  /** Shipped long ago and never collected (返戻の対象). */
  readonly overdue: boolean;
}

const SCAN_SHEET = 'scan-these.txt';

/** The sheet's lines: what the counter says, the number, whose (the demo's residents are made up). */
function scanSheet(shipments: readonly DemoShipment[]): string {
  const at = (venue: VenueId, pick: (s: DemoShipment) => boolean) =>
    shipments.filter(pick).flatMap((s) => s.ledgers.filter((l) => l.venue === venue).flatMap((l) => l.cards))[0];
  const all = new Set(shipments.flatMap((s) => s.ledgers.flatMap((l) => l.cards.map((c) => c.reservationNo))));
  let n = 999_999;
  while (all.has(`ZZZ-${n}`)) n--;
  const rows: [string, LedgerCard | string | undefined][] = [
    ['交付できます（本人確認へ）', at('honchosha', (s) => s.received && !s.overdue)],
    ['別の会場のカード（総合区民センター）', at('sogo', (s) => s.received)],
    ['別の会場のカード（豊洲シビックセンター）', at('toyosu', (s) => s.received)],
    ['受領確認前の箱のカード', at('honchosha', (s) => !s.received)],
    ['台帳にない番号', `ZZZ-${n}`],
    ['読めない番号（形式違い）', 'NOT-A-NUMBER'],
  ];
  const lines = rows
    .filter((r): r is [string, LedgerCard | string] => r[1] !== undefined)
    .map(([what, card]) => (typeof card === 'string' ? `${card}\t${what}` : `${card.reservationNo}\t${what}：${card.name}`));
  return [
    '# デモで試すスキャン（本庁舎 窓口1）: 番号をスキャナで読むか、番号入力（F2）に打ち込みます。',
    '# 人物は架空です。交付を記録したあとにもう一度読むと「交付済み」になります。',
    ...lines,
    '',
  ].join('\n');
}

export function writeScanSheet(dir: string, shipments: readonly DemoShipment[]): string {
  const path = join(dir, SCAN_SHEET);
  writeFileAtomic(path, scanSheet(shipments));
  return path;
}
