/**
 * Places the customer at the origin and the value chain's links on a circle around it, first
 * link at the top, clockwise in chain order. The radius grows with the number of links so that
 * neighbouring nodes never overlap.
 */
export const LINK_NODE_WIDTH = 220;
export const LINK_NODE_HEIGHT = 120;
export const CUSTOMER_NODE_SIZE = 150;

export interface Point {
  x: number;
  y: number;
}

export function radialPositions(count: number): Point[] {
  if (count === 0) return [];
  // Arc between neighbours must fit a node's diagonal-ish footprint plus a gap.
  const spacing = LINK_NODE_WIDTH + 40;
  const radius = Math.max(230, (count * spacing) / (2 * Math.PI));
  return Array.from({ length: count }, (_, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
    // An ellipse (wider than tall) suits the wide nodes and the screen better than a circle.
    return {
      x: Math.round(Math.cos(angle) * radius * 1.3 - LINK_NODE_WIDTH / 2),
      y: Math.round(Math.sin(angle) * radius * 0.9 - LINK_NODE_HEIGHT / 2),
    };
  });
}

/** Edge thickness from a link's total stage weight, relative to the heaviest link: 1.5 px to 8 px. */
export function edgeWidth(totalWeight: number, maxWeight: number): number {
  if (maxWeight <= 0) return 1.5;
  return 1.5 + (6.5 * Math.min(totalWeight, maxWeight)) / maxWeight;
}
