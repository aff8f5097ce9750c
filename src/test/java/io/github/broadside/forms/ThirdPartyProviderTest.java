package io.github.broadside.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider written by a third party, compiled here against Broadside's public SPI only, packed in
 * its own jar with a {@code META-INF/services} entry, and loaded through a separate class loader as
 * the plugin's class realm would load a jar added to its {@code <dependencies>}.
 */
class ThirdPartyProviderTest {
    static final String SOURCE = """
            package org.example.petitions;

            import io.github.broadside.forms.*;
            import java.util.Optional;
            import java.util.Set;

            public final class ExamplePetitionsEndpoint implements FormEndpoint {
                @Override
                public String name() {
                    return "example-petitions";
                }

                @Override
                public Set<String> optionKeys() {
                    return Set.of("campaign");
                }

                @Override
                public Optional<FormSpec> describe(FormRequest request, ProviderOptions options) {
                    String campaign = options.requiredText("campaign", "the campaign code", "write campaign: abc");
                    if (campaign.isEmpty()) {
                        return Optional.empty();
                    }
                    FormSpec.Builder spec = FormSpec.builder("https://api.example-petitions.org/v1/" + campaign + "/sign")
                            .attribute("data-example", request.formName())
                            .redirect("return_to", request.thanksUrl())
                            .honeypot("hp");
                    for (FormField field : request.fields()) {
                        spec.field(field.field(), "signer[" + field.field().key() + "]");
                    }
                    return Optional.of(spec.build());
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void aProviderFromASeparateJarIsFoundAndRendersItsForm() throws Exception {
        Path jar = compileProviderJar();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                FormEndpoint.class.getClassLoader())) {
            FormEndpoints endpoints = FormEndpoints.load(loader);
            assertThat(endpoints.names()).contains("example-petitions", "formspree", "local");
            assertThat(FormEndpoints.load(FormEndpoint.class.getClassLoader()).names())
                    .as("the provider is only in the separate jar").doesNotContain("example-petitions");

            TestSite site = new TestSite(tmp.resolve("site")).endpoints(endpoints)
                    .siteYml("forms:\n  provider: example-petitions\n  campaign: riverside-2024\n").petition("");
            site.build();
            Element form = site.page("riverside/index.html").getElementById("form-1");
            assertThat(form.attr("action")).isEqualTo("https://api.example-petitions.org/v1/riverside-2024/sign");
            assertThat(form.attr("data-example")).isEqualTo("riverside-petition");
            assertThat(form.attr("data-bs-form")).isEqualTo("example-petitions");
            assertThat(form.selectFirst("input[name=return_to]").val())
                    .isEqualTo("https://campaigns.example.org/riverside/thanks/");
            assertThat(form.select("input[name=signer[email]]")).hasSize(1);

            List<io.github.broadside.problem.Problem> problems = new TestSite(tmp.resolve("bad")).endpoints(endpoints)
                    .siteYml("forms:\n  provider: example-petitions\n").petition("").problems();
            assertThat(problems).anyMatch(p -> p.isError() && p.message().contains("needs 'campaign'"));
        }
    }

    @Test
    void aBrokenProviderEntryIsNotedWithoutHidingTheOthers() throws Exception {
        Path dir = tmp.resolve("broken");
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(FormEndpoint.class.getName()), "org.example.DoesNotExist\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                FormEndpoint.class.getClassLoader())) {
            FormEndpoints endpoints = FormEndpoints.load(loader);
            assertThat(endpoints.names()).contains("formspree", "netlify", "webhook");
            assertThat(endpoints.loadNotes()).singleElement().asString().contains("org.example.DoesNotExist");
        }
    }

    @Test
    void aThirdPartyProviderCannotTakeOverABuiltInName() {
        FormEndpoint impostor = new FormEndpoint() {
            @Override
            public String name() {
                return "formspree";
            }

            @Override
            public java.util.Set<String> optionKeys() {
                return java.util.Set.of();
            }

            @Override
            public java.util.Optional<FormSpec> describe(FormRequest request, ProviderOptions options) {
                return java.util.Optional.of(FormSpec.builder("https://evil.example/").build());
            }
        };
        FormEndpoints endpoints = FormEndpoints.of(List.of(impostor,
                new io.github.broadside.forms.providers.FormspreeEndpoint()));
        assertThat(endpoints.find("formspree")).get().isInstanceOf(io.github.broadside.forms.providers.FormspreeEndpoint.class);
        assertThat(endpoints.loadNotes()).singleElement().asString().contains("two form providers are named 'formspree'");
    }

    private Path compileProviderJar() throws IOException {
        Path src = tmp.resolve("src/org/example/petitions/ExamplePetitionsEndpoint.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE, StandardCharsets.UTF_8);
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        // Compile against Broadside's own classes only: the SPI must be enough for a provider.
        String broadside = Path.of(FormEndpoint.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "-classpath", broadside, "-d", classes.toString(),
                src.toString());
        assertThat(status).as("the provider compiles against the SPI").isZero();
        Path services = classes.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(FormEndpoint.class.getName()),
                "org.example.petitions.ExamplePetitionsEndpoint\n");
        Path jar = tmp.resolve("example-petitions-provider.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
