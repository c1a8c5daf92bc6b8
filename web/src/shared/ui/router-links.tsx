import { Anchor, type AnchorProps, NavLink, type NavLinkProps } from "@mantine/core";
import { createLink } from "@tanstack/react-router";
import type { ComponentPropsWithRef } from "react";

/**
 * Mantine components as type-safe router links: `to` is checked against the route
 * tree and active state, preloading and client-side navigation come from the router.
 */
type AnchorElementProps<P> = P & Omit<ComponentPropsWithRef<"a">, keyof P | "color" | "style">;

function MantineAnchor(props: AnchorElementProps<AnchorProps>) {
  return <Anchor component="a" {...props} />;
}

function MantineNavLink(props: AnchorElementProps<NavLinkProps>) {
  return <NavLink component="a" {...props} />;
}

export const AnchorLink = createLink(MantineAnchor);
export const NavLinkLink = createLink(MantineNavLink);
