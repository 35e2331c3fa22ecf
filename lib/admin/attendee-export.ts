import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { attendeesOf, type Attendee } from "@/lib/admin/attendees";

/**
 * The attendee list of a performance for a download, with the download itself audited
 * in the same transaction: the file carries visitors' emails, phones and notes, so who
 * took it, and when, is on record (the entry holds the count, never the details).
 */
export function exportAttendees({
  db,
  actor,
  performanceId,
}: {
  db: PrismaClient;
  actor: Actor;
  performanceId: number;
}): Promise<Attendee[]> {
  return db.$transaction(async (tx) => {
    const attendees = await attendeesOf(tx, performanceId);
    await writeAudit(tx, actor, {
      action: "performance.attendees_download",
      entityType: "performance",
      entityId: performanceId,
      summary: `attendee CSV, ${attendees.length} rows`,
    });
    return attendees;
  });
}
