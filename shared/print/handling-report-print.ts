// 個人情報の取扱状況報告 (別紙⑦ 第13条 定期報告) and the draft of 個人情報に係る事故の報告 (第15条 緊急時報告) on A4:
// what residents' data the station holds and where, the uses in the period per person and kind, how many
// residents were touched, sign-ins and locks apart, backups made and checked, files written out and restores
// with the rows they lost; the incident draft adds boxes for the reporter to fill in by hand. The same facts as
// `madoguchi report handling|incident`. Counts, staff and places only: no resident is named. Pure: facts from main.
import type { SiteId } from '../venues/venues';
import { escapeHtml, pageHeaderHtml, printDocument, staffHtml, type StaffOnPaper } from './print-html';
import { tokyoDateTime } from '../tokyo-date';
import { num } from '../numbers';
import { flowCss, flowPages, pageSections, type FlowItem } from './page-flow';

export interface HandlingReportPrintInput {
  readonly venue: SiteId;
  readonly printedAt: string;
  readonly printedBy: StaffOnPaper;
  readonly fontCssHref: string | null;
  /** The station in words (本庁舎 窓口1). */
  readonly station: string;
  /** The period in words: 2026年12月1日〜2026年12月31日, or 2026/12/03 09:00 〜 2026/12/03 12:00. */
  readonly period: string;
  /** Where the station's data folder is (the rows below name it, not its whole path). */
  readonly dataDir: string;
  /** What the folder holds or put elsewhere, as the retention plan says it now. */
  readonly held: readonly { readonly item: string; readonly medium: string; readonly count: number; readonly unit: string }[];
  readonly uses: readonly { readonly staff: StaffOnPaper; readonly label: string; readonly times: number }[];
  readonly totalUses: number;
  readonly residents: number;
  /** Sign-ins, locks, wrong PINs: counted apart, not uses of residents' data. */
  readonly accountEvents: number;
  readonly backups: { readonly made: number; readonly checked: number; readonly failedChecks: number };
  readonly exports: readonly {
    readonly at: string;
    readonly staff: StaffOnPaper;
    readonly destination: string;
    readonly rows: number | null;
  }[];
  readonly restores: readonly {
    readonly at: string;
    readonly backupCreatedAt: string;
    readonly lost: { from: number; to: number } | null;
  }[];
}

export interface PrintedReport {
  readonly title: string;
  readonly html: string;
  readonly pages: number;
}

const HELD_ROW_MM = 11;
const ROW_MM = 6;
const CSS = `
.hr-to { font-size: 12pt; font-weight: 700; line-height: 7mm; }
.hr-intro { font-size: 9.5pt; line-height: 5mm; }
.hr-line { font-size: 10.5pt; line-height: 6.5mm; font-weight: 700; }
.hr-line .sub { font-weight: 400; font-size: 9pt; }
.hr-note { font-size: 9pt; line-height: 5mm; }
.held th:nth-child(1) { width: 72mm; } .held th:nth-child(3) { width: 28mm; }
.held td > div { white-space: normal; overflow-wrap: anywhere; line-height: 4.4mm; font-size: 8.5pt; }
.uses th:nth-child(1) { width: 70mm; } .uses th:nth-child(3) { width: 30mm; }
.outs th:nth-child(1) { width: 32mm; } .outs th:nth-child(2) { width: 50mm; } .outs th:nth-child(4) { width: 24mm; }
.outs td { font-size: 8.5pt; }
.fill { border: 0.4mm solid #000; height: 100%; padding: 1.5mm 3mm; font-size: 10pt; font-weight: 700; }
.hr-top { display: grid; grid-template-columns: 1fr 62mm; column-gap: 4mm; }
.sign { border: 0.4mm solid #000; height: 26mm; padding: 1.5mm 3mm; line-height: 7mm; }
`;

