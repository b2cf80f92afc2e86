// `madoguchi serve` as a child process on a data folder: started, stopped and restarted by the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, PASSPHRASE, ROOT } from './demo-world';
import { servedUrl } from '../main/testing/served-station';

export interface Served {
  /** The one-time URL of the current server process. */
  readonly url: string;
  readonly dataDir: string;
  /**
   * Stops the server (SIGTERM, waits for exit) and starts a new one on the same data folder; `change` replaces its
   * arguments or extra environment from then on.
   */
  restart(change?: { args?: readonly string[]; env?: Readonly<Record<string, string>> }): Promise<string>;
  /** Freezes the server process (SIGSTOP): a hung main, which takes calls and answers none. */
  pause(): void;
  /** Lets a frozen server go on (SIGCONT): the calls it took are answered. */
  resume(): void;
  stop(): Promise<void>;
}

function startProcess(
  dataDir: string,
  args: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--data', dataDir, ...args], {
    cwd: ROOT,
    env: { ...process.env, MADOGUCHI_PASSPHRASE: PASSPHRASE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return servedUrl(child, 30_000).then((url) => ({ child, url }));
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  // A frozen process would take SIGTERM only once it runs again.
  child.kill('SIGCONT');
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function serve(dataDir: string, args: readonly string[] = [], env: Readonly<Record<string, string>> = {}): Promise<Served> {
  let current = await startProcess(dataDir, args, env);
  return {
    get url() {
      return current.url;
    },
    dataDir,
    async restart(change = {}) {
      args = change.args ?? args;
      env = change.env ?? env;
      current.child.removeAllListeners('exit');
      await stopProcess(current.child);
      current = await startProcess(dataDir, args, env);
      return current.url;
    },
    pause() {
      current.child.kill('SIGSTOP');
    },
    resume() {
      current.child.kill('SIGCONT');
    },
    async stop() {
      current.child.removeAllListeners('exit');
      await stopProcess(current.child);
    },
  };
}
