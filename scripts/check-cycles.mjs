#!/usr/bin/env node
// Import cycles are errors (`npm test` runs this beside lint): two modules that import each other cannot be
// understood, moved or tested one without the other, and a circle of value imports makes evaluation order
// decide whether a binding is still undefined. Type-only imports count too: a type circle ties the modules just
// as much, and one changed `import type` turns it into a runtime circle. Break one by moving what both sides
// need into a leaf module (as main/app/push.ts and shared/reconciliation/types.ts).
//   node scripts/check-cycles.mjs [ROOT]   prints the cycles in ROOT (default: this project); exit 1 if any
// The graph comes from dpdm, which reads each file with TypeScript's own parser and resolves like the bundler.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';

/** The code whose imports must not go in circles: every process's sources and their tests. */
export const SOURCES = [
  'main/**/*.ts',
  'shared/**/*.ts',
  'preload/**/*.ts',
  'renderer/**/*.{ts,tsx}',
  'bench/**/*.ts',
  'e2e/**/*.ts',
  'scripts/**/*.ts',
];

/** The files read and every import cycle among them, each as the paths around it, relative to root. */
export async function findCycles(root, patterns = SOURCES) {
  // transform: false keeps type-only imports in the graph. With context set, ids come back relative to root.
  const tree = await parseDependencyTree(patterns, {
    cwd: root,
    context: root,
    tsconfig: undefined,
    transform: false,
    skipDynamicImports: false,
  });
  // Packages and Node built-ins are in the graph as leaves; count only our own files.
  const files = Object.keys(tree).filter((id) => !id.split(/[\\/]/).includes('node_modules') && existsSync(join(root, id))).length;
  return { files, cycles: parseCircular(tree).map((cycle) => cycle.map((id) => id.split('\\').join('/'))) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
  const { files, cycles } = await findCycles(root);
  // A pattern that matches nothing must not look like a pass.
  if (files === 0) {
    console.error('import cycles: no source file found');
    process.exit(1);
  }
  if (cycles.length) {
    console.error(`import cycles (${cycles.length}): move what both sides need into a leaf module`);
    for (const cycle of cycles) console.error(`  ${[...cycle, cycle[0]].join(' -> ')}`);
    process.exit(1);
  }
  console.log(`import cycles: none in ${files} files`);
}
