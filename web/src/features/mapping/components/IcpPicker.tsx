import { NativeSelect } from "@mantine/core";

interface IcpPickerProps {
  icps: { id: string; name: string }[];
  value: string | null;
  onChange: (icpId: string | null) => void;
}

/**
 * Which ICP "fit" means: ICP-fit prospects and the band filter are computed for it, or for each
 * account's best fit over all ICPs when none is picked.
 */
export function IcpPicker({ icps, value, onChange }: IcpPickerProps) {
  return (
    <NativeSelect
      label="ICP"
      size="sm"
      w={240}
      value={value ?? ""}
      data={[
        { value: "", label: "Best fit, any ICP" },
        ...icps.map((icp) => ({ value: icp.id, label: icp.name })),
      ]}
      onChange={(event) => onChange(event.currentTarget.value || null)}
    />
  );
}
