import { savePerformanceAction } from "@/app/admin/performances/actions";
import { performanceOptions } from "@/app/admin/performances/performance-options";
import { PageHeader } from "@/components/admin/page-header";
import { PerformanceForm } from "@/components/admin/performance-form";
import { adminContext } from "@/web/admin-context";
import { routeId } from "@/lib/admin/route-id";

export default async function NewPerformancePage({
  searchParams,
}: {
  searchParams: Promise<{ show?: string }>;
}) {
  const { t } = await adminContext("/admin/performances/new");
  const { shows, venues } = await performanceOptions();
  const show = routeId((await searchParams).show);
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
