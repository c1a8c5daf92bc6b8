import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { Partner } from "../api/get-partners";
import { partnerTypeLabel } from "./labels";
import { LayerBadges, LifecycleBadge } from "./PartnerBadges";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

const text = (value: string) =>
  value ? (
    <Text size="sm">{value}</Text>
  ) : (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );

/** Where the partner sits in the ecosystem: layers, types, reach and lifecycle. */
export function PartnerAttributes({ partner }: { partner: Partner }) {
  const href =
    partner.website && /^https?:\/\//i.test(partner.website)
      ? partner.website
      : partner.website
        ? `https://${partner.website}`
        : null;
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="lg" mb="md">
        Profile
      </Title>
      <Stack gap="md">
        {partner.description && <Text size="sm">{partner.description}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Field label="Website">
            {href ? (
              <Anchor href={href} target="_blank" rel="noreferrer noopener" size="sm">
                {partner.domain ?? partner.website}
              </Anchor>
            ) : (
              text("")
            )}
          </Field>
          <Field label="Lifecycle">
            <LifecycleBadge lifecycle={partner.lifecycle} />
          </Field>
          <Field label="Stack layers">
            <LayerBadges layers={partner.layers} />
          </Field>
          <Field label="Types">{text(partner.types.map(partnerTypeLabel).join(", "))}</Field>
          <Field label="Tier">{text(partner.tier ?? "")}</Field>
          <Field label="Regions">{text(partner.regions.join(", "))}</Field>
          <Field label="Industries served">{text(partner.industries.join(", "))}</Field>
          <Field label="Capabilities">{text(partner.capabilities.join(", "))}</Field>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
