import { Button, Group } from "@mantine/core";
import { env } from "../../../shared/config/env";
import { type StackSelection, selectionQuery } from "../api/get-stack";

interface ExportButtonsProps {
  selection: StackSelection;
  icpId: string | null;
}

/** Downloads straight from the API: the session cookie authenticates the GET. */
export function ExportButtons({ selection, icpId }: ExportButtonsProps) {
  return (
    <Group gap="xs">
      <Button
        component="a"
        variant="default"
        size="xs"
        href={`${env.apiBaseUrl}/v1/stack/export${selectionQuery(selection, { format: "md" })}`}
        download
      >
        Markdown
      </Button>
      <Button
        component="a"
        variant="default"
        size="xs"
        href={`${env.apiBaseUrl}/v1/stack/export${selectionQuery(selection, { format: "pdf" })}`}
        download
      >
        PDF one-pager
      </Button>
      {icpId && (
        <Button
          component="a"
          variant="default"
          size="xs"
          href={`${env.apiBaseUrl}/v1/icps/${icpId}/value-chain.png`}
          download
        >
          Value chain PNG
        </Button>
      )}
    </Group>
  );
}
