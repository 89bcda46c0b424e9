// The site's wizard: the tree from content (through the generated registry) compiled into the
// machine, with the lookups pages, the renderer and the tests need. Build time and tests only:
// the browser builds the same machine from /wizard/machine.json (see view.ts).
import { TREE, type CauseSlug, type FixSlug } from '../registry/registry.gen.ts';
import { compile, createWizard, type Audience, type StepInfo } from './machine.ts';

/** A step of the site's wizard, with registry-typed fix and cause slugs. */
export type Step = StepInfo<FixSlug, CauseSlug>;

function build() {
  const { steps, parent, spec } = compile(TREE);
  const w = createWizard(spec);
  /** @returns the StepInfo of a state id; throws for an id that is not in the machine */
  const stepOf = (id: string): Step => {
    const step = steps.get(id);
    if (!step) throw new Error(`unknown wizard state ${id}`);
    return step;
  };
  /** @returns the audience branch a state belongs to (the answer to the first question), if any */
  const audienceOf = (id: string): Audience | undefined => parent.get(w.pathTo(id)[1] ?? '')?.event.slice(7) as Audience | undefined;
  return { ...w, steps, parent, stepOf, audienceOf };
}

export { TREE };

/** The wizard built from TREE: machine, steps, parents and helpers, for pages and tests. */
export const WIZARD = build();
