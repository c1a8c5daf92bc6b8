import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { AuthLayout } from "../../features/auth/components/AuthLayout";
import { LoginForm } from "../../features/auth/components/LoginForm";
import { AnchorLink } from "../../shared/ui/router-links";
import { safeRedirect } from "../safe-redirect";

const route = getRouteApi("/login");

export function LoginPage() {
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  return (
    <AuthLayout
      title="Log in to Ecostack"
      subtitle="Welcome back. Pick up where your partners left off."
      footer={
        <>
          New to Ecostack?{" "}
          <AnchorLink to="/signup" search={{ redirect }} fw={600}>
            Create an account
          </AnchorLink>
        </>
      }
    >
      <LoginForm onSuccess={() => void navigate({ href: safeRedirect(redirect) })} />
    </AuthLayout>
  );
}
