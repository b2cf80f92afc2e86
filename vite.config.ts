// Builds the renderer (React) into dist/renderer: plain files the Electron window and browser mode both load.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/**
 * Printed documents carry their own fonts (the app runs offline, and a PDF must not depend on the machine):
 * assets/print-fonts.css with
 *   - Noto Sans JP 400/700 as ONE full file per weight: with the window's fontsource subsets (≈120 files a
 *     weight) a 5,000-row ledger took ≈6 s longer through Chromium's print path;
 *   - Libre Barcode 128, so Code128 barcodes print as text (10,000 drawn SVG barcodes cost ≈13 s).
 */
const PRINT_FONTS = [
  {
    family: 'Noto Sans JP',
    weight: 400,
    file: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
    format: 'truetype',
  },
  {
    family: 'Noto Sans JP',
    weight: 700,
    file: require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
    format: 'truetype',
  },
  {
    family: 'Libre Barcode 128',
    weight: 400,
    file: require.resolve('@fontsource/libre-barcode-128/files/libre-barcode-128-latin-400-normal.woff2'),
    format: 'woff2',
  },
] as const;

function printFonts(): Plugin {
  return {
    name: 'madoguchi-print-fonts',
    generateBundle() {
      const faces = PRINT_FONTS.map((f) => {
        this.emitFile({ type: 'asset', fileName: `assets/print/${basename(f.file)}`, source: readFileSync(f.file) });
        return `@font-face{font-family:"${f.family}";font-style:normal;font-weight:${f.weight};font-display:block;src:url(./print/${basename(f.file)}) format("${f.format}")}`;
      });
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
