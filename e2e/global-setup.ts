/** Builds the web app before the browser tests when web/dist is missing or older than its sources. */
import { buildWebIfStale } from "../scripts/build-web.ts";

export default async function setup(): Promise<void> {
  await buildWebIfStale();
}
