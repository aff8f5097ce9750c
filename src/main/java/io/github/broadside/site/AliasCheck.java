package io.github.broadside.site;

import io.github.broadside.content.Campaign;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Part of the link stage: checks the earlier addresses of pages ({@code aliases:} in front matter).
 * A redirect may not take the address of a page that exists, of another redirect, or of the site's
 * own folders, since one of the two would silently win on the host.
 */
final class AliasCheck {
    private AliasCheck() {
    }

    static void check(List<LanguageSite> sites, Problems problems) {
        Set<String> taken = new HashSet<>();
        for (LanguageSite lang : sites) {
            taken.add(lang.homePath());
            taken.add(lang.homePath() + "tags/");
            taken.add(lang.homePath() + "categories/");
            lang.campaigns().forEach(c -> taken.add(c.path()));
            lang.pages().forEach(c -> taken.add(c.path()));
            lang.tags().forEach(t -> taken.add(t.path()));
            lang.categories().forEach(t -> taken.add(t.path()));
        }
        Map<String, Campaign> seen = new HashMap<>();
        for (LanguageSite lang : sites) {
            for (Campaign campaign : concat(lang.campaigns(), lang.pages())) {
                for (String alias : campaign.aliases()) {
                    String first = alias.substring(1).split("/", 2)[0];
                    if (taken.contains(alias)) {
                        problems.add(Problem.error(campaign.file(), 0, 0,
                                "the alias '" + alias + "' is the address of a page that exists",
                                "remove it from 'aliases:'; a redirect cannot replace a published page"));
                    } else if (SiteLinker.RESERVED.contains(first) && alias.indexOf('/', 1) > 0) {
                        problems.add(Problem.error(campaign.file(), 0, 0,
                                "the alias '" + alias + "' is inside the site's own folder /" + first + "/",
                                "remove it from 'aliases:'"));
                    } else {
                        Campaign other = seen.putIfAbsent(alias, campaign);
                        if (other != null && other != campaign) {
                            problems.add(Problem.error(campaign.file(), 0, 0,
                                    "the alias '" + alias + "' is also an alias of " + other.file(),
                                    "an old address can lead to one page only; remove it from one of them"));
                        }
                    }
                }
            }
        }
    }

    private static List<Campaign> concat(List<Campaign> a, List<Campaign> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
