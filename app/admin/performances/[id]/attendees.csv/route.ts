import { performanceHeading } from "@/lib/admin/attendees";
import { exportAttendees } from "@/lib/admin/attendee-export";
import { toCsv } from "@/lib/admin/csv";
import { parseRowId } from "@/lib/validation/text";
import { authorizeRequest } from "@/web/auth/guards";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { problem } from "@/web/http/api-response";
import { signInUrl } from "@/web/http/app-url";
import { getLocale } from "@/web/i18n/locale";
import * as adminMessages from "@/lib/i18n/messages/admin";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import { utcToZonedLocal } from "@/lib/time";

/**
 * The attendee list of one performance as CSV: name, booking code, party, status, email,
 * phone, notes, kind of booking, when and how the party came in. Every text cell is
 * formula-safe (lib/admin/csv.ts); the download is audited.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRequest("admin");
  // A download link followed by a browser: without a session, sign in and come back.
  if (!auth.ok && auth.response.status === 401) {
    const { id } = await params;
    return Response.redirect(
      signInUrl(`/admin/performances/${encodeURIComponent(id)}/attendees.csv`),
      303,
    );
  }
  if (!auth.ok) return auth.response;
  const id = parseRowId((await params).id);
  const performance = id ? await performanceHeading(db, id) : null;
  if (!id || !performance) return problem(404, "not_found", "No such performance.");

  const locale = await getLocale();
  const t = adminMessages[locale];
  const b = boxOffice[locale];
  const timeZone = config().TIME_ZONE;
  const headers = { ...t.attendees.csvHeaders, ...b.lists.csvHeaders };
  const statuses = t.reservations.statuses;
  const attendees = await exportAttendees({ db, actor: auth.user, performanceId: id });
  const rows = attendees.map((a) => [
    a.name,
    a.bookingCode,
    a.partySize,
    statuses[a.status],
    a.email,
    a.phone,
    a.notes,
    b.channels[a.channel],
    a.checkedInAt ? utcToZonedLocal(a.checkedInAt, timeZone).replace("T", " ") : "",
    a.seatsIn,
    a.checkInSource ? t.reservations.sources[a.checkInSource] : "",
  ]);
  const day = utcToZonedLocal(performance.startsAt, timeZone).slice(0, 10);
  return new Response(
    toCsv([
      [
        headers.name,
        headers.code,
        headers.party,
        headers.status,
        headers.email,
        headers.phone,
        headers.notes,
        headers.channel,
        headers.checkedInAt,
        headers.seatsIn,
        headers.source,
      ],
      ...rows,
    ]),
    {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${t.attendees.filename}-${day}-${id}.csv"`,
        "Cache-Control": "private, no-store",
      },
    },
  );
}
