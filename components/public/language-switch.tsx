import { setLocale } from "@/app/actions/set-locale";
import { LOCALES, type Locale } from "@/lib/i18n/locale";
import type { PublicMessages } from "@/lib/i18n/messages/public";

/** Two buttons, the current language marked; each is a form post to setLocale. */
export function LanguageSwitch({
  locale,
  t,
}: {
  locale: Locale;
  t: PublicMessages["site"]["language"];
}) {
  return (
    <form action={setLocale} className="flex items-center gap-1" aria-label={t.label}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="submit"
          name="locale"
          value={code}
          lang={code}
          aria-pressed={code === locale}
          title={t[code]}
          className="min-h-11 min-w-11 rounded-md px-2 text-sm font-semibold uppercase text-ink-muted hover:bg-paper-sunken aria-pressed:bg-accent aria-pressed:text-white"
        >
          <span aria-hidden="true">{code}</span>
          <span className="sr-only">{t[code]}</span>
        </button>
      ))}
    </form>
  );
}
