import { Button, Divider, Skeleton, Stack, Text } from "@mantine/core";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { AuthLayout } from "../../features/auth/components/AuthLayout";
import { SignupForm } from "../../features/auth/components/SignupForm";
import { useAcceptInvitation } from "../../features/invitations/api/accept-invitation";
import { useInvitationByToken } from "../../features/invitations/api/get-invitation-by-token";
import { InvitationSummary } from "../../features/invitations/components/InvitationSummary";
import { isApiError } from "../../shared/api/problem";
import { useSession } from "../../shared/auth/session";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { AnchorLink } from "../../shared/ui/router-links";

const route = getRouteApi("/invite/$token");

/** Landing page of an invite link: join as the signed-in user, or sign up through it. */
export function InvitePage() {
  const { token } = route.useParams();
  const invitation = useInvitationByToken(token);
  const { data: session } = useSession();
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const here = `/invite/${token}`;

  if (invitation.isPending) {
    return (
      <AuthLayout title="You're invited">
        <Stack gap="sm" aria-busy="true" aria-label="Loading invitation">
          <Skeleton height={120} radius="md" />
          <Skeleton height={36} radius="md" />
        </Stack>
      </AuthLayout>
    );
  }

  if (invitation.isError) {
    const notFound = isApiError(invitation.error) && invitation.error.status === 404;
    return (
      <AuthLayout title="Invitation not found">
        <ErrorAlert
          error={invitation.error}
          title={notFound ? "This invite link is not valid" : "Could not load the invitation"}
        />
        <Text size="sm" mt="md">
          Check the link, or ask the person who invited you for a new one.{" "}
          <AnchorLink to="/">Go to Ecostack</AnchorLink>
        </Text>
      </AuthLayout>
    );
  }

  const pending = invitation.data.status === "pending";
  const workspaceName = invitation.data.workspace.name;

  return (
    <AuthLayout title={`Join ${workspaceName}`} subtitle="You've been invited to collaborate on Ecostack.">
      <Stack gap="lg">
        <InvitationSummary invitation={invitation.data} />
        {pending && session && (
          <Stack gap="sm">
            {accept.isError && <ErrorAlert error={accept.error} title="Could not accept the invitation" />}
            <Text size="sm">
              Signed in as <strong>{session.user.email}</strong>.
            </Text>
            <Button
              size="md"
              loading={accept.isPending}
              onClick={() => accept.mutate(token, { onSuccess: () => void navigate({ to: "/" }) })}
            >
              Accept invitation
            </Button>
          </Stack>
        )}
        {pending && !session && (
          <Stack gap="md">
            <Divider label="Create your account" labelPosition="center" />
            <SignupForm
              inviteToken={token}
              defaultEmail={invitation.data.email}
              onSuccess={() => void navigate({ to: "/" })}
            />
            <Text size="sm" ta="center" c="dimmed">
              Already have an account?{" "}
              <AnchorLink to="/login" search={{ redirect: here }} fw={600}>
                Log in to accept
              </AnchorLink>
            </Text>
          </Stack>
        )}
      </Stack>
    </AuthLayout>
  );
}
