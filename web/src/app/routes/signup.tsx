import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { AuthLayout } from "../../features/auth/components/AuthLayout";
import { SignupForm } from "../../features/auth/components/SignupForm";
import { AnchorLink } from "../../shared/ui/router-links";
import { safeRedirect } from "../safe-redirect";

const route = getRouteApi("/signup");

export function SignupPage() {
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  return (
    <AuthLayout
      title="Create your workspace"
      subtitle="Start designing your ecosystem strategy. You can invite your team next."
      footer={
        <>
          Already have an account?{" "}
          <AnchorLink to="/login" search={{ redirect }} fw={600}>
            Log in
          </AnchorLink>
        </>
      }
    >
      <SignupForm onSuccess={() => void navigate({ href: safeRedirect(redirect) })} />
    </AuthLayout>
  );
}
