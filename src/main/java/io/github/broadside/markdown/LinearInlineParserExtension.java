package io.github.broadside.markdown;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser without its one quadratic step, so that parse time grows with the
 * paragraph's length, not with its length times its links.
 *
 * <p>flexmark 0.64's {@code LightInlineParserImpl.match} calls {@link Matcher#toMatchResult()} after
 * every match, only to read the match's start and end; the JDK's {@code toMatchResult} copies the
 * whole input into a new {@code String} each time. The inline parser matches several patterns per
 * link (spaces around the destination, the destination, the title), and its input is the whole
 * paragraph, so one paragraph of 10,000 links ({@code [a](b) } repeated, 70 KB) copied about
 * 2 GB and took 15 to 20 seconds, 2.4 MB past twelve minutes. The methods below do the same
 * matching and read the bounds from the matcher itself; everything else is flexmark's.
 */
final class LinearInlineParserExtension implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {
        // none
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.customInlineParserFactory(LinearInlineParser::new);
    }

    /** {@link InlineParserImpl} with {@code match} and {@code matchWithGroups} copying nothing. */
    static final class LinearInlineParser extends InlineParserImpl {
        LinearInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                Map<Character, DelimiterProcessor> delimiters, LinkRefProcessorData linkRefProcessors,
                List<InlineParserExtensionFactory> extensions) {
            super(options, specialCharacters, delimiterCharacters, delimiters, linkRefProcessors, extensions);
        }

        @Override
        public BasedSequence match(Pattern re) {
            Matcher matcher = find(re);
            return matcher == null ? null : input.subSequence(matcher.start(), matcher.end());
        }

        @Override
        public BasedSequence[] matchWithGroups(Pattern re) {
            Matcher matcher = find(re);
            if (matcher == null) {
                return null;
            }
            BasedSequence[] groups = new BasedSequence[matcher.groupCount() + 1];
            for (int i = 0; i < groups.length; i++) {
                // start(i) is -1 for a group that took no part; group(i) would build a String to say so
                groups[i] = matcher.start(i) < 0 ? null : input.subSequence(matcher.start(i), matcher.end(i));
            }
            return groups;
        }

        /** As flexmark's {@code match}: find {@code re} from the current index on and move past it. */
        private Matcher find(Pattern re) {
            if (index >= input.length()) {
                return null;
            }
            Matcher matcher = re.matcher(input);
            matcher.region(index, input.length());
            if (!matcher.find()) {
                return null;
            }
            index = matcher.end();
            return matcher;
        }
    }
}
