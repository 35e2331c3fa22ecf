import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { submitBooking } from "@/actions/booking";
import { submitWaitlistJoin } from "@/actions/waitlist";
import { WaitlistForm, type WaitlistFormText } from "@/components/public/waitlist-form";
import { audienceMessages } from "@/web/i18n/audience-text";
import { BookingForm } from "@/components/public/booking-form";
import { AvailabilityBadge } from "@/components/public/performance-list";
import { VenueDetails } from "@/components/public/venue-details";
import { Alert } from "@/components/ui/alert";
import { parsePublicId } from "@/lib/catalog/catalog-json";
import { getPublicPerformance } from "@/lib/catalog/public-catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { formatDate, formatTime } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/localized-path";
import { publicPageMetadata } from "@/web/i18n/metadata";
import { pageLocale } from "@/web/i18n/page-locale";
import { icu } from "@/web/i18n/icu";
import { publicMessages } from "@/web/i18n/public-text";

// Live availability, and the CSP nonce of this request on its scripts: never cached.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; slug: string; performanceId: string }>;
  /** `?waitlist=1`: the waiting-list form in place of the booking form (a party too big). */
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
};

async function load(params: Props["params"]) {
  const { slug, performanceId } = await params;
  const id = parsePublicId(performanceId);
  const performance =
    id === null ? null : await getPublicPerformance(db, id, new Date(), await pageLocale(params));
  return performance && performance.show.slug === slug ? performance : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = publicMessages(locale);
  const performance = await load(params);
  if (!performance) return {};
  return publicPageMetadata({
    locale,
    path: `/shows/${performance.show.slug}/${performance.id}`,
    title: fill(t.booking.title, { show: performance.show.title }),
    description: performance.show.summary,
  });
}

export default async function BookingPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = publicMessages(locale);
  const performance = await load(params);
  if (!performance) notFound();
  const { TIME_ZONE, MAX_PARTY_SIZE, CONFIRMATION_TTL_HOURS, WAITLIST_OFFER_HOURS } = config();
  const maxSeats = Math.min(MAX_PARTY_SIZE, performance.availableSeats);
  const w = audienceMessages(locale).public;
  const waitlistText: WaitlistFormText = {
    join: w.join,
    fieldErrors: t.fieldErrors,
    required: t.booking.required,
    privacyLink: t.booking.privacyLink,
  };
  const bookingPath = localizedPath(locale, `/shows/${performance.show.slug}/${performance.id}`);
  // One form at a time on the page: a party bigger than the seats left asks for this one.
  const wantsWaitlist = (await searchParams)?.waitlist === "1";
  const waitlist = (intro: string) => (
    <section id="waitlist" aria-labelledby="waitlist-title" className="scroll-mt-4 space-y-3">
      <h2 id="waitlist-title" className="text-2xl font-semibold">
        {w.join.title}
      </h2>
      <WaitlistForm
        action={submitWaitlistJoin.bind(null, performance.id)}
        maxPartySize={MAX_PARTY_SIZE}
        defaultPartySize={Math.min(MAX_PARTY_SIZE, Math.max(1, performance.availableSeats + 1))}
        intro={`${intro} ${icu(locale, w.join.how, { hours: WAITLIST_OFFER_HOURS })}`}
        t={waitlistText}
      />
    </section>
  );

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p>
        <Link href={localizedPath(locale, `/shows/${performance.show.slug}`)}>
          ← {fill(t.booking.backToShow, { show: performance.show.title })}
        </Link>
      </p>
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold sm:text-4xl">
          {fill(t.booking.title, { show: performance.show.title })}
        </h1>
        <p className="text-lg font-semibold">
          <time dateTime={performance.startsAt.toISOString()}>
            {formatDate(performance.startsAt, locale, TIME_ZONE)},{" "}
            {formatTime(performance.startsAt, locale, TIME_ZONE)}
          </time>
        </p>
        <VenueDetails venue={performance.venue} t={t} />
        <AvailabilityBadge
          state={performance.bookingState}
          seats={performance.availableSeats}
          locale={locale}
          t={t.availability}
        />
      </header>
      {performance.bookingState === "open" && wantsWaitlist ? (
        <>
          {waitlist(w.join.tooFewIntro)}
          <p>
            <Link href={bookingPath}>{w.join.bookInstead}</Link>
          </p>
        </>
      ) : performance.bookingState === "open" ? (
        <>
          <p>{t.booking.intro}</p>
          <BookingForm
            action={submitBooking.bind(null, performance.id)}
            maxSeats={maxSeats}
            maxPartySize={MAX_PARTY_SIZE}
            t={{
              booking: t.booking,
              fieldErrors: t.fieldErrors,
              refusals: t.refusals,
              // ICU on the server; "{email}" stays for the form to fill in.
              sent: {
                ...t.sent,
                body: icu(locale, t.sent.body, { hours: CONFIRMATION_TTL_HOURS, email: "{email}" }),
              },
            }}
          />
          <p>
            <Link href={`${bookingPath}?waitlist=1#waitlist`}>{w.join.summary}</Link>
          </p>
        </>
      ) : performance.bookingState === "sold_out" ? (
        <>
          <Alert tone="warning">
            <p>{t.booking.soldOut}</p>
          </Alert>
          {waitlist(w.join.soldOutIntro)}
        </>
      ) : (
        <Alert tone="warning">
          <p>
            {performance.bookingState === "cancelled" ? w.cancelledPerformance : t.booking.closed}
          </p>
          <p className="mt-2">
            <Link href={localizedPath(locale, `/shows/${performance.show.slug}`)}>
              {t.booking.otherDates}
            </Link>
          </p>
        </Alert>
      )}
    </div>
  );
}
