// madoguchi scanner list|record|replay: support tools for barcode scanners.
// `record` captures a scanner's raw input reports at a venue into a text file; `replay` decodes such a
// file through the same decoder as the counter, anywhere, without the scanner and without node-hid.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { formatRecording, parseRecording, replayRecording, type RecordedReport } from '../../../shared/scanner/recording';
import { normalizeScannedCode } from '../../../shared/scanner/scan-assembler';
import type { ScanDecoderStats } from '../../../shared/scanner/scan-decoder';
import { formatScannerMode, parseScannerMode, SCANNER_MODE_NAMES, type ScannerMode } from '../../../shared/scanner/scanner-mode';
import { writeFileAtomic } from '../../files/atomic-write';
import {
  describeHidDevice,
  hidPosVendorFor,
  HID_POS_USAGE_PAGE,
  type HidDevice,
  type HidDeviceInfo,
  type HidDeviceKind,
} from '../../scanner/hid-device';
import {
  HidUnavailableError,
  listHidDevices,
  openHidDevice,
  type ListedHidDevice,
  type NodeHidAdapter,
} from '../../scanner/node-hid-source';
import { CliError, type CliIo, whyUnreadable } from '../io';

export interface ScannerCommandDeps {
  /** node-hid by default; tests pass a fake. */
  readonly hid?: Pick<NodeHidAdapter, 'listHidDevices' | 'openHidDevice'>;
  /** Waits out the recording time unless aborted; tests resolve at once. */
  readonly wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const DEFAULT_SECONDS = 15;
const MAX_SECONDS = 3600;

const KIND_LABEL: Record<HidDeviceKind, string> = {
  'hid-pos': 'HID POS スキャナ',
  'scanner-keyboard': 'スキャナ（キーボードモード）',
  'scanner-other': 'スキャナの別インターフェース',
  other: 'その他',
};

export function registerScanner(program: Command, io: CliIo, setExit: (code: number) => void, deps: ScannerCommandDeps = {}): void {
  const hid = deps.hid ?? { listHidDevices, openHidDevice };
  const wait = deps.wait ?? ((ms, signal) => sleep(ms, undefined, { signal }).catch(() => undefined));
  const scanner = program.command('scanner').description('バーコードスキャナの確認・記録・再生（サポート用）');

  scanner
    .command('list')
    .description('このPCの HID デバイスを一覧（スキャナを先に表示）。出力: 種類<TAB>VID:PID 名前 (usage)<TAB>パス')
    .option('--json', 'JSONで出力')
    .action(async (opts: { json?: boolean }) => {
      const devices = sortScannersFirst(await listOrFail(hid));
      if (opts.json) {
        io.out(JSON.stringify(devices, null, 2) + '\n');
        return;
      }
      if (devices.length === 0) {
        io.out('HID デバイスが見つかりません（スキャナが接続されていないか、このPCでは HID として見えません）。\n');
        io.out('Linux では /dev/hidraw* の読み取り権限（udev ルール）も確認してください。\n');
        return;
      }
      for (const d of devices) io.out(`${KIND_LABEL[d.kind]}\t${describeHidDevice(d)}\t${d.path ?? '-'}\n`);
      if (!devices.some((d) => d.kind === 'hid-pos' || d.kind === 'scanner-keyboard')) {
        io.out('（既知のスキャナは見つかりません。キーボードモードのスキャナはアプリのキーボード入力で読みます）\n');
      }
    });

  scanner
    .command('record')
    .description('スキャナの入力報告（生データ）を記録ファイルに保存。記録中にスキャンしてください')
    .requiredOption('--out <file>', '記録ファイル（例: scanner.rec）')
    .option('--device <path>', 'デバイスのパス（scanner list の3列目）。省略時はスキャナが1台ならそれ')
    .option('--mode <mode>', `読み方: boot-keyboard[:us|jis] | hid-pos[:honeywell|zebra|datalogic]（省略時はデバイスから判断）`)
    .option('--seconds <n>', `記録する秒数（既定 ${DEFAULT_SECONDS}、最大 ${MAX_SECONDS}）`, String(DEFAULT_SECONDS))
    .option('--force', '既存の記録ファイルを上書きする')
    .action(async (opts: { out: string; device?: string; mode?: string; seconds: string; force?: boolean }) => {
      const seconds = Number(opts.seconds);
      if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_SECONDS) {
        throw new CliError(`--seconds は 0 より大きく ${MAX_SECONDS} 以下の秒数です: ${opts.seconds}`, 2);
      }
      const out = resolve(io.cwd, opts.out);
      if (existsSync(out) && !opts.force) throw new CliError(`${out} が既にあります（上書きするには --force）`);
      const devices = await listOrFail(hid);
      const info = chooseDevice(devices, opts.device);
      const mode = chooseMode(opts.mode, info);
      const path = info.path ?? opts.device ?? '';

      let device: HidDevice;
      try {
        device = await hid.openHidDevice(path);
      } catch (e) {
        if (e instanceof HidUnavailableError) throw new CliError(e.message);
        throw new CliError(
          `スキャナを開けません（${path}）: ${(e as Error).message}\nLinux では /dev/hidraw* の読み取り権限（udev ルール）を確認してください。`,
        );
      }
      io.out(`記録中（${seconds} 秒）: ${describeHidDevice(device.info)}  方式: ${formatScannerMode(mode)}\nスキャンしてください…\n`);
      const startedAt = io.clock.now();
      const reports: RecordedReport[] = [];
      const stop = new AbortController();
      let failure: Error | null = null;
      device.on('data', (bytes) => reports.push({ atMs: Math.max(0, io.clock.now().getTime() - startedAt.getTime()), bytes }));
      device.on('error', (e) => {
        failure = e;
        stop.abort();
      });
      await wait(seconds * 1000, stop.signal);
      await device.close().catch(() => undefined);

      const comments = [`device: ${describeHidDevice(device.info)}`, `path: ${path}`, `recorded: ${startedAt.toISOString()}`];
      if (failure) comments.push(`ended early: ${(failure as Error).message}`);
      try {
        writeFileAtomic(out, formatRecording({ mode, reports, comments }));
      } catch (e) {
        throw new CliError(`記録ファイル ${out} を書けません（${(e as { code?: string }).code ?? 'エラー'}）`);
      }
      const replay = replayRecording({ mode, reports });
      io.out(`${reports.length} 件の報告を記録しました: ${out}\n読み取れたスキャン: ${replay.scans.length} 件\n`);
      for (const s of replay.scans) io.out(`  ${s.text}\n`);
      for (const w of decoderWarnings(replay.stats, replay.pending)) io.err(`注意: ${w}\n`);
      if (failure) {
        io.err(`スキャナとの通信が途中で切れました（${(failure as Error).message}）。切れるまでの分を保存しました。\n`);
        setExit(1);
      }
    });

