import { Group, NativeSelect } from "@mantine/core";
import { useStackChoices } from "../api/get-stack-choices";

interface StackSelectorsProps {
  solutionId: string | null;
  icpId: string | null;
  onChange: (selection: { solution?: string; icp?: string }) => void;
}

/** Which solution × ICP the stack shows. */
export function StackSelectors({ solutionId, icpId, onChange }: StackSelectorsProps) {
  const choices = useStackChoices();
  const solutions = choices.data?.solutions ?? [];
  const icps = choices.data?.icps ?? [];
  return (
    <Group gap="sm" align="flex-end">
      <NativeSelect
        label="Solution"
        size="sm"
        w={260}
        value={solutionId ?? ""}
        disabled={solutions.length === 0}
        data={solutions.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(event) => onChange({ solution: event.currentTarget.value, icp: icpId ?? undefined })}
      />
      <NativeSelect
        label="ICP"
        size="sm"
        w={260}
        value={icpId ?? ""}
        disabled={icps.length === 0}
        data={icps.map((i) => ({ value: i.id, label: i.name }))}
        onChange={(event) => onChange({ solution: solutionId ?? undefined, icp: event.currentTarget.value })}
      />
    </Group>
  );
}
