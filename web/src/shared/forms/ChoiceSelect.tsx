import { Select } from "@mantine/core";
import type { ReactNode } from "react";

interface ChoiceSelectProps<T extends string> {
  label: string;
  /** Every value, in the order offered. */
  values: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
  error?: ReactNode;
}

/** A required choice among a fixed vocabulary (status, stage…): one value is always selected. */
export function ChoiceSelect<T extends string>({
  label,
  values,
  labels,
  value,
  onChange,
  error,
}: ChoiceSelectProps<T>) {
  return (
    <Select
      label={label}
      data={values.map((choice) => ({ value: choice, label: labels[choice] }))}
      value={value}
      allowDeselect={false}
      onChange={(selected) => {
        const choice = values.find((candidate) => candidate === selected);
        if (choice) onChange(choice);
      }}
      error={error}
    />
  );
}
