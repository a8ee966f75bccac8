import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// JSX through Vite's built-in esbuild (no React plugin needed); the engine's currency table and the typed client
// (libs/client: fetch only) by their aliases.
export default defineConfig({
  root: here,
  base: './',
  esbuild: { jsx: 'automatic' },
  resolve: {
    alias: {
      '@promo/pricing-engine': path.resolve(here, '../../libs/pricing-engine/src/index.ts'),
      '@promo/client': path.resolve(here, '../../libs/client/src/index.ts'),
    },
  },
  build: { outDir: path.resolve(here, '../../dist/apps/console'), emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
});
