import { defineConfig } from "prisma/config";

// The CLI only needs the URL for `migrate`/`studio`; `generate` ignores it.
// Runtime queries go through the pg adapter in lib/db.ts, and migrations are
// applied by scripts/db-migrate.ts (same _prisma_migrations table).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
