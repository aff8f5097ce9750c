package io.github.broadside.config;

import io.github.broadside.schema.Block;
import io.github.broadside.schema.Field;
import io.github.broadside.schema.Field.Kind;
import java.util.List;

/**
 * The keys of {@code site.yml}: what {@link SiteConfigLoader} reads and the JSON Schema editors use
 * ({@code site.schema.json}) come from these definitions (see {@link Field}).
 */
public final class SiteFields {
    /** A link: {@code label} and {@code url}. */
    public static final Block LINK = Block.of("link",
            Field.of("label", Kind.TEXT, "The text of the link.").mandatory(),
            Field.of("url", Kind.URL, "Where the link goes: a path on this site (/privacy/) or an https:// address.")
                    .mandatory());
    public static final Block ORGANIZATION = Block.of("organization",
            Field.of("name", Kind.TEXT, "The organization's name, shown as the author of feeds and share cards."),
            Field.of("url", Kind.URL, "The organization's web address."));
    public static final Block FOOTER = Block.of("footer",
            Field.nested("links", Kind.BLOCKS, LINK, "Links shown in the footer of every page."));
    public static final Block PRIVACY = Block.of("privacy",
            Field.of("allowOrigins", Kind.TEXTS, "Third-party origins pages may load from or static files may"
                    + " post to, e.g. https://images.example.org, or \"data:\" for data: pictures (normally none)."));
    public static final Block QUICK_EXIT = Block.of("quickExit",
            Field.of("enabled", Kind.BOOLEAN, "true shows the quick exit button on every page."),
            Field.of("url", Kind.URL, "The neutral https:// page the quick exit opens."));
    public static final Block LANGUAGE = Block.of("languages",
            Field.of("name", Kind.TEXT, "The language's name in the language switcher, e.g. Español."),
            Field.of("title", Kind.TEXT, "The site title on this language's pages."),
            Field.of("description", Kind.TEXT, "The site description on this language's pages."),
            Field.nested("navigation", Kind.BLOCKS, LINK, "The navigation on this language's pages."),
            Field.nested("footer", Kind.BLOCK, FOOTER, "The footer links on this language's pages."));
    public static final Block PAGINATION = Block.of("pagination",
            Field.of("pageSize", Kind.INTEGER, "How many campaigns the home page and each tag or category page list"
                    + " before continuing on /page/2/, /page/3/... (1 to 1000; default 24)."));
    public static final Block CMS = Block.of("cms",
            Field.choice("backend", BrowserEditor.BACKENDS, "Where Decap CMS reads and commits the content:"
                    + " github, gitlab or git-gateway (Netlify).").mandatory(),
            Field.of("repo", Kind.TEXT, "The repository, owner/name, e.g. my-org/campaigns (not for git-gateway)."),
            Field.of("branch", Kind.TEXT, "The branch editors commit to (default main)."),
            Field.of("authUrl", Kind.URL, "The sign-in service, e.g. https://api.netlify.com for GitHub through"
                    + " Netlify (docs/editing-in-the-browser.md)."),
            Field.of("appId", Kind.TEXT, "The OAuth application id, for GitLab sign-in without a proxy."),
            Field.of("path", Kind.TEXT, "The project folder inside the repository, when it is not the top level,"
                    + " e.g. site/."));
    /** The values of {@code untranslatedCampaigns}. */
    public static final List<String> UNTRANSLATED = List.of("show", "omit");
    public static final Block SITE = Block.of("site.yml",
            Field.of("title", Kind.TEXT, "The site's name, in the header of every page and in feeds."),
            Field.of("description", Kind.TEXT, "One sentence about the site, for search engines and feeds."),
            Field.of("baseUrl", Kind.URL, "The address the site is published at, e.g. https://campaigns.example.org/"),
            Field.of("defaultLanguage", Kind.TEXT, "The language tag of the folder served at the site root (en)."),
            Field.nested("organization", Kind.TEXT_OR_BLOCK, ORGANIZATION, "Who runs the site."),
            Field.nested("navigation", Kind.BLOCKS, LINK, "The links in the header of every page."),
            Field.nested("footer", Kind.BLOCK, FOOTER, "The footer of every page."),
            Field.of("privacyUrl", Kind.URL, "The privacy notice forms link to, e.g. /privacy/"),
            Field.of("drafts", Kind.BOOLEAN, "true publishes pages marked draft: true (normally false)."),
            Field.nested("privacy", Kind.BLOCK, PRIVACY, "Privacy settings."),
            Field.of("forms", Kind.OPEN_BLOCK, "Where every action's form posts: provider and its options"
                    + " (docs/form-providers.md)."),
            Field.nested("quickExit", Kind.BOOLEAN_OR_BLOCK, QUICK_EXIT, "The quick exit button."),
            Field.nested("languages", Kind.PER_LANGUAGE, LANGUAGE, "Per language: the switcher's order and name,"
                    + " and the site's title, description, navigation and footer."),
            Field.of("defaultLanguageInSubfolder", Kind.BOOLEAN, "true serves the default language under /en/ too,"
                    + " with a language chooser at the root."),
            Field.choice("untranslatedCampaigns", UNTRANSLATED, "show lists campaigns not translated into a"
                    + " language, marked with their own language; omit leaves them out."),
            Field.nested("pagination", Kind.BLOCK, PAGINATION, "How list pages are split into numbered pages."),
            Field.nested("cms", Kind.BLOCK, CMS, "The browser editor (Decap CMS) published at /admin/; normally"
                    + " off (docs/editing-in-the-browser.md)."));

    private SiteFields() {
    }
}
