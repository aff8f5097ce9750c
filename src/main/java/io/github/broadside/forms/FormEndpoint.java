package io.github.broadside.forms;

import java.util.Optional;
import java.util.Set;

/**
 * A service that receives an action's signatures: Formspree, Netlify Forms, Action Network, a
 * webhook... Implementations are found with {@link java.util.ServiceLoader}: put a jar with the
 * class and a {@code META-INF/services/io.github.broadside.forms.FormEndpoint} file naming it on the
 * plugin's classpath, and {@code provider: <name>} in {@code site.yml} selects it.
 *
 * <p>At build time Broadside calls {@link #describe} once per action with the user's options; the
 * provider checks them, reporting problems through {@link ProviderOptions}, and answers with a
 * {@link FormSpec} that the theme renders. Implementations must be stateless and thread-safe, need a
 * public no-argument constructor, and must never need a secret: everything they return is published
 * in the page. See {@code docs/form-providers.md}.
 */
public interface FormEndpoint {

    /**
     * The name users write after {@code provider:}: lowercase letters, digits and hyphens,
     * e.g. {@code formspree}. Unique among the providers on the classpath.
     */
    String name();

    /** The option keys this provider reads; any other key the user writes is warned about. */
    Set<String> optionKeys();

    /**
     * Describes the form for one action.
     *
     * @param request the site, campaign, action and fields of the form
     * @param options the user's options, with typed reads and problem reporting
     * @return the form, or empty when the options are unusable (after reporting why)
     */
    Optional<FormSpec> describe(FormRequest request, ProviderOptions options);
}
