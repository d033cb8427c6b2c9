import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  plugins: [
    VitePWA({
      // The app asks before switching versions (bb-update-prompt): never in the middle of a session.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'Backbeat',
        short_name: 'Backbeat',
        description:
          'A hands-free coach for a back-care workout, counting reps and timing holds from a heart-rate strap.',
        theme_color: '#0d1117',
        background_color: '#0d1117',
        display: 'standalone',
        orientation: 'any',
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // Everything the build makes, the chunks loaded on first use included (the FIT and JSON writers,
        // History, Settings), so that export, import and every screen work offline too.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit's page is served from the cache it has just filled, the chunks loaded
        // later included: "works offline" holds from then on. (A later version still waits for Reload.)
        clientsClaim: true,
      },
    }),
  ],
});
