package io.github.broadside.incremental;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.forms.ShareLinks;
import io.github.broadside.site.Site;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Each campaign's share links, kept while the campaign (same instance) and the configuration stay:
 * making them (URL encoding) for every page was a fifth of a relink at 10,000 pages, and the same
 * instance makes comparing template variables quick.
 */
final class ShareLinkCache {
    private final Map<Campaign, ShareLinks> links = new IdentityHashMap<>();
    private SiteConfig config;

    /** {@code campaign}'s share links under {@code current}. */
    ShareLinks of(Campaign campaign, SiteConfig current) {
        if (config != current) {
            links.clear();
            config = current;
        }
        return links.computeIfAbsent(campaign, c -> ShareLinks.of(c, current));
    }

    /** Forgets the share links of {@code replaced} campaigns. */
    void forget(Collection<Campaign> replaced) {
        Set<Campaign> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(replaced);
        links.keySet().removeAll(gone);
    }

    /** Forgets the share links of pages {@code site} no longer has. */
    void keepOnly(Site site) {
        Set<Campaign> current = Collections.newSetFromMap(new IdentityHashMap<>());
        current.addAll(site.allPages());
        links.keySet().retainAll(current);
    }
}
