package io.github.broadside.publish;

import io.github.broadside.files.ProjectFiles;
import io.github.broadside.problem.Problems;

import io.github.broadside.config.Origin;
import io.github.broadside.content.Campaign;
import io.github.broadside.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the file a user edits to change something found in a published file: the campaign whose
 * Markdown wrote a third-party image, the template that links a web font, the stylesheet that imports
 * one. Problems about published files name that source and line, not the generated page.
 *
 * <p>The search goes from the most to the least specific: the published file's own source (its
 * campaign, its theme asset, its static file), then any campaign, then the theme's templates, then
 * {@code site.yml}. A text is found by the address itself or, failing that, by its host name.
 */
final class Sources {
    /** A place in a source file; line 0 when the text was not found in it. */
    record Location(String file, int line) {
    }

    private final Map<String, Campaign> campaignOfPage = new HashMap<>();
    private final List<Campaign> campaigns;
    private final Map<String, Path> ownSources = new HashMap<>();
    private final List<Path> sharedSources = new ArrayList<>();
    private final Path projectDir;
    private final Function<Path, String> display;
    private final Map<Path, String> texts = new ConcurrentHashMap<>();
    /** Where a text is found outside the page's own sources; the same for every page, so searched once. */
    private final Map<String, Optional<Location>> elsewhere = new ConcurrentHashMap<>();
    private final String outputDisplay;

    /**
     * @param pageFiles       site path of a page to its file in the site folder ({@code /x/} to
     *                        {@code x/index.html}), as the render stage names them
     * @param ownSources      files in the site folder copied or made from one source file (assets, static files)
     * @param templateFolders the theme's template folders, most specific first
     * @param outputDisplay   how the site folder is named in problems, e.g. {@code site}
     */
    Sources(Site site, Function<String, String> pageFiles, Map<String, Path> ownSources, List<Path> templateFolders,
            Path siteYml, Path projectDir, Function<Path, String> display, String outputDisplay) {
        this.campaigns = site.allPages();
        for (Campaign campaign : campaigns) {
            campaignOfPage.put(pageFiles.apply(campaign.path()), campaign);
            for (String alias : campaign.aliases()) {
                campaignOfPage.put(pageFiles.apply(alias), campaign);
            }
        }
        this.ownSources.putAll(ownSources);
        for (Path folder : templateFolders) {
            // Links were refused when the theme was opened; an unreadable folder only makes locations less precise.
            sharedSources.addAll(ProjectFiles.trusting(folder).walk(folder, new Problems()));
        }
        sharedSources.add(siteYml);
        this.projectDir = projectDir;
        this.display = display;
        this.outputDisplay = outputDisplay;
    }

    /** Where {@code needle}, found in the published file {@code file}, most likely comes from. */
    Location locate(String file, String needle) {
        List<String> needles = new ArrayList<>();
        needles.add(needle);
        Origin.parse(needle).ifPresent(o -> needles.add(o.host()));
        Map<Path, String> own = new LinkedHashMap<>();
        Optional.ofNullable(ownSources.get(file)).ifPresent(p -> own.put(p, display.apply(p)));
        Optional.ofNullable(campaignOfPage.get(file)).ifPresent(c -> own.put(source(c), c.file()));
        for (String text : needles) {
            Optional<Location> found = firstIn(own, text)
                    .or(() -> elsewhere.computeIfAbsent(text, t -> firstIn(everySource(), t)));
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (ownSources.containsKey(file)) {
            return new Location(display.apply(ownSources.get(file)), 0);
        }
        Campaign campaign = campaignOfPage.get(file);
        return campaign != null ? new Location(campaign.file(), 0) : new Location(outputDisplay + "/" + file, 0);
    }

    private Optional<Location> firstIn(Map<Path, String> candidates, String needle) {
        for (Map.Entry<Path, String> candidate : candidates.entrySet()) {
            int line = lineOf(text(candidate.getKey()), needle);
            if (line > 0) {
                return Optional.of(new Location(candidate.getValue(), line));
            }
        }
        return Optional.empty();
    }

    /** Every campaign's source, then the templates and site.yml, in the order a search prefers them. */
    private Map<Path, String> everySource() {
        Map<Path, String> candidates = new LinkedHashMap<>();
        for (Campaign campaign : campaigns) {
            candidates.putIfAbsent(source(campaign), campaign.file());
        }
        for (Path shared : sharedSources) {
            candidates.putIfAbsent(shared, display.apply(shared));
        }
        return candidates;
    }

    /** The first template line containing {@code needle}, for code that only a template can have written. */
    Optional<Location> inTemplates(String needle) {
        for (Path file : sharedSources.subList(0, sharedSources.size() - 1)) {
            int line = lineOf(text(file), needle);
            if (line > 0) {
                return Optional.of(new Location(display.apply(file), line));
            }
        }
        return Optional.empty();
    }

    private Path source(Campaign campaign) {
        return projectDir.resolve(campaign.file());
    }

    private String text(Path file) {
        return texts.computeIfAbsent(file, f -> {
            try {
                return Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.size(f) < 4_000_000
                        ? new String(Files.readAllBytes(f), StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "";
            }
        });
    }

    static int lineOf(String text, String needle) {
        int at = needle.isEmpty() ? -1 : text.indexOf(needle);
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
