// Laurel's web UI: built into web/dist, which `laurel serve` serves (no second server).
import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components are imported where they are used, each with its own CSS, so a
    // route's chunk carries only the components it shows (the phone routes stay small).
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200, // ECharts is one large chunk, loaded only by pages with charts
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } }, // `npm run dev` beside `make demo`
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.ts'],
    server: { deps: { inline: ['element-plus'] } },
  },
});
