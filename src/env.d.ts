declare namespace App {
  interface Locals {
    /** Per-page counter so every <Tabs> gets a stable, unique id prefix (deterministic builds). */
    tabsCount?: number;
    /** Per-page counter for <Steps> without an explicit id. */
    stepsCount?: number;
  }
}
