import Link from "next/link";
import { publicText } from "@/web/i18n/public-text";

export default async function NotFound() {
  const { t } = await publicText();
  return (
    <section className="max-w-prose space-y-4">
      <h1 className="text-3xl font-semibold">{t.notFound.title}</h1>
      <p className="text-ink-muted">{t.notFound.body}</p>
      <p>
        <Link href="/">{t.notFound.back}</Link>
      </p>
    </section>
  );
}
