"use server";

import { onRow } from "@/app/admin/crud-actions";
import type { FormState } from "@/lib/admin/form-state";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { offerManually } from "@/lib/waitlist/waitlist-admin";
import { audienceMessages } from "@/web/i18n/audience-text";
import { waitlistSettings } from "@/web/settings";

/** "Offer now" on a waiting-list entry (/admin/performances/<id>/waitlist); audited. */
export async function offerWaitlistEntryAction(entryId: number): Promise<FormState> {
  return onRow("/admin/performances", entryId, async ({ user, locale }, id) => {
    const t = audienceMessages(locale).admin;
    const result = await offerManually({
      db,
      actor: user,
      entryId: id,
      settings: waitlistSettings(),
    });
    if (result.ok) return { status: "ok", message: t.offered };
    return {
      status: "error",
      message: fill(t.refusals[result.reason], {
        seats: result.reason === "insufficient_seats" ? result.availableSeats : 0,
      }),
    };
  });
}
