import { MultiSelect, SimpleGrid, TagsInput, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { ChoiceSelect } from "../../../shared/forms/ChoiceSelect";
import { FormModal } from "../../../shared/forms/FormModal";
import { useFormErrors } from "../../../shared/forms/use-form-errors";
import type { Partner } from "../api/get-partners";
import {
  type PartnerInput,
  partnerInputSchema,
  useCreatePartner,
  useUpdatePartner,
} from "../api/partner-mutations";
import {
  LIFECYCLE_LABELS,
  LIFECYCLE_STAGES,
  type LifecycleStage,
  PARTNER_TYPES,
  partnerTypeLabel,
  STACK_LAYER_LABELS,
  STACK_LAYERS,
  type StackLayer,
} from "./labels";

const FIELDS = [
  "name",
  "website",
  "description",
  "layers",
  "types",
  "regions",
  "industries",
  "capabilities",
  "tier",
  "lifecycle",
] as const;

const REGION_SUGGESTIONS = [
  "North America",
  "LATAM",
  "EMEA",
  "DACH",
  "Nordics",
  "UK & Ireland",
  "APAC",
  "ANZ",
];
const INDUSTRY_SUGGESTIONS = [
  "Manufacturing",
  "Retail",
  "Financial services",
  "Healthcare",
  "Public sector",
  "Energy & utilities",
  "Logistics",
  "Software",
];

const builtIn = new Set<string>(PARTNER_TYPES);

interface PartnerFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Edits this partner; without it the form adds a new one. */
  partner?: Partner;
  onSaved?: (partner: Partner) => void;
}

/** Adds a partner or edits its attributes (the relationship record is edited on the detail page). */
export function PartnerFormModal({ opened, onClose, partner, onSaved }: PartnerFormModalProps) {
  const create = useCreatePartner();
  const update = useUpdatePartner(partner?.id ?? "");
  const mutation = partner ? update : create;
  const [name, setName] = useState(partner?.name ?? "");
  const [website, setWebsite] = useState(partner?.website ?? "");
  const [description, setDescription] = useState(partner?.description ?? "");
  const [layers, setLayers] = useState<string[]>(partner?.layers ?? []);
  const [types, setTypes] = useState<string[]>(partner?.types.filter((t) => builtIn.has(t)) ?? []);
  const [customTypes, setCustomTypes] = useState<string[]>(
    partner?.types.filter((t) => !builtIn.has(t)) ?? [],
  );
  const [regions, setRegions] = useState<string[]>(partner?.regions ?? []);
  const [industries, setIndustries] = useState<string[]>(partner?.industries ?? []);
  const [capabilities, setCapabilities] = useState<string[]>(partner?.capabilities ?? []);
  const [tier, setTier] = useState(partner?.tier ?? "");
  const [lifecycle, setLifecycle] = useState<LifecycleStage>(partner?.lifecycle ?? "prospect");
  const { errorOf, showAlert, check } = useFormErrors(mutation, FIELDS);

  const onSubmit = () => {
    const values = {
      name,
      website: website.trim() || null,
      description: description.trim() || null,
      layers: STACK_LAYERS.filter((layer) => layers.includes(layer)),
      types: [...types, ...customTypes],
      regions,
      industries,
      capabilities,
      tier: tier.trim() || null,
      lifecycle,
    };
    const input: PartnerInput | null = check(partnerInputSchema, values);
    if (!input) return;
    mutation.mutate(input, {
      onSuccess: (saved) => {
        onSaved?.(saved);
        onClose();
      },
    });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={partner ? `Edit ${partner.name}` : "Add a partner"}
      formLabel={partner ? "Edit partner" : "Add partner"}
      onSubmit={onSubmit}
      error={mutation.error}
      showAlert={showAlert}
      errorTitle="Could not save the partner"
      submitLabel={partner ? "Save changes" : "Add partner"}
      submitting={mutation.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errorOf("name")}
          data-autofocus
        />
        <TextInput
          label="Website"
          placeholder="acme.com"
          value={website}
          onChange={(e) => setWebsite(e.currentTarget.value)}
          error={errorOf("website")}
        />
      </SimpleGrid>
      <Textarea
        label="Description"
        autosize
        minRows={2}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errorOf("description")}
      />
      <MultiSelect
        label="Stack layers"
        description="The routes to market this partner works in"
        placeholder="Choose layers"
        data={STACK_LAYERS.map((value) => ({ value, label: STACK_LAYER_LABELS[value as StackLayer] }))}
        value={layers}
        onChange={setLayers}
        error={errorOf("layers")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <MultiSelect
          label="Partner types"
          description="Built-in types"
          data={PARTNER_TYPES.map((value) => ({ value, label: partnerTypeLabel(value) }))}
          value={types}
          onChange={setTypes}
          searchable
          error={errorOf("types")}
        />
        <TagsInput
          label="Other types"
          description="Your own types; press Enter after each"
          value={customTypes}
          onChange={setCustomTypes}
        />
        <TagsInput
          label="Regions"
          data={REGION_SUGGESTIONS}
          value={regions}
          onChange={setRegions}
          error={errorOf("regions")}
        />
        <TagsInput
          label="Industries served"
          data={INDUSTRY_SUGGESTIONS}
          value={industries}
          onChange={setIndustries}
          error={errorOf("industries")}
        />
      </SimpleGrid>
      <TagsInput
        label="Capabilities and technologies"
        placeholder="SAP, Azure, Snowflake…"
        value={capabilities}
        onChange={setCapabilities}
        error={errorOf("capabilities")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Tier"
          placeholder="Gold"
          value={tier}
          onChange={(e) => setTier(e.currentTarget.value)}
          error={errorOf("tier")}
        />
        <ChoiceSelect
          label="Lifecycle stage"
          values={LIFECYCLE_STAGES}
          labels={LIFECYCLE_LABELS}
          value={lifecycle}
          onChange={setLifecycle}
          error={errorOf("lifecycle")}
        />
      </SimpleGrid>
    </FormModal>
  );
}
