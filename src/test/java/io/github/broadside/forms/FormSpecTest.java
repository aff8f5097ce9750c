package io.github.broadside.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A provider cannot describe a form that would break the page's rules (inline script, clashing names). */
class FormSpecTest {
    @Test
    void eventHandlerStyleAndThemeOwnedAttributesAreRefused() {
        for (String name : new String[] {"onsubmit", "ONCLICK", "style", "action", "id", "class", "data-bs-form",
                "bad name"}) {
            assertThatThrownBy(() -> FormSpec.builder("https://x.example/").attribute(name, "v").build())
                    .as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(FormSpec.builder("https://x.example/").attribute("data-netlify", "true").build().attributes())
                .containsEntry("data-netlify", "true");
    }

    @Test
    void twoFieldsOfOneNameAreRefused() {
        assertThatThrownBy(() -> FormSpec.builder("https://x.example/").field(SignerField.EMAIL, "email")
                .hidden("email", "x").build()).hasMessageContaining("'email'");
        assertThatThrownBy(() -> FormSpec.builder("https://x.example/").field(SignerField.EMAIL, "hp")
                .honeypot("hp").build()).hasMessageContaining("'hp'");
    }

    @Test
    void aJsonPointerMustBeOneAndTheBaseAnObject() {
        assertThatThrownBy(() -> FormSpec.builder("https://x.example/").jsonPointer("email", "person.email").build())
                .hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> FormSpec.builder("https://x.example/").jsonBase("[1]").build())
                .hasMessageContaining("JSON object");
    }

    @Test
    void cspOriginsComeFromTheActionAndTheCount() {
        FormSpec spec = FormSpec.builder("https://formspree.io/f/abc").liveCount(new LiveCount("/count", "/n")).build();
        assertThat(spec.formActionOrigins()).containsExactly("https://formspree.io");
        assertThat(spec.connectOrigins()).containsExactly("https://formspree.io", "'self'");
        assertThat(FormSpec.originOf("http://127.0.0.1:8081/hook")).hasValue("http://127.0.0.1:8081");
        assertThat(FormSpec.originOf("/_broadside/submit/x")).hasValue("'self'");
        assertThat(FormSpec.originOf("//evil.example/x")).isEmpty();
    }

    @Test
    void theDefaultJsonPointerEscapesTheName() {
        FormSpec spec = FormSpec.builder("https://x.example/").build();
        assertThat(spec.jsonPointer("a/b~c")).isEqualTo("/a~1b~0c");
    }

    @Test
    void onlyHttpsOrLinksInsideTheSiteAreSafeTargets() {
        assertThat(FormPlan.isSafeTarget("https://formspree.io/f/x")).isTrue();
        assertThat(FormPlan.isSafeTarget("/_broadside/submit/x")).isTrue();
        assertThat(FormPlan.isSafeTarget("http://localhost:8080/x")).isTrue();
        assertThat(FormPlan.isSafeTarget("http://hooks.example.org/x")).isFalse();
        assertThat(FormPlan.isSafeTarget("javascript:alert(1)")).isFalse();
        assertThat(FormPlan.isSafeTarget("//hooks.example.org/x")).isFalse();
    }
}
