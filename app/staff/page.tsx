import { redirect } from "next/navigation";
import { requireUser } from "@/web/auth/guards";

export default async function StaffHome() {
  await requireUser("staff", "/staff/check-in");
  redirect("/staff/check-in");
}
