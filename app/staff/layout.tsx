import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/staff/sign-out-button";
import { requireUser } from "@/web/auth/guards";
import { getLocale } from "@/web/i18n/locale";
import * as staffMessages from "@/lib/i18n/messages/staff";

// Signed-in pages render per request (the root layout reads no request data, so the
// public pages can be cached; this keeps the build from prerendering these).
export const dynamic = "force-dynamic";

// Every page below checks the user again itself: a layout check alone protects nothing.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("staff", "/staff/check-in");
  const t = staffMessages[await getLocale()].area;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <nav
        aria-label={t.nav}
        className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3"
      >
        <ul className="flex gap-4">
          <li>
            <Link href="/staff/check-in">{t.checkIn}</Link>
          </li>
          {user.role === "ADMIN" && (
            <li>
              <Link href="/admin">{t.admin}</Link>
            </li>
          )}
        </ul>
        <div className="flex items-center gap-3 text-sm">
          <span>
            <span className="text-ink-muted">{t.signedInAs}</span> {user.name || user.email}
          </span>
          <SignOutButton label={t.signOut} pendingLabel={t.signingOut} />
        </div>
      </nav>
      {children}
    </div>
  );
}
