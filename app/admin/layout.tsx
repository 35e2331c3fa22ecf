import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { LanguageSwitch } from "@/components/public/language-switch";
import { Toaster } from "@/components/admin/toaster";
import { SignOutButton } from "@/components/staff/sign-out-button";
import { adminContext } from "@/web/admin-context";
import { fill } from "@/lib/i18n/fill";
import { localizedPath } from "@/lib/i18n/localized-path";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import * as publicMessages from "@/lib/i18n/messages/public";

// Each page names itself (web/admin-title.ts): "Prenotazioni · Amministrazione · AzioneLab".
export const metadata: Metadata = {
  title: { default: "Admin · AzioneLab", template: "%s · AzioneLab" },
  robots: { index: false, follow: false },
};

// Signed-in pages render per request (the root layout reads no request data, so the
// public pages can be cached; this keeps the build from prerendering these).
export const dynamic = "force-dynamic";

// The guard here only shapes the page; every page and action below checks again.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { user, t, locale } = await adminContext("/admin");
  const items = [
    { href: "/admin", label: t.nav.dashboard },
    { href: "/admin/reservations", label: t.nav.reservations },
    { href: "/admin/check-ins", label: boxOffice[locale].lists.checkInsTitle },
    { href: "/admin/emails", label: t.nav.emails },
    { href: "/admin/performances", label: t.nav.performances },
    { href: "/admin/shows", label: t.nav.shows },
    { href: "/admin/venues", label: t.nav.venues },
    { href: "/admin/pages", label: t.nav.pages },
    { href: "/admin/users", label: t.nav.users },
    { href: "/admin/audit", label: t.nav.audit },
    { href: "/staff/check-in", label: t.nav.checkIn },
    // In the admin's language: visiting a public page sets the language cookie
    // (web/i18n/routing.ts), so the Italian home would switch an English admin to Italian.
    { href: localizedPath(locale, "/"), label: t.nav.site },
  ];
  return (
    <Toaster
      notices={{ ...t.notices, ...boxOffice[locale].notices }}
      labels={{ close: t.common.close, region: t.common.notifications }}
    >
      {/* data-admin-wide: the root layout gives the admin a wider page than the public site.
          lang: the root layout's <html lang> is the public chrome's (Italian here); the
          admin's own pages are read out in the admin's language. */}
      <div lang={locale} data-admin-wide className="md:grid md:grid-cols-[13rem_1fr] md:gap-8">
        <aside className="mb-6 md:mb-0">
          <p className="mb-2 text-sm text-ink-muted print:hidden">
            {fill(t.nav.signedInAs, { email: user.email })}
          </p>
          <AdminNav items={items} label={t.nav.label} />
          <div className="mt-3 flex flex-wrap items-center gap-2 print:hidden">
            {/* Here rather than in the public header, which cannot tell the admin's language. */}
            <LanguageSwitch locale={locale} t={publicMessages[locale].site.language} />
            <SignOutButton label={t.nav.signOut} pendingLabel={t.nav.signingOut} />
          </div>
        </aside>
        <div className="min-w-0">{children}</div>
      </div>
    </Toaster>
  );
}
