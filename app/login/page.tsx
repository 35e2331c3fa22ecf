import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/staff/login-form";
import { currentUser } from "@/web/auth/current-user";
import { safeCallbackPath, sameOriginPath } from "@/lib/auth/callback-path";
import { getLocale } from "@/web/i18n/locale";
import * as staffMessages from "@/lib/i18n/messages/staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: staffMessages[await getLocale()].login.title, robots: { index: false } };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const user = await currentUser();
  if (user) redirect(safeCallbackPath(params.callbackUrl, user.role));
  // Checked again, with the role, once the user has signed in (app/login/actions.ts).
  const callbackPath = sameOriginPath(params.callbackUrl) ?? "";

  const t = staffMessages[await getLocale()].login;
  // next-auth's own credentials callback sends failed sign-ins back here with ?error=<code>.
  const initialError =
    params.error === "rate_limited"
      ? t.errors.rate_limited
      : params.error
        ? t.errors.invalid_credentials
        : null;
  return (
    <section className="mx-auto max-w-sm space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-semibold">{t.title}</h1>
        <p className="text-ink-muted">{t.intro}</p>
      </div>
      {params.signedOut === "1" && (
        <p role="status" className="rounded-md border border-success bg-white p-3 text-success">
          {t.signedOut}
        </p>
      )}
      <LoginForm t={t} callbackPath={callbackPath} initialError={initialError} />
    </section>
  );
}
