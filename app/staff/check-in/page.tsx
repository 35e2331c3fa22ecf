import type { Metadata } from "next";
import { CheckInDesk } from "@/components/staff/check-in-desk";
import { ManualCheckInForm } from "@/components/staff/manual-check-in-form";
import { requireUser } from "@/web/auth/guards";
import { listDoorPerformances } from "@/lib/check-ins/door-performances";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/i18n/format";
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
  const { TIME_ZONE: timeZone, CHECKIN_WINDOW_HOURS: checkInWindowHours } = config();
  const performances = (await listDoorPerformances({ db, timeZone, checkInWindowHours })).map(
    (p) => ({
      id: p.id,
      label: `${p.showTitle} · ${formatDateTime(p.startsAt, locale, timeZone)} · ${p.venueName}`,
    }),
  );
  const requested = Number((await searchParams).performance);
  const initialPerformanceId =
    performances.find((p) => p.id === requested)?.id ?? performances[0]?.id ?? null;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">{t.title}</h1>
      <CheckInDesk
        t={t}
        locale={locale}
        timeZone={timeZone}
        performances={performances}
        initialPerformanceId={initialPerformanceId}
      />
      {user.role === "ADMIN" && <ManualCheckInForm t={t.manual} />}
    </div>
  );
}
