package io.github.broadside.forms;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A campaign's share links, built at build time as plain links: no third-party script, image or
 * request until the signer clicks one. The X/Twitter text names the campaign's {@code handles}
 * and passes its {@code hashtags}; no tracking parameters are added.
 *
 * @param url      the campaign page's absolute URL, which every link shares
 * @param x        X/Twitter web intent
 * @param facebook Facebook sharer
 * @param whatsapp WhatsApp click-to-chat with the title and URL
 * @param email    a {@code mailto:} link with the title as subject and summary plus URL as body
 */
public record ShareLinks(String url, String x, String facebook, String whatsapp, String email) {
    public ShareLinks {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(facebook, "facebook");
        Objects.requireNonNull(whatsapp, "whatsapp");
        Objects.requireNonNull(email, "email");
    }

    public static ShareLinks of(Campaign campaign, SiteConfig site) {
        String url = site.absoluteUrl(campaign.path());
        List<String> text = new ArrayList<>();
        text.add(campaign.title());
        text.addAll(campaign.handles());
        String x = "https://twitter.com/intent/tweet?text=" + encode(String.join(" ", text)) + "&url=" + encode(url);
        if (!campaign.hashtags().isEmpty()) {
            // The intent takes hashtags without '#', comma-separated.
            x += "&hashtags=" + encode(String.join(",", campaign.hashtags().stream().map(h -> h.substring(1)).toList()));
        }
        String facebook = "https://www.facebook.com/sharer/sharer.php?u=" + encode(url);
        String whatsapp = "https://wa.me/?text=" + encode(campaign.title() + " " + url);
        String body = campaign.summary().isEmpty() ? url : campaign.summary() + "\n\n" + url;
        String email = "mailto:?subject=" + encode(campaign.title()) + "&body=" + encode(body);
        return new ShareLinks(url, x, facebook, whatsapp, email);
    }

    /** Percent-encoding for a query value; spaces as %20, which mail clients and intents all read. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
