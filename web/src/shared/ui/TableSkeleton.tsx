import { Skeleton, Stack } from "@mantine/core";

export function TableSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Loading">
      <Skeleton height={28} radius="sm" />
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={index} height={40} radius="sm" />
      ))}
    </Stack>
  );
}
