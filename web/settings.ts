import "server-only";

import { config } from "@/lib/config";
import type { TokenSettings } from "@/lib/reservations/token-settings";

/** The domain takes its settings as arguments; the edge reads them from the configuration. */
export function tokenSettings(): TokenSettings {
  const { CONFIRMATION_TTL_HOURS, CHECKIN_WINDOW_HOURS } = config();
  return {
    confirmationTtlHours: CONFIRMATION_TTL_HOURS,
    checkInWindowHours: CHECKIN_WINDOW_HOURS,
  };
}
