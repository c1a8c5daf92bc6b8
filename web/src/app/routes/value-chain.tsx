import { Breadcrumbs, Skeleton, Stack } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useValueChain } from "../../features/vcoc/api/get-value-chain";
import { ValueChainEditor } from "../../features/vcoc/components/ValueChainEditor";
import { useCurrentRole } from "../../shared/auth/session";
import { ErrorAlert } from "../../shared/ui/ErrorAlert";
import { PageHeader } from "../../shared/ui/PageHeader";
import { AnchorLink } from "../../shared/ui/router-links";

const route = getRouteApi("/app/strategy/icps/$icpId/value-chain");

const EDITORS = new Set(["owner", "admin", "partner_manager"]);

/** The Value Chain of the Customer of one ICP, drawn as a graph with its coverage and gaps. */
export function ValueChainPage() {
  const { icpId } = route.useParams();
  const chain = useValueChain(icpId);
  const role = useCurrentRole();

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <AnchorLink to="/strategy">Strategy</AnchorLink>
        <AnchorLink to="/strategy/icps">ICPs</AnchorLink>
        <AnchorLink to="/strategy/icps/$icpId" params={{ icpId }}>
          {chain.data?.icp.name ?? "ICP"}
        </AnchorLink>
      </Breadcrumbs>
      <PageHeader
        title={chain.data ? `Value chain: ${chain.data.icp.name}` : "Value chain"}
        description="The parties your ideal customer relies on, how much each matters per journey stage, and the partners behind them."
      />
      {chain.isPending ? (
        <Stack aria-busy="true" aria-label="Loading value chain">
          <Skeleton h={620} radius="md" />
        </Stack>
      ) : chain.isError ? (
        <ErrorAlert error={chain.error} onRetry={() => chain.refetch()} />
      ) : (
        <ValueChainEditor chain={chain.data} canEdit={role !== null && EDITORS.has(role)} />
      )}
    </>
  );
}
