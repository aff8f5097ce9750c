package io.github.broadside.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a {@link FormEndpoint} wants an action's {@code <form>} to be: where and how it posts, the
 * names its service expects for each canonical field, the hidden fields and extra {@code <form>}
 * attributes it needs, its spam honeypot, how success is recognised, the origins the page's
 * Content-Security-Policy must allow, and where a live count can be read.
 *
 * <p>Immutable; build one with {@link #builder(String)}. The theme renders every form the same way
 * from this description, so a provider never writes HTML. A canonical field the provider gives no
 * name is left out of the form, except consent, which is always shown (and sent only when named).
 *
 * @param action             the URL the form posts to: absolute, or a link inside the site
 * @param method             {@code post} (or {@code get}, which the build warns about)
 * @param attributes         extra {@code <form>} attributes, e.g. {@code data-netlify="true"}
 * @param hiddenFields       hidden inputs in page order, name to value
 * @param fieldNames         canonical field to the name the service expects
 * @param checkedValues      value a ticked checkbox sends, when not {@code yes}
 * @param jsonPointers       for {@link Encoding#JSON}: input name to the JSON pointer its value is
 *                           written at ({@code /person/given_name}); default {@code /<name>}
 * @param jsonBase           for {@link Encoding#JSON}: the JSON object fields are written into,
 *                           e.g. {@code {"add_tags":["raids"]}}
 * @param honeypotField      the name of the field bots fill and people leave empty, when the
 *                           service filters on one; the script checks it either way
 * @param minimumFillSeconds how soon after page load the script lets a submission through
 * @param redirectField      the hidden field that tells the service where to send the signer after
 *                           a plain submission (Formspree's {@code _next}), when there is one
 * @param formActionOrigins  origins for the CSP {@code form-action} directive ({@code 'self'} for the site)
 * @param connectOrigins     origins for the CSP {@code connect-src} directive (the script's fetch)
 * @param liveCount          where the script can read a live count, if the service offers one
 * @param fallbackUrl        where signers without JavaScript can act instead, for JSON-only services
 * @param queryFields        hidden fields the script fills from the page address's query: input name to
 *                           parameter ({@code source} → {@code source}, {@code utm_source} → {@code utm_source})
 * @param consentWordingField the hidden field that carries the consent box's wording as shown, when the
 *                           service records it
 * @param identifiesAction   whether each submission tells the service which campaign and action it is
 *                           for (hidden fields, tags, a mapped question); where two actions share one
 *                           form of the service and this is false, their signatures cannot be told apart
 * @param subscribesEveryone whether the service adds every signer to the mailing list whatever they
 *                           tick (Action Network): no opt-in box is then shown, and the page says so
 * @param neededFields       fields the service requires that the action's form may not ask for (Action
 *                           Network needs an email address or a phone number for every person): the
 *                           form then asks for them, required
 * @param formats            how the script writes a field's value before sending it: {@code digits}
 *                           (a phone number as Action Network wants it)
 */
public record FormSpec(
        String action,
        String method,
        Encoding encoding,
        ResponseHandling response,
        Map<String, String> attributes,
        Map<String, String> hiddenFields,
        Map<SignerField, String> fieldNames,
        Map<SignerField, String> checkedValues,
        Map<String, String> jsonPointers,
        String jsonBase,
        Optional<String> honeypotField,
        int minimumFillSeconds,
        Optional<String> redirectField,
        List<String> formActionOrigins,
        List<String> connectOrigins,
        Optional<LiveCount> liveCount,
        Optional<String> fallbackUrl,
        Map<String, String> queryFields,
        Optional<String> consentWordingField,
        boolean identifiesAction,
        boolean subscribesEveryone,
        List<SignerField> neededFields,
        Map<SignerField, String> formats) {

    /** The default minimum fill time: long enough to stop naive bots, short enough for autofill. */
    public static final int DEFAULT_MINIMUM_FILL_SECONDS = 3;

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_:.-]*");
    /** Attributes the theme sets itself, or that would let a provider run script or style inline. */
    private static final Set<String> RESERVED_ATTRIBUTES = Set.of("action", "method", "id", "class", "style",
            "enctype", "novalidate", "target", "accept-charset", "hidden");
    private static final Pattern ORIGIN = Pattern.compile("'self'|https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?"
            + "|\\[[0-9A-Fa-f:]+\\](:[0-9]{1,5})?");

    public FormSpec {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(jsonBase, "jsonBase");
        Objects.requireNonNull(honeypotField, "honeypotField");
        Objects.requireNonNull(redirectField, "redirectField");
        Objects.requireNonNull(liveCount, "liveCount");
        Objects.requireNonNull(fallbackUrl, "fallbackUrl");
        Objects.requireNonNull(consentWordingField, "consentWordingField");
        queryFields = ordered(queryFields);
        neededFields = List.copyOf(neededFields);
        formats = Collections.unmodifiableMap(new EnumMap<>(fieldsOrEmpty(formats)));
        for (String format : formats.values()) {
            if (!format.equals("digits")) {
                throw new IllegalArgumentException("unknown field format '" + format + "' (known: digits)");
            }
        }
        attributes = ordered(attributes);
        hiddenFields = ordered(hiddenFields);
        fieldNames = Collections.unmodifiableMap(new EnumMap<>(fieldsOrEmpty(fieldNames)));
        checkedValues = Collections.unmodifiableMap(new EnumMap<>(fieldsOrEmpty(checkedValues)));
        jsonPointers = ordered(jsonPointers);
        formActionOrigins = List.copyOf(formActionOrigins);
        connectOrigins = List.copyOf(connectOrigins);
        if (action.isBlank()) {
            throw new IllegalArgumentException("the form's action URL is empty");
        }
        method = method.toLowerCase(Locale.ROOT);
        if (!method.equals("post") && !method.equals("get")) {
            throw new IllegalArgumentException("the form's method must be post or get, not " + method);
        }
        for (String name : attributes.keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!ATTRIBUTE_NAME.matcher(name).matches() || RESERVED_ATTRIBUTES.contains(lower)
                    || lower.startsWith("on") || lower.startsWith("data-bs-")) {
                throw new IllegalArgumentException("the <form> attribute '" + name + "' is not allowed");
            }
        }
        Set<String> names = new HashSet<>();
        for (String name : fieldNames.values()) {
            requireName(name, names);
        }
        for (String name : hiddenFields.keySet()) {
            requireName(name, names);
        }
        honeypotField.ifPresent(name -> requireName(name, names));
        for (Map.Entry<String, String> pointer : jsonPointers.entrySet()) {
            if (!pointer.getValue().startsWith("/")) {
                throw new IllegalArgumentException("the JSON pointer for '" + pointer.getKey()
                        + "' must start with '/': " + pointer.getValue());
            }
        }
        for (Map.Entry<SignerField, String> checked : checkedValues.entrySet()) {
            if (!checked.getKey().isCheckbox()) {
                throw new IllegalArgumentException(checked.getKey().key() + " is not a checkbox");
            }
        }
        for (String name : queryFields.keySet()) {
            if (!hiddenFields.containsKey(name)) {
                throw new IllegalArgumentException("the query field '" + name + "' must be one of the hidden fields");
            }
        }
        consentWordingField.ifPresent(name -> requireName(name, names));
        if (redirectField.isPresent() && !hiddenFields.containsKey(redirectField.get())) {
            throw new IllegalArgumentException("the redirect field '" + redirectField.get()
                    + "' must be one of the hidden fields");
        }
        String base = jsonBase.strip();
        if (!base.startsWith("{") || !base.endsWith("}")) {
            throw new IllegalArgumentException("the JSON base must be a JSON object: " + jsonBase);
        }
        if (minimumFillSeconds < 0 || minimumFillSeconds > 60) {
            throw new IllegalArgumentException("the minimum fill time must be 0 to 60 seconds");
        }
        for (String origin : concat(formActionOrigins, connectOrigins)) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("'" + origin + "' is not a CSP origin such as https://example.org");
            }
        }
    }

    /** Starts a description of a form posting to {@code action}. */
    public static Builder builder(String action) {
        return new Builder(action);
    }

    /** The input name for {@code field}, if the provider sends it. */
    public Optional<String> nameOf(SignerField field) {
        return Optional.ofNullable(fieldNames.get(field));
    }

    /** The value a ticked {@code checkbox} sends: the provider's, or {@code yes}. */
    public String checkedValue(SignerField checkbox) {
        return checkedValues.getOrDefault(checkbox, "yes");
    }

    /** The JSON pointer an input named {@code name} is written at when the script sends JSON. */
    public String jsonPointer(String name) {
        return jsonPointers.getOrDefault(name, "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    /** Whether a browser without JavaScript cannot send this form (the service takes only JSON). */
    public boolean scriptRequired() {
        return encoding == Encoding.JSON;
    }

    /**
     * The CSP origin of a URL: {@code 'self'} for a link inside the site, else
     * {@code scheme://host[:port]}; empty when the URL cannot be parsed.
     */
    public static Optional<String> originOf(String url) {
        if (url.startsWith("/") && !url.startsWith("//")) {
            return Optional.of("'self'");
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() >= 0 ? ":" + uri.getPort() : ""));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static void requireName(String name, Set<String> seen) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a field name is empty");
        }
        if (!seen.add(name)) {
            throw new IllegalArgumentException("two fields are both named '" + name + "'");
        }
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static Map<SignerField, String> fieldsOrEmpty(Map<SignerField, String> map) {
        return map.isEmpty() ? new EnumMap<>(SignerField.class) : map;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * Builds a {@link FormSpec}. Defaults: POST, urlencoded, JSON response, no honeypot, a
     * {@value #DEFAULT_MINIMUM_FILL_SECONDS}-second minimum fill time, and CSP origins taken from
     * the action URL.
     */
    public static final class Builder {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final String action;
        private String method = "post";
        private Encoding encoding = Encoding.URLENCODED;
        private ResponseHandling response = ResponseHandling.JSON;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final Map<String, String> hidden = new LinkedHashMap<>();
        private final Map<SignerField, String> fields = new EnumMap<>(SignerField.class);
        private final Map<SignerField, String> checked = new EnumMap<>(SignerField.class);
        private final Map<String, String> pointers = new LinkedHashMap<>();
        private String jsonBase = "{}";
        private Optional<String> honeypot = Optional.empty();
        private int minimumFillSeconds = DEFAULT_MINIMUM_FILL_SECONDS;
        private Optional<String> redirectField = Optional.empty();
        private final List<String> formActionOrigins = new ArrayList<>();
        private final List<String> connectOrigins = new ArrayList<>();
        private Optional<LiveCount> liveCount = Optional.empty();
        private Optional<String> fallbackUrl = Optional.empty();
        private final Map<String, String> query = new LinkedHashMap<>();
        private Optional<String> consentWording = Optional.empty();
        private boolean identifiesAction = true;
        private boolean subscribesEveryone;
        private final List<SignerField> needed = new ArrayList<>();
        private final Map<SignerField, String> formats = new EnumMap<>(SignerField.class);

        private Builder(String action) {
            this.action = Objects.requireNonNull(action, "action");
        }

        public Builder method(String value) {
            this.method = value;
            return this;
        }

        public Builder encoding(Encoding value) {
            this.encoding = value;
            return this;
        }

        public Builder response(ResponseHandling value) {
            this.response = value;
            return this;
        }

        /** An extra attribute on the {@code <form>} element. */
        public Builder attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        /** A hidden input, sent with every submission. */
        public Builder hidden(String name, String value) {
            hidden.put(name, value);
            return this;
        }

        /** Sends canonical {@code field} under {@code name}. */
        public Builder field(SignerField field, String name) {
            fields.put(field, name);
            return this;
        }

        /** Sends every field of {@code request} under its canonical name (consent included). */
        public Builder canonicalFields(FormRequest request) {
            request.fields().forEach(f -> fields.put(f.field(), f.field().key()));
            return this;
        }

        /** The value a ticked checkbox sends instead of {@code yes}. */
        public Builder checkedValue(SignerField checkbox, String value) {
            checked.put(checkbox, value);
            return this;
        }

        /** Where the input (or hidden field) named {@code name} goes in a JSON body. */
        public Builder jsonPointer(String name, String pointer) {
            pointers.put(name, pointer);
            return this;
        }

        /** The JSON object a JSON body starts from, as JSON text. */
        public Builder jsonBase(String json) {
            this.jsonBase = json;
            return this;
        }

        /**
         * The JSON object a JSON body starts from: texts, numbers, booleans, lists and maps, written
         * in their iteration order.
         */
        public Builder jsonBase(Map<String, ?> fields) {
            try {
                return jsonBase(JSON.writeValueAsString(fields));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the JSON base cannot be written as JSON: " + fields, e);
            }
        }

        public Builder honeypot(String name) {
            this.honeypot = Optional.of(name);
            return this;
        }

        public Builder minimumFillSeconds(int seconds) {
            this.minimumFillSeconds = seconds;
            return this;
        }

        /** Adds hidden field {@code name} carrying {@code url}, and records it as the redirect field. */
        public Builder redirect(String name, String url) {
            hidden.put(name, url);
            this.redirectField = Optional.of(name);
            return this;
        }

        /** Adds an origin the page's {@code form-action} directive must allow, beyond the action's. */
        public Builder formActionOrigin(String origin) {
            formActionOrigins.add(origin);
            return this;
        }

        /** Adds an origin the page's {@code connect-src} directive must allow, beyond the action's. */
        public Builder connectOrigin(String origin) {
            connectOrigins.add(origin);
            return this;
        }

        public Builder liveCount(LiveCount count) {
            this.liveCount = Optional.of(count);
            return this;
        }

        public Builder fallbackUrl(String url) {
            this.fallbackUrl = Optional.of(url);
            return this;
        }

        /** A hidden field {@code name} the script fills with the page address's query parameter {@code param}. */
        public Builder fromQuery(String name, String param) {
            hidden.putIfAbsent(name, "");
            query.put(name, param);
            return this;
        }

        /** A hidden field {@code name} that carries the consent box's wording as the signer saw it. */
        public Builder consentWording(String name) {
            this.consentWording = Optional.of(name);
            return this;
        }

        /** Whether each submission names its campaign and action to the service (default true). */
        public Builder identifiesAction(boolean value) {
            this.identifiesAction = value;
            return this;
        }

        /** The service requires {@code field}: the form asks for it, required, when the action does not. */
        public Builder needs(SignerField field) {
            if (!needed.contains(field)) {
                needed.add(field);
            }
            return this;
        }

        /** The script writes {@code field}'s value in {@code format} ({@code digits}) before sending it. */
        public Builder format(SignerField field, String format) {
            formats.put(field, format);
            return this;
        }

        /** The service adds every signer to the list, so no opt-in box is shown. */
        public Builder subscribesEveryone() {
            this.subscribesEveryone = true;
            return this;
        }

        /**
         * The description. The action's origin is added to both CSP lists, and the live count's to
         * {@code connect-src}.
         *
         * @throws IllegalArgumentException when the description is inconsistent (a reserved
         *         attribute, two fields of one name, a redirect field that is not hidden...)
         */
        public FormSpec build() {
            List<String> formAction = new ArrayList<>();
            originOf(action).ifPresent(formAction::add);
            formActionOrigins.stream().filter(o -> !formAction.contains(o)).forEach(formAction::add);
            List<String> connect = new ArrayList<>();
            originOf(action).ifPresent(connect::add);
            liveCount.flatMap(c -> originOf(c.url())).filter(o -> !connect.contains(o)).ifPresent(connect::add);
            connectOrigins.stream().filter(o -> !connect.contains(o)).forEach(connect::add);
            return new FormSpec(action, method, encoding, response, attributes, hidden, fields, checked, pointers,
                    jsonBase, honeypot, minimumFillSeconds, redirectField, formAction, connect, liveCount,
                    fallbackUrl, query, consentWording, identifiesAction, subscribesEveryone, needed, formats);
        }
    }
}
