package io.github.broadside.site;

import io.github.broadside.content.Campaign;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Part of the link stage: checks the earlier addresses of pages ({@code aliases:} in front matter).
 * A redirect is a page written at the alias's address, so it may not take the address of a page
 * that exists (a campaign, a page, a home, a term page, a thank-you page, the "cover your tracks"
 * page, a language's {@code 404.html}, in either spelling: {@code /x/} or {@code /x/index.html}),
 * of another redirect, or of the site's own folders, since one of the two would silently replace
 * the other. File names the build writes ({@code robots.txt}, {@code feed.xml}, {@code card.png},
 * {@code _headers}) are refused earlier, as alias syntax ({@code CampaignParser}).
 */
final class AliasCheck {
    private static final String INDEX = "index.html";
    private static final String HINT_TAKEN = "remove it from 'aliases:'; a redirect cannot replace a published page";

    private AliasCheck() {
    }

    static void check(List<LanguageSite> sites, Problems problems) {
        Map<String, String> taken = new HashMap<>();
        for (LanguageSite lang : sites) {
            taken.put(file(lang.homePath()), "the home page");
            taken.put(file(lang.homePath() + "tags/"), "the tags page");
            taken.put(file(lang.homePath() + "categories/"), "the categories page");
            taken.put(lang.homePath().substring(1) + "404.html", "the 'not found' page");
            taken.put(file(lang.homePath() + "cover-your-tracks/"), "the 'cover your tracks' page");
            for (Campaign c : concat(lang.campaigns(), lang.pages())) {
                taken.put(file(c.path()), "the page of " + c.file());
                if (c.isCampaign() && !c.actions().isEmpty()) {
                    taken.put(file(c.path() + "thanks/"), "the thank-you page of " + c.file());
                }
            }
            lang.tags().forEach(t -> taken.put(file(t.path()), "a tag page"));
            lang.categories().forEach(t -> taken.put(file(t.path()), "a category page"));
        }
        taken.putIfAbsent(INDEX, "the language chooser");
        Map<String, Campaign> seen = new HashMap<>();
        for (LanguageSite lang : sites) {
            for (Campaign campaign : concat(lang.campaigns(), lang.pages())) {
                for (String alias : campaign.aliases()) {
                    int line = campaign.aliasLine(alias);
                    String file = file(alias);
                    String first = alias.substring(1).split("/", 2)[0];
                    if (taken.containsKey(file)) {
                        problems.add(Problem.error(campaign.file(), line, 0,
                                "the alias '" + alias + "' is the address of a page that exists: " + taken.get(file), HINT_TAKEN));
                    } else if (SiteLinker.RESERVED.contains(first) && alias.indexOf('/', 1) > 0) {
                        problems.add(Problem.error(campaign.file(), line, 0,
                                "the alias '" + alias + "' is inside the site's own folder /" + first + "/",
                                "remove it from 'aliases:'"));
                    } else if (inPagesFolder(sites, alias)) {
                        // Later pages of a home list (/page/2/, /es/page/2/) come and go as the site grows.
                        problems.add(Problem.error(campaign.file(), line, 0,
                                "the alias '" + alias + "' is inside a folder of the home page's numbered pages ("
                                        + pagesFolder(sites, alias) + ")",
                                "remove it from 'aliases:'; addresses there are kept for the list's later pages"));
                    } else {
                        Campaign other = seen.putIfAbsent(file, campaign);
                        if (other != null && other != campaign) {
                            problems.add(Problem.error(campaign.file(), line, 0,
                                    "the alias '" + alias + "' is also an alias of " + other.file(),
                                    "an old address can lead to one page only; remove it from one of them"));
                        }
                    }
                }
            }
        }
    }

    /** Whether {@code alias} lies in a language's {@code page/} folder, where its home's later pages go. */
    private static boolean inPagesFolder(List<LanguageSite> sites, String alias) {
        return !pagesFolder(sites, alias).isEmpty();
    }

    private static String pagesFolder(List<LanguageSite> sites, String alias) {
        for (LanguageSite lang : sites) {
            String folder = lang.homePath() + LanguageSite.PAGES_FOLDER + "/";
            if (alias.startsWith(folder) || alias.equals(folder.substring(0, folder.length() - 1))) {
                return folder;
            }
        }
        return "";
    }

    /** The file a site path is written to: {@code /x/} and {@code /x/index.html} are one address. */
    static String file(String sitePath) {
        String path = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        return path.isEmpty() || path.endsWith("/") ? path + INDEX : path;
    }

    private static List<Campaign> concat(List<Campaign> a, List<Campaign> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
