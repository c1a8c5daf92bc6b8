import { Button, Group, Paper } from "@mantine/core";
import { useCallback, useState } from "react";
import { ExportCsvButton } from "../../features/exports/components/ExportCsvButton";
import { type PartnerFilters as Filters, usePartners } from "../../features/partners/api/get-partners";
import { canEditPartners } from "../../features/partners/components/labels";
import { PartnerFilters } from "../../features/partners/components/PartnerFilters";
import { PartnerFormModal } from "../../features/partners/components/PartnerFormModal";
import { PartnersTable } from "../../features/partners/components/PartnersTable";
import { useCurrentRole } from "../../shared/auth/session";
import { EmptyState } from "../../shared/ui/EmptyState";
import { IconPlus } from "../../shared/ui/icons";
import { LoadMoreButton } from "../../shared/ui/LoadMoreButton";
import { PagedList } from "../../shared/ui/PagedList";
import { PageHeader } from "../../shared/ui/PageHeader";
import { AnchorLink } from "../../shared/ui/router-links";

const NO_FILTERS: Filters = { q: "", layer: null, lifecycle: null, type: null, sort: "name" };

/** The partners of the ecosystem, by stack layer, type and lifecycle stage. */
export function PartnersPage() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const partners = usePartners(filters);
  const canEdit = canEditPartners(useCurrentRole());
  const [adding, setAdding] = useState(false);
  const filtered =
    filters.q !== "" || filters.layer !== null || filters.lifecycle !== null || filters.type !== null;
  const onFiltersChange = useCallback((next: Filters) => setFilters(next), []);

  return (
    <>
      <PageHeader
        title="Partners"
        description="Every company in your ecosystem, by route to market (stack layer), type, reach and lifecycle stage, with the relationship behind each."
        actions={
          <Group gap="sm">
            <Button component={AnchorLink} to="/solutions" variant="default">
              Solutions
            </Button>
            <ExportCsvButton entity="partners" />
            {canEdit && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                Add partner
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }}>
        <PartnerFilters filters={filters} onChange={onFiltersChange} />
        <PagedList
          query={partners}
          empty={
            <EmptyState title={filtered ? "No partner matches these filters" : "No partners yet"}>
              {filtered
                ? "Clear a filter or search for another name."
                : "Add the resellers, alliances, cloud marketplaces, platforms and advisors you work with, or plan to."}
            </EmptyState>
          }
        >
          {(items) => (
            <>
              <PartnersTable
                partners={items}
                sort={filters.sort}
                onSortChange={(sort) => setFilters((f) => ({ ...f, sort }))}
              />
              <LoadMoreButton query={partners} />
            </>
          )}
        </PagedList>
      </Paper>
      {adding && <PartnerFormModal opened onClose={() => setAdding(false)} />}
    </>
  );
}
