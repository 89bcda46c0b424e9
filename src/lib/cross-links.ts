// Which cross-link blocks an article gets, decided from its front matter alone. Pure, so the rules
// are unit-tested; ArticleLayout resolves the slugs to articles and renders the blocks.

/** The front-matter fields cross-links are made from. */
export interface CrossLinkSource {
  /** Page type (see src/content.config.ts). */
  type: string;
  /** Cause pages: slugs of their fixes. */
  fixes?: readonly string[];
  /** Fix, server and service pages: slugs of the causes they resolve (services: their common causes). */
  causes?: readonly string[];
  /** Any page: slugs to list under "See also". */
  related: readonly string[];
}

/** One block of links at the end of an article. */
export interface CrossLinkBlock {
  /** Heading id, stable so people can link to it (#fixes-for-this-cause). */
  id: string;
  /** Heading text. */
  title: string;
  /** Article slugs to link, in front-matter order. */
  slugs: readonly string[];
  /** Show descriptions under the links (helps choose between fixes). */
  describe: boolean;
  /** Also point to the wizard: a fix page's reader may not know their cause yet. */
  wizard: boolean;
}

/**
 * @param data an article's front matter
 * @returns the blocks in display order: fixes (cause pages) or causes + wizard (fix and server
 *   pages), then "See also" when `related` is set
 */
export function crossLinkPlan(data: CrossLinkSource): CrossLinkBlock[] {
  const blocks: CrossLinkBlock[] = [];
  if (data.type === 'cause') {
    blocks.push({ id: 'fixes-for-this-cause', title: 'Fixes for this cause', slugs: data.fixes ?? [], describe: true, wizard: false });
  } else if (data.type === 'fix' || data.type === 'server') {
    blocks.push({ id: 'causes-this-fixes', title: 'Causes this fixes', slugs: data.causes ?? [], describe: false, wizard: true });
  } else if (data.type === 'service') {
    blocks.push({ id: 'common-causes', title: 'Common causes', slugs: data.causes ?? [], describe: true, wizard: true });
  }
  if (data.related.length > 0) {
    blocks.push({ id: 'see-also', title: 'See also', slugs: data.related, describe: false, wizard: false });
  }
  return blocks;
}
