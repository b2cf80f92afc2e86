// madoguchi serve: browser mode. The counter's renderer and services over loopback, for tests and
// development, and for `npm start` where the Electron binary is not installed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Push } from '../../ipc/push';
import { createStation } from '../../app/station';
import { peekDataFolder } from '../../store/data-folder';
import { resolveDataDir } from '../../store/app-folders';
import { askPassphrase } from '../passphrase';
import { startBrowserServer } from '../../browser/server';
import { CliError, type CliIo } from '../io';
import { siteName, type SiteId } from '../../../shared/venues/venues';
import { readStationLabel } from '../../store/station-label-file';
import { encodeHidPos } from '../../../shared/scanner/hid-pos';
import { FAKE_SCANNER_INFO, FakeHidPort } from '../../scanner/fake-hid-device';
import { createPreviewPrinter } from '../../print/printer';
import { sourceWorkerThread } from '../../backup/source-worker';
import { fakeOsKeyStore } from '../../store/fake-os-key-store';
import { needsSetup } from '../../setup/needs-setup';
import { scrubLogLine } from '../../logging/scrub';

/** A HID POS scanner that exists only in this process, driven over HTTP: the real decoding path, no USB. */
function fakeHidScanner() {
  const port = new FakeHidPort();
  return {
    adapter: { listHidDevices: async () => [{ ...FAKE_SCANNER_INFO, kind: 'hid-pos' as const }], openerFor: () => port.open },
    routes: {
      '/__fake-hid/scan': (body: unknown) => {
        const text =
          typeof body === 'object' && body !== null && typeof (body as { text?: unknown }).text === 'string'
            ? (body as { text: string }).text
            : '';
        if (!port.current) return { ok: false };
        for (const report of encodeHidPos(text, 'honeywell')) port.current.send(report);
        return { ok: true };
      },
      '/__fake-hid/unplug': () => {
        port.unplug();
        return { ok: true };
      },
      '/__fake-hid/plug': () => {
        port.plug();
        return { ok: true };
      },
    },
  };
}

const RENDERER_DIR = new URL('../../../dist/renderer', import.meta.url).pathname;

/** Set by scripts/start.mjs for the server it starts. */
const EXIT_WITH_PARENT_ENV = 'MADOGUCHI_EXIT_WITH_PARENT';

/**
 * Tests only: a stand-in OS key store for 「この端末で自動的に開く」, sealing as the "OS user" this names (browser
 * mode has no safeStorage). It protects nothing (the name is its key); the Electron app never reads it.
 */
const FAKE_OS_KEY_STORE_ENV = 'MADOGUCHI_FAKE_OS_KEY_STORE';

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('ブラウザーモード: 窓口画面を 127.0.0.1 の一時URLで提供（開発・テスト用、Electron がない環境の npm start）')
    .option('--data <dir>', 'データフォルダ（既定: MADOGUCHI_DATA_DIR またはアプリのユーザーデータフォルダ）')
    // The default is applied below, not given to commander, whose help would add "(default: …)" in English.
    .option('--renderer <dir>', 'ビルド済みの画面（既定: dist/renderer）')
    .option(
      '--fake-hid',
      'テスト・デモ用: 仮想のHID POSスキャナーをつなぐ（POST /__fake-hid/scan {text}、/__fake-hid/unplug、/__fake-hid/plug）',
    )
    .option('--locked', 'パスフレーズを聞かずに起動し、画面でデータフォルダのロックを解除する')
    .action(async (given: { data?: string; renderer?: string; fakeHid?: boolean; locked?: boolean }) => {
      const opts = { ...given, renderer: given.renderer ?? RENDERER_DIR };
      if (!existsSync(join(opts.renderer, 'index.html'))) {
        throw new CliError(`${opts.renderer} に画面がありません。先に npm run build を実行してください`);
      }
      const dir = resolveDataDir(opts.data, io.env);
      // No folder there yet (nothing, or an empty folder): the window shows the first-run setup (初回設定).
      const fresh = needsSetup(dir);
      const peek = peekDataFolder(dir);
      if (!peek.ok && !fresh) throw new CliError(peek.error.message);
      const fake = opts.fakeHid ? fakeHidScanner() : null;
      let push: Push = () => {};
      const printer = createPreviewPrinter();
      const fakeOsUser = io.env[FAKE_OS_KEY_STORE_ENV];
      const station = createStation(dir, io.clock, (line) => io.err(`${scrubLogLine(line)}\n`), {
        printer,
        backupThread: sourceWorkerThread(),
        ...(fakeOsUser ? { osKeyStore: fakeOsKeyStore(fakeOsUser) } : {}),
        onOpened: (app) => {
          if (fake) app.setScannerStatus({ mode: 'hid', connected: false, device: null });
          app.startScanner((event, payload) => push(event, payload), fake?.adapter);
        },
      });
      const server = await startBrowserServer({
        invoke: station.invoke,
        rendererDir: opts.renderer,
        log: (l) => io.err(`${scrubLogLine(l)}\n`),
        printPreviews: printer,
        ...(fake ? { extraPosts: fake.routes } : {}),
      });
      // From here on, a failure of the start (a passphrase not given, a folder refused, a database that throws
      // while the app starts) closes the server and the station before it is said: left listening, they kept the
      // process alive after its error was printed, for good.
      try {
        push = (event, payload) => server.push(event, payload);
        station.setPush(push);
        // Opened already by the keyring's OS slot (the fake's, in tests): no passphrase to ask.
        const status = await station.invoke('station:status', {}, 'serve');
        const opened = status.ok && (status.value as { unlocked: boolean }).unlocked;
        if (!opts.locked && !opened && peek.ok) {
          const passphrase = await askPassphrase(io, `データフォルダ（${siteName(peek.value.site)}）のパスフレーズ`);
          const unlocked = station.unlock(passphrase);
          // What is wrong, as the folder says it: a wrong passphrase, a database gone (DB-MISSING), damaged
          // (DB-DAMAGED) or older than its last commit (DB-ROLLED-BACK).
          if (!unlocked.ok) throw new CliError(`${dir}: ${unlocked.message}`);
        }
      } catch (e) {
        await server.close();
        await station.close();
        throw e;
      }
      io.out(
        peek.ok
          ? `${servedName(dir, peek.value.site, peek.value.stationId)}をブラウザーモードで提供しています。${opts.locked ? '画面でロックを解除してください。' : ''}\n`
          : `${dir} にはまだデータフォルダがありません。画面で初回設定（会場責任者）を行ってください。\n`,
      );
      io.out(`URL: ${server.url}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        // Started by `npm start`: when whatever started it is gone (npm killed, its terminal closed), stop too,
        // closing the database, rather than serve residents' data on with no one to stop it.
        if (io.env[EXIT_WITH_PARENT_ENV] === '1') {
          const parent = process.ppid;
          setInterval(() => process.ppid !== parent && stop(), 1000).unref();
        }
      });
      await server.close();
      await station.close();
    });
}

/** The station as its screens name it (本庁舎 窓口2（端末ID …）, from the label's plain copy), HQ by its site name. */
function servedName(dir: string, site: SiteId, stationId: string): string {
  const label = site === 'hq' ? null : readStationLabel(dir, stationId);
  return label === null ? `${siteName(site)}（${stationId}）` : `${siteName(site)} ${label}（端末ID ${stationId}）`;
}
