// Builds the renderer (React) into dist/renderer: plain files the Electron window and browser mode both load.
import { defineConfig, type Plugin } from 'vite';

/**
 * Printed documents use the same bundled Noto Sans JP as the window (the app runs offline and a PDF must
 * not depend on the fonts of the machine): this emits assets/print-fonts.css holding only the @font-face
 * rules of the built stylesheet, beside the font files they point at.
 */
function printFonts(): Plugin {
  return {
    name: 'madoguchi-print-fonts',
    generateBundle(_options, bundle) {
      const faces = Object.values(bundle)
        .filter((f) => f.type === 'asset' && f.fileName.endsWith('.css') && typeof f.source === 'string')
        .flatMap((f) => (f.type === 'asset' ? String(f.source).match(/@font-face\s*{[^}]*}/g) ?? [] : []));
      if (faces.length === 0) this.error('no @font-face rules found for print-fonts.css');
      this.emitFile({ type: 'asset', fileName: 'assets/print-fonts.css', source: faces.join('\n') + '\n' });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [printFonts()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // Fonts ship with the app (it runs offline); never inline them into the CSS.
    assetsInlineLimit: 0,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
