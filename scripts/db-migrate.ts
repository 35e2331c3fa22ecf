// Needs only DATABASE_URL (not the app's other settings), so the one-shot migration
// service of compose.yml does not need the app's secrets.
import { installJobQueue } from "@/lib/jobs/runner";
import { migrate } from "@/lib/migrate";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error(
    "DATABASE_URL is not set (npm run db:migrate sets it to the embedded PostgreSQL when unset).",
  );
  process.exit(1);
}
try {
  const report = await migrate({ connectionString, log: (line) => console.log(line) });
  console.log(
    report.applied.length === 0
      ? `Database is up to date (${report.alreadyApplied} migrations applied earlier).`
      : `Applied ${report.applied.length} migration(s); ${report.alreadyApplied} were already applied.`,
  );
  // The job queue's own schema (graphile_worker), which bookings add jobs to: installed
  // here so the app can queue emails before any runner has started.
  await installJobQueue(connectionString);
  console.log("Job queue schema (graphile_worker) is up to date.");
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exit(1);
}
