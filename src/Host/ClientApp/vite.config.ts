/// <reference types="vitest/config" />
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes `name.br` and `name.gz` beside every script and stylesheet, compressed once at the best level, which the Host
 * sends to browsers that accept them (src/Host/Web/WebApp.cs) instead of compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'aftersales-precompress',
    apply: 'build',
    // After writing, not in generateBundle: Vite still rewrites chunks (its preload helper) after other plugins see them.
    async writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|svg)$/.test(fileName)) continue;
        const path = join(options.dir!, fileName);
        const content = await readFile(path);
        if (content.length < 1024) continue;
        const brotli = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        await writeFile(`${path}.br`, brotli);
        await writeFile(`${path}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

// The built app goes into the Host's wwwroot, which the Host serves (docs/web.md).
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: '../wwwroot',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inline nothing: the Host's Content-Security-Policy allows scripts from 'self' only.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev` talks to a Host started by scripts/start.sh.
    proxy: { '/api': 'http://localhost:5080', '/openapi': 'http://localhost:5080' },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
