// Attacks on browser mode's session, as they were found and as they could be tried next. The cookie reaches every
// page of every port of 127.0.0.1, so it is taken as such a page's server gets it and replayed as curl would
// (no Origin, then a forged one); a secret of the right length but wrong, of another length, one replaced at sign-in
// (session fixation), one from a session whose time is up. Each is refused, and no answer holds a resident's data
// or the secret.
import { test, describe, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request, type IncomingMessage } from 'node:http';
import { startBrowserServer, type BrowserServer } from './server';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from './session';
import { MESSAGES } from './replies';
import { appFixture, manualClock } from '../testing/app-fixture';
import { tempDir } from '../testing/fixtures';
import { httpRequest, openSession, SECRET_IN_PAGE, type Answer, type OpenedSession } from '../testing/browser-client';
import { createPreviewPrinter } from '../print/printer';

const MINUTE = 60_000;

async function serve(t: TestContext) {
  const clock = manualClock('2026-11-25T00:30:00Z');
  const printer = createPreviewPrinter({ now: () => clock.now().getTime() });
  const { app, cards } = appFixture(t, clock, { printer });
  const rendererDir = join(tempDir(t), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>窓口</title></head><body><div id="root"></div></body></html>',
  );
  const server = await startBrowserServer({ invoke: app.invoke, rendererDir, printPreviews: printer, now: () => clock.now().getTime() });
  t.after(() => server.close());
  const session = await openSession(server);
  const card = cards[0]!;
  return { server, session, clock, printer, card };
}

/** A call with exactly these headers. */
const post = (server: BrowserServer, channel: string, headers: Record<string, string>, input: unknown = {}): Promise<Answer> =>
  httpRequest(server.port, `/__ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });

const withSecret = (session: OpenedSession, secret: string): Record<string, string> => ({ ...session.call, 'x-madoguchi-session': secret });

function refusedCall(a: Answer, status: number, code: string, what: string): string {
  assert.equal(a.status, status, `${what}: ${a.status} ${a.body}`);
  const parsed = JSON.parse(a.body) as { ok: boolean; error: { code: string; message: string } };
  assert.equal(parsed.ok, false, what);
  assert.equal(parsed.error.code, code, what);
  assert.match(parsed.error.message, /[ぁ-んァ-ヶ一-龯]/, `${what}: said in Japanese`);
  return parsed.error.message;
}

/** Nothing in it a resident or the session could be read from. */
function holdsNothing(a: Answer, secrets: readonly string[], card: { name: string; reservationNo: string }, what: string): void {
  for (const s of secrets) assert.ok(!a.body.includes(s) && !JSON.stringify(a.headers).includes(s), `${what}: no secret`);
  assert.doesNotMatch(a.body, SECRET_IN_PAGE, `${what}: no secret's <meta>`);
  assert.ok(!a.body.includes(card.name), `${what}: no name`);
  assert.ok(!a.body.includes('1983-04-01'), `${what}: no birth date`);
}

