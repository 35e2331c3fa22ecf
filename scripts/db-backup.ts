// npm run db:backup [-- --dir DIR]: a pg_dump custom-format file of DATABASE_URL's
// database, named with the time (BACKUP_DIR, default ./backups). PG_DUMP names another
// pg_dump binary (it must be at least the server's major version).
import { parseArgs } from "node:util";
import { backupDatabase } from "@/lib/operations/backup";

const { values } = parseArgs({ options: { dir: { type: "string" } } });
const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
try {
  const file = await backupDatabase({
    connectionString,
    directory: values.dir ?? process.env.BACKUP_DIR ?? "backups",
    pgDump: process.env.PG_DUMP,
  });
  console.log(`Backup written: ${file}`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
