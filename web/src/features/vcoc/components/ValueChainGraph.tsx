import "@xyflow/react/dist/style.css";
import { Background, type Edge, ReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import type { ValueChain } from "../api/get-value-chain";
import { CustomerNode, type CustomerNodeType, LinkNode, type LinkNodeType } from "./GraphNodes";
import { CHANNEL_KIND_COLORS } from "./labels";
import { CUSTOMER_NODE_SIZE, edgeWidth, radialPositions } from "./radial-layout";

const nodeTypes = { customer: CustomerNode, link: LinkNode };

interface ValueChainGraphProps {
  chain: ValueChain;
  selectedLinkId: string | null;
  onSelectLink: (linkId: string) => void;
}

/** The VCOC as a graph: the ICP customer in the middle, the parties it relies on around it. */
export function ValueChainGraph({ chain, selectedLinkId, onSelectLink }: ValueChainGraphProps) {
  const { nodes, edges } = useMemo(() => {
    const covered = new Map(chain.coverage.links.map((l) => [l.linkId, l]));
    const positions = radialPositions(chain.links.length);
    const weights = chain.links.map((link) => covered.get(link.id)?.weight ?? 0);
    // Relative to the heaviest link (at least one stage at full weight), so differences show.
    const maxWeight = Math.max(5, ...weights);
    const customer: CustomerNodeType = {
      id: "customer",
      type: "customer",
      position: { x: -CUSTOMER_NODE_SIZE / 2, y: -CUSTOMER_NODE_SIZE / 2 },
      data: { name: chain.icp.name },
      selectable: false,
    };
    const linkNodes = chain.links.map(
      (link, index): LinkNodeType => ({
        id: link.id,
        type: "link",
        position: positions[index] ?? { x: 0, y: 0 },
        data: {
          link,
          covered: covered.get(link.id)?.covered ?? false,
          selected: link.id === selectedLinkId,
        },
      }),
    );
    const linkEdges = chain.links.map(
      (link, index): Edge => ({
        id: `customer-${link.id}`,
        source: "customer",
        target: link.id,
        type: "straight",
        style: {
          strokeWidth: edgeWidth(weights[index] ?? 0, maxWeight),
          stroke:
            (covered.get(link.id)?.covered ?? false)
              ? `var(--mantine-color-${CHANNEL_KIND_COLORS[link.channelKind]}-4)`
              : "var(--mantine-color-red-4)",
          strokeDasharray: (covered.get(link.id)?.covered ?? false) ? undefined : "6 5",
        },
      }),
    );
    return { nodes: [customer, ...linkNodes], edges: linkEdges };
  }, [chain, selectedLinkId]);

  return (
    <ReactFlow
      // A new or removed link re-fits the view around the whole chain.
      key={chain.links.length}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodeClick={(_, node) => {
        if (node.type === "link") onSelectLink(node.id);
      }}
      nodesDraggable={false}
      nodesConnectable={false}
      fitView
      fitViewOptions={{ padding: 0.1, maxZoom: 1.1 }}
      minZoom={0.3}
      maxZoom={1.5}
      aria-label={`Value chain of ${chain.icp.name}`}
    >
      <Background gap={24} color="var(--mantine-color-gray-3)" />
    </ReactFlow>
  );
}
