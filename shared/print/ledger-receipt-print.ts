// 預り証 (別紙⑦ 第11条): the venue acknowledges the ledger it took in from HQ — which shipment, how many residents'
// rows, the exact file (its SHA-256, the HQ key that signed it), who took it in, where and when. One page, 正本
// for HQ and 控え kept at the venue, each with a box to sign. No resident is named on it. The same facts reach
// HQ signed by the station (the ledger.imported event in its next sync file), and HQ's screen shows each ledger
// as acknowledged or not.
import type { VenueId } from '../venues/venues';
import { VENUES } from '../venues/venues';
import { escapeHtml, pageFooterHtml, pageHeaderHtml, printDocument, staffHtml, type StaffOnPaper } from './print-html';
import { tokyoDateTime } from '../tokyo-date';
import { count } from '../numbers';

export interface LedgerReceiptInput {
  readonly venue: VenueId;
  readonly printedAt: string;
  readonly printedBy: StaffOnPaper;
  readonly fontCssHref: string | null;
  readonly shipmentId: string;
  readonly rowCount: number;
  /** When HQ made the ledger file (ISO). */
  readonly createdAt: string;
  readonly fileSha256: string;
  readonly hqKeyId: string;
  readonly importedAt: string;
  readonly importedBy: StaffOnPaper;
  /** The station, in words (本庁舎 窓口1). */
  readonly station: string;
  /** The import's record id (the event's), by which HQ finds the same facts in the station's sync file. */
  readonly recordId: string;
}

const CSS = `
.rc { margin-top: 6mm; font-size: 11pt; line-height: 7mm; }
.rc .to { font-size: 13pt; font-weight: 700; margin-bottom: 4mm; }
.rc table { width: 100%; border-collapse: collapse; margin: 4mm 0; }
.rc th, .rc td { border: 0.3mm solid #000; padding: 1.5mm 3mm; text-align: left; vertical-align: top; }
.rc th { width: 58mm; background: #eee; font-weight: 700; }
.rc .mono { font-family: monospace; font-size: 10pt; word-break: break-all; }
.rc .note { font-size: 9.5pt; line-height: 5.5mm; }
.rc .box { border: 0.4mm solid #000; height: 32mm; width: 90mm; margin-left: auto; margin-top: 6mm; padding: 2mm 3mm; line-height: 7mm; }
`;

/** The SHA-256 in four groups of sixteen, so two people can read it to each other. */
const grouped = (hex: string) => hex.match(/.{1,16}/g)!.join(' ');

export function ledgerReceiptHtml(input: LedgerReceiptInput): string {
  const row = (label: string, valueHtml: string) => `<tr><th>${label}</th><td>${valueHtml}</td></tr>`;
  const body = `<div class="rc">
<div class="to">江東区 事務センター 御中</div>
<div>下記の個人番号カード各会場送付台帳（電子ファイル）を、${escapeHtml(VENUES[input.venue].name)}で受領しました。</div>
<table>
${row('出荷', escapeHtml(input.shipmentId))}
${row('会場', escapeHtml(`${VENUES[input.venue].name}（${VENUES[input.venue].place}）`))}
${row('件数', escapeHtml(count(input.rowCount)))}
${row('台帳の作成日時', escapeHtml(tokyoDateTime(input.createdAt)))}
${row('台帳ファイルの SHA-256', `<span class="mono">${escapeHtml(grouped(input.fileSha256))}</span>`)}
${row('署名した事務センター鍵', `<span class="mono">${escapeHtml(input.hqKeyId)}</span>`)}
${row('受領（取込）日時', escapeHtml(tokyoDateTime(input.importedAt)))}
${row('受領者', staffHtml(input.importedBy))}
${row('端末', escapeHtml(input.station))}
${row('記録ID', `<span class="mono">${escapeHtml(input.recordId)}</span>`)}
</table>
<div class="note">台帳の署名を確かめ、会場の鍵で復号して取り込みました。同じ内容は、この端末の署名付きの同期ファイルで事務センターに届きます（記録IDで照合できます）。</div>
<div class="box"><div>受領者（会場責任者）</div><div>氏名</div><div>印</div></div>
</div>`;
  const page = (copy: '正本' | '控え') =>
    `<section class="page">${pageHeaderHtml({
      title: copy === '控え' ? '預り証（控え・会場保管）' : '預り証',
      venue: input.venue,
      printedAt: input.printedAt,
      printedBy: input.printedBy,
      subtitleHtml: `出荷 ${escapeHtml(input.shipmentId)}・${escapeHtml(count(input.rowCount))}`,
      copy,
    })}<div class="body">${body}</div>${pageFooterHtml(1, 1, copy)}</section>`;
  return printDocument({
    title: `預り証 ${input.shipmentId}`,
    css: CSS,
    body: `${page('正本')}\n${page('控え')}`,
    fontCssHref: input.fontCssHref,
  });
}
