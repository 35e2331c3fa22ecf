"use server";

import { onRow } from "@/app/admin/crud-actions";
import type { FormState } from "@/lib/admin/form-state";
import { cancelAsAdmin, checkInAsAdmin } from "@/lib/admin/reservations";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import type { AdminMessages } from "@/lib/i18n/messages/admin";
import { sendCancellationNotice } from "@/lib/mail/reservation-emails";
import { resendReservationLink } from "@/lib/reservations/resend-links";
import { tokenSettings } from "@/web/settings";

function refusal(
  t: AdminMessages,
  reason: keyof AdminMessages["reservations"]["refusals"],
  status = "",
): FormState {
  return { status: "error", message: fill(t.reservations.refusals[reason], { status }) };
}

export async function cancelReservationAction(id: number): Promise<FormState> {
  return onRow("/admin/reservations", id, async ({ user, t }, reservationId) => {
    const result = await cancelAsAdmin({ db, actor: user, reservationId });
    if (!result.ok) return refusal(t, result.reason);
    const notice = await sendCancellationNotice({ db, reservationId });
    return {
      status: "ok",
      message: notice.ok ? t.reservations.cancelled : t.reservations.cancelledNoMail,
    };
  });
}

export async function checkInReservationAction(id: number): Promise<FormState> {
  return onRow("/admin/reservations", id, async ({ user, t }, reservationId) => {
    const result = await checkInAsAdmin({ db, actor: user, reservationId });
    if (!result.ok)
      return refusal(
        t,
        // The admin page names no performance: `wrong_performance` cannot happen here.
        result.reason === "token_not_found" || result.reason === "wrong_performance"
          ? "not_found"
          : result.reason,
      );
    return { status: "ok", message: t.reservations.checkedIn };
  });
}

export async function resendReservationEmailAction(id: number): Promise<FormState> {
  return onRow("/admin/reservations", id, async ({ user, t }, reservationId) => {
    const result = await resendReservationLink({
      db,
      reservationId,
      actor: user,
      settings: tokenSettings(),
    });
    if (!result.ok)
      return result.reason === "not_found"
        ? refusal(t, "not_found")
        : refusal(
            t,
            "reservation_closed",
            t.reservations.statuses[
              result.status as keyof AdminMessages["reservations"]["statuses"]
            ] ?? result.status,
          );
    if (!result.sent) return { status: "error", message: t.reservations.resendFailed };
    return {
      status: "ok",
      message:
        result.kind === "ticket" ? t.reservations.resentTicket : t.reservations.resentConfirmation,
    };
  });
}
