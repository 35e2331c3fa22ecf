"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useRef } from "react";
import { useToast } from "@/components/admin/toaster";
import { IDLE, type FormState } from "@/lib/admin/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A button that asks before it acts (delete, cancel, check in, resend). The question is
 * a modal <dialog>; without JavaScript the button submits directly. A refusal (PROTECT,
 * already cancelled...) shows next to the button and in a toast.
 */
export function ConfirmAction({
  name,
  action,
  label,
  title = label,
  question,
  confirmLabel = label,
  keepLabel,
  tone = "danger",
}: {
  /** Names the form's one field, so tests and logs can tell the actions of a page apart. */
  name: string;
  action: Action;
  label: string;
  /** The dialog's heading; the button's label by default. */
  title?: string;
  question: string;
  /** The dialog's confirming button; the button's label by default. */
  confirmLabel?: string;
  keepLabel: string;
  tone?: "danger" | "neutral";
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const notify = useToast();
  const titleId = useId();
  const questionId = useId();

  const router = useRouter();

  // After a success the page is refreshed here rather than revalidated by the action:
  // a revalidation would unmount this button (a cancelled reservation has no cancel
  // button) before its toast could be shown.
  useEffect(() => {
    if (state.status === "idle") return;
    notify(state.status === "ok" ? "success" : "error", state.message);
    if (state.status === "ok") router.refresh();
  }, [state, notify, router]);

  const buttonStyle =
    tone === "danger"
      ? "border-2 border-danger text-danger hover:bg-danger hover:text-white"
      : "border-2 border-ink text-ink hover:bg-ink hover:text-white";

  return (
    <form ref={formRef} action={formAction} className="inline-block">
      <input type="hidden" name={name} value="1" />
      <button
        type="submit"
        disabled={pending}
        onClick={(event) => {
          event.preventDefault();
          dialogRef.current?.showModal();
        }}
        className={`rounded-md px-4 py-2 font-semibold disabled:opacity-70 ${buttonStyle}`}
      >
        {label}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={questionId}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-line bg-paper-raised p-6 text-ink shadow-xl backdrop:bg-ink/50"
      >
        <h2 id={titleId} className="text-xl font-semibold">
          {title}
        </h2>
        <p id={questionId} className="mt-3">
          {question}
        </p>
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button
            type="button"
            autoFocus
            onClick={() => dialogRef.current?.close()}
            className="rounded-md border-2 border-ink px-4 py-2 font-semibold"
          >
            {keepLabel}
          </button>
          <button
            type="button"
            onClick={() => {
              dialogRef.current?.close();
              formRef.current?.requestSubmit();
            }}
            className={`rounded-md px-4 py-2 font-semibold text-white ${tone === "danger" ? "bg-danger" : "bg-ink"}`}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
      <p role="alert" className="mt-1 max-w-md text-sm font-semibold text-danger empty:hidden">
        {state.status === "error" ? state.message : ""}
      </p>
    </form>
  );
}
