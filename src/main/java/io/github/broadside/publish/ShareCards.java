package io.github.broadside.publish;

import com.ibm.icu.util.ULocale;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.Status;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.ShareImage;
import io.github.broadside.site.LanguageSite;
import io.github.broadside.workers.Workers;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The share cards the publish stage generates: each language's home card, and one per campaign
 * without an image of its own, drawn on the workers (or taken from the card cache, keyed by what
 * a card shows).
 */
final class ShareCards {
    private static final Map<Status, Color> STATUS_COLOURS = Map.of(Status.ACTIVE, new Color(0x0d6b2f),
            Status.CLOSED, new Color(0x5a5a5a), Status.WON, new Color(0x6b3fa0));

    /** A drawn share card: a file in the build cache, or its bytes when there is no cache. */
    record Card(String path, Optional<Path> cached, byte[] drawn) {
    }

    private final Publisher.Inputs in;

    ShareCards(Publisher.Inputs in) {
        this.in = in;
    }

    /** Every card of the site, in a fixed order; problems (no fonts) go to {@code problems}. */
    List<Card> draw(Problems problems) throws IOException {
        List<Font> fonts = SocialCard.loadFonts(in.theme().folders(), in.files(), problems);
        if (fonts.isEmpty()) {
            problems.add(Problem.warning(in.display().apply(in.theme().folders().get(0).resolve(SocialCard.FONTS)), 0,
                    0, "the theme has no fonts for share cards; they are drawn with the system's sans-serif font",
                    "add .ttf fonts to the theme's fonts/ folder (the default theme ships Noto Sans)"));
        }
        SocialCard drawer = new SocialCard(fonts);
        CardCache cache = in.cardCache().isPresent()
                ? CardCache.in(in.cardCache().get(), SocialCard.fontFiles(in.theme().folders(), in.files(), new Problems()))
                : CardCache.none();
        SiteConfig config = in.site().config();
        String organization = config.organization();
        List<Callable<Card>> jobs = new ArrayList<>();
        for (LanguageSite lang : in.site().languages()) {
            boolean rtl = ULocale.forLanguageTag(lang.language()).isRightToLeft();
            String title = config.localized(lang.language(), path -> path).title();
            SocialCard.Card home = new SocialCard.Card(title, "", Color.BLACK,
                    organization.isEmpty() ? config.baseUrl().getHost() : organization, rtl);
            jobs.add(() -> card(ShareImage.homeCard(lang).substring(1), home, drawer, cache));
            for (Campaign campaign : lang.campaigns()) {
                if (!ShareImage.generated(campaign)) {
                    continue;
                }
                String by = !campaign.organization().isEmpty() ? campaign.organization()
                        : organization.isEmpty() ? title : organization;
                SocialCard.Card card = new SocialCard.Card(campaign.title(),
                        in.messages().format(lang.language(), "status." + campaign.status().key(), Map.of()),
                        STATUS_COLOURS.get(campaign.status()), by, rtl);
                jobs.add(() -> card(ShareImage.sitePath(campaign, lang).substring(1), card, drawer, cache));
            }
        }
        List<Card> cards = Workers.call(jobs, in.threads());
        cache.prune();
        return cards;
    }

    private static Card card(String path, SocialCard.Card card, SocialCard drawer, CardCache cache) {
        Optional<Path> file = cache.file(card, drawer::png);
        return new Card(path, file, file.isPresent() ? new byte[0] : drawer.png(card));
    }
}
