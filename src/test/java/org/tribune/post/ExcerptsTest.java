package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

    @Test
    void shortTextIsKeptWholeAndHasNothingMoreToRead() {
        Excerpts.Excerpt excerpt = Excerpts.derive("<p>Une phrase courte.</p>");
        assertThat(excerpt.text()).isEqualTo("Une phrase courte.");
        assertThat(excerpt.truncated()).isFalse();
    }

    @Test
    void longTextKeepsWholeSentencesThatFitAndSaysThereIsMore() {
        String sentence = "Cette phrase compte un peu plus de cinquante caractères. ";
        Excerpts.Excerpt excerpt = Excerpts.derive("<p>" + sentence.repeat(10) + "</p>");
        assertThat(excerpt.text()).endsWith("caractères.").hasSizeLessThanOrEqualTo(Excerpts.TARGET);
        assertThat(excerpt.text().length()).isGreaterThan(Excerpts.TARGET - sentence.length() - 1);
        assertThat(excerpt.truncated()).isTrue();
    }

    @Test
    void aSingleHugeSentenceIsCutAtAWordWithAnEllipsis() {
        assertThat(Excerpts.derive("mot, ".repeat(200)).text())
                .endsWith("mot…")
                .hasSizeLessThanOrEqualTo(Excerpts.TARGET);
    }

    @Test
    void headingsCaptionsAndTableCellsStayOutAndBlocksNeverRunTogether() {
        Excerpts.Excerpt excerpt = Excerpts.derive("<h2>Un titre</h2><p>Le Conseil a voté</p>"
                + "<figure><img src=\"/a.jpg\" alt=\"\"><figcaption>Une légende</figcaption></figure>"
                + "<table><tr><td>Une cellule</td></tr></table><ul><li>Premier point</li><li>Second point.</li></ul>");
        assertThat(excerpt.text()).isEqualTo("Le Conseil a voté. Premier point. Second point.");
        assertThat(excerpt.truncated())
                .as("the heading, the photo and the table are left to read")
                .isTrue();
    }

    @Test
    void aGivenExcerptIsTruncatedUnlessItSaysAllThePostSays() {
        assertThat(Excerpts.given("Tout est là.", "<p>Tout est <em>là</em>.</p>")
                        .truncated())
                .isFalse();
        assertThat(Excerpts.given("Le début.", "<p>Le début.</p><p>La suite.</p>")
                        .truncated())
                .isTrue();
        assertThat(Excerpts.given("Une photo.", "<p>Une photo.</p><p><img src=\"/b.png\" alt=\"\"></p>")
                        .truncated())
                .isTrue();
    }
}
