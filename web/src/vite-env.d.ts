/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the Ecostack API, "/api" when the server serves the SPA itself. */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
