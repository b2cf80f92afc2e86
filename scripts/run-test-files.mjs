// Runs node:test files, each in its own process, two at a time, each under a wall-clock limit.
// Why not `node --test`: its --test-timeout bounds each test, not a file, so a file stuck outside any test
// (a deadlocked module load, as tsx's off-thread hooks did on Node 20) waits forever; and a file that does
// time out says nothing of where it was. Here a file over its limit is asked for a diagnostic report
// (SIGUSR2 → process.report: the JavaScript stack and what it waits on), printed, then killed with
// everything it started, and counted as failed under its own name.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileTotals, unfinishedTests } from './test-progress-reporter.mjs';

const PROGRESS_REPORTER = fileURLToPath(new URL('./test-progress-reporter.mjs', import.meta.url));

/** The lines of a diagnostic report a person needs to see where a process hung. */
export function describeReport(report) {
  const lines = [];
  const js = report?.javascriptStack;
  const frames = (js?.stack ?? []).map((f) => String(f).trim()).filter((f) => f && f !== 'Unavailable.');
  if (frames.length) {
    lines.push(`  JavaScript stack: ${js.message ?? ''}`);
    for (const frame of frames) lines.push(`    ${frame}`);
  }
  const handles = (report?.libuv ?? []).filter(
    (h) => h.is_active && h.type !== 'async' && h.type !== 'check' && h.type !== 'idle' && h.type !== 'prepare',
  );
  if (handles.length) lines.push(`  waiting on: ${[...new Set(handles.map((h) => h.type))].join(', ')}`);
  return lines;
}

/**
 * Runs `files` (paths relative to `root`) with `node <nodeArgs> <file>`, `concurrency` at a time.
 * Prints each file's spec output in one piece when it ends. Resolves to the totals and each file's time.
 */
export async function runTestFiles({ root, files, nodeArgs, concurrency = 2, timeoutMs, workDir, log = console.log }) {
  mkdirSync(workDir, { recursive: true });
  const results = [];
  const running = new Set();
  const killAll = () => {
    for (const child of running) killGroup(child);
  };
  const onSignal = (sig) => {
    killAll();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      results[index] = await runOne(files[index], index);
    }
  };

  const runOne = (file, index) =>
    new Promise((resolve) => {
      const started = Date.now();
      const progressFile = join(workDir, `${index}.progress`);
      const reportDir = join(workDir, `report-${index}`);
      mkdirSync(reportDir, { recursive: true });
      const child = spawn(
        process.execPath,
        [
          ...nodeArgs,
          '--report-on-signal',
          '--report-signal=SIGUSR2',
          `--report-directory=${reportDir}`,
          '--report-compact',
          '--test-reporter=spec',
          '--test-reporter-destination=stdout',
          `--test-reporter=${PROGRESS_REPORTER}`,
          `--test-reporter-destination=${progressFile}`,
          file,
        ],
        // Its own process group, so a hung file is killed with the servers and children it started.
        {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
          env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
        },
      );
      running.add(child);
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          process.kill(child.pid, 'SIGUSR2');
        } catch {
          /* already gone */
        }
        // The report is written by the main thread's signal watchdog within milliseconds; give it two seconds.
        setTimeout(() => killGroup(child), 2000).unref();
      }, timeoutMs);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        running.delete(child);
        const seconds = (Date.now() - started) / 1000;
        const progressText = existsSync(progressFile) ? readFileSync(progressFile, 'utf8') : '';
        let totals = fileTotals(progressText);
        const lines = [`\n── ${file} (${seconds.toFixed(1)} s)`, output.trimEnd()];
        if (timedOut) {
          lines.push(
            `✖ ${file}: 制限時間 ${Math.round(timeoutMs / 1000)} 秒を過ぎても終わらないため停止しました (hung; limit MADOGUCHI_TEST_FILE_TIMEOUT_S)`,
          );
          const progress = unfinishedTests(progressText);
          lines.push(
            progress.length ? `  still running: ${progress.join(' › ')}` : '  no test had started: the file itself did not finish loading',
          );
          const reports = readdirSync(reportDir).filter((f) => f.endsWith('.json'));
          if (reports.length) {
            try {
              lines.push(...describeReport(JSON.parse(readFileSync(join(reportDir, reports[0]), 'utf8'))));
            } catch (e) {
              lines.push(`  (diagnostic report unreadable: ${e.message})`);
            }
          } else lines.push('  (no diagnostic report: its main thread did not answer SIGUSR2 — blocked in a synchronous wait)');
          totals = { pass: totals?.pass ?? 0, fail: (totals?.fail ?? 0) + 1, skipped: totals?.skipped ?? 0 };
        } else if (!totals || code !== 0) {
          if (!totals) lines.push(`✖ ${file}: ended without results (exit ${code ?? signal})`);
          totals = { pass: totals?.pass ?? 0, fail: Math.max(totals?.fail ?? 0, 1), skipped: totals?.skipped ?? 0 };
        }
        log(lines.join('\n'));
        resolve({ file, seconds, timedOut, ...totals });
      });
    });

  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  const sum = (k) => results.reduce((n, r) => n + r[k], 0);
  writeFileSync(join(workDir, 'times.json'), JSON.stringify(results.map(({ file, seconds }) => ({ file, seconds }))));
  return { passed: sum('pass'), failed: sum('fail'), skipped: sum('skipped'), results };
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
