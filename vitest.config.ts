import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run on the server: the marker that keeps modules out of client bundles is a no-op here.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**"],
    environment: "node",
    // One migrated template database per run; every test file gets its own copy of it.
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/file-database.ts"],
    // next-intl's ESM imports "next/server" without an extension, which Node's resolver
    // refuses; bundled by Vite, it resolves as in Next.
    server: { deps: { inline: ["next-intl"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
