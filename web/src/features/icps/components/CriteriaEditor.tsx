import {
  ActionIcon,
  Button,
  Group,
  Menu,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Slider,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "../../../shared/ui/icons";
import { CRITERION_KINDS, type Criterion, type CriterionKind, newCriterion } from "../api/schemas";

interface CriteriaEditorProps {
  criteria: Criterion[];
  onChange: (criteria: Criterion[]) => void;
  readOnly?: boolean;
  /** Field errors from the API, keyed by index path ("0.min", "1.values"). */
  errors?: Record<string, string>;
}

const kindLabel = (kind: CriterionKind) => CRITERION_KINDS.find((k) => k.kind === kind)?.label ?? kind;
type Operator = Extract<Criterion, { kind: "custom_attribute" }>["operator"];
const OPERATORS: { value: Operator; label: string }[] = [
  { value: "eq", label: "is" },
  { value: "neq", label: "is not" },
  { value: "in", label: "is one of" },
  { value: "gte", label: "is at least" },
  { value: "lte", label: "is at most" },
  { value: "contains", label: "contains" },
];
const operatorOf = (value: string | null): Operator | undefined =>
  OPERATORS.find((o) => o.value === value)?.value;

/** Add, change and remove weighted ICP criteria of every kind. */
export function CriteriaEditor({ criteria, onChange, readOnly, errors = {} }: CriteriaEditorProps) {
  const update = (index: number, next: Criterion) =>
    onChange(criteria.map((c, i) => (i === index ? next : c)));
  const remove = (index: number) => onChange(criteria.filter((_, i) => i !== index));
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);

  return (
    <Stack gap="sm">
      {criteria.length === 0 && (
        <Text size="sm" c="dimmed">
          No criteria yet: every account scores 0. Add what your best customers have in common.
        </Text>
      )}
      {criteria.map((criterion, index) => (
        <Paper
          // Criteria have no ids; the position is their identity while editing.
          // biome-ignore lint/suspicious/noArrayIndexKey: criteria are edited in place by position
          key={index}
          withBorder
          p="sm"
          radius="md"
          aria-label={`Criterion ${index + 1}: ${kindLabel(criterion.kind)}`}
        >
          <Group justify="space-between" mb="xs">
            <Text fw={700} size="sm">
              {kindLabel(criterion.kind)}
              <Text span size="xs" c="dimmed" ml={8}>
                {totalWeight > 0 ? `${Math.round((100 * criterion.weight) / totalWeight)}% of the score` : ""}
              </Text>
            </Text>
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => remove(index)}
                aria-label={`Remove criterion ${index + 1}`}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
          <CriterionFields
            criterion={criterion}
            onChange={(next) => update(index, next)}
            readOnly={readOnly}
            error={(field) => errors[`${index}.${field}`]}
          />
          <Group gap="sm" mt="xs" align="center" wrap="nowrap">
            <Text size="xs" c="dimmed" w={52}>
              Weight
            </Text>
            <Slider
              flex={1}
              min={1}
              max={100}
              value={criterion.weight}
              onChange={(weight) => update(index, { ...criterion, weight })}
              disabled={readOnly}
              thumbLabel={`Weight of criterion ${index + 1}`}
            />
            <NumberInput
              w={80}
              min={1}
              max={100}
              value={criterion.weight}
              onChange={(value) => update(index, { ...criterion, weight: clampWeight(value) })}
              disabled={readOnly}
              aria-label={`Weight value of criterion ${index + 1}`}
              error={errors[`${index}.weight`]}
            />
          </Group>
        </Paper>
      ))}
      {!readOnly && (
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="light" leftSection={<IconPlus size={16} />} w="fit-content">
              Add criterion
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {CRITERION_KINDS.map(({ kind, label }) => (
              <Menu.Item key={kind} onClick={() => onChange([...criteria, newCriterion(kind)])}>
                {label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Stack>
  );
}

function clampWeight(value: string | number): number {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? Math.min(100, Math.max(1, Math.round(n))) : 1;
}

const optionalNumber = (value: string | number): number | undefined =>
  value === "" || !Number.isFinite(Number(value)) ? undefined : Number(value);

function CriterionFields({
  criterion,
  onChange,
  readOnly,
  error,
}: {
  criterion: Criterion;
  onChange: (next: Criterion) => void;
  readOnly?: boolean | undefined;
  error: (field: string) => string | undefined;
}) {
  switch (criterion.kind) {
    case "industry":
    case "country":
    case "region":
      return (
        <TagsInput
          label={
            criterion.kind === "industry"
              ? "Industries"
              : criterion.kind === "country"
                ? "Countries"
                : "Regions"
          }
          placeholder="Type a value and press Enter"
          value={criterion.values}
          onChange={(values) => onChange({ ...criterion, values })}
          disabled={readOnly}
          error={error("values")}
        />
      );
    case "technologies":
      return (
        <Stack gap={6}>
          <SegmentedControl
            size="xs"
            w="fit-content"
            data={[
              { value: "any", label: "Uses any of" },
              { value: "all", label: "Uses all of" },
            ]}
            value={criterion.match}
            onChange={(match) => onChange({ ...criterion, match: match === "all" ? "all" : "any" })}
            disabled={readOnly}
          />
          <TagsInput
            aria-label="Technologies"
            placeholder="e.g. SAP, Snowflake"
            value={criterion.values}
            onChange={(values) => onChange({ ...criterion, values })}
            disabled={readOnly}
            error={error("values")}
          />
        </Stack>
      );
    case "employees":
    case "annual_revenue":
      return (
        <Group grow align="flex-start">
          <NumberInput
            label="At least"
            min={0}
            thousandSeparator=","
            value={criterion.min ?? ""}
            onChange={(value) => onChange({ ...criterion, min: optionalNumber(value) })}
            disabled={readOnly}
            error={error("min")}
          />
          <NumberInput
            label="At most"
            min={0}
            thousandSeparator=","
            value={criterion.max ?? ""}
            onChange={(value) => onChange({ ...criterion, max: optionalNumber(value) })}
            disabled={readOnly}
            error={error("max")}
          />
        </Group>
      );
    case "custom_attribute":
      return (
        <Group grow align="flex-start">
          <TextInput
            label="Attribute"
            placeholder="e.g. segment"
            value={criterion.key}
            onChange={(e) => onChange({ ...criterion, key: e.currentTarget.value })}
            disabled={readOnly}
            error={error("key")}
          />
          <Select
            label="Rule"
            data={OPERATORS}
            value={criterion.operator}
            allowDeselect={false}
            onChange={(selected) => {
              const operator = operatorOf(selected);
              if (!operator) return;
              // Each rule takes its own shape of value: a list, a number or text.
              const value = operator === "in" ? [] : operator === "gte" || operator === "lte" ? 0 : "";
              onChange({ ...criterion, operator, value });
            }}
            disabled={readOnly}
          />
          {criterion.operator === "in" ? (
            <TagsInput
              label="Values"
              value={Array.isArray(criterion.value) ? criterion.value.map(String) : []}
              onChange={(value) => onChange({ ...criterion, value })}
              disabled={readOnly}
              error={error("value")}
            />
          ) : criterion.operator === "gte" || criterion.operator === "lte" ? (
            <NumberInput
              label="Value"
              value={typeof criterion.value === "number" ? criterion.value : ""}
              onChange={(value) => onChange({ ...criterion, value: optionalNumber(value) ?? 0 })}
              disabled={readOnly}
              error={error("value")}
            />
          ) : (
            <TextInput
              label="Value"
              value={typeof criterion.value === "string" ? criterion.value : String(criterion.value)}
              onChange={(e) => onChange({ ...criterion, value: e.currentTarget.value })}
              disabled={readOnly}
              error={error("value")}
            />
          )}
        </Group>
      );
  }
}
