import { NumberInput, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useState } from "react";
import { ChoiceSelect } from "../../../shared/forms/ChoiceSelect";
import { FormModal } from "../../../shared/forms/FormModal";
import { useFormErrors } from "../../../shared/forms/use-form-errors";
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
  const { errorOf, showAlert, check, setClientErrors } = useFormErrors(create, FIELDS);
  const needsPartner = PARTNER_ROUTES.includes(sourceRoute);

  const onSubmit = () => {
    const input = check(opportunityInputSchema, {
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
    if (!input) return;
    if (needsPartner && !partnerId) {
      setClientErrors({
        partnerId: `Choose the partner for a ${SOURCE_ROUTE_LABELS[sourceRoute].toLowerCase()} deal`,
      });
      return;
    }
    create.mutate(input, { onSuccess: onClose });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="Add an opportunity"
      formLabel="Add opportunity"
      onSubmit={onSubmit}
      error={create.error}
      showAlert={showAlert}
      errorTitle="Could not add the opportunity"
      submitLabel="Add opportunity"
      submitting={create.isPending}
    >
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
        <ChoiceSelect
          label="Status"
          values={OPPORTUNITY_STATUSES}
          labels={OPPORTUNITY_STATUS_LABELS}
          value={status}
          onChange={setStatus}
          error={errorOf("status")}
        />
        <TextInput
          label="Close date"
          type="date"
          value={closeDate}
          onChange={(e) => setCloseDate(e.currentTarget.value)}
          error={errorOf("closeDate")}
        />
        <ChoiceSelect
          label="Source route"
          values={SOURCE_ROUTES}
          labels={SOURCE_ROUTE_LABELS}
          value={sourceRoute}
          onChange={setSourceRoute}
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
    </FormModal>
  );
}
