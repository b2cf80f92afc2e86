// The 消去報告書 on A4 (別紙⑦ 第12条5): when, who, under which approval, each kind of data with its count, medium
// and method, what remains to destroy by hand, the final heads of the chained records, and how to check the
// signature. Counts and places only: no resident is named.
import { siteName, type SiteId } from '../venues/venues';
import { escapeHtml, pageFooterHtml, pageHeaderHtml, printDocument, staffHtml, type StaffOnPaper } from './print-html';
import { dayText, tokyoDateTime } from '../tokyo-date';
import { num } from '../numbers';

/** One kind of data on the forms: what, on which medium, how much, how it is erased. */
interface ErasureItem {
  readonly item: string;
  readonly medium: string;
  readonly count: number;
  readonly unit: string;
  readonly method: string;
}

export interface ErasureReportPrint {
  readonly site: SiteId;
  readonly stationId: string;
  readonly dataDir: string;
  readonly approval: string;
  readonly startedAt: string;
  readonly erasedAt: string;
  readonly erasedBy: { readonly actor: string; readonly name: string };
  readonly items: readonly (ErasureItem & { readonly erased: readonly string[]; readonly byHand: readonly string[] })[];
  readonly finalHeads: { readonly access: { seq: number; chain: string | null }; readonly events: { seq: number; chain: string | null } };
  readonly checkedUnreadable: boolean;
  readonly signingKey: string;
}

const CSS = `
.er { font-size: 8.5pt; line-height: 4.4mm; }
.er .to { font-size: 12pt; font-weight: 700; margin: 3mm 0; }
.er table { width: 100%; border-collapse: collapse; margin: 2mm 0; table-layout: fixed; }
.er th, .er td { border: 0.3mm solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.er th { background: #eee; }
.er .k { width: 40mm; }
.er .n { width: 22mm; text-align: right; }
.er .mono { font-size: 7.5pt; font-variant-numeric: tabular-nums; word-break: break-all; }
.er .box { border: 0.4mm solid #000; height: 20mm; width: 85mm; margin-left: auto; margin-top: 3mm; padding: 1.5mm 3mm; line-height: 5.5mm; }
`;

/** The person on paper by the name people know and the staff id the records use (`lead:lead1` → lead1). */
function onPaper(who: { readonly actor: string; readonly name: string }): StaffOnPaper {
  return { name: who.name, staffId: who.actor.slice(who.actor.indexOf(':') + 1) };
}

function staffText(who: { readonly actor: string; readonly name: string }): string {
  return staffHtml(onPaper(who));
}

/** A one-page form: its header (what, where, when, by whom), the body, the footer. */
function onePage(
  title: string,
  at: { readonly site: SiteId; readonly stationId: string },
  when: string,
  who: { readonly actor: string; readonly name: string },
  body: string,
  fontCssHref: string | null,
): string {
  return printDocument({
    title: `${title} ${at.stationId}`,
    css: CSS,
    body: `<section class="page">${pageHeaderHtml({
      title,
      venue: at.site,
      printedAt: when,
      printedBy: onPaper(who),
    })}<div class="body">${body}</div>${pageFooterHtml(1, 1)}</section>`,
    fontCssHref,
  });
}

