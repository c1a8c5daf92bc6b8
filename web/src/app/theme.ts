import {
  Button,
  createTheme,
  type MantineColorsTuple,
  NativeSelect,
  NavLink,
  Paper,
  PasswordInput,
  Table,
  TextInput,
} from "@mantine/core";

/** Ecostack green: shade 7 (the primary) keeps ≥ 4.5:1 contrast with white text. */
const eco: MantineColorsTuple = [
  "#e8f7f1",
  "#d3eee3",
  "#a7dcc7",
  "#77c9a9",
  "#50b98f",
  "#37af80",
  "#149a72",
  "#0b7a5a",
  "#07664b",
  "#03523c",
];

/**
 * The required asterisk is decoration: `required` on the input already tells assistive
 * technology, and keeping "*" out of the accessible name gives labels like "Password".
 */
const hiddenAsterisk = { attributes: { required: { "aria-hidden": "true" } } } as const;

export const theme = createTheme({
  primaryColor: "eco",
  primaryShade: { light: 7, dark: 6 },
  colors: { eco },
  defaultRadius: "md",
  cursorType: "pointer",
  // Honour the OS "reduce motion" setting: menus, modals and the mobile navbar appear instantly.
  respectReducedMotion: true,
  focusRing: "auto",
  fontFamily:
    "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif",
  fontFamilyMonospace: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
  headings: {
    fontFamily:
      "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif",
    fontWeight: "700",
  },
  components: {
    Button: Button.extend({ defaultProps: { radius: "md" } }),
    Paper: Paper.extend({ defaultProps: { radius: "md" } }),
    NavLink: NavLink.extend({ defaultProps: { variant: "light" } }),
    Table: Table.extend({ defaultProps: { horizontalSpacing: "md" } }),
    TextInput: TextInput.extend({ defaultProps: hiddenAsterisk }),
    PasswordInput: PasswordInput.extend({ defaultProps: hiddenAsterisk }),
    NativeSelect: NativeSelect.extend({ defaultProps: hiddenAsterisk }),
  },
});
