// The page the window shows after its renderer process died (crashed, killed, out of memory): nothing recorded is
// lost — every handover is committed in main before the screen hears of it — and one button (focused, so Enter
// works from the keyboard) opens the counter screen again. No script: a form that goes back to the app's page.
import { createHash } from 'node:crypto';

const STYLE =
  'body{margin:0;height:100vh;display:flex;align-items:center;justify-content:center;background:#0b1a2a;color:#fff;' +
  'font-family:"Noto Sans JP","Noto Sans CJK JP","Yu Gothic UI","Meiryo",sans-serif}' +
  'main{max-width:760px;padding:40px;text-align:center}h1{font-size:40px;margin:0 0 24px}p{font-size:24px;line-height:1.6}' +
  'button{margin-top:32px;font:inherit;font-size:32px;font-weight:700;padding:16px 48px;border:0;border-radius:12px;' +
  'background:#f5b82e;color:#0b1a2a;cursor:pointer}button:focus{outline:6px solid #fff;outline-offset:4px}';

export const RECOVER_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

export function recoverPage(): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>窓口 Madoguchi</title><style>${STYLE}</style></head>
<body><main role="alert">
<h1>画面が予期せず終了しました</h1>
<p>記録はすべて保存されています。下のボタンで窓口の画面を開き直し、もう一度ログインしてください。</p>
<p>繰り返す場合は、会場責任者からサポートに連絡してください（ログとクラッシュ記録は logs フォルダにあります。README「Logs and crash reports」）。</p>
<form action="/index.html" method="get"><button type="submit" autofocus>画面を開き直す（Enter）</button></form>
</main></body></html>`;
}
