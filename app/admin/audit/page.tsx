import Link from "next/link";
import { PageHeader, TableScroller, tableClass } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { adminContext } from "@/web/admin-context";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import { listAuditEntries } from "@/lib/audit/audit-log";
import { parseRowId } from "@/lib/validation/text";
import { db } from "@/lib/db";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.audit.title);

const ENTITY_PATHS: Record<string, string> = {
  show: "/admin/shows",
  venue: "/admin/venues",
  performance: "/admin/performances",
  page: "/admin/pages",
  user: "/admin/users",
  reservation: "/admin/reservations",
};

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  const { t, locale, whenShort: when } = await adminContext("/admin/audit");
  const actions = { ...t.audit.actions, ...boxOffice[locale].audit };
  const page = parseRowId((await searchParams).page) ?? 1;
  const log = await listAuditEntries(db, { page });
  const a = t.audit;
  return (
    <>
      <PageHeader title={a.title}>
        <p className="text-ink-muted">{a.intro}</p>
      </PageHeader>
      {log.entries.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <TableScroller label={a.title}>
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{a.columns.at}</th>
                <th scope="col">{a.columns.who}</th>
                <th scope="col">{a.columns.action}</th>
                <th scope="col">{a.columns.entity}</th>
                <th scope="col">{a.columns.summary}</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="whitespace-nowrap">{when(entry.createdAt)}</td>
                  <td>{entry.actorEmail}</td>
                  <td>{actions[entry.action] ?? entry.action}</td>
                  <td>
                    {entry.entityId && !entry.action.endsWith(".delete") ? (
                      <Link
                        href={`${ENTITY_PATHS[entry.entityType]}/${entry.entityId}`}
                      >{`${entry.entityType} #${entry.entityId}`}</Link>
                    ) : (
                      `${entry.entityType}${entry.entityId ? ` #${entry.entityId}` : ""}`
                    )}
                  </td>
                  <td className="break-words">{entry.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
      <Pagination
        page={log.page}
        pageCount={log.pageCount}
        total={log.total}
        hrefFor={(n) => `/admin/audit${n > 1 ? `?page=${n}` : ""}`}
        labels={t.common}
      />
    </>
  );
}
