import { Button, type ButtonProps } from "@mantine/core";
import type { ReactNode } from "react";
import { env } from "../../../shared/config/env";

export type ExportEntity = "accounts" | "opportunities" | "partners" | "contacts";

export function exportCsvUrl(entity: ExportEntity): string {
  return `${env.apiBaseUrl}/v1/exports/${entity}?format=csv`;
}

function DownloadIcon() {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2 -2v-2" />
      <path d="M7 11l5 5l5 -5" />
      <path d="M12 4l0 12" />
    </svg>
  );
}

interface ExportCsvButtonProps extends Pick<ButtonProps, "size" | "variant"> {
  entity: ExportEntity;
  children?: ReactNode;
}

/**
 * Downloads every row of an entity as CSV straight from the API: the browser streams the file to
 * disk (nothing is held in the page), and the session cookie authenticates the GET.
 */
export function ExportCsvButton({
  entity,
  children = "Export CSV",
  size,
  variant = "default",
}: ExportCsvButtonProps) {
  return (
    <Button
      component="a"
      href={exportCsvUrl(entity)}
      download
      variant={variant}
      size={size}
      leftSection={<DownloadIcon />}
    >
      {children}
    </Button>
  );
}
