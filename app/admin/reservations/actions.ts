"use server";

import { onRow } from "@/app/admin/crud-actions";
import type { FormState } from "@/lib/admin/form-state";
import { sendEmailAgain } from "@/lib/admin/email-deliveries";
import { cancelAsAdmin, checkInAsAdmin } from "@/lib/admin/reservations";
import { db } from "@/lib/db";
import { waitlistSettings } from "@/web/settings";
import { fill } from "@/lib/i18n/fill";
import type { AdminMessages } from "@/lib/i18n/messages/admin";
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
    const result = await cancelAsAdmin({
      db,
      actor: user,
      reservationId,
      waitlist: waitlistSettings(),
    });
    if (!result.ok) return refusal(t, result.reason);
    // The notice was queued with the cancellation (its history is on this page).
    return { status: "ok", message: t.reservations.cancelled };
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
    return {
      status: "ok",
      message:
        result.kind === "ticket" ? t.reservations.resentTicket : t.reservations.resentConfirmation,
    };
  });
}

/** "Send again" for a failed email (the reservation page and /admin/emails). */
export async function sendEmailAgainAction(id: number): Promise<FormState> {
  // Signs in back to the failed-emails list, where the button is.
  return onRow("/admin/emails", id, async ({ user, t }, deliveryId) => {
    const result = await sendEmailAgain({
      db,
      deliveryId,
      actor: user,
      settings: tokenSettings(),
    });
    if (result.ok) return { status: "ok", message: t.emails.sentAgain };
    if (result.reason === "not_failed") return { status: "error", message: t.emails.notFailed };
    if (result.reason === "not_found") return refusal(t, "not_found");
    return refusal(
      t,
      "reservation_closed",
      t.reservations.statuses[result.status as keyof AdminMessages["reservations"]["statuses"]] ??
        result.status,
    );
  });
}
