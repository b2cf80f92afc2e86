// A PDF from a printed document's HTML where no window is open: the command line's 消去申請書, 消去報告書 and
// reports (別紙⑦ 第12条・第13条 ask for them in writing). The same HTML templates as the app's prints, through
// the same engine — Chromium's print path — so paper from the screen and paper from the command line agree:
// here a Chromium-family browser already on the PC (Debian's chromium, Chrome, or the Edge every Windows PC
// has), started headless with its own throw-away profile, never the user's (a running Edge would otherwise
// take the job over and print nothing).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { err, ok, type Result } from '../../shared/result';

export interface PdfMaker {
  /** Where a document finds the bundled font stylesheet (print-fonts.css), or null to use the system's fonts. */
  readonly fontCssHref: string | null;
  /** The browser that makes the PDF, for messages. */
  readonly engine: string;
  make(html: string): Promise<Result<Buffer, string>>;
}

/** The browser named by MADOGUCHI_CHROMIUM, else the first Chromium-family browser installed in a usual place. */
export function findPdfBrowser(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): Result<string, string> {
  const named = env.MADOGUCHI_CHROMIUM;
  if (named !== undefined && named !== '') return exists(named) ? ok(named) : err(`MADOGUCHI_CHROMIUM の ${named} が見つかりません`);
  const candidates =
    platform === 'win32'
      ? [env['ProgramFiles(x86)'], env.ProgramFiles, env.LOCALAPPDATA]
          .filter((d): d is string => d !== undefined)
          .flatMap((d) => [
            join(d, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
            join(d, 'Google', 'Chrome', 'Application', 'chrome.exe'),
          ])
      : platform === 'darwin'
        ? ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
        : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge'];
  const found = candidates.find(exists);
  return found === undefined
    ? err(
        'PDF を作るためのブラウザ（Chromium、Google Chrome または Microsoft Edge）が見つかりません。MADOGUCHI_CHROMIUM にその実行ファイルの場所を指定してください',
      )
    : ok(found);
}

export function chromiumPdfMaker(executable: string, fontCssFile: string | null, timeoutMs = 60_000): PdfMaker {
  return {
    fontCssHref: fontCssFile !== null && existsSync(fontCssFile) ? pathToFileURL(fontCssFile).href : null,
    engine: executable,
    async make(html) {
      // Owner-only by mkdtemp; removed whatever happens. The documents printed this way name no resident.
      const dir = mkdtempSync(join(tmpdir(), 'madoguchi-pdf-'));
      try {
        const page = join(dir, 'document.html');
        const out = join(dir, 'document.pdf');
        writeFileSync(page, html, { mode: 0o600 });
        const run = await runHeadless(
          executable,
          [
            '--headless',
            ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--no-first-run',
            '--no-default-browser-check',
            '--no-pdf-header-footer',
            `--user-data-dir=${join(dir, 'profile')}`,
            `--print-to-pdf=${out}`,
            pathToFileURL(page).href,
          ],
          timeoutMs,
        );
        if (run !== null) return err(`${executable} で PDF を作れませんでした（${run}）`);
        const pdf = existsSync(out) ? readFileSync(out) : null;
        if (pdf === null || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return err(`${executable} が PDF を書きませんでした`);
        return ok(pdf);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** null when the browser exited 0 in time; otherwise what went wrong, in a few words. */
function runHeadless(executable: string, args: string[], timeoutMs: number): Promise<string | null> {
  return new Promise((settle) => {
    const child = spawn(executable, args, { stdio: 'ignore', windowsHide: true });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(`${timeoutMs / 1000} 秒で終わりませんでした`);
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      settle(e.message);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      settle(code === 0 ? null : `終了コード ${code ?? signal}`);
    });
  });
}
