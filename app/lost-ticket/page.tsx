import type { Metadata } from "next";
import { requestLostTicket } from "@/app/lost-ticket/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { publicText } from "@/web/i18n/public-text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await publicText()).t.lost.title };
}

type Props = { searchParams: Promise<{ sent?: string; error?: string }> };

export default async function LostTicketPage({ searchParams }: Props) {
  const { t } = await publicText();
  const { sent, error } = await searchParams;
  const fieldError = error === "invalid" ? t.lost.invalid : undefined;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold sm:text-4xl">{t.lost.title}</h1>
      <p>{t.lost.intro}</p>
      {sent ? (
        <Alert tone="success" live>
          {t.lost.done}
        </Alert>
      ) : null}
      {error === "rate_limited" ? (
        <Alert tone="warning" live>
          {t.lost.rate_limited}
        </Alert>
      ) : null}
      <form action={requestLostTicket} className="space-y-4">
        <Field id="lost-email" label={t.lost.email} error={fieldError}>
          <input
            id="lost-email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            maxLength={254}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={describedBy("lost-email", false, fieldError)}
            className={inputClass}
          />
        </Field>
        <Button type="submit" className="w-full sm:w-auto">
          {t.lost.submit}
        </Button>
      </form>
    </div>
  );
}