const td = (text: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</td>`;

function restoreLine(r: HandlingReportPrintInput['restores'][number]): string {
  const lost = r.lost
    ? `個人情報取扱台帳の${num(r.lost.from)}件目${r.lost.to > r.lost.from ? `から${num(r.lost.to)}件目まで` : ''}を故障で消失`
    : '失われた記録はありません';
  return `バックアップからの復元 ${tokyoDateTime(r.at)}（${tokyoDateTime(r.backupCreatedAt)} のバックアップから）: ${lost}`;
}

function items(input: HandlingReportPrintInput, incident: boolean): FlowItem[] {
  const intro = incident
    ? '次の時間帯にこの端末で扱われた個人情報を、委託契約 別紙⑦ 第15条により報告します（下書き: 下の記入欄を埋めてから報告してください）。'
    : '委託契約 別紙⑦ 第13条により、期間中のこの端末での個人情報の取扱状況を次のとおり報告します。';
  const list: FlowItem[] = [
    // The reporter's box beside the opening lines, not under the tables: a month's report then stays one sheet.
    {
      kind: 'block',
      mm: 31,
      html: `<div class="hr-top"><div><div class="hr-to">江東区長 殿</div><div class="hr-intro">${escapeHtml(intro)}</div>
<div class="hr-line">期間 ${escapeHtml(input.period)}</div><div class="hr-line">端末 ${escapeHtml(input.station)}</div></div>
<div class="sign"><div>報告者　所属</div><div>氏名</div><div>印</div></div></div>`,
    },
    {
      kind: 'table',
      caption: '保有している個人情報と場所（印刷した時点）',
      head: '<tr><th>項目</th><th>媒体・場所</th><th class="num">数量</th></tr>',
      rows: [
        `<tr><td><div>データフォルダ（この端末の暗号化された保存場所）</div></td><td><div>${escapeHtml(input.dataDir)}</div></td><td></td></tr>`,
        ...input.held.map(
          (h) =>
            `<tr><td><div>${escapeHtml(h.item)}</div></td><td><div>${escapeHtml(h.medium)}</div></td>${td(`${num(h.count)}${h.unit}`, 'num')}</tr>`,
        ),
      ],
      rowMm: HELD_ROW_MM,
      className: 'held',
    },
    {
      kind: 'block',
      mm: 13,
      html: `<div class="hr-line">利用 ${num(input.totalUses)}回・対象の住民 ${num(input.residents)}人 <span class="sub">（住民は数えるだけで、名前は載せません。ほかにサインイン・画面ロック等 ${num(input.accountEvents)}回）</span></div>`,
    },
  ];
  // The incident's boxes come first, under the opening lines: what the reporter must write is what the ward reads first.
  if (incident)
    list.splice(
      1,
      0,
      ...['発生した事実（いつ・どこで・何が）', '原因', '講じた措置・今後の対策'].map((label): FlowItem => ({
        kind: 'block',
        mm: 34,
        html: `<div class="fill">${label}</div>`,
      })),
    );
  if (input.uses.length === 0) list.push({ kind: 'block', mm: 6, html: '<div class="hr-note">（この期間の利用はありません）</div>' });
  else
    list.push({
      kind: 'table',
      caption: '職員ごと・利用の種類ごとの回数',
      head: '<tr><th>職員</th><th>利用の種類</th><th class="num">回数</th></tr>',
      rows: input.uses.map((u) => `<tr><td>${staffHtml(u.staff)}</td>${td(u.label)}${td(`${num(u.times)}回`, 'num')}</tr>`),
      rowMm: ROW_MM,
      className: 'uses',
    });
  list.push({
    kind: 'block',
    mm: 7,
    html: `<div class="hr-line">バックアップ 作成 ${num(input.backups.made)}回・確認 正常 ${num(input.backups.checked)}回・異常 ${num(input.backups.failedChecks)}回</div>`,
  });
  list.push({ kind: 'block', mm: 7, html: `<div class="hr-line">書き出したファイル ${num(input.exports.length)}件</div>` });
  if (input.exports.length > 0)
    list.push({
      kind: 'table',
      caption: null,
      head: '<tr><th>日時</th><th>職員</th><th>書き出し先</th><th class="num">件数</th></tr>',
      rows: input.exports.map(
        (e) =>
          `<tr>${td(tokyoDateTime(e.at))}<td>${staffHtml(e.staff)}</td>${td(e.destination)}${td(e.rows === null ? '' : `${num(e.rows)}件`, 'num')}</tr>`,
      ),
      rowMm: ROW_MM,
      className: 'outs',
    });
  for (const r of input.restores) list.push({ kind: 'block', mm: 14, html: `<div class="hr-line">${escapeHtml(restoreLine(r))}</div>` });
  return list;
}

function report(input: HandlingReportPrintInput, incident: boolean): PrintedReport {
  const name = incident ? '個人情報に係る事故の報告（下書き）' : '個人情報の取扱状況報告（定期報告）';
  const flow = items(input, incident);
  const pages = flowPages(flow);
  const header = pageHeaderHtml({
    title: name,
    venue: input.venue,
    printedAt: input.printedAt,
    printedBy: input.printedBy,
    subtitleHtml: escapeHtml(input.period),
  });
  // Short, for the preview's heading and the PDF's file name: the sheet itself carries the full name.
  const title = `${incident ? '事故報告（下書き）' : '定期報告'} ${input.period}`;
  return {
    title,
    html: printDocument({ title, css: flowCss(flow) + CSS, body: pageSections(pages, header), fontCssHref: input.fontCssHref }),
    pages: pages.length,
  };
}

/** 定期報告 (第13条). */
export function handlingReportPrint(input: HandlingReportPrintInput): PrintedReport {
  return report(input, false);
}

/** 緊急時報告の下書き (第15条): the same facts over the hours in question, and boxes for what happened, why, what was done. */
export function incidentReportPrint(input: HandlingReportPrintInput): PrintedReport {
  return report(input, true);
}
