"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Ends the session (next-auth clears the cookie after its CSRF check) and returns to the sign-in page. */
export function SignOutButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/login?signedOut=1" });
      }}
      className="rounded-md border-2 border-ink px-3 py-1.5 text-sm font-semibold disabled:opacity-70"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
