import { notFound } from "next/navigation";
import { db, type Db } from "@/lib/db";
import { parseRowId } from "@/lib/validation/text";
import { adminContext } from "@/web/admin-context";

/**
 * What an admin page about one row starts with: the id from the route, the signed-in
 * admin's context, and the row, or the 404 page when the id is malformed or unknown.
 */
export async function adminRow<Row>(
  params: Promise<{ id: string }>,
  path: string,
  find: (db: Db, id: number) => Promise<Row | null>,
  /** The rest of the page's path after the id, e.g. "/check-ins". */
  tail = "",
) {
  const id = parseRowId((await params).id);
  const context = await adminContext(`${path}/${id ?? ""}${tail}`);
  const row = id ? await find(db, id) : null;
  if (!id || !row) notFound();
  return { ...context, id, row };
}
