package io.github.broadside.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Normalizer2;
import org.junit.jupiter.api.Test;

/** The canonical text a version hash covers is in NFC, whichever way it gets there. */
class ContentHashTest {
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    @Test
    void everyCharacterBelowTheFirstCombiningMarkIsAlreadyNfc() {
        // The shortcut in ContentHash.nfc rests on this: ICU leaves all of U+0000..U+02FF as it is.
        for (char c = 0; c < '\u0300'; c++) {
            assertThat(NFC.isNormalized(String.valueOf(c))).as("U+%04X", (int) c).isTrue();
            assertThat(NFC.isNormalized("e" + c)).as("e U+%04X", (int) c).isTrue();
        }
    }

    @Test
    void textWithCombiningMarksOrOtherScriptsIsNormalizedByIcu() {
        assertThat(ContentHash.nfc("Cafe\u0301 \u00e9")).isEqualTo("Caf\u00e9 \u00e9");
        assertThat(ContentHash.nfc("\u0627\u0653")).isEqualTo(NFC.normalize("\u0627\u0653"));
        assertThat(ContentHash.nfc("plain ascii, ñ and ü")).isEqualTo("plain ascii, ñ and ü");
    }
}
