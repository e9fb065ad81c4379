import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  build: { chunkSizeWarningLimit: 5000 }, // Monaco's chunks are over 500 kB by nature
  server: { host: '127.0.0.1' },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
})
