import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { PageHeader } from "@/components/admin/page-header";
import { userList } from "@/lib/admin/users";
import { db } from "@/lib/db";
import { adminContext } from "@/web/admin-context";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.users.title);

export default async function UsersPage() {
  const { t, user: me } = await adminContext("/admin/users");
  const u = t.users;
  return (
    <>
      <PageHeader title={u.title} action={{ href: "/admin/users/new", label: u.new }} />
      <DataTable
        label={u.title}
        rows={await userList(db)}
        empty={t.common.empty}
        columns={[
          {
            header: u.columns.email,
            cell: (user) => (
              <>
                <Link href={`/admin/users/${user.id}`}>{user.email}</Link>{" "}
                {user.id === me.id ? u.you : null}
              </>
            ),
          },
          { header: u.columns.name, cell: (user) => user.name },
          { header: u.columns.role, cell: (user) => u.roles[user.role] },
          { header: u.columns.status, cell: (user) => (user.isActive ? u.active : u.inactive) },
        ]}
      />
    </>
  );
}
