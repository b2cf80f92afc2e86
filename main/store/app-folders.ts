// Where the app keeps its data folder and its logs. The installed app is per machine, and so is its data: a
// counter PC is one station whoever signs in to Windows, so the folder is machine-wide,
// %ProgramData%\Madoguchi\data\station on Windows (/var/lib/madoguchi/data/station on Linux), unless the machine's
// config file names another (written by IT, or by the Windows installer's /DATADIR=). The installer makes `data`
// writable for the PC's users, inherited by what is made inside: the folder is made beside where it goes and renamed
// into place (data-folder.ts), so its parent is the one that must be writable. The development checkout keeps
// MADOGUCHI_DATA_DIR and the per-user folder.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve, win32 } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import { parseJsonOrUndefined } from '../files/safe-json';
import { homedir } from 'node:os';

const APP_FOLDER_NAME = 'Madoguchi';

/** Where Electron's app.getPath('userData') puts the app's data, computed without importing electron. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}

/** --data DIR, else MADOGUCHI_DATA_DIR, else the app's user-data folder. */
export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(option ?? env.MADOGUCHI_DATA_DIR ?? defaultDataDir(env));
}

export interface AppFolders {
  readonly dataDir: string;
  readonly logDir: string;
  /** The machine's config file, where the installed app looks for one (whether or not it is there). */
  readonly configFile: string | null;
}

interface Where {
  readonly packaged: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly readText?: (path: string) => string | null;
}

const ConfigFile = z.strictObject({
  dataDir: z.string().min(1).optional(),
  logDir: z.string().min(1).optional(),
});

/** The installed app's machine-wide folder and config file for this platform. */
function machineFolders(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): { root: string; configFile: string } {
  if (platform === 'win32') {
    const root = win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Madoguchi');
    return { root, configFile: win32.join(root, 'config.json') };
  }
  if (platform === 'darwin')
    return { root: '/Library/Application Support/Madoguchi', configFile: '/Library/Application Support/Madoguchi/config.json' };
  return { root: '/var/lib/madoguchi', configFile: '/etc/madoguchi/config.json' };
}

export function appFolders(where: Where): Result<AppFolders, string> {
  if (!where.packaged) {
    const dataDir = resolveDataDir(undefined, where.env);
    // Its own logs beside each folder (the demo opens several venues at once; they never share a file).
    return ok({ dataDir, logDir: `${dataDir}-logs`, configFile: null });
  }
  const { root, configFile } = machineFolders(where.platform, where.env);
  const join_ = where.platform === 'win32' ? win32.join : join;
  const defaults = { dataDir: join_(root, 'data', 'station'), logDir: join_(root, 'logs'), configFile };
  let text: string | null;
  try {
    text = (where.readText ?? readTextIfThere)(configFile);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return err(
      `設定ファイル ${configFile} を開けません（${code === 'EISDIR' ? 'ファイルではなくフォルダです' : '読み取りの権限を確認してください'}）`,
    );
  }
  if (text === null) return ok(defaults);
  const example = where.platform === 'win32' ? '{"dataDir": "D:\\\\madoguchi\\\\station"}' : '{"dataDir": "/srv/madoguchi/station"}';
  const problem = (what: string) => err(`設定ファイル ${configFile} を読めません: ${what}（書けるのは dataDir と logDir。例: ${example}）`);
  // Windows PowerShell writes UTF-8 with a BOM (the installer's /DATADIR= goes through it).
  const json = parseJsonOrUndefined(text.replace(/^\uFEFF/, ''));
  if (json === undefined) return problem('JSON として読めません');
  const parsed = ConfigFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') return problem(`知らない項目 ${issue.keys.join('、')} があります`);
    if (issue.path.length > 0) return problem(`${String(issue.path[0])} は空でない文字列（フォルダ）で書きます`);
    return problem('{ } で囲んだ項目の一覧ではありません');
  }
  const absolute = where.platform === 'win32' ? win32.isAbsolute : isAbsolute;
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value !== undefined && !absolute(value))
      return err(
        `設定ファイル ${configFile} の ${key}「${value}」が絶対パスではありません（例: ${where.platform === 'win32' ? 'D:\\madoguchi\\station' : '/srv/madoguchi/station'}）`,
      );
  }
  return ok({ dataDir: parsed.data.dataDir ?? defaults.dataDir, logDir: parsed.data.logDir ?? defaults.logDir, configFile });
}

function readTextIfThere(path: string): string | null {
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8');
}
