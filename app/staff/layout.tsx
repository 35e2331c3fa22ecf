import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/public/language-switch";
import { SignOutButton } from "@/components/staff/sign-out-button";
import { requireUser } from "@/web/auth/guards";
import { getLocale } from "@/web/i18n/locale";
import * as publicMessages from "@/lib/i18n/messages/public";
import * as staffMessages from "@/lib/i18n/messages/staff";

// Signed-in pages render per request (the root layout reads no request data, so the
// public pages can be cached; this keeps the build from prerendering these).
export const dynamic = "force-dynamic";

// Every page below checks the user again itself: a layout check alone protects nothing.
// `data-door-chrome` hides the public header and footer (globals.css): the door is a tool.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("staff", "/staff/check-in");
  const locale = await getLocale();
  const t = staffMessages[locale].area;
  return (
    // lang: <html lang> is the public chrome's; the door's pages speak the staff's language.
    <div lang={locale} className="mx-auto max-w-xl space-y-4" data-door-chrome>
      <nav
        aria-label={t.nav}
        className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-line pb-2"
      >
        <ul className="flex items-center gap-3">
          <li className="font-display text-lg font-semibold">AzioneLab</li>
          <li>
            <Link href="/staff/check-in" className="font-semibold">
              {t.checkIn}
            </Link>
          </li>
          {user.role === "ADMIN" && (
            <li>
              <Link href="/admin">{t.admin}</Link>
            </li>
          )}
        </ul>
        <div className="flex items-center gap-2 text-sm">
          <span className="sr-only">{t.signedInAs}</span>
          <span className="max-w-32 truncate">{user.name || user.email}</span>
          <LanguageSwitch locale={locale} t={publicMessages[locale].site.language} />
          <SignOutButton label={t.signOut} pendingLabel={t.signingOut} />
        </div>
      </nav>
      {children}
    </div>
  );
}
