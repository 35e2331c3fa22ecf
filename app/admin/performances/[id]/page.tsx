import Link from "next/link";
import { notFound } from "next/navigation";
import { deletePerformanceAction, savePerformanceAction } from "@/app/admin/performances/actions";
import { performanceOptions } from "@/app/admin/performances/performance-options";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { PageHeader } from "@/components/admin/page-header";
import { PerformanceForm } from "@/components/admin/performance-form";
import { adminContext } from "@/web/admin-context";
import { routeId } from "@/lib/admin/route-id";
import { availabilityByPerformance } from "@/lib/availability";
import { db } from "@/lib/db";
import { utcToZonedLocal } from "@/lib/time";

export default async function EditPerformancePage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id);
  const { t, timeZone, when } = await adminContext(`/admin/performances/${id ?? ""}`);
  const performance = id
    ? await db.performance.findUnique({
        where: { id },
        include: { show: { select: { title: true } } },
      })
    : null;
  if (!performance) notFound();
  const [{ shows, venues }, availability] = await Promise.all([
    performanceOptions(),
    availabilityByPerformance(db, [performance.id]),
  ]);
  const p = t.performances;
  return (
    <>
      <PageHeader title={p.editTitle}>
        <p className="text-ink-muted">
          {performance.show.title} · {when(performance.startsAt)}
        </p>
      </PageHeader>
      <nav aria-label={p.links} className="mb-8 rounded-lg border border-line bg-paper-raised p-4">
        <h2 className="mb-2 font-sans text-base font-semibold">{p.links}</h2>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href={`/admin/reservations?performance=${performance.id}`}>{p.reservations}</Link>
          </li>
          <li>
            <Link href={`/admin/performances/${performance.id}/check-ins`}>{p.checkIns}</Link>
          </li>
          <li>
            <Link href={`/admin/performances/${performance.id}/door-list`}>{p.doorList}</Link>
          </li>
          <li>
            <a href={`/admin/performances/${performance.id}/attendees.csv`} download>
              {p.attendeesCsv}
            </a>
          </li>
        </ul>
      </nav>
      <PerformanceForm
        action={savePerformanceAction.bind(null, performance.id)}
        defaults={{
          showId: String(performance.showId),
          venueId: String(performance.venueId),
          startsAt: utcToZonedLocal(performance.startsAt, timeZone),
          roomCapacity: String(performance.roomCapacity),
          additionalSeats: String(performance.additionalSeats),
          manuallyOccupiedSeats: String(performance.manuallyOccupiedSeats),
          isBookingEnabled: performance.isBookingEnabled,
        }}
        shows={shows}
        venues={venues}
        confirmedSeats={availability.get(performance.id)?.confirmedSeats ?? 0}
        t={t}
      />
      <div className="mt-10 border-t border-line pt-6">
        <ConfirmAction
          name="confirm_delete_performance"
          action={deletePerformanceAction.bind(null, performance.id)}
          label={t.common.delete}
          title={t.common.confirmTitle}
          question={p.deleteConfirm}
          confirmLabel={t.common.delete}
          keepLabel={t.common.keep}
        />
      </div>
    </>
  );
}
