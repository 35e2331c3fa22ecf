"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/web/auth/guards";
import { confirmCheckIn } from "@/lib/check-ins/check-in";
import { manualCheckInInput } from "@/lib/check-ins/manual-check-in-input";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { formatTime } from "@/lib/i18n/format";
import { getLocale } from "@/web/i18n/locale";
import * as staffMessages from "@/lib/i18n/messages/staff";
import { formDataArg, parseActionArgs, previousState } from "@/lib/validation/action-args";

export type ManualCheckInState = { ok: boolean; message: string } | null;

/** Admins only: lets in a confirmed party whose ticket is lost; recorded with source `manual`. */
export async function checkInReservationManually(
  previous: ManualCheckInState,
  formData: FormData,
): Promise<ManualCheckInState> {
  const user = await requireUser("admin", "/staff/check-in");
  const locale = await getLocale();
  const t = staffMessages[locale].checkIn.manual;
  const args = parseActionArgs([previousState, formDataArg], [previous, formData]);
  const parsed = manualCheckInInput.safeParse({
    reservation_id: args?.[1].get("reservation_id"),
  });
  if (!parsed.success) return { ok: false, message: t.invalid };

  const reservationId = parsed.data.reservation_id;
  const result = await confirmCheckIn({
    db,
    target: { reservationId },
    staff: user,
    source: "manual",
  });
  if (result.ok) {
    revalidatePath("/staff/check-in");
    return { ok: true, message: staffMessages.fill(t.done, { id: reservationId }) };
  }
  if (result.reason === "already_checked_in") {
    return {
      ok: false,
      message: staffMessages.fill(t.already_checked_in, {
        time: formatTime(result.earlier.checkedInAt, locale, config().TIME_ZONE),
        staff: result.earlier.checkedInByName,
      }),
    };
  }
  if (result.reason === "token_not_found") return { ok: false, message: t.not_found };
  // No performance, seats or door window is passed here, so those refusals cannot happen.
  return {
    ok: false,
    message: t[result.reason === "wrong_performance" ? "not_found" : result.reason],
  };
}
