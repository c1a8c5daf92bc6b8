import { Group, Select, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import type { PartnerFilters as Filters } from "../api/get-partners";
import {
  LIFECYCLE_LABELS,
  LIFECYCLE_STAGES,
  PARTNER_TYPES,
  partnerTypeLabel,
  STACK_LAYER_LABELS,
  STACK_LAYERS,
} from "./labels";

interface PartnerFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** Search waits for a pause in typing so that each keystroke does not fetch. */
const SEARCH_DELAY_MS = 250;

export function PartnerFilters({ filters, onChange }: PartnerFiltersProps) {
  const [search, setSearch] = useState(filters.q);
  useEffect(() => {
    if (search === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filters, onChange]);

  return (
    <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Name or domain"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        w={{ base: "100%", sm: 240 }}
      />
      <Select
        label="Layer"
        placeholder="All layers"
        clearable
        data={STACK_LAYERS.map((value) => ({ value, label: STACK_LAYER_LABELS[value] }))}
        value={filters.layer}
        onChange={(layer) => onChange({ ...filters, layer })}
        w={{ base: "100%", sm: 200 }}
      />
      <Select
        label="Lifecycle"
        placeholder="All stages"
        clearable
        data={LIFECYCLE_STAGES.map((value) => ({ value, label: LIFECYCLE_LABELS[value] }))}
        value={filters.lifecycle}
        onChange={(lifecycle) => onChange({ ...filters, lifecycle })}
        w={{ base: "100%", sm: 170 }}
      />
      <Select
        label="Type"
        placeholder="All types"
        clearable
        searchable
        data={PARTNER_TYPES.map((value) => ({ value, label: partnerTypeLabel(value) }))}
        value={filters.type}
        onChange={(type) => onChange({ ...filters, type })}
        w={{ base: "100%", sm: 210 }}
      />
    </Group>
  );
}
