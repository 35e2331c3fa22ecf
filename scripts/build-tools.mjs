// Bundles the operator scripts (db:migrate, db:seed, user:create, retention:purge) into
// plain ES modules for the Dockerfile's `migrate` image, which then needs neither tsx nor
// TypeScript nor the production node_modules (about 800 MB): only these bundles, the
// migrations and the native packages they load: @node-rs/argon2, and sharp (with its
// prebuilt libvips) for the demo season's posters.
//
// Output (build/tools/):
//   package.json   the same npm script names, running the bundles with plain node
//   scripts/*.mjs  one entry per script plus shared chunks; lib/migrate.ts finds the
//                  migrations at ../prisma/migrations from here, as it does from lib/
//
// Usage: npm run build:tools
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "build", "tools");
const entries = ["db-migrate", "db-seed", "user-create", "retention-purge"];

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: entries.map((name) => `scripts/${name}.ts`),
  outdir: path.join(outDir, "scripts"),
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node24",
  // Native addons: loaded from node_modules at run time, never bundled.
  external: ["@node-rs/argon2", "sharp"],
  // Some bundled CommonJS packages (pg) call require(); give ES modules one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: "warning",
});

const tools = {
  name: "azionelab-tools",
  private: true,
  type: "module",
  scripts: {
    "db:migrate": "node scripts/db-migrate.mjs",
    "db:seed": "node scripts/db-seed.mjs",
    "user:create": "node scripts/user-create.mjs",
    "retention:purge": "node scripts/retention-purge.mjs",
  },
};
await writeFile(path.join(outDir, "package.json"), `${JSON.stringify(tools, null, 2)}\n`);
console.log(`Bundled ${entries.join(", ")} into ${path.relative(root, outDir)}/`);
