import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { splitErrors, validateForm } from "../../../shared/forms/form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { opportunityInputSchema, useCreateOpportunity, usePartnerChoices } from "../api/opportunities";
import {
  OPPORTUNITY_STATUS_LABELS,
  OPPORTUNITY_STATUSES,
  type OpportunityStatus,
  PARTNER_ROUTES,
  SOURCE_ROUTE_LABELS,
  SOURCE_ROUTES,
  type SourceRoute,
} from "./labels";

const FIELDS = [
  "name",
  "amount",
  "currency",
  "stage",
  "status",
  "closeDate",
  "sourceRoute",
  "partnerId",
] as const;

export function OpportunityFormModal({
  accountId,
  opened,
  onClose,
}: {
  accountId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const create = useCreateOpportunity(accountId);
  const partners = usePartnerChoices();
  const [name, setName] = useState("");
  const [amount, setAmount] = useState<string | number>("");
  const [currency, setCurrency] = useState("USD");
  const [stage, setStage] = useState("");
  const [status, setStatus] = useState<OpportunityStatus>("open");
  const [closeDate, setCloseDate] = useState("");
  const [sourceRoute, setSourceRoute] = useState<SourceRoute>("direct");
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const { fieldErrors, showAlert } = splitErrors(create.error, FIELDS);
  const errorOf = (field: (typeof FIELDS)[number]) => clientErrors[field] ?? fieldErrors[field];
  const needsPartner = PARTNER_ROUTES.includes(sourceRoute);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validateForm(opportunityInputSchema, {
      accountId,
      name,
      amount: amount === "" ? undefined : Number(amount),
      currency: currency.trim().toUpperCase(),
      stage: stage.trim() || null,
      status,
      closeDate: closeDate || null,
      sourceRoute,
      partnerId,
    });
    if (!checked.ok) {
      setClientErrors(checked.errors);
      return;
    }
    if (needsPartner && !partnerId) {
      setClientErrors({
        partnerId: `Choose the partner for a ${SOURCE_ROUTE_LABELS[sourceRoute].toLowerCase()} deal`,
      });
      return;
    }
    setClientErrors({});
    create.mutate(checked.data, { onSuccess: onClose });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add an opportunity" size="lg" centered>
      <form onSubmit={onSubmit} noValidate aria-label="Add opportunity">
        <Stack gap="md">
          {showAlert && create.error && (
            <ErrorAlert error={create.error} title="Could not add the opportunity" />
          )}
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errorOf("name")}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NumberInput
              label="Amount"
              required
              min={0}
              thousandSeparator=","
              value={amount}
              onChange={setAmount}
              error={errorOf("amount")}
            />
            <TextInput
              label="Currency"
              required
              maxLength={3}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value)}
              error={errorOf("currency")}
            />
            <TextInput
              label="Stage"
              placeholder="Proposal"
              value={stage}
              onChange={(e) => setStage(e.currentTarget.value)}
              error={errorOf("stage")}
            />
            <Select
              label="Status"
              data={OPPORTUNITY_STATUSES.map((value) => ({ value, label: OPPORTUNITY_STATUS_LABELS[value] }))}
              value={status}
              allowDeselect={false}
              onChange={(value) => {
                const next = OPPORTUNITY_STATUSES.find((s) => s === value);
                if (next) setStatus(next);
              }}
              error={errorOf("status")}
            />
            <TextInput
              label="Close date"
              type="date"
              value={closeDate}
              onChange={(e) => setCloseDate(e.currentTarget.value)}
              error={errorOf("closeDate")}
            />
            <Select
              label="Source route"
              data={SOURCE_ROUTES.map((value) => ({ value, label: SOURCE_ROUTE_LABELS[value] }))}
              value={sourceRoute}
              allowDeselect={false}
              onChange={(value) => {
                const next = SOURCE_ROUTES.find((r) => r === value);
                if (next) setSourceRoute(next);
              }}
              error={errorOf("sourceRoute")}
            />
          </SimpleGrid>
          <Select
            label="Partner"
            description={needsPartner ? "Required: the partner this deal is credited to" : "Optional"}
            placeholder={partners.isPending ? "Loading partners…" : "Choose a partner"}
            searchable
            clearable
            data={partners.data ?? []}
            value={partnerId}
            onChange={setPartnerId}
            error={errorOf("partnerId")}
            required={needsPartner}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add opportunity
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
