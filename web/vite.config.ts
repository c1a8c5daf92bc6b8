import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The SPA lives in web/; the API server (src/) serves web/dist in production and
// answers /api in development through the proxy below.
const webRoot = import.meta.dirname;

export default defineConfig({
  root: webRoot,
  publicDir: `${webRoot}/public`,
  plugins: [react()],
  build: {
    outDir: `${webRoot}/dist`,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries every page needs go in long-lived, named chunks, so an app release does not
        // bust their cache. Mantine stays split by route: most pages use a few of its components.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: "tanstack", test: /node_modules[\\/]@tanstack[\\/]/ },
            { name: "zod", test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
});
