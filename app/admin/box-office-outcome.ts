import { resubmittableValues } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import type { BookAsAdminResult } from "@/lib/admin/book-as-admin";
import type { EditReservationResult } from "@/lib/admin/edit-reservation";
import type { MoveReservationResult } from "@/lib/admin/move-reservation";
import { fill } from "@/lib/i18n/fill";
import type { AdminMessages } from "@/lib/i18n/messages/admin";
import type { BoxOfficeMessages } from "@/lib/i18n/messages/box-office";

type Refusal = Extract<
  BookAsAdminResult | EditReservationResult | MoveReservationResult,
  { ok: false }
>;

/**
 * The one table from a refused box-office action (booking, edit, move) to form state:
 * each reason code in the admin's language, on the field it is about, with what was
 * typed to refill a form rendered without JavaScript. Nothing was written.
 */
export function boxOfficeFailure(
  result: Refusal,
  texts: { t: AdminMessages; b: BoxOfficeMessages; locale: string },
  formData: FormData,
  /** The field a seat refusal belongs to: the party (booking, edit) or the performance (move). */
  seatsField: "party_size" | "performanceId",
): FormState {
  const { t, b, locale } = texts;
  const values = resubmittableValues(formData);
  const refused = (message: string, field?: string): FormState => ({
    status: "error",
    message,
    values,
    ...(field ? { fieldErrors: { [field]: [message] } } : {}),
  });
  const statusText = (status: string) =>
    (t.reservations.statuses as Record<string, string>)[status] ?? status;
  switch (result.reason) {
    case "invalid":
      return {
        status: "error",
        message: t.common.fixFields,
        fieldErrors: result.fieldErrors,
        values,
      };
    case "insufficient_seats":
      return refused(
        fill(b.refusals.insufficient_seats, { available: result.availableSeats }, locale),
        seatsField,
      );
    case "below_checked_in":
      return refused(
        fill(b.refusals.below_checked_in, { seats: result.seatsIn }, locale),
        "party_size",
      );
    case "already_booked":
      return refused(b.refusals.already_booked, seatsField === "party_size" ? "email" : undefined);
    case "not_editable":
      return refused(
        fill(b.refusals.not_editable, { status: statusText(result.status).toLowerCase() }),
      );
    case "performance_not_found":
    case "performance_over":
    case "performance_cancelled":
    case "same_performance":
      return refused(b.refusals[result.reason], "performanceId");
    case "not_found":
    case "anonymized":
    case "already_checked_in":
      return refused(b.refusals[result.reason]);
  }
}
