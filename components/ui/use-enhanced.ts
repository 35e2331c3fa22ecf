"use client";

import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/**
 * True once React runs in the browser: what only works with JavaScript is shown from
 * then on, and the server's HTML (what a browser without JavaScript keeps) stays plain.
 */
export function useEnhanced(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
