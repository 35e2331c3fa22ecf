"use client";

import { TicketView, type TicketText } from "@/components/public/ticket-view";
import { useFragmentToken } from "@/components/public/url-fragment-token";
import { LoadingStatus } from "@/components/ui/loading-status";

export function TicketPage({ t, calendarFilename }: { t: TicketText; calendarFilename: string }) {
  const token = useFragmentToken();
  if (token === undefined) return <LoadingStatus text={t.loading} />;
  return (
    <TicketView key={token ?? ""} token={token ?? ""} t={t} calendarFilename={calendarFilename} />
  );
}
