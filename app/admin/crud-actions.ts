import { redirect } from "next/navigation";
import { deleteFailure, refusedArguments, saveFailure } from "@/app/admin/form-outcome";
import { formObject } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import type { SavePerformanceResult } from "@/lib/admin/performances";
import type { DeleteResult } from "@/lib/admin/results";
import type { UpdateUserResult } from "@/lib/admin/users";
import {
  actionId,
  formDataArg,
  parseActionArgs,
  previousState,
} from "@/lib/validation/action-args";
import { adminContext } from "@/web/admin-context";

export type AdminContext = Awaited<ReturnType<typeof adminContext>>;

/**
 * One admin section with a list, an edit page and a delete protected by its dependents
 * (shows, venues, pages, performances): what its server actions call.
 */
export type CrudSection = {
  /** The list's path, e.g. "/admin/shows". */
  path: string;
  entity: "show" | "venue" | "page" | "performance";
  save: (
    context: AdminContext,
    id: number | undefined,
    input: Record<string, string>,
    /** The whole submission, for what is not text (a show's poster file). */
    form: FormData,
  ) => Promise<SavePerformanceResult | UpdateUserResult>;
  remove: (context: AdminContext, id: number) => Promise<DeleteResult>;
  /** Where a saved row leads; the list by default. */
  savedTo?: (id: number) => string;
};

/** What a form saves: a section, or one of the user forms ("user_saved", "password_reset"…). */
export type FormTarget = Pick<CrudSection, "path" | "save" | "savedTo"> & {
  entity: CrudSection["entity"] | "user";
  /** Edits an existing row only: a null id is refused. */
  requiresId?: true;
};

/** The save action of a form, `(id | null, state, formData)` as bound by the form. */
export async function saveFromForm(
  section: FormTarget,
  rawArgs: readonly unknown[],
): Promise<FormState> {
  const id = section.requiresId ? actionId : actionId.nullable();
  const args = parseActionArgs([id, previousState, formDataArg], rawArgs);
  const context = await adminContext(
    args?.[0] ? `${section.path}/${args[0]}` : `${section.path}/new`,
  );
  if (!args) return refusedArguments(context.t);
  const [rowId, , form] = args;
  const result = await section.save(context, rowId ?? undefined, formObject(form), form);
  if (!result.ok) return saveFailure(result, context.t, form);
  redirect(section.savedTo?.(result.id) ?? `${section.path}?notice=${section.entity}_saved`);
}

/**
 * An action on one row, `(id)` as bound by a confirm dialog: parses the id, signs the
 * admin in (back to `${path}/${id}`), refuses anything but a row id, then runs.
 */
export async function onRow(
  path: string,
  rawId: unknown,
  run: (context: AdminContext, id: number) => Promise<FormState>,
): Promise<FormState> {
  const args = parseActionArgs([actionId], [rawId]);
  const context = await adminContext(args ? `${path}/${args[0]}` : path);
  if (!args) return refusedArguments(context.t);
  return run(context, args[0]);
}

/** The delete action of a section. */
export async function deleteFromForm(section: CrudSection, rawId: unknown): Promise<FormState> {
  return onRow(section.path, rawId, async (context, id) => {
    const result = await section.remove(context, id);
    if (!result.ok) return deleteFailure(result, context.t, section.entity);
    redirect(`${section.path}?notice=${section.entity}_deleted`);
  });
}
