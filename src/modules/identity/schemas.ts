import { z } from "zod";
import { vendorRoles } from "../../http/policy.ts";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "must be an e-mail address" }));
export const passwordSchema = z
  .string()
  .min(10, { message: "must be at least 10 characters" })
  .max(256, { message: "must be at most 256 characters" });
export const personNameSchema = z.string().trim().min(1, { message: "is required" }).max(120);
export const workspaceNameSchema = z.string().trim().min(1, { message: "is required" }).max(120);

export const userView = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
export const sessionView = z.object({
  user: userView,
  memberships: z.array(
    z.object({
      workspace: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
      role: z.enum(vendorRoles),
    }),
  ),
  currentWorkspaceId: z.uuid().nullable(),
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof sessionView>;
