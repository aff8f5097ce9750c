package io.github.broadside.incremental;

import io.github.broadside.Pipeline;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.forms.ActionForm;
import io.github.broadside.forms.FormPlan;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.site.Site;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serve's forms stage: each campaign's forms as the {@link Pipeline}'s forms stage plans them, kept
 * while the campaign (the same instance) and the site's configuration stay, so that an edit plans
 * again only the forms of the pages it changed.
 */
final class FormCache {
    private final Pipeline pipeline;
    /** Each campaign's planned forms, by file. */
    private final Map<String, PlannedForms> byFile = new HashMap<>();
    private SiteConfig config;
    /** The forms of the site as last planned. */
    private FormPlan forms = FormPlan.empty();
    private List<Problem> problems = List.of();

    FormCache(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    private record PlannedForms(Campaign campaign, List<ActionForm> forms, List<Problem> problems) {
    }

    /** The problems of the forms as last planned, sorted. */
    List<Problem> problems() {
        return problems;
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /**
     * The forms of every campaign of {@code linked}, planned again only for campaigns that changed
     * since they were planned (or all, when the configuration changed).
     */
    FormPlan plan(Site linked, SiteConfig current) {
        if (config != current) {
            byFile.clear();
            config = current;
        }
        Map<String, List<ActionForm>> formsByPath = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Campaign campaign : linked.allPages()) {
            if (!campaign.isCampaign() || campaign.actions().isEmpty()) {
                continue;
            }
            PlannedForms planned = byFile.get(campaign.file());
            if (planned == null || planned.campaign() != campaign) {
                planned = plan(linked, campaign);
            }
            seen.add(campaign.file());
            formsByPath.put(campaign.path(), planned.forms());
        }
        byFile.keySet().retainAll(seen);
        problems = collectProblems();
        forms = FormPlan.of(formsByPath);
        return forms;
    }

    /**
     * {@link #plan} after only {@code changed} (pages of {@code linked} that replaced versions which
     * linked alike, so that their paths and whether they have actions stay) changed.
     */
    FormPlan replan(Site linked, Collection<Campaign> changed) {
        boolean problemsChanged = false;
        Map<String, List<ActionForm>> again = new HashMap<>();
        for (Campaign campaign : changed) {
            if (campaign.isCampaign() && !campaign.actions().isEmpty()) {
                PlannedForms old = byFile.get(campaign.file());
                PlannedForms planned = plan(linked, campaign);
                again.put(campaign.path(), planned.forms());
                problemsChanged |= old == null || !old.problems().equals(planned.problems());
            }
        }
        if (problemsChanged) {
            problems = collectProblems();
        }
        forms = forms.replacing(again);
        return forms;
    }

    private PlannedForms plan(Site linked, Campaign campaign) {
        Problems own = new Problems();
        List<ActionForm> planned = pipeline.forms(linked.config(), campaign, own);
        PlannedForms result = new PlannedForms(campaign, planned, own.sorted());
        byFile.put(campaign.file(), result);
        return result;
    }

    private List<Problem> collectProblems() {
        Problems all = new Problems();
        pipeline.formNotes(all);
        byFile.values().stream().filter(p -> !p.problems().isEmpty()).forEach(p -> all.addAll(p.problems()));
        return all.sorted();
    }
}
