"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { Bound } from "@/components/admin/form-controls";
import { useToast } from "@/components/admin/toaster";
import { IDLE, type FormAction } from "@/lib/admin/form-state";

/**
 * The one form stack of the admin: react-hook-form with the shared zod schema in the
 * browser, the server action behind it. With JavaScript the schema checks first and the form's FormData goes to the
 * action; without it the <form action> posts the same FormData. The action's field
 * errors land next to the same fields, its message in a toast.
 */
export function useAdminForm<Input extends FieldValues, Output extends FieldValues>({
  schema,
  action,
  defaultValues,
  errorTexts,
}: {
  schema: z.ZodType<Output, Input>;
  action: FormAction;
  defaultValues: DefaultValues<Input>;
  errorTexts: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: "onTouched",
  });
  const notify = useToast();
  const { setError } = form;

  useEffect(() => {
    if (state.status === "idle") return;
    notify(state.status === "ok" ? "success" : "error", state.message);
    if (state.status === "error") {
      for (const [name, codes] of Object.entries(state.fieldErrors ?? {})) {
        if (codes?.[0]) setError(name as Path<Input>, { type: "server", message: codes[0] });
      }
    }
  }, [state, notify, setError]);

  const onSubmit = form.handleSubmit((_values, event) => {
    const element = event?.target;
    if (element instanceof HTMLFormElement)
      startTransition(() => formAction(new FormData(element)));
  });

  /** The translated error of a field: the browser's check first, else the server's. */
  function errorOf(name: string): string | undefined {
    const clientError = (
      form.formState.errors as Record<string, { message?: unknown } | undefined>
    )[name]?.message;
    const code =
      typeof clientError === "string"
        ? clientError
        : state.status === "error"
          ? state.fieldErrors?.[name]?.[0]
          : undefined;
    return code ? (errorTexts[code] ?? code) : undefined;
  }

  // What the inputs show before any JavaScript runs (react-hook-form only fills them on
  // mount): the saved values, or after a refused submission without JavaScript, what
  // the admin had typed (passwords excepted: the action never sends them back).
  const submitted = state.status === "error" ? state.values : undefined;
  function field(name: Path<Input>) {
    const registration = form.register(name);
    const initial: unknown = (defaultValues as Record<string, unknown>)[name];
    if (typeof initial === "boolean") {
      return { ...registration, defaultChecked: submitted ? submitted[name] === "on" : initial };
    }
    return {
      ...registration,
      defaultValue: submitted?.[name] ?? (initial == null ? "" : String(initial)),
    };
  }

  /** What a control of form-controls.tsx needs: `<TextField label=… {...bind("title")} />`. */
  function bind(name: Path<Input>): Bound {
    return { registration: field(name), error: errorOf(name) };
  }

  return {
    form,
    bind,
    /** The translated error of a field that is not a schema input (a file). */
    errorOf,
    /** For <AdminFormShell form={shell}>: the form's props and whether it is submitting. */
    shell: { formProps: { action: formAction, onSubmit, noValidate: true }, pending },
  };
}
