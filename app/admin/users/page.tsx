import Link from "next/link";
import { PageHeader, TableScroller, tableClass } from "@/components/admin/page-header";
import { adminContext } from "@/web/admin-context";
import { db } from "@/lib/db";

export default async function UsersPage() {
  const { t, user: me } = await adminContext("/admin/users");
  const users = await db.user.findMany({
    orderBy: [{ isActive: "desc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, isActive: true },
  });
  const u = t.users;
  return (
    <>
      <PageHeader title={u.title} action={{ href: "/admin/users/new", label: u.new }} />
      <TableScroller label={u.title}>
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">{u.columns.email}</th>
              <th scope="col">{u.columns.name}</th>
              <th scope="col">{u.columns.role}</th>
              <th scope="col">{u.columns.status}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link href={`/admin/users/${user.id}`}>{user.email}</Link>{" "}
                  {user.id === me.id ? u.you : null}
                </td>
                <td>{user.name}</td>
                <td>{u.roles[user.role]}</td>
                <td>{user.isActive ? u.active : u.inactive}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </>
  );
}
