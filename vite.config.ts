import { defineConfig } from 'vite';

// The client is built into dist/client, which the game server serves on its one port.
// Phaser is loaded only once a player is seated (a dynamic import), so the lobby appears without waiting
// for it, and it lands in a chunk of its own that browsers cache across our releases.
export default defineConfig({
  root: 'client',
  publicDir: false,
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
  server: { port: 5173, strictPort: true },
});
