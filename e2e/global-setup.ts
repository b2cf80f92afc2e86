// Once per run: build the renderer (what `madoguchi serve` serves) and make the demo world.
// E2E_SKIP_BUILD=1 skips the build when dist/renderer is fresh.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorld, ROOT, WORLD_ENV } from './demo-world';

export default function globalSetup(): () => void {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-'));
  createWorld(join(dir, 'world'));
  process.env[WORLD_ENV] = join(dir, 'world'); // inherited by the test workers
  return () => rmSync(dir, { recursive: true, force: true });
}
