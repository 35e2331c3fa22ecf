import Link from "next/link";
import { headers } from "next/headers";
import { isLocale } from "@/lib/i18n/locale";
import { localizedPath } from "@/lib/i18n/localized-path";
import { LOCALE_HEADER } from "@/web/i18n/routing";
import { publicMessages } from "@/web/i18n/public-text";

/** Any unknown URL, in the language of its prefix (proxy.ts passes it), else Italian. */
export default async function NotFound() {
  const fromUrl = (await headers()).get(LOCALE_HEADER);
  const locale = isLocale(fromUrl) ? fromUrl : "it";
  const t = publicMessages(locale);
  return (
    <section className="max-w-prose space-y-4">
      <h1 className="text-3xl font-semibold">{t.notFound.title}</h1>
      <p className="text-ink-muted">{t.notFound.body}</p>
      <p>
        <Link href={localizedPath(locale, "/")}>{t.notFound.back}</Link>
      </p>
    </section>
  );
}
