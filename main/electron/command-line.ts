// `Madoguchi --cli …`: the `madoguchi` command of the installed app (build/bin/madoguchi[.cmd] call the app's own
// executable with --cli, because the binary is fused not to run as Node). The same program as the development
// checkout's command, minus browser mode's `serve`; its data folder by default is the window's (machine-wide), and
// its PDFs come from the app's own Chromium, so the PC needs no browser for them.
import { nodeIo } from '../cli/io';
import { runProgram } from '../cli/program';
import type { PdfMaker } from '../print/pdf-maker';

export function runCommandLine(
  args: readonly string[],
  options: { readonly dataDir: string; readonly pdfMaker: PdfMaker },
): Promise<number> {
  const io = nodeIo();
  return runProgram(args, { ...io, env: { MADOGUCHI_DATA_DIR: options.dataDir, ...io.env }, pdfMaker: options.pdfMaker });
}
