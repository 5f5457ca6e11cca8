/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The built app goes into the Host's wwwroot, which the Host serves (docs/web.md).
export default defineConfig({
  plugins: [react()],
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
