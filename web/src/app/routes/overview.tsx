import { Button, Card, EmptyState, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { Link, useNavigate } from "@tanstack/react-router";
import { type ComponentType, useState } from "react";
import { CreateWorkspaceModal } from "../../features/workspaces/components/CreateWorkspaceModal";
import { WorkspaceOverview } from "../../features/workspaces/components/WorkspaceOverview";
import { useSession } from "../../shared/auth/session";
import {
  IconArrowRight,
  IconKey,
  IconOverlap,
  IconPlus,
  IconStack,
  IconUpload,
  IconUsers,
} from "../../shared/ui/icons";

interface NextStep {
  to: "/strategy" | "/partners" | "/imports" | "/mapping" | "/settings/invitations" | "/settings/api-keys";
  title: string;
  text: string;
  icon: ComponentType<{ size?: number }>;
}

const NEXT_STEPS: NextStep[] = [
  {
    to: "/strategy",
    title: "Design the strategy",
    text: "ICPs, the Value Chain of the Customer, the journey arc and sales plays.",
    icon: IconStack,
  },
  {
    to: "/partners",
    title: "Add partners",
    text: "Resellers, alliances, clouds and referral partners, by stack layer.",
    icon: IconUsers,
  },
  {
    to: "/imports",
    title: "Import CRM data",
    text: "Accounts, opportunities and contacts from Salesforce, HubSpot or CSV.",
    icon: IconUpload,
  },
  {
    to: "/mapping",
    title: "Map accounts",
    text: "Find the customers and prospects you share with each partner.",
    icon: IconOverlap,
  },
  {
    to: "/settings/invitations",
    title: "Invite your team",
    text: "Bring in partner managers and admins with the right role.",
    icon: IconPlus,
  },
  {
    to: "/settings/api-keys",
    title: "Connect integrations",
    text: "Create API keys for scripts and sync jobs.",
    icon: IconKey,
  },
];

export function OverviewPage() {
  const { data: session } = useSession();
  if (!session) return null;
  if (!session.currentWorkspaceId) return <NoWorkspace />;
  const firstName = session.user.name.split(/\s+/)[0] ?? session.user.name;

  return (
    <Stack gap="xl">
      <WorkspaceOverview greeting={`Welcome back, ${firstName}`} />
      <Stack gap="sm">
        <Title order={2} fz="lg" fw={650}>
          Get started
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {NEXT_STEPS.map(({ to, title, text, icon: Icon }) => (
            <Card key={to} withBorder radius="md" padding="lg" component={Link} to={to} className="step-card">
              <Group gap="sm" mb="xs" wrap="nowrap">
                <ThemeIcon variant="light" size={36} radius="md">
                  <Icon size={20} />
                </ThemeIcon>
                <Text fw={600}>{title}</Text>
              </Group>
              <Text size="sm" c="dimmed" mb="sm">
                {text}
              </Text>
              <Group gap={4} c="eco.7" mt="auto">
                <Text size="sm" fw={600}>
                  Open
                </Text>
                <IconArrowRight size={14} />
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}

function NoWorkspace() {
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  return (
    <Card withBorder radius="md" p="xl">
      <EmptyState variant="light" size="lg" icon={<IconStack size={28} />}>
        <EmptyState.Title order={1}>You're not in a workspace yet</EmptyState.Title>
        <EmptyState.Description>
          Create a workspace for your partner ecosystem, or open an invite link someone sent you.
        </EmptyState.Description>
        <EmptyState.Actions>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Create workspace
          </Button>
        </EmptyState.Actions>
      </EmptyState>
      <CreateWorkspaceModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void navigate({ to: "/" })}
      />
    </Card>
  );
}
