package io.github.broadside.content;

import java.util.List;
import io.github.broadside.config.FormSettings;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One thing a campaign asks readers to do (sign, call, join), with its audience label, goal, count
 * and targets. Markdown fields ({@code intro}, {@code script}) are kept as written; the render stage
 * turns them into HTML. Empty strings mean not given.
 *
 * @param form        this action's own form provider or provider options ({@code form:}), overriding
 *                    site.yml's {@code forms:}
 * @param optIn       whether the form offers a separate "send me news" checkbox
 * @param signatories names shown publicly under a sign-on letter
 */
public record Action(
        ActionType type,
        String label,
        String cta,
        OptionalLong goal,
        OptionalLong count,
        List<Target> targets,
        String intro,
        String script,
        String findRepresentativeUrl,
        Optional<FormSettings> form,
        boolean optIn,
        List<Signatory> signatories) {

    public Action {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(cta, "cta");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(count, "count");
        targets = List.copyOf(targets);
        Objects.requireNonNull(intro, "intro");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(findRepresentativeUrl, "findRepresentativeUrl");
        Objects.requireNonNull(form, "form");
        signatories = List.copyOf(signatories);
    }

    /** An action without a form override, news opt-in or signatories. */
    public Action(ActionType type, String label, String cta, OptionalLong goal, OptionalLong count,
            List<Target> targets, String intro, String script, String findRepresentativeUrl) {
        this(type, label, cta, goal, count, targets, intro, script, findRepresentativeUrl, Optional.empty(), false,
                List.of());
    }

    public boolean hasGoal() {
        return goal.isPresent();
    }

    /** The goal, or 0 when none is set (templates test {@link #hasGoal()} first). */
    public long goalValue() {
        return goal.orElse(0);
    }

    public long countValue() {
        return count.orElse(0);
    }

    /** Progress towards the goal in whole percent, capped at 100. */
    public int percent() {
        if (goal.isEmpty() || goal.getAsLong() == 0) {
            return 0;
        }
        return (int) Math.min(100, countValue() * 100 / goal.getAsLong());
    }
}