/** An event stream: what it has received, and whether the server has ended it. */
function stream(port: number, path: string, headers: Record<string, string>) {
  let body = '';
  let done = false;
  let response: IncomingMessage | null = null;
  const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } });
  const answered = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      response = res;
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => (done = true));
      res.on('close', () => (done = true));
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
  req.end();
  return {
    answered,
    get body() {
      return body;
    },
    get ended() {
      return done;
    },
    close: () => {
      response?.destroy();
      req.destroy();
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

async function signIn(server: BrowserServer, session: OpenedSession, secret = session.secret): Promise<string> {
  const r = await post(server, 'session:signIn', withSecret(session, secret), { staffId: 'clerk1', pin: '1111' });
  assert.equal(JSON.parse(r.body).ok, true, r.body);
  const next = r.headers['x-madoguchi-session'];
  assert.equal(typeof next, 'string', 'a sign-in brings a new secret');
  return next as string;
}

describe('browser mode: the cookie alone is never enough', () => {
  test('the cookie a page of another port receives, replayed without the secret, gets nothing', async (t) => {
    const { server, session, card } = await serve(t);
    const secret = await signIn(server, session);
    const view = await post(server, 'counter:view', withSecret(session, secret), { reservationNo: card.reservationNo });
    assert.ok(view.body.includes(card.name), 'the window itself sees the card');

    // As a page on another port gets it: the browser sends "name=value" of our cookie with every request to that
    // port (the audit's finding). Replayed as curl: no Origin at all, then an Origin forged to be ours.
    const cookieOnly = { cookie: session.cookie };
    const secrets = [session.secret, secret];
    const noOrigin = await post(server, 'counter:view', cookieOnly, { reservationNo: card.reservationNo });
    refusedCall(noOrigin, 403, 'forbidden', 'no Origin');
    holdsNothing(noOrigin, secrets, card, 'no Origin');
    for (const channel of ['counter:view', 'session:get', 'station:status', 'session:signOut']) {
      const forged = await post(server, channel, { ...cookieOnly, origin: session.origin }, { reservationNo: card.reservationNo });
      assert.equal(refusedCall(forged, 403, 'no-session', channel), MESSAGES.noSecret);
      holdsNothing(forged, secrets, card, channel);
    }

    // The pages: the screen again is the app's own file (the same as dist/renderer on disk) with the bridge, never
    // the secret; the spent one-time URL sends it to the screen; the bridge script is the same for everyone.
    const page = await httpRequest(server.port, '/', { headers: cookieOnly });
    assert.equal(page.status, 200);
    assert.match(page.body, /<script src="\/__bridge.js"><\/script>/);
    holdsNothing(page, secrets, card, 'GET /');
    const spent = await httpRequest(server.port, new URL(server.url).pathname + new URL(server.url).search, { headers: cookieOnly });
    assert.equal(spent.status, 303);
    holdsNothing(spent, secrets, card, 'the spent URL again');
    const bridge = await httpRequest(server.port, '/__bridge.js', { headers: cookieOnly });
    assert.equal(bridge.status, 200);
    holdsNothing(bridge, secrets, card, 'the bridge');

    // The event stream: the cookie alone, a wrong secret, the secret replaced at sign-in.
    for (const [what, path] of [
      ['cookie only', '/__events'],
      ['empty', '/__events?s='],
      ['wrong', `/__events?s=${encodeURIComponent(secret.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))}`],
      ['replaced', `/__events?s=${encodeURIComponent(session.secret)}`],
    ] as const) {
      const events = await httpRequest(server.port, path, { headers: cookieOnly });
      assert.equal(events.status, 403, `events, ${what}`);
      assert.match(events.body, /タブ|URL/);
      holdsNothing(events, secrets, card, `events, ${what}`);
    }

    // The window goes on as if nothing happened (a replayed sign-out did not sign it out).
    const after = await post(server, 'session:get', withSecret(session, secret));
    assert.equal(JSON.parse(after.body).value.staffId, 'clerk1');
  });

  test('a wrong secret of the same length, of another length, or the secret without the cookie: refused', async (t) => {
    const { server, session, card } = await serve(t);
    const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
    const wrong = [
      ['same length, first character', flip(session.secret, 0)],
      ['same length, last character', flip(session.secret, session.secret.length - 1)],
      ['one shorter', session.secret.slice(0, -1)],
      ['one longer', session.secret + 'A'],
      ['a prefix', session.secret.slice(0, 8)],
      ['empty', ''],
      ['long', 'x'.repeat(4096)],
      ['the one-time token', new URL(server.url).searchParams.get('token')!],
    ] as const;
    for (const [what, secret] of wrong) {
      const r = await post(server, 'counter:view', withSecret(session, secret), { reservationNo: card.reservationNo });
      refusedCall(r, 403, 'no-session', what);
      holdsNothing(r, [session.secret], card, what);
    }
    const noCookie = await post(server, 'station:status', { origin: session.origin, 'x-madoguchi-session': session.secret });
    assert.equal(refusedCall(noCookie, 403, 'no-session', 'no cookie'), MESSAGES.notOpened);
    const otherCookie = await post(server, 'station:status', {
      ...session.call,
      cookie: session.cookie.replace(/=.*/, '=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    });
    refusedCall(otherCookie, 403, 'no-session', 'a made-up cookie');
    assert.equal((await post(server, 'station:status', session.call)).status, 200, 'both, right: answered');
  });

  test('every call needs its Origin: missing or another page’s is refused, even with the cookie and the secret', async (t) => {
    const { server, session } = await serve(t);
    const { origin: _ours, ...noOrigin } = session.call;
    assert.equal(refusedCall(await post(server, 'station:status', noOrigin), 403, 'forbidden', 'no Origin'), MESSAGES.otherOrigin);
    for (const origin of [`http://127.0.0.1:${server.port + 1}`, 'http://localhost:' + server.port, 'null', 'http://evil.example']) {
      refusedCall(await post(server, 'station:status', { ...session.call, origin }), 403, 'forbidden', origin);
    }
    // What a page of another port's fetch carries (the browser says it is another page of the same site).
    refusedCall(
      await post(server, 'station:status', { ...session.call, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors' }),
      403,
      'forbidden',
      'Sec-Fetch-Site: same-site',
    );
    const events = await httpRequest(server.port, `/__events?s=${encodeURIComponent(session.secret)}`, {
      headers: { cookie: session.cookie, origin: `http://127.0.0.1:${server.port + 1}` },
    });
    assert.equal(events.status, 403, 'the event stream with another Origin');
    const script = await httpRequest(server.port, '/__bridge.js', {
      headers: { cookie: session.cookie, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' },
    });
    assert.equal(script.status, 403, '<script src> from another port');
    // A link opened from elsewhere is a top-level navigation: it gets the screen, which without the secret does nothing.
    const link = await httpRequest(server.port, '/', {
      headers: { cookie: session.cookie, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' },
    });
    assert.equal(link.status, 200);
    assert.doesNotMatch(link.body, SECRET_IN_PAGE);
  });

  test('a print preview: the cookie and the id, and never framed by another port', async (t) => {
    const { server, session, printer } = await serve(t);
    const { preview } = await printer.print({ title: 'x', html: '<!doctype html><html><head></head><body>江東　太郎</body></html>' });
    assert.equal((await httpRequest(server.port, preview!)).status, 403, 'no cookie');
    assert.equal((await httpRequest(server.port, preview!, { headers: { cookie: session.cookie } })).status, 200, 'our window’s frame');
    const framed = await httpRequest(server.port, preview!, {
      headers: { cookie: session.cookie, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' },
    });
    assert.equal(framed.status, 403, 'an iframe on a page of another port');
    assert.ok(!framed.body.includes('江東　太郎'));
  });
});

describe('browser mode: the one-time URL gives the secret once', () => {
  test('its first opening carries the secret and the cookie; nothing later does', async (t) => {
    const { server, session } = await serve(t);
    assert.equal(session.page.headers['cache-control'], 'no-store', 'the page with the secret is not cached');
    assert.match(session.page.body, /<head><meta name="madoguchi-session" content="[^"]+"><script src="\/__bridge.js"><\/script>/);
    const setCookie = String(session.page.headers['set-cookie']);
    assert.match(setCookie, new RegExp(`^madoguchi_session_${server.port}=`), 'named with our port: another server’s cookie is its own');
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    assert.match(setCookie, /Max-Age=43200/);
    const url = new URL(server.url);
    const again = await httpRequest(server.port, url.pathname + url.search);
    assert.equal(again.status, 403, 'another browser: the URL is spent');
    assert.equal(again.body, MESSAGES.tokenSpent);
    assert.equal(again.headers['set-cookie'], undefined);
    const guessed = await httpRequest(server.port, `/?token=${url.searchParams.get('token')!.replace(/^./, 'A')}`);
    assert.equal(guessed.status, 403);
    assert.equal((await httpRequest(server.port, '/')).status, 403, 'no cookie: nothing is served');
  });
});

describe('browser mode: the secret is replaced at sign-in and at the PIN unlock', () => {
  test('session fixation: the secret known before the sign-in is refused after it; the new one works', async (t) => {
    const { server, session, card } = await serve(t);
    const before = session.secret;
    // A wrong PIN changes nothing.
    const wrongPin = await post(server, 'session:signIn', session.call, { staffId: 'clerk1', pin: '0000' });
    assert.equal(JSON.parse(wrongPin.body).ok, false);
    assert.equal(wrongPin.headers['x-madoguchi-session'], undefined);

    const after = await signIn(server, session);
    assert.notEqual(after, before);
    // Whoever held the secret before the sign-in (planted or seen) gets nothing of the signed-in session.
    const fixed = await post(server, 'counter:view', withSecret(session, before), { reservationNo: card.reservationNo });
    refusedCall(fixed, 403, 'no-session', 'the secret from before the sign-in');
    holdsNothing(fixed, [after], card, 'fixed');
    assert.equal(
      (await httpRequest(server.port, `/__events?s=${encodeURIComponent(before)}`, { headers: { cookie: session.cookie } })).status,
      403,
    );
    const view = await post(server, 'counter:view', withSecret(session, after), { reservationNo: card.reservationNo });
    assert.ok(view.body.includes(card.name));

    // The idle lock, then the PIN again: another secret.
    assert.equal(JSON.parse((await post(server, 'session:lock', withSecret(session, after))).body).ok, true);
    const unlock = await post(server, 'session:unlock', withSecret(session, after), { pin: '1111' });
    assert.equal(JSON.parse(unlock.body).ok, true);
    const third = unlock.headers['x-madoguchi-session'] as string;
    assert.ok(third && third !== after);
    refusedCall(await post(server, 'session:get', withSecret(session, after)), 403, 'no-session', 'the secret from before the unlock');
    assert.equal(JSON.parse((await post(server, 'session:get', withSecret(session, third))).body).value.staffId, 'clerk1');
  });

  test('a stream opened with the old secret hears every push until the new stream opens, then ends', async (t) => {
    const { server, session } = await serve(t);
    const old = stream(server.port, `/__events?s=${encodeURIComponent(session.secret)}`, { cookie: session.cookie });
    t.after(() => old.close());
    assert.equal(await old.answered, 200);
    const next = await signIn(server, session);
    server.push('scanner:status', { connected: true, device: 'one' });
    await settle();
    assert.match(old.body, /"device":"one"/, 'between the rotation and the new stream: the old one still hears');
    assert.equal(old.ended, false);

    const fresh = stream(server.port, `/__events?s=${encodeURIComponent(next)}`, { cookie: session.cookie });
    t.after(() => fresh.close());
    assert.equal(await fresh.answered, 200);
    await settle();
    assert.equal(old.ended, true, 'the old stream ends as the new one opens');
    server.push('scanner:status', { connected: true, device: 'two' });
    await settle();
    assert.match(fresh.body, /"device":"two"/);
    assert.doesNotMatch(old.body, /"device":"two"/, 'each push reaches one stream, never both');
  });
});

describe('browser mode: a session ends', () => {
  test(`after ${SESSION_IDLE_MS / MINUTE} minutes without a call`, async (t) => {
    const { server, session, clock, card } = await serve(t);
    const secret = await signIn(server, session);
    const events = stream(server.port, `/__events?s=${encodeURIComponent(secret)}`, { cookie: session.cookie });
    t.after(() => events.close());
    assert.equal(await events.answered, 200);
    clock.advance(SESSION_IDLE_MS - MINUTE);
    assert.equal((await post(server, 'station:status', withSecret(session, secret))).status, 200, 'a call just in time');
    clock.advance(SESSION_IDLE_MS - MINUTE);
    assert.equal((await post(server, 'station:status', withSecret(session, secret))).status, 200, 'the call kept it alive');
    clock.advance(SESSION_IDLE_MS + 1);
    // A push to a stream of a session whose time is up: the stream ends, nothing is written.
    server.push('scanner:scan', { code: card.reservationNo });
    await settle();
    assert.equal(events.ended, true);
    assert.ok(!events.body.includes(card.reservationNo));

    const late = await post(server, 'counter:view', withSecret(session, secret), { reservationNo: card.reservationNo });
    assert.equal(refusedCall(late, 403, 'no-session', 'after the idle time'), MESSAGES.ended);
    holdsNothing(late, [secret], card, 'late');
    assert.match(MESSAGES.ended, /期限が切れました.*サーバーを起動し直し/);
    const page = await httpRequest(server.port, '/', { headers: { cookie: session.cookie } });
    assert.equal(page.status, 403, 'the screen reloaded says so');
    assert.equal(page.body, MESSAGES.ended);
    assert.equal(
      (await httpRequest(server.port, `/__events?s=${encodeURIComponent(secret)}`, { headers: { cookie: session.cookie } })).status,
      403,
    );
    const url = new URL(server.url);
    assert.equal((await httpRequest(server.port, url.pathname + url.search)).status, 403, 'the one-time URL does not start another');
    const reopened = await httpRequest(server.port, url.pathname + url.search, { headers: { cookie: session.cookie } });
    assert.equal(reopened.body, MESSAGES.ended, 'the browser that had it is told why');
  });

  test(`${SESSION_MAX_MS / (60 * MINUTE)} hours after the URL was opened, however busy`, async (t) => {
    const { server, session, clock } = await serve(t);
    const secret = await signIn(server, session);
    let t0 = 0;
    while (t0 + 30 * MINUTE <= SESSION_MAX_MS) {
      clock.advance(30 * MINUTE);
      t0 += 30 * MINUTE;
      assert.equal((await post(server, 'station:status', withSecret(session, secret))).status, 200, `after ${t0 / MINUTE} minutes`);
    }
    clock.advance(SESSION_MAX_MS - t0 + 1);
    assert.equal(
      refusedCall(await post(server, 'station:status', withSecret(session, secret)), 403, 'no-session', 'past the day'),
      MESSAGES.ended,
    );
  });
});
