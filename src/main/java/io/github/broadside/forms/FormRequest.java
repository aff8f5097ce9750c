package io.github.broadside.forms;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Action;
import io.github.broadside.content.Campaign;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link FormEndpoint} is asked to describe a form for: the site, the campaign and its action,
 * the canonical fields the form shows, and the addresses a provider usually needs.
 *
 * @param actionNumber the action's place on its page, from 1
 * @param campaignId   the campaign's site path without its leading and trailing slash, e.g.
 *                     {@code stop-unjust-raids} or {@code es/detener-redadas}
 * @param formName     a name unique in the whole site for this action's form, made of lowercase
 *                     letters, digits and hyphens, e.g. {@code stop-unjust-raids-letter}
 * @param fields       the canonical fields of the form, in page order ({@link FormField#forAction})
 * @param pageUrl      the campaign page's absolute URL
 * @param thanksUrl    the campaign's thank-you page as an absolute URL, for providers that redirect
 *                     to it after a plain (JavaScript-free) submission
 * @param thanksLink   the same page as a link usable inside the site (honours a sub-path base URL)
 */
public record FormRequest(
        SiteConfig site,
        Campaign campaign,
        Action action,
        int actionNumber,
        String campaignId,
        String formName,
        List<FormField> fields,
        String pageUrl,
        String thanksUrl,
        String thanksLink) {

    public FormRequest {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(formName, "formName");
        fields = List.copyOf(fields);
        Objects.requireNonNull(pageUrl, "pageUrl");
        Objects.requireNonNull(thanksUrl, "thanksUrl");
        Objects.requireNonNull(thanksLink, "thanksLink");
        if (actionNumber < 1) {
            throw new IllegalArgumentException("actionNumber starts at 1");
        }
    }

    /** Builds the request for the {@code actionNumber}-th action (from 1) of {@code campaign}. */
    public static FormRequest of(SiteConfig site, Campaign campaign, int actionNumber, String formName) {
        Action action = campaign.actions().get(actionNumber - 1);
        String thanksPath = campaign.path() + "thanks/";
        return new FormRequest(site, campaign, action, actionNumber, campaignId(campaign), formName,
                FormField.forAction(action), site.absoluteUrl(campaign.path()), site.absoluteUrl(thanksPath),
                site.relativeUrl(thanksPath));
    }

    /** The site path of {@code campaign} without its leading and trailing slash. */
    public static String campaignId(Campaign campaign) {
        String path = campaign.path();
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.endsWith("/") ? path.length() - 1 : path.length();
        return path.substring(start, Math.max(start, end));
    }

    /** A site path ({@code /_broadside/count/x}) as a link usable in the page: the base path plus the path. */
    public String link(String sitePath) {
        return site.relativeUrl(sitePath);
    }

    public boolean has(SignerField field) {
        return fields.stream().anyMatch(f -> f.field() == field);
    }

    /**
     * The campaign's name shared by all its language versions: its translation key
     * ({@code stop-unjust-raids}), which names the campaign in every submission.
     */
    public String campaignKey() {
        return campaign.translation().key();
    }

    /**
     * The action's name on its page, the same in every language: its type, numbered by its place when
     * the page has two actions of that type ({@code petition}, {@code letter-2}).
     */
    public String actionId() {
        long sameType = campaign.actions().stream().filter(a -> a.type() == action.type()).count();
        return actionType() + (sameType > 1 ? "-" + actionNumber : "");
    }

    /** The campaign's title, in the page's language. */
    public String title() {
        return campaign.title();
    }

    /** The campaign's source file as problems name it, e.g. {@code content/es/x.md}. */
    public String sourceFile() {
        return campaign.file();
    }

    /** The page's language tag, e.g. {@code es}. */
    public String language() {
        return campaign.language();
    }

    /**
     * A name for this action's form shared by its language versions, made of lowercase ASCII letters,
     * digits and hyphens: the campaign key and the action id ({@code stop-unjust-raids-petition}).
     */
    public String sharedFormName() {
        String key = campaignKey().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (key.isEmpty()) {
            // a key written in another script: a stable name from its bytes
            key = "campaign-" + Integer.toHexString(campaignKey().hashCode());
        }
        return key + "-" + actionId();
    }

    /** The action's type as written in front matter: {@code petition}, {@code letter}, {@code call}, {@code statement}. */
    public String actionType() {
        return action.type().key();
    }
}
