import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { z } from "zod";
import { sessionQueryOptions } from "../shared/auth/session";
import { PageLoader } from "../shared/ui/PageLoader";
import { RouteErrorBoundary } from "../shared/ui/RouteErrorBoundary";
import { safeRedirect } from "./safe-redirect";
import { AppLayout } from "./shell/AppLayout";

export interface RouterContext {
  queryClient: QueryClient;
}

const redirectSearchSchema = z.object({ redirect: z.string().optional().catch(undefined) });

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: lazyRouteComponent(() => import("./routes/not-found"), "NotFoundPage"),
});

/** Logged-out pages send a signed-in visitor on to where they were going. */
async function redirectIfSignedIn(queryClient: QueryClient, target: string | undefined) {
  const session = await queryClient.ensureQueryData(sessionQueryOptions);
  if (session) throw redirect({ href: safeRedirect(target) });
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: redirectSearchSchema,
  beforeLoad: ({ context, search }) => redirectIfSignedIn(context.queryClient, search.redirect),
  component: lazyRouteComponent(() => import("./routes/login"), "LoginPage"),
});

const signupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/signup",
  validateSearch: redirectSearchSchema,
  beforeLoad: ({ context, search }) => redirectIfSignedIn(context.queryClient, search.redirect),
  component: lazyRouteComponent(() => import("./routes/signup"), "SignupPage"),
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invite/$token",
  beforeLoad: ({ context }) => context.queryClient.ensureQueryData(sessionQueryOptions),
  component: lazyRouteComponent(() => import("./routes/invite"), "InvitePage"),
});

/** Everything inside the shell needs a session. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions);
    if (!session) throw redirect({ to: "/login", search: { redirect: location.href } });
  },
  component: AppLayout,
});

const overviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./routes/overview"), "OverviewPage"),
});

const strategyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/strategy",
  validateSearch: z.object({
    solution: z.string().optional().catch(undefined),
    icp: z.string().optional().catch(undefined),
  }),
  component: lazyRouteComponent(() => import("./routes/strategy"), "StrategyPage"),
});

const icpsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/strategy/icps",
  component: lazyRouteComponent(() => import("./routes/icps"), "IcpsPage"),
});

const icpDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/strategy/icps/$icpId",
  component: lazyRouteComponent(() => import("./routes/icp-detail"), "IcpDetailPage"),
});

const journeyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/strategy/journey",
  component: lazyRouteComponent(() => import("./routes/journey"), "JourneyPage"),
});

const valueChainRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/strategy/icps/$icpId/value-chain",
  component: lazyRouteComponent(() => import("./routes/value-chain"), "ValueChainPage"),
});

const playsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/strategy/plays",
  component: lazyRouteComponent(() => import("./routes/plays"), "PlaysPage"),
});

const playDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/strategy/plays/$playId",
  component: lazyRouteComponent(() => import("./routes/play-detail"), "PlayDetailPage"),
});

const partnersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/partners",
  component: lazyRouteComponent(() => import("./routes/partners"), "PartnersPage"),
});

const partnerDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/partners/$partnerId",
  component: lazyRouteComponent(() => import("./routes/partner-detail"), "PartnerDetailPage"),
});

const solutionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/solutions",
  component: lazyRouteComponent(() => import("./routes/solutions"), "SolutionsPage"),
});

const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/accounts",
  component: lazyRouteComponent(() => import("./routes/accounts"), "AccountsPage"),
});

const accountDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/accounts/$accountId",
  component: lazyRouteComponent(() => import("./routes/account-detail"), "AccountDetailPage"),
});

const mappingChunk = () => import("./routes/mapping");
const icpSearchSchema = z.object({ icp: z.string().optional().catch(undefined) });

const mappingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/mapping",
  validateSearch: icpSearchSchema,
  component: lazyRouteComponent(mappingChunk, "MappingPage"),
});

const partnerMappingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/mapping/$partnerId",
  validateSearch: icpSearchSchema.extend({
    kind: z.enum(["same", "related"]).optional().catch(undefined),
    band: z.enum(["A", "B", "C"]).optional().catch(undefined),
  }),
  component: lazyRouteComponent(() => import("./routes/mapping-partner"), "PartnerMappingPage"),
});

const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/imports",
  validateSearch: z.object({ import: z.string().optional().catch(undefined) }),
  component: lazyRouteComponent(() => import("./routes/imports"), "ImportsPage"),
});

const settingsChunk = () => import("./routes/settings");

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/settings",
  component: lazyRouteComponent(settingsChunk, "SettingsLayout"),
});

const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/settings/workspace", replace: true });
  },
});

const settingsWorkspaceRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/workspace",
  component: lazyRouteComponent(settingsChunk, "WorkspaceSettingsPage"),
});

const settingsMembersRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/members",
  component: lazyRouteComponent(settingsChunk, "MembersSettingsPage"),
});

const settingsInvitationsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/invitations",
  component: lazyRouteComponent(settingsChunk, "InvitationsSettingsPage"),
});

const settingsApiKeysRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/api-keys",
  component: lazyRouteComponent(settingsChunk, "ApiKeysSettingsPage"),
});

const settingsAuditRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/audit",
  component: lazyRouteComponent(settingsChunk, "AuditSettingsPage"),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signupRoute,
  inviteRoute,
  appRoute.addChildren([
    overviewRoute,
    strategyRoute,
    icpsRoute,
    icpDetailRoute,
    journeyRoute,
    valueChainRoute,
    playsRoute,
    playDetailRoute,
    partnersRoute,
    partnerDetailRoute,
    solutionsRoute,
    accountsRoute,
    accountDetailRoute,
    mappingRoute,
    partnerMappingRoute,
    importsRoute,
    settingsRoute.addChildren([
      settingsIndexRoute,
      settingsWorkspaceRoute,
      settingsMembersRoute,
      settingsInvitationsRoute,
      settingsApiKeysRoute,
      settingsAuditRoute,
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    // Data lives in TanStack Query; the router should not cache on its own.
    defaultPreloadStaleTime: 0,
    defaultErrorComponent: RouteErrorBoundary,
    defaultPendingComponent: PageLoader,
    defaultPendingMs: 150,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
