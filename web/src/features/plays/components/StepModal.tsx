import {
  ActionIcon,
  Button,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { ChoiceSelect } from "../../../shared/forms/ChoiceSelect";
import { splitErrors, validateForm } from "../../../shared/forms/form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { IconPlus, IconTrash } from "../../../shared/ui/icons";
import { usePartnerOptions } from "../api/get-options";
import type { PlayDetail, PlayStep } from "../api/get-play";
import { type StepInput, stepInputSchema, useSaveStep } from "../api/step-mutations";
import {
  CO_MOTION_LABELS,
  CO_MOTIONS,
  type CoMotion,
  LEAD_KIND_LABELS,
  LEAD_KINDS,
  type LeadKind,
  MOTION_FAMILIES,
  MOTION_FAMILY_LABELS,
  type MotionFamily,
  options,
  STACK_LAYER_LABELS,
  STACK_LAYERS,
  type StackLayer,
} from "./labels";

interface StepModalProps {
  play: PlayDetail;
  /** The step being edited, or the stage a new step goes to. */
  target: { step: PlayStep } | { stageId: string };
  onClose: () => void;
}

const FIELDS = ["stageId", "description", "layer", "partnerIds", "coMotion", "motionFamily"] as const;

/** Add or edit a step: stage, what happens, who leads, co-motion, motion family, assets and KPIs. */
export function StepModal({ play, target, onClose }: StepModalProps) {
  const step = "step" in target ? target.step : null;
  const [stageId, setStageId] = useState(step?.stage.id ?? ("stageId" in target ? target.stageId : ""));
  const [description, setDescription] = useState(step?.description ?? "");
  const [leadKind, setLeadKind] = useState<LeadKind>(step?.lead.kind ?? "vendor");
  const [layer, setLayer] = useState<StackLayer | null>(step?.lead.layer ?? null);
  const [partnerIds, setPartnerIds] = useState<string[]>(step?.lead.partners.map((p) => p.id) ?? []);
  const [coMotion, setCoMotion] = useState<CoMotion>(step?.coMotion ?? "co_sell");
  const [motionFamily, setMotionFamily] = useState<MotionFamily>(step?.motionFamily ?? "partner_selling");
  const [assets, setAssets] = useState(step?.assets ?? []);
  const [kpis, setKpis] = useState(step?.kpis ?? []);
  const [localError, setLocalError] = useState<string | null>(null);
  const partners = usePartnerOptions();
  const save = useSaveStep(play.id);
  const { fieldErrors, showAlert } = splitErrors(save.error, FIELDS);

  const partnerOptions = [
    ...(partners.data ?? []).map((p) => ({ value: p.id, label: p.name })),
    ...(step?.lead.partners ?? [])
      .filter((p) => !(partners.data ?? []).some((o) => o.id === p.id))
      .map((p) => ({ value: p.id, label: p.name })),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: StepInput = {
      stageId,
      description,
      lead: { kind: leadKind, layer: leadKind === "layer" ? layer : null, partnerIds },
      coMotion,
      motionFamily,
      assets,
      kpis,
    };
    const checked = validateForm(stepInputSchema, input);
    if (!checked.ok) {
      setLocalError(Object.values(checked.errors)[0] ?? "Check the step");
      return;
    }
    if (leadKind === "layer" && !layer) return setLocalError("Pick the stack layer that leads");
    if (leadKind === "partners" && partnerIds.length === 0) return setLocalError("Name at least one partner");
    setLocalError(null);
    save.mutate(step ? { ...checked.data, id: step.id } : checked.data, { onSuccess: onClose });
  }

  return (
    <Modal opened onClose={onClose} title={step ? "Edit step" : "Add step"} size="lg">
      <Stack component="form" onSubmit={submit} gap="sm">
        <Select
          label="Journey stage"
          data={play.stages.map((s) => ({ value: s.id, label: s.name }))}
          value={stageId}
          onChange={(value) => value && setStageId(value)}
          allowDeselect={false}
          error={fieldErrors.stageId}
        />
        <Textarea
          label="What happens"
          placeholder="e.g. The SI runs a plant-floor analytics workshop with the customer's COO"
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          data-autofocus
          error={fieldErrors.description}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Who leads
          </Text>
          <SegmentedControl
            data={options(LEAD_KINDS, LEAD_KIND_LABELS)}
            value={leadKind}
            onChange={(value) => setLeadKind(value as LeadKind)}
            aria-label="Who leads"
          />
        </Stack>
        {leadKind === "layer" && (
          <Select
            label="Stack layer"
            data={options(STACK_LAYERS, STACK_LAYER_LABELS)}
            value={layer}
            onChange={(value) => setLayer(value as StackLayer | null)}
            error={fieldErrors.layer}
            required
          />
        )}
        <MultiSelect
          label={leadKind === "partners" ? "Partners" : "Participating partners"}
          placeholder={partnerIds.length ? undefined : "Search partners"}
          data={partnerOptions}
          value={partnerIds}
          onChange={setPartnerIds}
          searchable
          clearable
          nothingFoundMessage={partners.isPending ? "Loading partners…" : "No partner matches"}
          error={fieldErrors.partnerIds}
          required={leadKind === "partners"}
        />
        <Group grow>
          <ChoiceSelect
            label="Co-motion"
            values={CO_MOTIONS}
            labels={CO_MOTION_LABELS}
            value={coMotion}
            onChange={setCoMotion}
          />
          <ChoiceSelect
            label="Motion family"
            values={MOTION_FAMILIES}
            labels={MOTION_FAMILY_LABELS}
            value={motionFamily}
            onChange={setMotionFamily}
          />
        </Group>
        <PairList
          title="Enablement assets"
          addLabel="Add asset"
          rows={assets.map((a) => [a.title, a.url])}
          placeholders={["Title", "https://…"]}
          onChange={(rows) => setAssets(rows.map(([title, url]) => ({ title, url })))}
        />
        <PairList
          title="KPIs"
          addLabel="Add KPI"
          rows={kpis.map((k) => [k.name, k.target])}
          placeholders={["KPI", "Target"]}
          onChange={(rows) => setKpis(rows.map(([name, target]) => ({ name, target })))}
        />
        {localError && (
          <Text size="sm" c="red" role="alert">
            {localError}
          </Text>
        )}
        {showAlert && save.error && <ErrorAlert error={save.error} />}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {step ? "Save step" : "Add step"}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface PairListProps {
  title: string;
  addLabel: string;
  rows: [string, string][];
  placeholders: [string, string];
  onChange: (rows: [string, string][]) => void;
}

/** Editable rows of two text fields (asset title + URL, KPI + target). */
function PairList({ title, addLabel, rows, placeholders, onChange }: PairListProps) {
  const update = (index: number, column: 0 | 1, value: string) =>
    onChange(rows.map((row, i) => (i === index ? (column === 0 ? [value, row[1]] : [row[0], value]) : row)));
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {title}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconPlus size={12} />}
          onClick={() => onChange([...rows, ["", ""]])}
        >
          {addLabel}
        </Button>
      </Group>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <Group key={index} gap="xs" wrap="nowrap">
          <TextInput
            flex={1}
            size="xs"
            placeholder={placeholders[0]}
            aria-label={`${title} ${index + 1} ${placeholders[0]}`}
            value={row[0]}
            onChange={(e) => update(index, 0, e.currentTarget.value)}
          />
          <TextInput
            flex={1.4}
            size="xs"
            placeholder={placeholders[1]}
            aria-label={`${title} ${index + 1} ${placeholders[1]}`}
            value={row[1]}
            onChange={(e) => update(index, 1, e.currentTarget.value)}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove ${title} ${index + 1}`}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}
