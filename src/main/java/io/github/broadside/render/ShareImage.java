package io.github.broadside.render;

import io.github.broadside.content.Campaign;
import io.github.broadside.site.LanguageSite;

/**
 * The picture a shared link shows (Open Graph / Twitter card): the campaign's own image when it has
 * one, otherwise a card generated at build time and published beside the page as {@value #CARD}.
 * Pages that are not campaigns share their language's home card. The templates and the publish
 * stage both ask this class, so the {@code og:image} address and the generated file always agree.
 */
public final class ShareImage {
    /** File name of a generated card, in the folder of the page it belongs to. */
    public static final String CARD = "card.png";
    /** Size of a generated card: the 1.91:1 format Open Graph and Twitter show large. */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;

    private ShareImage() {
    }

    /** Whether {@code campaign} gets a generated card (a campaign with no image of its own). */
    public static boolean generated(Campaign campaign) {
        return campaign.isCampaign() && campaign.image().isEmpty();
    }

    /** The site path (or external URL) of the picture shown when {@code campaign}'s page is shared. */
    public static String sitePath(Campaign campaign, LanguageSite lang) {
        if (campaign.image().isPresent()) {
            return campaign.image().get().src();
        }
        return campaign.isCampaign() ? campaign.path() + CARD : homeCard(lang);
    }

    /** The site path of a language's home card, shared by its pages that have no card of their own. */
    public static String homeCard(LanguageSite lang) {
        return lang.homePath() + CARD;
    }
}
