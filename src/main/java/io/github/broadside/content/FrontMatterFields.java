package io.github.broadside.content;

import io.github.broadside.config.SiteFields;
import io.github.broadside.schema.Block;
import io.github.broadside.schema.Field;
import io.github.broadside.schema.Field.Kind;
import java.util.List;

/**
 * The keys of a page's front matter: what {@link CampaignParser} reads, the JSON Schema editors use
 * ({@code front-matter.schema.json}) and the browser editor's fields come from these definitions
 * (see {@link Field}). {@code docs/front-matter.md} explains each.
 */
public final class FrontMatterFields {
    /** The values of {@code kind}. */
    public static final List<String> KINDS = List.of("campaign", "page");
    public static final Block TARGET = Block.of("target",
            Field.of("name", Kind.TEXT, "Who the action is addressed to.").mandatory(),
            Field.of("role", Kind.TEXT, "Their role, e.g. Senator for Texas."),
            Field.of("phone", Kind.TEXT, "Their phone number, digits, spaces and hyphens, e.g. \"202-224-3121\"."),
            Field.of("handle", Kind.TEXT, "Their social media handle, e.g. @senator."));
    public static final Block SIGNATORY = Block.of("signatory",
            Field.of("name", Kind.TEXT, "The signatory's name as it should appear.").mandatory(),
            Field.of("role", Kind.TEXT, "Their role or title."),
            Field.of("organization", Kind.TEXT, "Their organization."));
    public static final Block ACTION = Block.of("action",
            Field.choice("type", ActionType.keys(), "What people do: sign a petition, a letter, call, ...").mandatory(),
            Field.of("label", Kind.TEXT, "The action's heading, when the default does not fit."),
            Field.of("cta", Kind.TEXT, "The button's words, e.g. Sign the petition."),
            Field.of("goal", Kind.INTEGER, "How many signatures the campaign aims for, digits only: 10000."),
            Field.of("count", Kind.INTEGER, "How many have signed so far, digits only."),
            Field.nested("targets", Kind.BLOCKS, TARGET, "Who the action is addressed to."),
            Field.of("intro", Kind.MARKDOWN, "Text above the form (Markdown)."),
            Field.of("script", Kind.MARKDOWN, "What to say on a call (Markdown)."),
            Field.of("findRepresentativeUrl", Kind.URL, "A page where people find their representative."),
            Field.of("form", Kind.OPEN_BLOCK, "This action's form provider and its options, when not the site's."),
            Field.of("optIn", Kind.BOOLEAN, "true asks signers whether they want news from the organization."),
            Field.nested("signatories", Kind.BLOCKS, SIGNATORY, "Who has signed the letter already."));
    public static final Block UPDATE = Block.of("update",
            Field.of("date", Kind.DATE, "The update's date, year-month-day: 2024-05-01.").mandatory(),
            Field.of("text", Kind.MARKDOWN, "What the update says (Markdown).").mandatory());
    public static final Block QUOTE = Block.of("quote",
            Field.of("text", Kind.TEXT, "The quoted words.").mandatory(),
            Field.of("author", Kind.TEXT, "Who said them."),
            Field.of("role", Kind.TEXT, "The author's role."),
            Field.of("source", Kind.TEXT, "Where the quote comes from."));
    public static final Block DONATE = Block.of("donate",
            Field.of("url", Kind.URL, "The donation page's https:// address.").mandatory(),
            Field.of("label", Kind.TEXT, "The button's words."),
            Field.of("partner", Kind.TEXT, "Who receives the money, when it is a partner."));
    public static final Block TRANSLATION_OF = Block.of("translationOf",
            Field.of("source", Kind.TEXT, "The file this page translates, inside the content folder: en/x.md."),
            Field.of("hash", Kind.TEXT, "The source's version this translation matches; written by"
                    + " broadside:translated."));
    public static final Block PAGE = Block.of("front matter",
            Field.of("title", Kind.TEXT, "The page's title.").mandatory(),
            Field.of("slug", Kind.TEXT, "The page's address segment, e.g. stop-the-raids (default: the file name)."),
            Field.choice("kind", KINDS, "campaign (the default) or page (a plain page: no date, status or action)."),
            Field.of("date", Kind.DATE, "The date the campaign was published, year-month-day: 2024-05-01."),
            Field.choice("status", Status.keys(), "Where the campaign stands."),
            Field.of("summary", Kind.TEXT, "One or two sentences for lists, search engines and share cards."),
            Field.of("organization", Kind.TEXT, "The organization behind the campaign."),
            Field.of("image", Kind.URL, "The page's picture: /images/x.jpg (from content/static/) or a path"
                    + " relative to the page."),
            Field.of("imageAlt", Kind.TEXT, "The picture described for people who cannot see it."),
            Field.of("tags", Kind.TEXTS, "Tags, e.g. [asylum, families]."),
            Field.of("categories", Kind.TEXTS, "Categories, e.g. [Petitions]."),
            Field.of("draft", Kind.BOOLEAN, "true keeps the page out of the published site."),
            Field.nested("action", Kind.BLOCK, ACTION, "The campaign's one action."),
            Field.nested("actions", Kind.BLOCKS, ACTION, "Several actions (instead of action)."),
            Field.nested("updates", Kind.BLOCKS, UPDATE, "News about the campaign, each with a date."),
            Field.nested("quote", Kind.BLOCK, QUOTE, "A quote shown on the page."),
            Field.nested("donate", Kind.BLOCK, DONATE, "A donation button."),
            Field.nested("links", Kind.BLOCKS, SiteFields.LINK, "Further reading."),
            Field.of("hashtags", Kind.TEXTS, "Hashtags for share links, e.g. [\"#EndDetention\"]."),
            Field.of("handles", Kind.TEXTS, "Social media handles for share links, e.g. [\"@example\"]."),
            Field.of("quickExit", Kind.BOOLEAN, "true shows the quick exit button on this page."),
            Field.of("aliases", Kind.TEXTS, "Earlier addresses of the page, redirected here."),
            Field.of("translationKey", Kind.TEXT, "Links language versions whose file names differ."),
            Field.nested("translationOf", Kind.TEXT_OR_BLOCK, TRANSLATION_OF, "The page this one translates."));

    private FrontMatterFields() {
    }
}
