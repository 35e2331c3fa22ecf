import { Logger, runOnce } from "graphile-worker";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { jobTasks, type JobRunnerSettings } from "@/lib/jobs/runner";
import type { MailTransport, OutgoingMail } from "@/lib/mail/transport";
import { captureMail } from "./mail-capture";

const quiet = new Logger(() => () => {});

export function testRunnerSettings(
  transport: MailTransport,
  overrides: Partial<JobRunnerSettings> = {},
): JobRunnerSettings {
  return {
    connectionString: process.env.DATABASE_URL!,
    concurrency: 1,
    retentionDays: 90,
    mail: () => ({ appUrl: config().APP_URL, timeZone: config().TIME_ZONE }),
    transport: () => transport,
    cron: false,
    ...overrides,
  };
}

/**
 * Runs every email job that is due now through the real graphile-worker runner (once,
 * then stops) and returns what it delivered, oldest first.
 */
export async function deliverQueuedEmails(transport?: MailTransport): Promise<OutgoingMail[]> {
  const capture = captureMail();
  const settings = testRunnerSettings(transport ?? capture.transport);
  await runOnce({
    connectionString: settings.connectionString,
    logger: quiet,
    taskList: jobTasks(db, settings),
  });
  return capture.sent;
}