  scanner
    .command('replay')
    .description('記録ファイルを窓口と同じ方法で解読し、スキャンを1行に1つ表示（スキャナも node-hid も不要）')
    .argument('<file>', '記録ファイル')
    .option('--json', 'JSONで出力（予約管理番号の判定つき）')
    .action((file: string, opts: { json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(resolve(io.cwd, file), 'utf8');
      } catch (e) {
        throw new CliError(`記録ファイル ${file} を読めません: ${whyUnreadable(e)}`);
      }
      const parsed = parseRecording(text);
      if (!parsed.ok) throw new CliError(`記録ファイル ${file} の ${parsed.line}行目: ${parsed.reason}`);
      const r = replayRecording(parsed);
      if (opts.json) {
        const scans = r.scans.map((s) => ({ ...s, code: normalizeScannedCode(s.text) }));
        io.out(JSON.stringify({ mode: formatScannerMode(parsed.mode), scans, pending: r.pending, stats: r.stats }, null, 2) + '\n');
        return;
      }
      for (const s of r.scans) io.out(`${s.text}\n`);
      for (const w of decoderWarnings(r.stats, r.pending)) io.err(`注意: ${w}\n`);
    });
}

async function listOrFail(hid: Pick<NodeHidAdapter, 'listHidDevices'>): Promise<ListedHidDevice[]> {
  try {
    return await hid.listHidDevices();
  } catch (e) {
    if (e instanceof HidUnavailableError) throw new CliError(e.message);
    throw new CliError(`HID デバイスを一覧できません: ${whyUnreadable(e)}`);
  }
}

