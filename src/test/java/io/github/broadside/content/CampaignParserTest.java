package io.github.broadside.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.config.Link;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CampaignParserTest {
    private final Problems problems = new Problems();
    private final CampaignParser parser = new CampaignParser("en");

    private Optional<Campaign> parse(String sourcePath, String text) {
        return parser.parse("content/en/" + sourcePath, "en", sourcePath, text, problems);
    }

    private Campaign valid(String sourcePath, String text) {
        Optional<Campaign> campaign = parse(sourcePath, text);
        assertThat(problems.sorted()).as("problems").isEmpty();
        assertThat(campaign).isPresent();
        return campaign.get();
    }

    private List<Problem> errors() {
        return problems.sorted().stream().filter(Problem::isError).toList();
    }

    private Problem onlyError(String sourcePath, String text) {
        assertThat(parse(sourcePath, text)).isEmpty();
        assertThat(errors()).as("errors").hasSize(1);
        return errors().get(0);
    }

    private static final String EVERY_KEY = """
            ---
            title: "Close Riverside: Sign Today"
            slug: close-riverside
            kind: campaign
            date: 2024-03-01
            status: won
            summary: "Tell the county to end its contract."
            organization: "Example Coalition"
            image: "/images/vigil.jpg"
            imageAlt: "People holding candles"
            tags: [detention, families]
            categories: ["Petitions", "Detention"]
            draft: true
            hashtags: ["#CloseRiverside", "Families_Together"]
            handles: ["@CountyGov", "Mayor"]
            quickExit: true
            aliases: [old-riverside]
            translationKey: riverside
            translationOf: {source: en/close-riverside.md, hash: 0123456789ab}
            actions:
              - type: petition
                label: "Sign the petition"
                intro: "Add your **name**."
                goal: 5000
                count: 1200
                cta: "Sign now"
                optIn: true
                form:
                  provider: local
                signatories:
                  - name: "Jane Doe"
                targets:
                  - name: "County Board"
                    role: "County government"
                    handle: "CountyGov"
              - type: call
                label: "Call the board"
                targets:
                  - name: "Board office"
                    phone: "555-0100"
                script: |
                  Hello, I am calling about the contract.
                findRepresentativeUrl: "https://example.org/find"
            updates:
              - date: 2024-03-15
                text: "Over **1,000** signed."
              - date: 2024-04-01
                text: "We won."
            quote:
              text: "No family should be locked up."
              author: "A. Example"
              role: "Director"
              source: "Press conference"
            donate:
              url: "https://example.org/donate"
              label: "Donate"
              partner: "Legal Defense Fund"
            links:
              - label: "Read the report"
                url: "https://example.org/report"
              - label: "Write to us"
                url: "mailto:team@example.org"
            ---
            The body.
            """;

    @Test
    void readsEveryKeyOfTheSchema() {
        Campaign c = valid("2024/riverside.md", EVERY_KEY);
        assertThat(c.file()).isEqualTo("content/en/2024/riverside.md");
        assertThat(c.sourcePath()).isEqualTo("2024/riverside.md");
        assertThat(c.language()).isEqualTo("en");
        assertThat(c.title()).isEqualTo("Close Riverside: Sign Today");
        assertThat(c.slug()).isEqualTo("close-riverside");
        assertThat(c.path()).isEqualTo("/close-riverside/");
        assertThat(c.kind()).isEqualTo(PageKind.CAMPAIGN);
        assertThat(c.date()).contains(LocalDate.of(2024, 3, 1));
        assertThat(c.isoDate()).isEqualTo("2024-03-01");
        assertThat(c.status()).isEqualTo(Status.WON);
        assertThat(c.summary()).isEqualTo("Tell the county to end its contract.");
        assertThat(c.organization()).isEqualTo("Example Coalition");
        assertThat(c.image().map(Image::src)).contains("/images/vigil.jpg");
        assertThat(c.image().map(Image::alt)).contains("People holding candles");
        assertThat(c.tags()).containsExactly("detention", "families");
        assertThat(c.categories()).containsExactly("Petitions", "Detention");
        assertThat(c.draft()).isTrue();
        assertThat(c.hashtags()).containsExactly("#CloseRiverside", "#Families_Together");
        assertThat(c.handles()).containsExactly("@CountyGov", "@Mayor");
        assertThat(c.quickExit()).isTrue();

        assertThat(c.actions()).hasSize(2);
        Action petition = c.actions().get(0);
        assertThat(petition.type()).isEqualTo(ActionType.PETITION);
        assertThat(petition.label()).isEqualTo("Sign the petition");
        assertThat(petition.intro()).isEqualTo("Add your **name**.");
        assertThat(petition.goalValue()).isEqualTo(5000);
        assertThat(petition.countValue()).isEqualTo(1200);
        assertThat(petition.percent()).isEqualTo(24);
        assertThat(petition.cta()).isEqualTo("Sign now");
        assertThat(petition.targets()).containsExactly(new Target("County Board", "County government", "", "@CountyGov"));
        Action call = c.actions().get(1);
        assertThat(call.type()).isEqualTo(ActionType.CALL);
        assertThat(call.targets()).containsExactly(new Target("Board office", "", "555-0100", ""));
        assertThat(call.targets().get(0).telUri()).isEqualTo("tel:5550100");
        assertThat(call.script()).isEqualTo("Hello, I am calling about the contract.");
        assertThat(call.findRepresentativeUrl()).isEqualTo("https://example.org/find");
        assertThat(c.mainAction()).contains(petition);
        assertThat(c.allTargets()).hasSize(2);

        // Updates come newest first, whatever order they were written in.
        assertThat(c.updates()).containsExactly(new Update(LocalDate.of(2024, 4, 1), "We won."),
                new Update(LocalDate.of(2024, 3, 15), "Over **1,000** signed."));
        assertThat(c.quote()).contains(new Quote("No family should be locked up.", "A. Example", "Director",
                "Press conference"));
        assertThat(c.donate()).contains(new Donate("https://example.org/donate", "Donate", "Legal Defense Fund"));
        assertThat(c.links()).containsExactly(new Link("Read the report", "https://example.org/report"),
                new Link("Write to us", "mailto:team@example.org"));
        assertThat(c.body()).isEqualTo("The body.\n");
        assertThat(c.bodyLine()).isEqualTo(64);
    }

    @Test
    void everyKeyOfTheSchemaIsInTheExample() {
        // Guards the test above: a key added to the schema must be added to the example too.
        assertThat(EVERY_KEY).contains(CampaignParser.KEYS.stream().filter(k -> !k.equals("action"))
                .map(k -> "\n" + k + ":").toList());
        assertThat(EVERY_KEY).contains(CampaignParser.ACTION_KEYS.stream().map(k -> " " + k + ":").toList());
    }

    @Test
    void oneActionBlock() {
        Campaign c = valid("a.md", "---\ntitle: A\ndate: 2024-01-01\naction:\n  type: statement\n  cta: Join\n---\n");
        assertThat(c.actions()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(ActionType.STATEMENT);
            assertThat(a.cta()).isEqualTo("Join");
            assertThat(a.hasGoal()).isFalse();
            assertThat(a.percent()).isZero();
        });
    }

    @Test
    void defaults() {
        Campaign c = valid("Stop the Raids!.md", "---\ntitle: Stop\ndate: 2024-01-01\n---\nText");
        assertThat(c.slug()).isEqualTo("stop-the-raids");
        assertThat(c.path()).isEqualTo("/stop-the-raids/");
        assertThat(c.kind()).isEqualTo(PageKind.CAMPAIGN);
        assertThat(c.status()).isEqualTo(Status.ACTIVE);
        assertThat(c.draft()).isFalse();
        assertThat(c.quickExit()).isFalse();
        assertThat(c.summary()).isEmpty();
        assertThat(c.organization()).isEmpty();
        assertThat(c.image()).isEmpty();
        assertThat(c.tags()).isEmpty();
        assertThat(c.categories()).isEmpty();
        assertThat(c.actions()).isEmpty();
        assertThat(c.mainAction()).isEmpty();
        assertThat(c.updates()).isEmpty();
        assertThat(c.quote()).isEmpty();
        assertThat(c.donate()).isEmpty();
        assertThat(c.links()).isEmpty();
        assertThat(c.hashtags()).isEmpty();
        assertThat(c.handles()).isEmpty();
    }

    @Test
    void slugDefaultsToTheFileNameEvenInASubfolder() {
        assertThat(valid("2019/Año Nuevo.md", "---\ntitle: A\ndate: 2024-01-01\n---\n").slug()).isEqualTo("ano-nuevo");
    }

    @Test
    void otherLanguagesLiveUnderTheirFolder() {
        Optional<Campaign> c = parser.parse("content/es/alto.md", "es", "alto.md",
                "---\ntitle: Alto\ndate: 2024-01-01\n---\n", problems);
        assertThat(c.map(Campaign::path)).contains("/es/alto/");
    }

    @Test
    void plainPagesNeedNoDate() {
        Campaign c = valid("privacy.md", "---\ntitle: Privacy\nkind: page\n---\nText");
        assertThat(c.kind()).isEqualTo(PageKind.PAGE);
        assertThat(c.isCampaign()).isFalse();
        assertThat(c.date()).isEmpty();
        assertThat(c.isoDate()).isEmpty();
    }

    @Test
    void campaignsNeedATitleAndADate() {
        assertThat(parse("a.md", "---\nsummary: x\n---\n")).isEmpty();
        assertThat(errors()).extracting(Problem::message).containsExactly(
                "'date' is missing: every campaign needs the date it was published",
                "'title' is missing: every page needs a title");
        assertThat(errors()).allMatch(p -> p.location().equals("content/en/a.md:2:1"));
    }

    @Test
    void everyProblemOfAFileIsReportedNotOnlyTheFirst() {
        assertThat(parse("a.md", "---\ntitle: A\ndate: 2024-13-01\nstatus: paused\naction:\n  type: march\n---\n"))
                .isEmpty();
        assertThat(errors()).extracting(Problem::line).containsExactly(3, 4, 6);
    }

    @Test
    void unknownStatus() {
        Problem problem = onlyError("a.md", "---\ntitle: A\ndate: 2024-01-01\nstatus: paused\n---\n");
        assertThat(problem.location()).isEqualTo("content/en/a.md:4:9");
        assertThat(problem.message()).isEqualTo("unknown status 'paused'");
        assertThat(problem.hint()).isEqualTo("use one of: active, closed, won");
    }

    @Test
    void statusIsCaseInsensitive() {
        assertThat(valid("a.md", "---\ntitle: A\ndate: 2024-01-01\nstatus: Closed\n---\n").status())
                .isEqualTo(Status.CLOSED);
    }

    @Test
    void unknownActionType() {
        Problem problem = onlyError("a.md", "---\ntitle: A\ndate: 2024-01-01\naction:\n  type: march\n---\n");
        assertThat(problem.location()).isEqualTo("content/en/a.md:5:9");
        assertThat(problem.message()).isEqualTo("unknown action type 'march'");
        assertThat(problem.hint()).contains("petition, letter, call, statement");
    }

    @Test
    void actionWithoutType() {
        Problem problem = onlyError("a.md", "---\ntitle: A\ndate: 2024-01-01\naction:\n  cta: Sign\n---\n");
        assertThat(problem.message()).startsWith("'type' is missing");
    }

    @Test
    void actionAndActionsTogether() {
        Problem problem = onlyError("a.md", "---\ntitle: A\ndate: 2024-01-01\naction:\n  type: call\n"
                + "actions:\n  - type: petition\n---\n");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.message()).contains("both 'action' and 'actions'");
    }

    @Test
    void goalMustBeAPositiveWholeNumber() {
        Problem zero = onlyError("a.md", "---\ntitle: A\ndate: 2024-01-01\naction:\n  type: petition\n  goal: 0\n---\n");
        assertThat(zero.location()).isEqualTo("content/en/a.md:6:3");
        problems.sorted();
        Problems other = new Problems();
        parser.parse("content/en/b.md", "en", "b.md",
                "---\ntitle: A\ndate: 2024-01-01\naction:\n  type: petition\n  goal: 10,000\n---\n", other);
        assertThat(other.sorted()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("content/en/b.md:6:9");
            assertThat(p.hint()).contains("goal: 10000");
        });
    }

    @Test
    void wrongTypeIsReportedAtTheValue() {
        Problem problem = onlyError("a.md", "---\ntitle: A\ndate: 2024-01-01\ntags:\n  detention: yes\n---\n");
        assertThat(problem.location()).isEqualTo("content/en/a.md:5:3");
        assertThat(problem.message()).isEqualTo("'tags' must be a list of texts, not a block");
    }

    @Test
    void invalidDate() {
        Problem problem = onlyError("a.md", "---\ntitle: A\ndate: 2024-02-30\n---\n");
        assertThat(problem.location()).isEqualTo("content/en/a.md:3:7");
        assertThat(problem.message()).contains("not a real date");
    }

    @Test
    void imageNeedsAltText() {
        Problem problem = onlyError("a.md", "---\ntitle: A\ndate: 2024-01-01\nimage: /a.jpg\n---\n");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("imageAlt");
    }

    @Test
    void altWithoutImageIsAWarning() {
        assertThat(parse("a.md", "---\ntitle: A\ndate: 2024-01-01\nimageAlt: x\n---\n")).isPresent();
        assertThat(problems.sorted()).singleElement().satisfies(p -> assertThat(p.isError()).isFalse());
    }

    @Test
    void unknownKeyIsAWarningAndTheCampaignStillBuilds() {
        Optional<Campaign> c = parse("a.md", "---\ntitle: A\ndate: 2024-01-01\nquickexit: true\n---\n");
        assertThat(c).isPresent();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.location()).isEqualTo("content/en/a.md:4:1");
            assertThat(p.hint()).isEqualTo("did you mean 'quickExit'?");
        });
    }

    @Test
    void unknownKeysInNestedBlocksAreWarnings() {
        parse("a.md", "---\ntitle: A\ndate: 2024-01-01\naction:\n  type: call\n  goals: 5\n  targets:\n"
                + "    - name: X\n      phnoe: 1\n---\n");
        assertThat(problems.sorted()).extracting(Problem::hint)
                .containsExactly("did you mean 'goal'?", "did you mean 'phone'?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "1-800-FLOWERS", "call us", "12", "202-224-3121<script>"})
    void phoneNumbersMustBeDialable(String phone) {
        Problem problem = onlyError("a.md", "---\ntitle: A\ndate: 2024-01-01\naction:\n  type: call\n  targets:\n"
                + "    - name: X\n      phone: \"" + phone + "\"\n---\n");
        assertThat(problem.location()).isEqualTo("content/en/a.md:8:7");
        assertThat(problem.message()).contains("is not a phone number");
    }

    @Test
    void phoneNumbersInTheirUsualForms() {
        Campaign c = valid("a.md", "---\ntitle: A\ndate: 2024-01-01\naction:\n  type: call\n  targets:\n"
                + "    - name: X\n      phone: \"+1 (202) 224-3121\"\n    - name: Y\n      phone: 202.456.1111\n---\n");
        assertThat(c.allTargets()).extracting(Target::telUri).containsExactly("tel:+12022243121", "tel:2024561111");
    }

    @Test
    void invalidHashtagIsAnError() {
        Problem problem = onlyError("a.md", "---\ntitle: A\ndate: 2024-01-01\nhashtags: [\"#ok\", \"#not ok\"]\n---\n");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("'#not ok'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "../etc", "..", "a\\\\b", "Upper", "two--hyphens", "-lead", "with space"})
    void unsafeSlugIsAnError(String slug) {
        Problem problem = onlyError("a.md", "---\ntitle: A\ndate: 2024-01-01\nslug: \"" + slug + "\"\n---\n");
        assertThat(problem.location()).isEqualTo("content/en/a.md:4:1");
        assertThat(problem.message()).contains("slug");
        assertThat(problem.hint()).contains("one URL segment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox", "//evil.example/x", "java\\tscript:alert(1)", "https:no-host", "/a\\\\b"})
    void unsafeAddressesInFrontMatterAreErrors(String url) {
        String quoted = "\"" + url + "\"";
        parse("a.md", "---\ntitle: A\ndate: 2024-01-01\n"
                + "image: " + quoted + "\nimageAlt: x\n"
                + "action:\n  type: call\n  findRepresentativeUrl: " + quoted + "\n"
                + "donate:\n  url: " + quoted + "\n"
                + "links:\n  - label: L\n    url: " + quoted + "\n"
                + "---\n");
        assertThat(errors()).extracting(Problem::line).containsExactly(4, 8, 10, 13);
        assertThat(errors()).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("content/en/a.md");
            assertThat(p.column()).isGreaterThan(1);
            assertThat(p.hint()).contains("https://").contains("/privacy/");
        });
    }

    @Test
    void safeAddressesAreKept() {
        Campaign c = valid("a.md", "---\ntitle: A\ndate: 2024-01-01\nimage: images/a.jpg\nimageAlt: x\n"
                + "action:\n  type: call\n  findRepresentativeUrl: \"/find/\"\n"
                + "donate:\n  url: \"tel:+1-202-555-0100\"\n"
                + "links:\n  - label: L\n    url: \"HTTPS://Example.org/a?b=c#d\"\n---\n");
        // Written relative to the page /a/: kept as written, published at the page's address.
        assertThat(c.image().map(Image::written)).contains("images/a.jpg");
        assertThat(c.image().map(Image::src)).contains("/a/images/a.jpg");
        assertThat(c.donate().map(Donate::url)).contains("tel:+1-202-555-0100");
        assertThat(c.links().get(0).url()).isEqualTo("HTTPS://Example.org/a?b=c#d");
    }

    @Test
    void mailAndPhoneAreNotImages() {
        Problem problem = onlyError("a.md", "---\ntitle: A\ndate: 2024-01-01\nimage: \"mailto:a@b.c\"\nimageAlt: x\n---\n");
        assertThat(problem.message()).contains("'mailto:'");
    }

    @Test
    void missingFrontMatterIsAProblemNotAnException() {
        assertThat(parse("a.md", "Just text")).isEmpty();
        assertThat(errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("no front matter"));
    }
}
