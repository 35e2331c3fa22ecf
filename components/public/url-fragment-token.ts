"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/**
 * The `token=` of the URL fragment. The fragment never reaches the server, so the token
 * stays out of access logs and Referer headers. `undefined` while rendering on the
 * server (not known yet), `null` when the URL has none.
 */
export function useFragmentToken(): string | null | undefined {
  return useSyncExternalStore(
    subscribe,
    () => new URLSearchParams(window.location.hash.slice(1)).get("token"),
    () => undefined,
  );
}
