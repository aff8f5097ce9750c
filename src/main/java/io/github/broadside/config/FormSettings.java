package io.github.broadside.config;

import io.github.broadside.yaml.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A form provider chosen in configuration, with its options as written: {@code site.yml}'s
 * {@code forms:} block or a campaign's {@code action.form:} override. Values are kept unvalidated
 * here; the provider itself checks them at build time (see {@code io.github.broadside.forms}).
 *
 * @param provider the provider's name ({@code formspree}); empty in an {@code action.form:} block
 *                 that only changes options of the site's provider
 * @param file     where the block was written, as shown to users
 * @param line     line of the block's {@code provider:} key, or of the block when it has none
 */
public record FormSettings(Optional<String> provider, List<FormOption> options, String file, int line, int column) {
    /** The key naming the provider; every other key of the block is one of its options. */
    public static final String PROVIDER_KEY = "provider";

    public FormSettings {
        Objects.requireNonNull(provider, "provider");
        options = List.copyOf(options);
        Objects.requireNonNull(file, "file");
    }

    /** Reads a {@code forms:} / {@code form:} block. Nested blocks deeper than one level are reported. */
    public static FormSettings read(YamlMap block) {
        Optional<String> provider = block.string(PROVIDER_KEY);
        List<FormOption> options = new ArrayList<>();
        for (String key : block.keys()) {
            if (key.equals(PROVIDER_KEY)) {
                continue;
            }
            Optional<FormOption.Value> value;
            if (block.isMap(key)) {
                value = block.map(key).map(FormSettings::textMap);
            } else if (block.isList(key)) {
                value = Optional.of(new FormOption.TextList(block.strings(key)));
            } else {
                value = block.string(key).map(FormOption.Text::new);
            }
            value.ifPresent(v -> options.add(new FormOption(key, v, block.file(), block.lineOf(key),
                    block.columnOf(key))));
        }
        return new FormSettings(provider, options, block.file(), block.lineOf(PROVIDER_KEY),
                block.columnOf(PROVIDER_KEY));
    }

    private static FormOption.Value textMap(YamlMap map) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String key : map.keys()) {
            map.string(key).ifPresent(text -> entries.put(key, text));
        }
        return new FormOption.TextMap(entries);
    }

    /** The option named {@code key}, if written. */
    public Optional<FormOption> option(String key) {
        return options.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    /**
     * These settings with {@code override} applied: an override naming another provider replaces
     * them; one naming no provider (or the same) keeps this provider and replaces single options.
     */
    public FormSettings overriddenBy(FormSettings override) {
        if (override.provider.isPresent() && !override.provider.equals(provider)) {
            return override;
        }
        Map<String, FormOption> merged = new LinkedHashMap<>();
        options.forEach(o -> merged.put(o.key(), o));
        override.options.forEach(o -> merged.put(o.key(), o));
        return new FormSettings(provider.or(override::provider), List.copyOf(merged.values()), file, line, column);
    }
}
