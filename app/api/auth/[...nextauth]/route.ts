import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/web/auth/options";

function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request, context, authOptions());
}

export { handler as GET, handler as POST };
