"use server";

import { redirect } from "next/navigation";
import { deleteFailure, refusedArguments, saveFailure } from "@/app/admin/form-outcome";
import { adminContext } from "@/web/admin-context";
import { formObject } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import { deleteVenue, saveVenue } from "@/lib/admin/venues";
import { db } from "@/lib/db";
import {
  actionId,
  formDataArg,
  parseActionArgs,
  previousState,
} from "@/lib/validation/action-args";

export async function saveVenueAction(
  id: number | null,
  state: FormState,
  formData: FormData,
): Promise<FormState> {
  const args = parseActionArgs(
    [actionId.nullable(), previousState, formDataArg],
    [id, state, formData],
  );
  const { user, t } = await adminContext(
    args?.[0] ? `/admin/venues/${args[0]}` : "/admin/venues/new",
  );
  if (!args) return refusedArguments(t);
  const [venueId, , form] = args;
  const result = await saveVenue({
    db,
    actor: user,
    id: venueId ?? undefined,
    input: formObject(form),
  });
  if (!result.ok) return saveFailure(result, t, form);
  redirect("/admin/venues?notice=venue_saved");
}

export async function deleteVenueAction(id: number): Promise<FormState> {
  const args = parseActionArgs([actionId], [id]);
  const { user, t } = await adminContext(args ? `/admin/venues/${args[0]}` : "/admin/venues");
  if (!args) return refusedArguments(t);
  const result = await deleteVenue({ db, actor: user, id: args[0] });
  if (!result.ok) return deleteFailure(result, t, "venue");
  redirect("/admin/venues?notice=venue_deleted");
}
