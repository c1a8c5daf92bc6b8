import { Anchor, type AnchorProps } from "@mantine/core";
import { useRouter } from "@tanstack/react-router";
import type { MouseEvent, ReactNode } from "react";

interface AppLinkProps extends AnchorProps {
  href: string;
  children: ReactNode;
}

/**
 * A link to a page of another area (plays, partners, ICPs) by URL. Those pages are added by other
 * modules, so their routes are not known to this feature's types; the router still navigates
 * client-side, and a modified click opens a new tab as usual.
 */
export function AppLink({ href, children, ...props }: AppLinkProps) {
  const router = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    router.history.push(href);
  };
  return (
    <Anchor href={href} onClick={onClick} {...props}>
      {children}
    </Anchor>
  );
}
