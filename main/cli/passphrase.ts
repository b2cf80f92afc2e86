// Passphrases come from MADOGUCHI_PASSPHRASE (automation) or, at a terminal, a hidden prompt; a staff PIN
// likewise from MADOGUCHI_PIN.
// Never from a command-line flag: those end up in shell history and process lists.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { passphraseProblem } from '../crypto/passphrase-seal';
import { CliError, type CliIo } from './io';

export const PASSPHRASE_ENV = 'MADOGUCHI_PASSPHRASE';

export async function askPassphrase(io: CliIo, label: string, options: { confirm?: boolean } = {}): Promise<string> {
  const fromEnv = io.env[PASSPHRASE_ENV];
  let passphrase: string;
  if (fromEnv !== undefined && fromEnv !== '') {
    passphrase = fromEnv;
  } else if (io.stdin.isTTY) {
    passphrase = await promptHidden(io, `${label}: `);
    if (options.confirm && (await promptHidden(io, `${label}（確認）: `)) !== passphrase) {
      throw new CliError('パスフレーズが一致しません');
    }
  } else {
    throw new CliError(`${label}が必要です。端末から実行するか、環境変数 ${PASSPHRASE_ENV} に設定してください`);
  }
  if (options.confirm) {
    const problem = passphraseProblem(passphrase);
    if (problem) throw new CliError(problem);
  }
  return passphrase;
}

const PIN_ENV = 'MADOGUCHI_PIN';

/** A staff member's PIN, for commands that act as that person: from MADOGUCHI_PIN (automation) or a hidden prompt. */
export async function askPin(io: CliIo, staffId: string): Promise<string> {
  const fromEnv = io.env[PIN_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (io.stdin.isTTY) return promptHidden(io, `${staffId} のPIN: `);
  throw new CliError(`${staffId} のPINが必要です。端末から実行するか、環境変数 ${PIN_ENV} に設定してください`);
}

function promptHidden(io: CliIo, prompt: string): Promise<string> {
  io.err(prompt);
  const mute = new Writable({ write: (_c, _e, cb) => cb() });
  const rl = createInterface({ input: io.stdin, output: mute, terminal: true });
  // Ctrl+C or Ctrl+D at the prompt stops the command, and closing the interface gives the terminal back as it was
  // (echo on). Left unanswered, the command hung with the terminal echoing, or Node ended it with an English
  // warning about an unsettled await.
  return new Promise((resolve, reject) => {
    let answered = false;
    const abort = () => {
      if (answered) return;
      answered = true;
      rl.close();
      io.err('\n');
      reject(new CliError('中止しました', 130));
    };
    rl.on('SIGINT', abort);
    rl.on('close', abort);
    rl.question('', (answer) => {
      answered = true;
      rl.close();
      io.err('\n');
      resolve(answer);
    });
  });
}
