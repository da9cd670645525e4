import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// Two builds from one source tree:
// - default (production): index.html -> src/main.tsx -> Tauri backend, output dist/
// - mode "shots": shots.html -> src/dev/shots-main.tsx -> in-memory fake backend,
//   output dist-shots/, used only to take screenshots. Never shipped.
export default defineConfig(({ mode }) => {
  const shots = mode === "shots";
  return {
    plugins: [react()],
    base: "./",
    build: {
      outDir: shots ? "dist-shots" : "dist",
      emptyOutDir: true,
      // No inline module-preload polyfill: the CSP allows only 'self' scripts.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      rollupOptions: { input: shots ? "shots.html" : "index.html" },
    },
    test: {
      include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
      environment: "node",
    },
  };
});
