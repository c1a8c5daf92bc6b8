/**
 * Every module's job handlers, imported for their registration (registerJobHandler) so that the
 * runtime knows every kind before it takes work. Add a line here when a module adds a job kind.
 */
import "../modules/icps/rescore.ts";
import "../modules/mapping/job.ts";
import "../modules/imports/preview-job.ts";
import "../modules/imports/commit-job.ts";
