import { createUserAction } from "@/app/admin/users/actions";
import { PageHeader } from "@/components/admin/page-header";
import { NewUserForm } from "@/components/admin/user-forms";
import { adminContext } from "@/web/admin-context";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.users.new);

export default async function NewUserPage() {
  const { t } = await adminContext("/admin/users/new");
  return (
    <>
      <PageHeader title={t.users.new} />
      <NewUserForm action={createUserAction} t={t} />
    </>
  );
}
