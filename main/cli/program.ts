// The `madoguchi` command line's program: the commands every build has, run on one command line. Two entries run
// it: the development checkout's `madoguchi` under Node (./main.ts, which adds browser mode's `serve`) and the
// installed app's `Madoguchi --cli` (main/electron/command-line.ts). Reads like a table of contents; each command
// lives in its own module.
import { storageFault } from '../db/storage-fault';
import { resolveDataDir } from '../store/app-folders';
import { Command, CommanderError } from 'commander';
import { registerKeys } from './commands/keys';
import { registerRoute } from './commands/route';
import { registerLedger } from './commands/ledger';
import { registerStatus } from './commands/status';
import { registerDemo } from './commands/demo';
import { registerScanner } from './commands/scanner';
import { registerStaff } from './commands/staff';
import { registerVenue } from './commands/venue';
import { registerSimulate } from './commands/simulate';
import { registerSync } from './commands/sync';
import { registerHq } from './commands/hq';
import { registerAccess } from './commands/access';
import { registerBackup } from './commands/backup';
import { registerRestore } from './commands/restore';
import { registerRetention } from './commands/retention';
import { registerErasure } from './commands/erasure';
import { registerReport } from './commands/report';
import { CliError, type CliIo } from './io';
import { sqliteVersion } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import pkg from '../../package.json' with { type: 'json' };

/** A command's module adds itself to the program (some set the exit code: 3 = done with rows to follow up). */
export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

/** Runs one command line; returns the exit code (0 ok, 1 refused/failed, 2 usage, 3 done with rows to follow up). */
export async function runProgram(argv: readonly string[], io: CliIo, more: readonly RegisterCommand[] = []): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  const program = new Command('madoguchi')
    .description('Madoguchi（窓口）: 江東区マイナンバーカード交付会場のためのオフライン窓口アプリ — コマンドライン')
    // Support asks for this first: which build, on which Node and SQLite (it also proves the binding loads), and the
    // newest database it opens (a folder of a newer version's is refused with that number: README "Updates").
    .version(
      `madoguchi ${pkg.version}（Node.js ${process.version}、SQLite ${sqliteVersion()}、データベースの版 ${LATEST_SCHEMA_VERSION} まで）`,
      '-V, --version',
      '版と実行環境を表示',
    )
    .showHelpAfterError('（使い方: madoguchi <コマンド> --help）')
    .helpOption('-h, --help', '使い方を表示')
    .helpCommand('help [command]', 'コマンドの使い方を表示')
    // Defaults said in Japanese (commander's own words are "(default: …)").
    .configureHelp({
      optionDescription: (o) => `${o.description}${o.defaultValue === undefined || o.negate ? '' : `（既定: ${String(o.defaultValue)}）`}`,
    })
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(usageErrorText(text)) });

  registerKeys(program, io);
  registerRoute(program, io, setExit);
  registerLedger(program, io, setExit);
  registerStatus(program, io);
  registerDemo(program, io);
  registerScanner(program, io, setExit);
  registerStaff(program, io);
  registerVenue(program, io, setExit);
  registerSimulate(program, io);
  registerSync(program, io, setExit);
  registerHq(program, io, setExit);
  registerAccess(program, io);
  registerBackup(program, io, setExit);
  registerRestore(program, io, setExit);
  registerRetention(program, io);
  registerErasure(program, io, setExit);
  registerReport(program, io);
  for (const register of more) register(program, io, setExit);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version arrive here too, with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof CliError) {
      io.err(`madoguchi: ${e.message}\n`);
      return e.exitCode;
    }
    // The disk, not the program: what happened and what to do, never a stack trace.
    const fault = storageFault(e, dataDirOf(argv, io));
    if (fault) {
      io.err(`madoguchi: ${fault.message}\n`);
      return 1;
    }
    // A bug: said in Japanese; the trace only when asked for (it is for support, and may quote file paths).
    io.err(
      io.env.MADOGUCHI_DEBUG === '1'
        ? `madoguchi: 予期しないエラー（コード: INTERNAL）: ${(e as Error).stack ?? String(e)}\n`
        : 'madoguchi: 予期しないエラーが発生しました（コード: INTERNAL）。MADOGUCHI_DEBUG=1 を付けてもう一度実行すると、サポート向けの詳細を表示します\n',
    );
    return 1;
  }
}

/** The data folder a command was run on (--data or --hq-data, else the default), to tell a full disk apart. */
function dataDirOf(argv: readonly string[], io: CliIo): string {
  const at = argv.findIndex((a) => a === '--data' || a === '--hq-data');
  return resolveDataDir(at >= 0 ? argv[at + 1] : undefined, io.env);
}

/** Commander's usage errors, which it writes in English, as a person at a counter PC reads them. */
const USAGE_ERRORS: readonly [RegExp, string][] = [
  [/^error: required option '(.+)' not specified/, '必須のオプション $1 が指定されていません'],
  [/^error: unknown option '(.+?)'/, '知らないオプションです: $1'],
  [/^error: unknown command '(.+?)'/, '知らないコマンドです: $1'],
  [/^error: missing required argument '(.+)'/, '必須の引数 $1 がありません'],
  [/^error: option '(.+)' argument missing/, 'オプション $1 の値がありません'],
  [/^error: too many arguments(?: for '(.+)')?/, '引数が多すぎます'],
];

function usageErrorText(text: string): string {
  const rule = USAGE_ERRORS.find(([re]) => re.test(text));
  if (!rule) return text;
  const suggestion = /\(Did you mean (.+)\?\)/.exec(text);
  return `madoguchi: ${text.trim().split('\n')[0]!.replace(rule[0], rule[1])}${suggestion ? `（${suggestion[1]} のことですか？）` : ''}\n`;
}
