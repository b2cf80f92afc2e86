// `madoguchi serve` as a child process for node tests, and a window's calls to it made as the browser bridge
// makes them (main/browser/bridge-script.ts): the one-time URL swapped for the session cookie and the page's
// secret, then POST /__ipc/<channel> with JSON, both, and the window's Origin. The real process, so a test can kill it outright.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcResult } from '../../shared/ipc/contract';

const BIN = fileURLToPath(new URL('../../bin/madoguchi.mjs', import.meta.url));

export interface ServedStation {
  readonly child: ChildProcess;
  /** The one-time URL it printed. */
  readonly url: string;
  /** Settles once the process is gone, however it went. */
  readonly exited: Promise<void>;
}

/** Any built screen will do: the node tests run before the renderer is built, and they never load it. */
export function stubRenderer(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>窓口</title>');
  return dir;
}

export function startServe(dataDir: string, rendererDir: string, passphrase: string): Promise<ServedStation> {
  const child = spawn(process.execPath, [BIN, 'serve', '--data', dataDir, '--renderer', rendererDir], {
    env: { ...process.env, MADOGUCHI_PASSPHRASE: passphrase, MADOGUCHI_EXIT_WITH_PARENT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Slow on a loaded machine: Node, tsx and the passphrase's scrypt all come before the URL.
  return servedUrl(child, 60_000).then((url) => ({ child, url, exited }));
}

/**
 * The one-time URL a starting `serve` prints (node tests and e2e/serve.ts alike); the process is killed and the
 * promise rejected, with what it printed, when none comes in `timeoutMs` or it exits first.
 */
export function servedUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`printed no URL in ${timeoutMs / 1000} s`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`madoguchi serve ${why}\n${out}\n${err}`));
    };
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /URL: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before it served`));
  });
}

export interface ServedWindow {
  /** One call; throws when no answer comes (the server gone), as the bridge then says 'unreachable'. */
  call(channel: string, input: unknown): Promise<IpcResult<unknown>>;
}

/** Opens the one-time URL as the window does: the session's cookie and the secret of its page, then calls with both. */
export async function openWindow(url: string): Promise<ServedWindow> {
  const res = await fetch(url, { redirect: 'manual' });
  const cookie = /madoguchi_session_\d+=[A-Za-z0-9_-]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  let secret = /<meta name="madoguchi-session" content="([^"]+)">/.exec(await res.text())?.[1];
  if (res.status !== 200 || !cookie || !secret) throw new Error(`the one-time URL gave ${res.status} and no session`);
  const origin = new URL(url).origin;
  return {
    async call(channel, input) {
      const r = await fetch(`${origin}/__ipc/${channel}`, {
        method: 'POST',
        headers: { cookie, origin, 'x-madoguchi-session': secret!, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      // A sign-in's answer brings the next secret, as the bridge takes it.
      secret = r.headers.get('x-madoguchi-session') ?? secret;
      return (await r.json()) as IpcResult<unknown>;
    },
  };
}
