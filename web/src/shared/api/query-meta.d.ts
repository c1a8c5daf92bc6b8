import "@tanstack/react-query";

declare module "@tanstack/react-query" {
  interface Register {
    mutationMeta: {
      /** Set on mutations where a 401 is an expected answer (bad credentials), not an ended session. */
      expectsUnauthenticated?: boolean;
    };
  }
}
