import { notFound } from "next/navigation";
import { resetPasswordAction, updateUserAction } from "@/app/admin/users/actions";
import { PageHeader } from "@/components/admin/page-header";
import { EditUserForm, ResetPasswordForm } from "@/components/admin/user-forms";
import { adminContext } from "@/web/admin-context";
import { routeId } from "@/lib/admin/route-id";
import { db } from "@/lib/db";

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id);
  const { t, user: me } = await adminContext(`/admin/users/${id ?? ""}`);
  const user = id
    ? await db.user.findUnique({
        where: { id },
        select: { id: true, email: true, name: true, role: true, isActive: true },
      })
    : null;
  if (!user) notFound();
  return (
    <>
      <PageHeader title={t.users.editTitle}>
        <p className="text-lg">{user.email}</p>
      </PageHeader>
      <EditUserForm
        action={updateUserAction.bind(null, user.id)}
        defaults={{ name: user.name, role: user.role, isActive: user.isActive }}
        isSelf={user.id === me.id}
        t={t}
      />
      <section aria-labelledby="reset-heading" className="mt-10 border-t border-line pt-6">
        <h2 id="reset-heading" className="mb-4 text-xl font-semibold">
          {t.users.resetTitle}
        </h2>
        <ResetPasswordForm action={resetPasswordAction.bind(null, user.id)} t={t} />
      </section>
    </>
  );
}
