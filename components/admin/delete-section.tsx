import { ConfirmAction } from "@/components/admin/confirm-action";
import type { FormAction } from "@/lib/admin/form-state";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

/** The foot of an edit page: delete, after a confirmation; a PROTECT refusal shows here. */
export function DeleteSection({
  name,
  action,
  question,
  t,
}: {
  name: string;
  action: FormAction;
  question: string;
  t: AdminMessages;
}) {
  return (
    <div className="mt-10 border-t border-line pt-6">
      <ConfirmAction
        name={name}
        action={action}
        label={t.common.delete}
        title={t.common.confirmTitle}
        question={question}
        confirmLabel={t.common.delete}
        keepLabel={t.common.keep}
      />
    </div>
  );
}
