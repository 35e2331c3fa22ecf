/** What the waiting list needs from the configuration (web/settings.ts reads it). */
export type WaitlistSettings = {
  /** How long an offer holds its seats (WAITLIST_OFFER_HOURS), never past the start. */
  offerHours: number;
  /** How long the link that confirms the address works (CONFIRMATION_TTL_HOURS). */
  optInHours: number;
};

/** The defaults of the configuration, for callers that pass none (tests, scripts). */
export const DEFAULT_WAITLIST_SETTINGS: WaitlistSettings = { offerHours: 12, optInHours: 24 };
