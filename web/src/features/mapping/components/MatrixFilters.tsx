import { Group, SegmentedControl, Stack, Text } from "@mantine/core";
import type { FitBand, OverlapFilters, OverlapKind } from "../api/schemas";

interface MatrixFiltersProps {
  filters: OverlapFilters;
  onChange: (change: { kind?: OverlapKind; band?: FitBand | null }) => void;
}

function Labelled({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** Same company or related (subsidiary, sibling), and the ICP fit band of your account. */
export function MatrixFilters({ filters, onChange }: MatrixFiltersProps) {
  return (
    <Group gap="lg" align="flex-end">
      <Labelled label="Match">
        <SegmentedControl
          size="sm"
          value={filters.kind}
          onChange={(value) => onChange({ kind: value === "related" ? "related" : "same" })}
          data={[
            { value: "same", label: "Same company" },
            { value: "related", label: "Related" },
          ]}
          aria-label="Match kind"
        />
      </Labelled>
      <Labelled label="ICP fit of your account">
        <SegmentedControl
          size="sm"
          value={filters.band ?? "all"}
          onChange={(value) =>
            onChange({ band: value === "A" || value === "B" || value === "C" ? value : null })
          }
          data={[
            { value: "all", label: "All" },
            { value: "A", label: "Band A" },
            { value: "B", label: "Band B" },
            { value: "C", label: "Band C" },
          ]}
          aria-label="ICP fit band"
        />
      </Labelled>
    </Group>
  );
}
