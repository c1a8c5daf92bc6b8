import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useFormErrors } from "../../../shared/forms/use-form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import type { Partner, Relationship } from "../api/get-partners";
import { relationshipInputSchema, useUpdatePartner } from "../api/partner-mutations";
import { formatDay } from "./format";
import { PRIORITIES, PRIORITY_LABELS, type Priority } from "./labels";

const FIELDS = [
  "priority",
  "vision",
  "goals",
  "vendorSponsors",
  "partnerSponsors",
  "stage",
  "nextReviewDate",
] as const;
const PRIORITY_COLORS: Record<Priority, string> = {
  low: "gray",
  medium: "blue",
  high: "orange",
  critical: "red",
};

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

const orDash = (value: string | null | undefined) =>
  value ? (
    <Text size="sm">{value}</Text>
  ) : (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
const list = (values: string[]) => orDash(values.join(", "));

function RelationshipView({ relationship }: { relationship: Relationship }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <Field label="Priority">
        {relationship.priority ? (
          <Badge color={PRIORITY_COLORS[relationship.priority]} variant="light">
            {PRIORITY_LABELS[relationship.priority]}
          </Badge>
        ) : (
          orDash(null)
        )}
      </Field>
      <Field label="Relationship stage">{orDash(relationship.stage)}</Field>
      <Field label="Vision">{orDash(relationship.vision)}</Field>
      <Field label="Goals">
        {relationship.goals.length === 0 ? (
          orDash(null)
        ) : (
          <Stack gap={2}>
            {relationship.goals.map((goal) => (
              <Text size="sm" key={goal}>
                • {goal}
              </Text>
            ))}
          </Stack>
        )}
      </Field>
      <Field label="Our sponsors">{list(relationship.vendorSponsors)}</Field>
      <Field label="Partner's sponsors">{list(relationship.partnerSponsors)}</Field>
      <Field label="Next review">
        {orDash(relationship.nextReviewDate ? formatDay(relationship.nextReviewDate) : null)}
      </Field>
    </SimpleGrid>
  );
}

function RelationshipForm({ partner, onDone }: { partner: Partner; onDone: () => void }) {
  const update = useUpdatePartner(partner.id);
  const r = partner.relationship;
  const [priority, setPriority] = useState<string | null>(r.priority);
  const [vision, setVision] = useState(r.vision ?? "");
  const [goals, setGoals] = useState(r.goals.join("\n"));
  const [vendorSponsors, setVendorSponsors] = useState(r.vendorSponsors);
  const [partnerSponsors, setPartnerSponsors] = useState(r.partnerSponsors);
  const [stage, setStage] = useState(r.stage ?? "");
  const [nextReviewDate, setNextReviewDate] = useState(r.nextReviewDate ?? "");
  const { errorOf, showAlert, check } = useFormErrors(update, FIELDS);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = check(relationshipInputSchema, {
      priority: PRIORITIES.find((p) => p === priority) ?? null,
      vision: vision.trim() || null,
      goals: goals
        .split("\n")
        .map((g) => g.trim())
        .filter((g) => g !== ""),
      vendorSponsors,
      partnerSponsors,
      stage: stage.trim() || null,
      nextReviewDate: nextReviewDate || null,
    });
    if (!input) return;
    update.mutate({ relationship: input }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit relationship">
      <Stack gap="md">
        {showAlert && update.error && (
          <ErrorAlert error={update.error} title="Could not save the relationship" />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Priority"
            clearable
            data={PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] }))}
            value={priority}
            onChange={setPriority}
            error={errorOf("priority")}
          />
          <TextInput
            label="Relationship stage"
            placeholder="e.g. Building joint pipeline"
            value={stage}
            onChange={(e) => setStage(e.currentTarget.value)}
            error={errorOf("stage")}
          />
        </SimpleGrid>
        <Textarea
          label="Vision"
          autosize
          minRows={2}
          value={vision}
          onChange={(e) => setVision(e.currentTarget.value)}
          error={errorOf("vision")}
        />
        <Textarea
          label="Goals"
          description="One goal per line"
          autosize
          minRows={2}
          value={goals}
          onChange={(e) => setGoals(e.currentTarget.value)}
          error={errorOf("goals")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TagsInput
            label="Our sponsors"
            description="Press Enter after each name"
            value={vendorSponsors}
            onChange={setVendorSponsors}
            error={errorOf("vendorSponsors")}
          />
          <TagsInput
            label="Partner's sponsors"
            description="Press Enter after each name"
            value={partnerSponsors}
            onChange={setPartnerSponsors}
            error={errorOf("partnerSponsors")}
          />
        </SimpleGrid>
        <TextInput
          label="Next review date"
          type="date"
          value={nextReviewDate}
          onChange={(e) => setNextReviewDate(e.currentTarget.value)}
          error={errorOf("nextReviewDate")}
          w={{ base: "100%", sm: 220 }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save relationship
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The alliance view of the partnership: why it matters, who owns it on both sides, when to review it. */
export function RelationshipCard({ partner, canEdit }: { partner: Partner; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="lg">
          Relationship
        </Title>
        {canEdit && !editing && (
          <Button variant="light" size="xs" onClick={() => setEditing(true)}>
            Edit relationship
          </Button>
        )}
      </Group>
      {editing ? (
        <RelationshipForm partner={partner} onDone={() => setEditing(false)} />
      ) : (
        <RelationshipView relationship={partner.relationship} />
      )}
    </Paper>
  );
}
