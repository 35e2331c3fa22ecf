// npm run db:restore -- FILE [--force]: restores a db:backup file into DATABASE_URL's
// database. The database must be empty (a fresh `createdb`) unless --force, which drops
// and replaces what the backup contains. PG_RESTORE names another pg_restore binary.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { restoreDatabase } from "@/lib/operations/backup";

const { values, positionals } = parseArgs({
  options: { force: { type: "boolean", default: false } },
  allowPositionals: true,
});
const connectionString = process.env.DATABASE_URL;
const [file] = positionals;
if (!connectionString || !file) {
  console.error("usage: DATABASE_URL=… npm run db:restore -- FILE [--force]");
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`No such file: ${file}`);
  process.exit(2);
}
try {
  const result = await restoreDatabase({
    connectionString,
    file,
    force: values.force,
    pgRestore: process.env.PG_RESTORE,
  });
  if (!result.ok) {
    console.error(
      `Refused: the database already has ${result.tables} tables. Restore into an empty database (createdb), or pass --force to replace its contents.`,
    );
    process.exit(1);
  }
  console.log(
    `Restored ${file}. Start the app on this database; run db:migrate if the backup is older than the code.`,
  );
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
