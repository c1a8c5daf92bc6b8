import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppProviders } from "./app/providers";
import { createAppQueryClient } from "./app/query-client";
import { createAppRouter } from "./app/router";

const queryClient = createAppQueryClient(() => {
  // The session ended: re-running the route guards sends the user to the login page.
  void router.invalidate();
});
const router = createAppRouter(queryClient);

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");

createRoot(container).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