function sortScannersFirst(devices: ListedHidDevice[]): ListedHidDevice[] {
  const rank: Record<HidDeviceKind, number> = { 'hid-pos': 0, 'scanner-keyboard': 1, 'scanner-other': 2, other: 3 };
  return [...devices].sort((a, b) => rank[a.kind] - rank[b.kind]);
}

function chooseDevice(devices: ListedHidDevice[], path: string | undefined): HidDeviceInfo {
  if (path !== undefined) {
    // Not listed can still be openable (listing and permissions differ by OS); open will tell.
    return devices.find((d) => d.path === path) ?? { vendorId: 0, productId: 0, path };
  }
  const pos = devices.filter((d) => d.kind === 'hid-pos');
  const candidates = pos.length > 0 ? pos : devices.filter((d) => d.kind === 'scanner-keyboard');
  const [only] = candidates;
  if (only && candidates.length === 1) return only;
  if (candidates.length === 0) {
    throw new CliError('スキャナが見つかりません。`madoguchi scanner list` で確認し、--device <パス> で指定してください');
  }
  const lines = candidates.map((d) => `  ${d.path ?? '-'}  ${describeHidDevice(d)}`);
  throw new CliError(['スキャナが複数あります。--device <パス> で1台を指定してください:', ...lines].join('\n'), 2);
}

function chooseMode(spec: string | undefined, info: HidDeviceInfo): ScannerMode {
  const vendor = hidPosVendorFor(info.vendorId);
  if (spec !== undefined) {
    const parsed = parseScannerMode(spec);
    if (parsed) return parsed;
    if (spec === 'boot-keyboard') return { kind: 'boot-keyboard', layout: 'us' };
    if (spec === 'hid-pos' && vendor) return { kind: 'hid-pos', vendor };
    throw new CliError(`--mode は ${SCANNER_MODE_NAMES.map((m) => m.replace(/ \w+=/, ':')).join(' | ')} のいずれかです: ${spec}`, 2);
  }
  if (info.usagePage === HID_POS_USAGE_PAGE) {
    if (vendor) return { kind: 'hid-pos', vendor };
    throw new CliError('このメーカーの HID POS 形式は表にありません。--mode hid-pos:honeywell などで指定してください', 2);
  }
  // The bytes are recorded raw either way; the layout only decides how replay reads them and can be
  // changed afterwards on the file's mode line.
  if (info.usagePage === 0x01 && info.usage === 0x06) return { kind: 'boot-keyboard', layout: 'us' };
  throw new CliError('このデバイスの読み方が分かりません。--mode を指定してください', 2);
}

function decoderWarnings(stats: ScanDecoderStats, pending: string): string[] {
  const w: string[] = [];
  if (stats.kind === 'boot-keyboard') {
    const { reports: r, assembler: a } = stats;
    if (r.badLength > 0) w.push(`キーボード報告（8/9バイト）でない報告 ${r.badLength} 件を無視しました（方式の指定を確認）`);
    if (r.rollover > 0) w.push(`キー同時押しエラーの報告 ${r.rollover} 件を無視しました`);
    if (r.unmappedKeys > 0) w.push(`配列表にないキー ${r.unmappedKeys} 件（\uFFFD と表示）: スキャナのキーボード国設定を確認`);
    if (a.tooLong > 0) w.push(`長すぎる入力 ${a.tooLong} 件を捨てました`);
  } else {
    const r = stats.reports;
    if (r.otherReportId > 0) w.push(`バーコード以外の報告 ${r.otherReportId} 件を無視しました`);
    if (r.badLength > 0) w.push(`短すぎる報告 ${r.badLength} 件を無視しました（方式・メーカーの指定を確認）`);
    if (r.lengthClamped > 0) w.push(`長さの値が報告に収まらない報告 ${r.lengthClamped} 件（メーカーの指定を確認）`);
    if (r.overflow > 0 || stats.tooLong > 0) w.push(`長すぎるバーコード ${r.overflow + stats.tooLong} 件を捨てました`);
  }
  if (pending !== '') w.push(`終端（Enter/Tab）のない入力が残っています: ${JSON.stringify(pending)}`);
  return w;
}
