package io.github.broadside.forms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShareLinksTest {
    @Test
    void valuesAreEncodedWithPercentTwentyForSpacesSoMailClientsShowThem() {
        assertThat(ShareLinks.encode("Ça & co + más")).isEqualTo("%C3%87a%20%26%20co%20%2B%20m%C3%A1s");
    }
}
