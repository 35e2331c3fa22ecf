"use server";

import { redirect } from "next/navigation";
import { boxOfficeFailure } from "@/app/admin/box-office-outcome";
import { onRow } from "@/app/admin/crud-actions";
import { refusedArguments } from "@/app/admin/form-outcome";
import { bookAsAdmin } from "@/lib/admin/book-as-admin";
import { editReservation } from "@/lib/admin/edit-reservation";
import { formObject } from "@/lib/admin/form-fields";
import { moveReservation } from "@/lib/admin/move-reservation";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import type { BoxOfficeMessages } from "@/lib/i18n/messages/box-office";
import {
  actionId,
  formDataArg,
  parseActionArgs,
  previousState,
} from "@/lib/validation/action-args";
import { adminContext } from "@/web/admin-context";
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
  return onRow("/admin/reservations", id, async ({ user, t, locale }, reservationId) => {
    const result = await resendReservationLink({
      db,
      reservationId,
      actor: user,
      settings: tokenSettings(),
    });
    if (!result.ok && result.reason === "no_email")
      return { status: "error", message: boxOffice[locale].refusals.no_email };
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
  return onRow("/admin/emails", id, async ({ user, t, locale }, deliveryId) => {
    const result = await sendEmailAgain({
      db,
      deliveryId,
      actor: user,
      settings: tokenSettings(),
    });
    if (result.ok) return { status: "ok", message: t.emails.sentAgain };
    if (result.reason === "not_failed") return { status: "error", message: t.emails.notFailed };
    if (result.reason === "not_found") return refusal(t, "not_found");
    if (result.reason === "no_email")
      return { status: "error", message: boxOffice[locale].refusals.no_email };
    return refusal(
      t,
      "reservation_closed",
      t.reservations.statuses[result.status as keyof AdminMessages["reservations"]["statuses"]] ??
        result.status,
    );
  });
}

/** The box office's booking form `(state, formData)`: a reservation confirmed at once. */
export async function bookReservationAction(
  ...rawArgs: [state: FormState, formData: FormData]
): Promise<FormState> {
  const args = parseActionArgs([previousState, formDataArg], rawArgs);
  const context = await adminContext("/admin/reservations/new");
  if (!args) return refusedArguments(context.t);
  const [, form] = args;
  const b = boxOffice[context.locale];
  const result = await bookAsAdmin({
    db,
    actor: context.user,
    input: formObject(form),
    settings: tokenSettings(),
  });
  if (!result.ok) return boxOfficeFailure(result, { ...context, b }, form, "party_size");
  const notice =
    result.overCapacityBy > 0
      ? "reservation_override"
      : result.emailed
        ? "reservation_booked_emailed"
        : "reservation_booked";
  redirect(`/admin/reservations/${result.reservationId}?notice=${notice}`);
}

/**
 * A form about one reservation `(id, state, formData)`: parses every argument, signs the
 * admin in (back to its edit page), and hands the row id, the form and the texts on.
 */
async function onReservationForm(
  rawArgs: readonly unknown[],
  run: (
    context: Awaited<ReturnType<typeof adminContext>> & { b: BoxOfficeMessages },
    reservationId: number,
    form: FormData,
  ) => Promise<FormState>,
): Promise<FormState> {
  const args = parseActionArgs([actionId, previousState, formDataArg], rawArgs);
  const context = await adminContext(
    args ? `/admin/reservations/${args[0]}/edit` : "/admin/reservations",
  );
  if (!args) return refusedArguments(context.t);
  return run({ ...context, b: boxOffice[context.locale] }, args[0], args[2]);
}

/** Party size, contact details and notes `(id, state, formData)`. */
export async function editReservationAction(
  ...rawArgs: [id: number, state: FormState, formData: FormData]
): Promise<FormState> {
  return onReservationForm(rawArgs, async (context, reservationId, form) => {
    const result = await editReservation({
      db,
      actor: context.user,
      reservationId,
      input: formObject(form),
      waitlist: waitlistSettings(),
    });
    if (!result.ok) return boxOfficeFailure(result, context, form, "party_size");
    if (result.changed.length === 0) return { status: "ok", message: context.b.edit.unchanged };
    redirect(
      `/admin/reservations/${reservationId}?notice=${result.overCapacityBy > 0 ? "reservation_override" : "reservation_saved"}`,
    );
  });
}

/** Moves a reservation to another performance `(id, state, formData)`. */
export async function moveReservationAction(
  ...rawArgs: [id: number, state: FormState, formData: FormData]
): Promise<FormState> {
  return onReservationForm(rawArgs, async (context, reservationId, form) => {
    const result = await moveReservation({
      db,
      actor: context.user,
      reservationId,
      input: formObject(form),
      settings: tokenSettings(),
      waitlist: waitlistSettings(),
    });
    if (!result.ok) return boxOfficeFailure(result, context, form, "performanceId");
    redirect(`/admin/reservations/${reservationId}?notice=reservation_moved`);
  });
}
