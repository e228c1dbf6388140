package org.tribune.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

    @Test
    void shortTextIsKeptWhole() {
        assertThat(Excerpts.derive("Une phrase courte.")).isEqualTo("Une phrase courte.");
    }

    @Test
    void longTextKeepsWholeSentencesThatFit() {
        String sentence = "Cette phrase compte un peu plus de cinquante caractères. ";
        String excerpt = Excerpts.derive(sentence.repeat(10));
        assertThat(excerpt).endsWith("caractères.").hasSizeLessThanOrEqualTo(Excerpts.TARGET);
        assertThat(excerpt.length()).isGreaterThan(Excerpts.TARGET - sentence.length() - 1);
    }

    @Test
    void aSingleHugeSentenceIsCutAtAWordWithAnEllipsis() {
        String excerpt = Excerpts.derive("mot, ".repeat(200));
        assertThat(excerpt).endsWith("mot…").hasSizeLessThanOrEqualTo(Excerpts.TARGET);
    }
}
