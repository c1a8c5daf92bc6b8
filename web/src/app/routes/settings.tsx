import { Alert, Stack, Tabs } from "@mantine/core";
import { Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { ApiKeyForm } from "../../features/api-keys/components/ApiKeyForm";
import { ApiKeysTable } from "../../features/api-keys/components/ApiKeysTable";
import { AuditLogTable } from "../../features/audit/components/AuditLogTable";
import { InvitationsTable } from "../../features/invitations/components/InvitationsTable";
import { InviteForm } from "../../features/invitations/components/InviteForm";
import { MembersTable } from "../../features/members/components/MembersTable";
import { useWorkspace } from "../../features/workspaces/api/get-workspace";
import { WorkspaceSettingsForm } from "../../features/workspaces/components/WorkspaceSettingsForm";
import { canAdminister } from "../../shared/auth/roles";
import { useCurrentRole, useSession } from "../../shared/auth/session";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { IconInfoCircle } from "../../shared/ui/icons";
import { PageHeader } from "../../shared/ui/PageHeader";
import { PageLoader } from "../../shared/ui/PageLoader";
import { SectionCard } from "../../shared/ui/SectionCard";

const TABS = [
  { value: "/settings/workspace", label: "Workspace" },
  { value: "/settings/members", label: "Members" },
  { value: "/settings/invitations", label: "Invitations" },
  { value: "/settings/api-keys", label: "API keys" },
  { value: "/settings/audit", label: "Audit log" },
] as const;

type TabPath = (typeof TABS)[number]["value"];

function isTabPath(value: string | null): value is TabPath {
  return TABS.some((tab) => tab.value === value);
}

/** Settings: one tab per sub-route, so each tab has its own URL. */
export function SettingsLayout() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const navigate = useNavigate();
  const active = TABS.find((tab) => pathname.startsWith(tab.value))?.value ?? null;
  // The audit log is for owners and admins: others do not see its tab.
  const admin = canAdminister(useCurrentRole());
  const visibleTabs = TABS.filter((tab) => admin || tab.value !== "/settings/audit");

  return (
    <>
      <PageHeader
        title="Settings"
        description="Manage the workspace, its members, invitations and API keys."
      />
      <Tabs
        value={active}
        onChange={(value) => {
          if (isTabPath(value)) void navigate({ to: value });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label="Settings sections">
          {visibleTabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value} pt="lg">
            {tab.value === active && <Outlet />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

export function WorkspaceSettingsPage() {
  const workspace = useWorkspace();
  if (workspace.isPending) return <PageLoader label="Loading workspace" />;
  if (workspace.isError) {
    return (
      <ErrorAlert
        error={workspace.error}
        title="Could not load the workspace"
        onRetry={() => workspace.refetch()}
      />
    );
  }
  // Keyed by id so switching workspaces resets the form.
  return <WorkspaceSettingsForm key={workspace.data.id} workspace={workspace.data} />;
}

export function MembersSettingsPage() {
  const { data: session } = useSession();
  const role = useCurrentRole();
  if (!session) return null;
  return (
    <SectionCard
      title="Members"
      description="Everyone with access to this workspace. Owners and admins can change roles and remove members."
    >
      <MembersTable currentUserId={session.user.id} currentRole={role} />
    </SectionCard>
  );
}

function AdminOnlyNotice({ what }: { what: string }) {
  return (
    <Alert color="gray" variant="light" icon={<IconInfoCircle />}>
      Only owners and admins can manage {what}.
    </Alert>
  );
}

export function InvitationsSettingsPage() {
  const admin = canAdminister(useCurrentRole());
  return (
    <Stack gap="lg">
      {admin ? (
        <SectionCard
          title="Invite a member"
          description="Creates a personal invite link for this email. Share it however you like; it expires after a while."
        >
          <InviteForm />
        </SectionCard>
      ) : (
        <AdminOnlyNotice what="invitations" />
      )}
      <SectionCard
        title="Invitations"
        description="Pending invitations can be revoked until they are accepted."
      >
        <InvitationsTable canRevoke={admin} />
      </SectionCard>
    </Stack>
  );
}

export function ApiKeysSettingsPage() {
  const admin = canAdminister(useCurrentRole());
  return (
    <Stack gap="lg">
      {admin ? (
        <SectionCard
          title="Create an API key"
          description="API keys let integrations call the Ecostack API as this workspace, with the role you choose."
        >
          <ApiKeyForm />
        </SectionCard>
      ) : (
        <AdminOnlyNotice what="API keys" />
      )}
      <SectionCard
        title="API keys"
        description="Revoke a key as soon as the integration using it is retired."
      >
        <ApiKeysTable canRevoke={admin} />
      </SectionCard>
    </Stack>
  );
}

export function AuditSettingsPage() {
  if (!canAdminister(useCurrentRole())) return <AdminOnlyNotice what="the audit log" />;
  return (
    <SectionCard
      title="Audit log"
      description="Who imported, exported or changed sharing, and when. Newest first."
    >
      <AuditLogTable />
    </SectionCard>
  );
}
