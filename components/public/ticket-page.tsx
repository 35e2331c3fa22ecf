"use client";

import { TicketView, type TicketText } from "@/components/public/ticket-view";
import { useFragmentToken } from "@/components/public/url-fragment-token";

export function TicketPage({ t, calendarFilename }: { t: TicketText; calendarFilename: string }) {
  const token = useFragmentToken();
  if (token === undefined) return <p role="status">{t.loading}</p>;
  return (
    <TicketView key={token ?? ""} token={token ?? ""} t={t} calendarFilename={calendarFilename} />
  );
}
