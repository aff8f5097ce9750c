package io.github.broadside.incremental;

import io.github.broadside.content.Campaign;
import io.github.broadside.render.CampaignReads;
import io.github.broadside.render.PageRenderer;
import io.github.broadside.site.Site;
import io.github.broadside.site.SiteLinker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Which pages an edit makes serve render again, two ways. After a relink of the whole site:
 * everything on a full build; otherwise new pages, pages that failed last time, pages whose own
 * template variables changed (the site-wide {@code lang} and {@code languages} left aside), the home
 * and index pages of a language with a changed campaign, and the translations of changed pages.
 * After a patch of the linked site (pages that {@linkplain SiteLinker#linksAlike link alike}): the
 * pages' own jobs and their translations', the term pages a campaign joined or left, the list pages
 * when a campaign moved or changed in what list pages read ({@link CampaignReads}), and the
 * translations whose staleness changed.
 */
final class AffectedPages {
    private AffectedPages() {
    }

    /** The jobs of {@code next} to render after the whole site was linked again into {@code linked}. */
    static List<PageRenderer.Job> afterRelink(Site previous, Site linked, Map<String, PageRenderer.Job> next,
            boolean full, Map<String, PageRenderer.Job> jobs, Set<String> failed) {
        if (full || previous == null) {
            return List.copyOf(next.values());
        }
        Map<String, Campaign> before = byFile(previous);
        Map<String, Campaign> after = byFile(linked);
        Set<String> languagesWithChangedCampaigns = new HashSet<>();
        Set<String> changedSourcePaths = new HashSet<>();
        Set<String> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String file : all) {
            Campaign old = before.get(file);
            Campaign now = after.get(file);
            if (Objects.equals(old, now)) {
                continue;
            }
            for (Campaign version : Arrays.asList(old, now)) {
                if (version != null) {
                    changedSourcePaths.add(version.sourcePath());
                    if (version.isCampaign()) {
                        languagesWithChangedCampaigns.add(version.language());
                    }
                }
            }
        }
        List<PageRenderer.Job> out = new ArrayList<>();
        for (PageRenderer.Job job : next.values()) {
            PageRenderer.Job old = jobs.get(job.path());
            boolean listOfChangedLanguage = (job.template().equals("home") || job.template().equals("terms"))
                    && languagesWithChangedCampaigns.contains(job.language());
            boolean translation = job.campaign().map(c -> changedSourcePaths.contains(c.sourcePath())).orElse(false);
            if (old == null || failed.contains(job.path()) || !sameOwnContext(old, job)
                    || !old.template().equals(job.template()) || listOfChangedLanguage || translation) {
                out.add(job);
            }
        }
        return out;
    }

    /**
     * What a patch renders.
     *
     * @param jobs the jobs to render, by output path
     * @param gone output paths of term pages left empty
     */
    record Patch(Map<String, PageRenderer.Job> jobs, Set<String> gone) {
    }

    /**
     * The jobs after {@code site} was patched into {@code linked} by {@code replacements} (old
     * version to new), with {@code renderer} over {@code linked}; {@code listReads} are the campaign
     * attributes the list pages read.
     */
    static Patch afterPatch(Site site, Site linked, Map<Campaign, Campaign> replacements, PageRenderer renderer,
            Set<String> listReads) {
        Map<String, PageRenderer.Job> affected = new LinkedHashMap<>();
        Set<String> gone = new TreeSet<>();
        Consumer<List<PageRenderer.Job>> add = list -> list.forEach(j -> affected.put(j.path(), j));
        for (Map.Entry<Campaign, Campaign> change : replacements.entrySet()) {
            Campaign now = change.getValue();
            linked.translationsOf(now).forEach(version -> add.accept(renderer.ownJobs(version)));
            // A list page shows what its templates read of a campaign, in the order of the list.
            if (!SiteLinker.sameListPlace(change.getKey(), now)
                    || CampaignReads.differ(listReads, change.getKey(), now)) {
                linked.languages().forEach(lang -> add.accept(renderer.listJobs(lang, now)));
            }
            Campaign old = change.getKey();
            if (!old.tags().equals(now.tags()) || !old.categories().equals(now.categories())) {
                // Terms it joined or left, and their counts in the indexes; a term left empty goes.
                linked.language(now.language()).ifPresent(lang -> add.accept(renderer.termJobs(lang, old, now)));
                termPaths(site, now.language()).stream().filter(p -> !termPaths(linked, now.language()).contains(p))
                        .forEach(gone::add);
            }
        }
        // A translation's notice shows whether, and of what version of its source, it is stale.
        Map<String, Campaign> staleBefore = staleSources(site);
        Map<String, Campaign> staleNow = staleSources(linked);
        Set<String> staleChanged = new HashSet<>(staleBefore.keySet());
        staleChanged.addAll(staleNow.keySet());
        staleChanged.removeIf(path -> staleBefore.get(path) == staleNow.get(path));
        staleChanged.forEach(path -> linked.translations().published(path)
                .ifPresent(page -> add.accept(renderer.ownJobs(page))));
        return new Patch(affected, gone);
    }

    /** Whether two jobs' template variables are equal, the site-wide {@code lang} and {@code languages} left aside. */
    private static boolean sameOwnContext(PageRenderer.Job a, PageRenderer.Job b) {
        Map<String, Object> x = a.context();
        Map<String, Object> y = b.context();
        if (x.size() != y.size()) {
            return false;
        }
        for (Map.Entry<String, Object> entry : x.entrySet()) {
            String key = entry.getKey();
            if (!key.equals("lang") && !key.equals("languages")
                    && (!y.containsKey(key) || !Objects.equals(entry.getValue(), y.get(key)))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Campaign> byFile(Site site) {
        Map<String, Campaign> out = new HashMap<>();
        site.allPages().forEach(c -> out.put(c.file(), c));
        return out;
    }

    /** The output files of the tag and category pages of {@code language}. */
    private static Set<String> termPaths(Site site, String language) {
        Set<String> out = new HashSet<>();
        site.language(language).ifPresent(lang -> Stream.concat(lang.tags().stream(),
                lang.categories().stream()).forEach(t -> out.add(t.path().substring(1) + "index.html")));
        return out;
    }

    /** Stale translations by content path, with the version of the source they are stale against. */
    private static Map<String, Campaign> staleSources(Site site) {
        Map<String, Campaign> out = new HashMap<>();
        site.translations().stale().forEach(s -> out.put(s.translation().contentPath(), s.source()));
        return out;
    }
}
