import type { Metadata } from "next";
import { CheckInDesk } from "@/components/staff/check-in-desk";
import { ManualCheckInForm } from "@/components/staff/manual-check-in-form";
import { requireUser } from "@/web/auth/guards";
import { defaultDoorPerformance, listDoorPerformances } from "@/lib/check-ins/door-performances";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { formatDate, formatDateTime, formatTime } from "@/lib/i18n/format";
import { getLocale } from "@/web/i18n/locale";
import * as staffMessages from "@/lib/i18n/messages/staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: staffMessages[await getLocale()].checkIn.title, robots: { index: false } };
}

export default async function CheckInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("staff", "/staff/check-in");
  const locale = await getLocale();
  const t = staffMessages[locale].checkIn;
  const {
    TIME_ZONE: timeZone,
    CHECKIN_WINDOW_HOURS: checkInWindowHours,
    DOORS_OPEN_MINUTES_BEFORE: doorsOpenMinutesBefore,
  } = config();
  const now = new Date();
  const listed = await listDoorPerformances({
    db,
    now,
    timeZone,
    checkInWindowHours,
    doorsOpenMinutesBefore,
  });
  const performances = listed.map((p) => ({
    id: p.id,
    // Date and time first: a 360 px select cuts the end of the line, so that is the title
    // (a cancellation is named before it too).
    label: `${formatDate(p.startsAt, locale, timeZone)} ${formatTime(p.startsAt, locale, timeZone)} · ${p.cancelled ? `${t.cancelledTag} · ` : ""}${p.showTitle}`,
    cancelled: p.cancelled,
    full: `${p.showTitle} · ${formatDateTime(p.startsAt, locale, timeZone)} · ${p.venueName}`,
    doors: p.doorsOpen
      ? t.doorsOpen
      : staffMessages.fill(t.doorsOpenAt, {
          when: formatDateTime(
            new Date(p.startsAt.getTime() - doorsOpenMinutesBefore * 60_000),
            locale,
            timeZone,
          ),
        }),
  }));
  const requested = Number((await searchParams).performance);
  const initialPerformanceId =
    defaultDoorPerformance(listed, Number.isInteger(requested) ? requested : null, now)?.id ?? null;

  return (
    <div className="space-y-4">
      <h1 className="sr-only">{t.title}</h1>
      <CheckInDesk
        t={t}
        locale={locale}
        timeZone={timeZone}
        performances={performances}
        initialPerformanceId={initialPerformanceId}
        isAdmin={user.role === "ADMIN"}
        undoMinutes={config().CHECKIN_UNDO_MINUTES}
      />
      {user.role === "ADMIN" && <ManualCheckInForm t={t.manual} />}
    </div>
  );
}