export function erasureReportHtml(r: ErasureReportPrint, fontCssHref: string | null): string {
  const kv = (k: string, v: string) => `<tr><th class="k">${k}</th><td>${v}</td></tr>`;
  const items = r.items
    .map(
      (i) =>
        `<tr><td>${escapeHtml(i.item)}</td><td>${escapeHtml(i.medium)}${
          // The places erased, unless the medium already names them (the data folder).
          i.erased.some((p) => !i.medium.includes(p)) ? `<div class="mono">${i.erased.map(escapeHtml).join('<br>')}</div>` : ''
        }</td><td class="n">${escapeHtml(`${num(i.count)}${i.unit}`)}</td><td>${escapeHtml(i.method)}${
          i.byHand.length > 0
            ? `<div><b>手作業で破壊・消去するもの:</b><div class="mono">${i.byHand.map(escapeHtml).join('<br>')}</div></div>`
            : ''
        }</td></tr>`,
    )
    .join('\n');
  const head = (h: { seq: number; chain: string | null }) => `${num(h.seq)}件目 <span class="mono">${escapeHtml(h.chain ?? '-')}</span>`;
  const body = `<div class="er">
<div class="to">江東区長 殿</div>
<div>承認を受けた申請に基づき、本委託業務で利用した個人情報を次のとおり消去しましたので報告します。</div>
<table>
${kv('消去した日時', `${escapeHtml(tokyoDateTime(r.startedAt))} 〜 ${escapeHtml(tokyoDateTime(r.erasedAt))}`)}
${kv('担当者', staffText(r.erasedBy))}
${kv('承認番号', escapeHtml(r.approval))}
${kv('端末', escapeHtml(`${siteName(r.site)} ${r.stationId}`))}
${kv('データフォルダ', `<span class="mono">${escapeHtml(r.dataDir)}</span>`)}
${kv('消去後の確認', r.checkedUnreadable ? 'データフォルダ・消去したバックアップとファイルが残っていないことを確認' : '<b>残っているものがあります（要確認）</b>')}
</table>
<table><tr><th>項目</th><th>媒体・場所</th><th class="n">数量</th><th>消去の方法</th></tr>
${items}
</table>
<table>
${kv('個人情報取扱台帳の最後', head(r.finalHeads.access))}
${kv('業務記録の最後', head(r.finalHeads.events))}
${kv('端末の署名鍵', `<span class="mono">${escapeHtml(r.signingKey)}</span>`)}
</table>
<div>この報告書の電子版（JSON）は端末の署名鍵で署名されています。事務センターで madoguchi erasure verify 報告書.json --hq-data で確かめられます。</div>
<div class="box"><div>担当者</div><div>氏名</div><div>印</div></div>
</div>`;
  return onePage('消去報告書', r, r.erasedAt, r.erasedBy, body, fontCssHref);
}

export interface ErasureApplicationPrint {
  readonly site: SiteId;
  readonly stationId: string;
  readonly dataDir: string;
  readonly appliedAt: string;
  readonly applicant: { readonly actor: string; readonly name: string };
  readonly plannedOn: string;
  /** `away`: places of the item not found at the station (a medium taken away), to be destroyed by hand. */
  readonly items: readonly (ErasureItem & { readonly away: readonly string[] })[];
}

/** 個人情報の消去申請書 (第12条2): items, media, quantities, method and the planned date, for the ward to approve. */
export function erasureApplicationHtml(a: ErasureApplicationPrint, fontCssHref: string | null): string {
  const rows = a.items
    .map(
      (i) =>
        `<tr><td>${escapeHtml(i.item)}</td><td>${escapeHtml(i.medium)}${
          i.away.length > 0
            ? `<div><b>この端末から見当たらないもの（${num(i.away.length)}${escapeHtml(i.unit)}）:</b><div class="mono">${i.away.map(escapeHtml).join('<br>')}</div></div>`
            : ''
        }</td><td class="n">${escapeHtml(`${num(i.count)}${i.unit}`)}</td><td>${escapeHtml(i.method)}</td></tr>`,
    )
    .join('\n');
  const body = `<div class="er">
<div class="to">江東区長 殿</div>
<div>本委託業務で利用した個人情報を、次のとおり消去したいので申請します。承認後、承認番号を付して消去し、消去報告書で報告します。</div>
<table>
<tr><th class="k">処理予定日</th><td>${escapeHtml(dayText(a.plannedOn))}</td></tr>
<tr><th class="k">申請者</th><td>${staffText(a.applicant)}</td></tr>
<tr><th class="k">端末</th><td>${escapeHtml(`${siteName(a.site)} ${a.stationId}`)}</td></tr>
<tr><th class="k">データフォルダ</th><td><span class="mono">${escapeHtml(a.dataDir)}</span></td></tr>
</table>
<table><tr><th>項目</th><th>媒体名</th><th class="n">数量</th><th>消去の方法</th></tr>
${rows}
</table>
<div class="box"><div>承認（区）　承認番号</div><div>日付</div><div>印</div></div>
</div>`;
  return onePage('個人情報の消去申請書', a, a.appliedAt, a.applicant, body, fontCssHref);
}
