/** What /readyz reports besides the database: whether the shipped catalog has been ingested. */
export class Readiness {
  catalogLoaded = false;
}
