"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  window.addEventListener("popstate", onChange);
  return () => {
    window.removeEventListener("hashchange", onChange);
    window.removeEventListener("popstate", onChange);
  };
}

/**
 * The query and fragment of the page's URL ("?from=…#token=…"), so that a link to the
 * same page in another language keeps them: the fragment carries the confirmation or
 * ticket token, which the server never sees. Empty while rendering on the server.
 */
export function useUrlSuffix(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.search + window.location.hash,
    () => "",
  );
}
