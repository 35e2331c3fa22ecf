import { adminRow } from "@/app/admin/crud-page";
import { resetPasswordAction, updateUserAction } from "@/app/admin/users/actions";
import { PageHeader } from "@/components/admin/page-header";
import { EditUserForm, ResetPasswordForm } from "@/components/admin/user-forms";
import { userById } from "@/lib/admin/users";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";
import { fill } from "@/lib/i18n/fill";

export const generateMetadata = async ({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> => {
  const { id } = await params;
  return adminTitle((t) => fill(t.common.numbered, { title: t.users.editTitle, id }));
};

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { t, user: me, row: user } = await adminRow(params, "/admin/users", userById);
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
