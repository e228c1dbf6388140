package org.tribune.fulltext;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Lucene's passages as {@link Snippets} marks them: plain text, matches between the two markers. */
final class MarkingFormatter extends PassageFormatter {

    static final String GAP = " … ";

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder out = new StringBuilder();
        int lastEnd = 0;
        for (Passage passage : passages) {
            out.append(passage.getStartOffset() > lastEnd || passage.getStartOffset() > 0 && lastEnd == 0 ? GAP : "");
            int pos = passage.getStartOffset();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = passage.getMatchStarts()[i];
                int end = passage.getMatchEnds()[i];
                if (start < pos) {
                    continue;
                }
                out.append(content, pos, start).append(Snippets.START);
                out.append(content, start, end).append(Snippets.END);
                pos = end;
            }
            out.append(content, pos, passage.getEndOffset());
            lastEnd = passage.getEndOffset();
        }
        if (lastEnd < content.length()) {
            out.append(GAP);
        }
        return out.toString().strip();
    }

    /** The start of a text, cut at a word boundary, for a hit whose match was in no passage (its title). */
    static String shortened(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max).strip() + " …";
    }
}
