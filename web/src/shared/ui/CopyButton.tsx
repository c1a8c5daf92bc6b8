import { Button, Tooltip } from "@mantine/core";
import { useEffect, useState } from "react";
import { IconCheck, IconCopy } from "./icons";

/** Clipboard API first; falls back to a hidden textarea where it is unavailable (plain-http hosts). */
async function copyText(value: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(value);
    return;
  }
  const textarea = document.createElement("textarea");
  textarea.value = value;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.opacity = "0";
  document.body.appendChild(textarea);
  textarea.select();
  document.execCommand("copy");
  textarea.remove();
}

interface CopyButtonProps {
  value: string;
  /** Accessible name, e.g. "Copy invite link". */
  label: string;
}

export function CopyButton({ value, label }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => setState("idle"), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const onCopy = () => {
    copyText(value).then(
      () => setState("copied"),
      () => setState("failed"),
    );
  };

  return (
    <Tooltip
      label={state === "failed" ? "Copy failed: select the text and copy it" : "Copied"}
      opened={state !== "idle"}
    >
      <Button
        variant={state === "copied" ? "filled" : "default"}
        color={state === "copied" ? "teal" : undefined}
        leftSection={state === "copied" ? <IconCheck size={16} /> : <IconCopy size={16} />}
        onClick={onCopy}
        aria-label={label}
      >
        {state === "copied" ? "Copied" : "Copy"}
      </Button>
    </Tooltip>
  );
}
