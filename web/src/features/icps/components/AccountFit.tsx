import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
import { useAccountFit } from "../api/get-account-fit";
import { BandBadge } from "./BandBadge";
import { FitReasons } from "./FitReasons";

/** An account's fit to every ICP of the workspace, with band and reasons. */
export function AccountFit({ accountId }: { accountId: string }) {
  const fit = useAccountFit(accountId);
  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} component="section" aria-label="ICP fit">
      <Title order={2} fz="lg" fw={650} mb="sm">
        ICP fit
      </Title>
      {fit.isPending ? (
        <Text size="sm" c="dimmed">
          Scoring…
        </Text>
      ) : fit.isError ? (
        <ErrorAlert error={fit.error} onRetry={() => fit.refetch()} />
      ) : fit.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No ICPs yet: define one under Strategy → Ideal Customer Profiles to see how this account fits.
        </Text>
      ) : (
        <Stack gap="md">
          {fit.data.items.map((item) => (
            <Stack key={item.icpId} gap={6}>
              <Group gap="sm">
                <Text fw={700}>{item.icpName}</Text>
                <BandBadge band={item.band} score={item.score} />
              </Group>
              <FitReasons reasons={item.reasons} />
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
