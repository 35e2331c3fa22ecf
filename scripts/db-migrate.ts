import { config } from "@/lib/config";
import { migrate } from "@/lib/migrate";

const report = await migrate({ connectionString: config().DATABASE_URL, log: (line) => console.log(line) });
console.log(
  report.applied.length === 0
    ? `Database is up to date (${report.alreadyApplied} migrations applied earlier).`
    : `Applied ${report.applied.length} migration(s); ${report.alreadyApplied} were already applied.`,
);
