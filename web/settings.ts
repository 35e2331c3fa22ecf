import "server-only";

import { config } from "@/lib/config";
import type { TokenSettings } from "@/lib/reservations/token-settings";
import type { WaitlistSettings } from "@/lib/waitlist/waitlist-settings";

/** The domain takes its settings as arguments; the edge reads them from the configuration. */
export function tokenSettings(): TokenSettings {
  const { CONFIRMATION_TTL_HOURS, CHECKIN_WINDOW_HOURS } = config();
  return {
    confirmationTtlHours: CONFIRMATION_TTL_HOURS,
    checkInWindowHours: CHECKIN_WINDOW_HOURS,
  };
}

/** The waiting list's offer time (WAITLIST_OFFER_HOURS) and address-confirmation link time. */
export function waitlistSettings(): WaitlistSettings {
  const { WAITLIST_OFFER_HOURS, CONFIRMATION_TTL_HOURS } = config();
  return { offerHours: WAITLIST_OFFER_HOURS, optInHours: CONFIRMATION_TTL_HOURS };
}
