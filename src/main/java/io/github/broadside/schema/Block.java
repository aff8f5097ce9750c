package io.github.broadside.schema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The keys one YAML block may have ({@code action:}, a target, {@code site.yml} itself), in the order
 * the documentation gives them. A parser warns about any key of a block that is not in
 * {@link #keys()}; see {@link Field}.
 *
 * @param name where the block sits, as problems and the schema name it ({@code action}, {@code target})
 */
public record Block(String name, List<Field> fields) {

    public Block {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        if (fields.stream().map(Field::name).distinct().count() != fields.size()) {
            throw new IllegalArgumentException(name + ": a key is defined twice");
        }
    }

    public static Block of(String name, Field... fields) {
        return new Block(name, List.of(fields));
    }

    /** The key names, in order. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        fields.forEach(f -> keys.add(f.name()));
        return keys;
    }

    public Optional<Field> field(String key) {
        return fields.stream().filter(f -> f.name().equals(key)).findFirst();
    }

    /** The allowed words of the choice {@code key}. */
    public List<String> values(String key) {
        return field(key).map(Field::values).orElseThrow(() -> new IllegalArgumentException(name + ": no " + key));
    }

    /** The block of the nested key {@code key}. */
    public Block block(String key) {
        return field(key).flatMap(Field::block).orElseThrow(() -> new IllegalArgumentException(name + ": no block "
                + key));
    }
}
