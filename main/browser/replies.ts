// How browser mode's server answers when it does not do what was asked: in Japanese, saying what happened and
// what to do, never a stack trace or a path of this machine. Calls into the contract get the contract's error
// shape ({ ok: false, error: { code, message } }), which the bridge hands to the screen as any other refusal.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { IpcError } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { RETRY_AFTER_SECONDS, bytesLabel } from './limits';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from './session';

const HOUR = 60 * 60_000;

/** How long a refused upload may go on being sent (and discarded) so its sender can read the answer. */
const LINGER_MS = 2000;

export const MESSAGES = {
  tooLarge: (cap: number) =>
    `送られたデータが大きすぎます（上限 ${bytesLabel(cap)}）。何も記録していません。選んだファイルや入力した内容を確かめてください`,
  busy: '窓口サービスが混み合っているため受け付けませんでした（何も記録していません）。数秒待ってからもう一度操作してください',
  badAddress: 'アドレスに読み取れない文字が含まれています。起動時に表示された URL から開き直してください',
  internal: '予期しないエラーが発生しました（コード: INTERNAL）。もう一度操作し、続くときはサーバーを起動し直してください',
  wrongHost: 'このアドレスでは開けません。起動時に表示された URL（127.0.0.1）から開いてください',
  otherOrigin: 'ほかのページからの操作は受け付けません。起動時に表示された URL から開いた画面で操作してください',
  method: 'この操作には対応していません。起動時に表示された URL から開いた画面で操作してください',
  notFound: 'ページが見つかりません。起動時に表示された URL から開き直してください',
  /** No session of this server in the request (another browser, or none opened yet). */
  notOpened: '起動時に表示された URL から開いてください',
  tokenSpent:
    'この URL は一度だけ使えます（使用済みか無効です）。最初に開いたタブで操作するか、サーバーを起動し直して新しい URL を使ってください',
  /** The browser's session is ours but this tab does not hold its secret (a second tab, or one from another page). */
  noSecret:
    'この画面（タブ）には窓口サービスを使う許可がありません（何も記録していません）。起動時の URL を最初に開いたタブで操作してください。そのタブを閉じたときは、サーバーを起動し直し（npm start または madoguchi serve）、表示された新しい URL を開いてください',
  ended:
    `ブラウザーモードの接続の期限が切れました（操作のないまま${SESSION_IDLE_MS / HOUR}時間、または開いてから${SESSION_MAX_MS / HOUR}時間）。` +
    '何も記録していません。サーバーを起動し直し（npm start または madoguchi serve）、表示された新しい URL を開いてください',
} as const;

export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'content-type': type });
  res.end(body);
}

/** A refusal people read as a page (a wrong address, an expired link): plain Japanese text. */
export function sendText(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  send(res, status, 'text/plain; charset=utf-8', message, headers);
}

/**
 * A refused call, in the contract's shape. If its body is still arriving, the server discards it (never into
 * memory) for LINGER_MS so the sender can read this answer, then hangs up: cutting it off at once would reset the
 * connection and lose the answer, and reading on for good would let a sender keep us busy.
 */
export function refuseCall(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  error: IpcError,
  headers: Record<string, string> = {},
): void {
  if (!req.complete) {
    const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
    timer.unref();
    req.once('end', () => clearTimeout(timer));
    req.socket.once('close', () => clearTimeout(timer));
    // Flowing with no reader: the bytes are dropped as they come.
    req.resume();
  }
  const extra: Record<string, string> = status === 503 ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {};
  send(res, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error }), {
    ...headers,
    ...extra,
    'cache-control': 'no-store',
  });
}

/**
 * What Node's parser refuses before any handler runs (a broken request line, headers too large, a request that
 * took too long): said in Japanese instead of Node's bare status line. A socket already gone gets nothing.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const [status, reason, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'リクエストのヘッダーが大きすぎます。ブラウザーを開き直してください']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', '送信が時間内に終わりませんでした（何も記録していません）。もう一度操作してください']
        : [400, 'Bad Request', '読み取れないリクエストです（何も記録していません）。起動時に表示された URL から開き直してください'];
  const body = Buffer.from(message, 'utf8');
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${message}`,
  );
}
