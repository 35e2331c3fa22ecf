import { savePerformanceAction } from "@/app/admin/performances/actions";
import { PageHeader } from "@/components/admin/page-header";
import { PerformanceForm } from "@/components/admin/performance-form";
import { performanceOptions } from "@/lib/admin/performances";
import { db } from "@/lib/db";
import { parseRowId } from "@/lib/validation/text";
import { adminContext } from "@/web/admin-context";

export default async function NewPerformancePage({
  searchParams,
}: {
  searchParams: Promise<{ show?: string }>;
}) {
  const { t } = await adminContext("/admin/performances/new");
  const { shows, venues } = await performanceOptions(db);
  const show = parseRowId((await searchParams).show);
  return (
    <>
      <PageHeader title={t.performances.new}>
        <p className="text-ink-muted">{t.performances.timeZoneNote}</p>
      </PageHeader>
      <PerformanceForm
        action={savePerformanceAction.bind(null, null)}
        defaults={{
          showId: show ? String(show) : "",
          venueId: venues.length === 1 ? venues[0].value : "",
          startsAt: "",
          roomCapacity: "",
          additionalSeats: "0",
          manuallyOccupiedSeats: "0",
          isBookingEnabled: true,
        }}
        shows={shows}
        venues={venues}
        confirmedSeats={0}
        t={t}
      />
    </>
  );
}
