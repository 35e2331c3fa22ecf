import Link from "next/link";
import { currentUser } from "@/web/auth/current-user";
import { getLocale } from "@/web/i18n/locale";
import * as staffMessages from "@/lib/i18n/messages/staff";

export default async function Forbidden() {
  const t = staffMessages[await getLocale()].forbidden;
  const user = await currentUser();
  return (
    <section className="max-w-prose space-y-4">
      <h1 className="text-3xl font-semibold">{t.title}</h1>
      <p className="text-ink-muted">{t.body}</p>
      <p>{user ? <Link href="/staff/check-in">{t.back}</Link> : <Link href="/">{t.home}</Link>}</p>
    </section>
  );
}
