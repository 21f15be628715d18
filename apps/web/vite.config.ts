import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the built files and answers /api on the same origin; in development
// Vite forwards /api to a locally running API so cookies and CSRF work the same way.
const apiTarget = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
